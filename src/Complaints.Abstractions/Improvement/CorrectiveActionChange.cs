using Complaints.Notifications;

namespace Complaints.Improvement;

/// <summary>
/// Everything one save of an action writes, decided by the workflow and written by the store atomically: the action as
/// it now is, the journal entries that made it so and the notifications they cause (for a store that is also an
/// <see cref="IOutboxStore"/>). A store only persists it (see <see cref="ICorrectiveActionStore.SaveAsync"/>).
/// </summary>
/// <remarks>
/// The constructor refuses a change that would corrupt a journal, so every store gets the same checks before it writes
/// anything: the entries must continue the journal from <see cref="ExpectedVersion"/> without a gap, all be the
/// action's, and end at the action's version; the notifications must be the action's and come from the new entries.
/// </remarks>
public sealed class CorrectiveActionChange
{
    /// <summary>Makes the change of one save.</summary>
    /// <param name="action">The action after the change; its <see cref="CorrectiveAction.Version"/> is the last new entry's sequence.</param>
    /// <param name="entries">The entries the change appends, in order, numbered from <paramref name="expectedVersion"/> + 1; at least one.</param>
    /// <param name="expectedVersion">The stored version the change is based on: 0 for a new action.</param>
    /// <param name="notifications">The notifications the entries cause, in order, for the outbox; none if <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> or <paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// The entries do not continue the journal (none, another action's, a gap), the action's version is not the last
    /// entry's sequence, or a notification is not about this action, not from one of the new entries, or repeats an id;
    /// the message names which.
    /// </exception>
    public CorrectiveActionChange(CorrectiveAction action, IReadOnlyList<CorrectiveActionJournalEntry> entries, long expectedVersion, IReadOnlyList<Notification>? notifications = null)
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

        notifications ??= [];
        NotificationsFollow(action, notifications, expectedVersion);
        Action = action;
        Entries = entries;
        ExpectedVersion = expectedVersion;
        Notifications = notifications;
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

    /// <summary>The notifications the entries cause, for the outbox, in order (their position is their index); empty when they cause none.</summary>
    public IReadOnlyList<Notification> Notifications { get; }

    private static void NotificationsFollow(CorrectiveAction action, IReadOnlyList<Notification> notifications, long expectedVersion)
    {
        for (var i = 0; i < notifications.Count; i++)
        {
            if (notifications[i] is not { } n)
            {
                throw new ArgumentException($"Notification {i} of the save is null.", nameof(notifications));
            }

            if (n.CorrectiveActionId != action.Id || n.ComplaintId is not null || n.Sequence <= expectedVersion || n.Sequence > action.Version)
            {
                throw new ArgumentException(
                    $"Notification {i} of the save ({n.Id}) is for entry {n.Sequence} of {(n.CorrectiveActionId is { } other ? "corrective action " + other : "case " + n.ComplaintId)}; expected an entry from {expectedVersion + 1} to {action.Version} of corrective action {action.Id}.",
                    nameof(notifications));
            }

            for (var j = 0; j < i; j++)
            {
                if (notifications[j].Id == n.Id)
                {
                    throw new ArgumentException($"Notifications {j} and {i} of the save have the same id {n.Id}.", nameof(notifications));
                }
            }
        }
    }
}
