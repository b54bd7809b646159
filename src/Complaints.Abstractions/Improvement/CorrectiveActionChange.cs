namespace Complaints.Improvement;

/// <summary>
/// Everything one save of an action writes, decided by the workflow and written by the store atomically: the action as
/// it now is and the journal entries that made it so. A store only persists it (see <see cref="ICorrectiveActionStore.SaveAsync"/>).
/// </summary>
/// <remarks>
/// The constructor refuses a change that would corrupt a journal, so every store gets the same checks before it writes
/// anything: the entries must continue the journal from <see cref="ExpectedVersion"/> without a gap, all be the
/// action's, and end at the action's version.
/// </remarks>
public sealed class CorrectiveActionChange
{
    /// <summary>Makes the change of one save.</summary>
    /// <param name="action">The action after the change; its <see cref="CorrectiveAction.Version"/> is the last new entry's sequence.</param>
    /// <param name="entries">The entries the change appends, in order, numbered from <paramref name="expectedVersion"/> + 1; at least one.</param>
    /// <param name="expectedVersion">The stored version the change is based on: 0 for a new action.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> or <paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ArgumentException">The entries do not continue the journal (none, another action's, a gap), or the action's version is not the last entry's sequence; the message names which.</exception>
    public CorrectiveActionChange(CorrectiveAction action, IReadOnlyList<CorrectiveActionJournalEntry> entries, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (entries.Count == 0)
        {
            throw new ArgumentException("A save must append at least one journal entry: every change is on record.", nameof(entries));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry || entry.ActionId != action.Id || entry.Sequence != expectedVersion + i + 1)
            {
                throw new ArgumentException(
                    $"Journal entry {i} of the save has sequence {entries[i]?.Sequence} for action {entries[i]?.ActionId}; expected {expectedVersion + i + 1} for action {action.Id}.",
                    nameof(entries));
            }
        }

        if (action.Version != expectedVersion + entries.Count)
        {
            throw new ArgumentException(
                $"The action's version {action.Version} must equal its last journal entry's sequence {expectedVersion + entries.Count}.", nameof(action));
        }

        Action = action;
        Entries = entries;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The action after the change.</summary>
    public CorrectiveAction Action { get; }

    /// <summary>The entries to append to the action's journal, in order.</summary>
    public IReadOnlyList<CorrectiveActionJournalEntry> Entries { get; }

    /// <summary>The stored version the change is based on (0 for a new action): the store writes nothing if the stored version differs.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Whether the change creates the action (<see cref="ExpectedVersion"/> is 0).</summary>
    public bool IsNew => ExpectedVersion == 0;

    /// <summary>When the action's next alarm falls due (<see cref="CorrectiveActionAlarms.NextAt"/>); a store keeps it as an indexed column for <see cref="ICorrectiveActionStore.ReadDueAlarmsAsync"/>.</summary>
    public DateTimeOffset? NextAlarmAt => CorrectiveActionAlarms.NextAt(Action);
}
