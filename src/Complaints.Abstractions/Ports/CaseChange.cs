using Complaints.Journal;
using Complaints.Notifications;

namespace Complaints.Ports;

/// <summary>
/// Everything one save writes, decided by the workflow and written by the store atomically: the case as it now is, the
/// journal entries that made it so, the deadline alarm rows of its deadlines and the notifications the entries cause.
/// A store only persists it (see <see cref="IComplaintStore.SaveAsync"/>).
/// </summary>
/// <remarks>
/// The constructor refuses a change that would corrupt a journal, so every store gets the same checks before it
/// writes anything: the entries must continue the journal from <see cref="ExpectedVersion"/> without a gap, all be the
/// case's, and end at the case's version; the notifications must be the case's and come from the new entries.
/// </remarks>
public sealed class CaseChange
{
    private IReadOnlyList<DeadlineAlarmTimes>? _alarms;

    /// <summary>Makes the change of one save.</summary>
    /// <param name="complaint">The case after the change; its <see cref="Complaint.Version"/> is the last new entry's sequence.</param>
    /// <param name="entries">The entries the change appends to the journal, in order, numbered from <paramref name="expectedVersion"/> + 1; at least one.</param>
    /// <param name="expectedVersion">The stored version the change is based on: 0 for a new case.</param>
    /// <param name="notifications">The notifications the entries cause, in order, for the outbox; none if <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> or <paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// The entries do not continue the journal (none, another case's, a gap), the case's version is not the last
    /// entry's sequence, or a notification is null, another case's, not caused by a new entry, or there twice; the
    /// message names which.
    /// </exception>
    public CaseChange(Complaint complaint, IReadOnlyList<JournalEntry> entries, long expectedVersion, IReadOnlyList<Notification>? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        EntriesFollow(complaint, entries, expectedVersion);
        notifications ??= [];
        NotificationsFollow(complaint, notifications, expectedVersion);
        Complaint = complaint;
        Entries = entries;
        ExpectedVersion = expectedVersion;
        Notifications = notifications;
    }

    /// <summary>The case after the change.</summary>
    public Complaint Complaint { get; }

    /// <summary>The entries to append to the case's journal, in order.</summary>
    public IReadOnlyList<JournalEntry> Entries { get; }

    /// <summary>The stored version the change is based on (0 for a new case): the store writes nothing if the stored version differs.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Whether the change creates the case (<see cref="ExpectedVersion"/> is 0).</summary>
    public bool IsNew => ExpectedVersion == 0;

    /// <summary>
    /// One row per deadline of the case, at its position: when each can next warn and breach, by the rule of
    /// <see cref="DeadlineAlarms"/>. A store keeps them (or the deadlines they come from) for its claims.
    /// </summary>
    /// <remarks>Worked out when first asked, once: a store that evaluates the rule on its own columns does not pay for it.</remarks>
    // Stryker disable once Assignment : working the rows out again on each read gives equal rows
    public IReadOnlyList<DeadlineAlarmTimes> Alarms => _alarms ??= DeadlineAlarms.Schedule(Complaint);

    /// <summary>When the case's first alarm falls due; <see langword="null"/> if none can come.</summary>
    public DateTimeOffset? FirstAlarmAt => DeadlineAlarms.FirstAt(Complaint);

    /// <summary>The notifications the entries cause, for the outbox, in order (their position is their index).</summary>
    public IReadOnlyList<Notification> Notifications { get; }

    private static void EntriesFollow(Complaint complaint, IReadOnlyList<JournalEntry> entries, long expectedVersion)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("A save must append at least one journal entry: every change is on record.", nameof(entries));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                throw new ArgumentException($"Journal entry {i} of the save is null.", nameof(entries));
            }

            if (entry.ComplaintId != complaint.Id || entry.Sequence != expectedVersion + i + 1)
            {
                throw new ArgumentException(
                    $"Journal entry {i} of the save has sequence {entry.Sequence} for case {entry.ComplaintId}; expected {expectedVersion + i + 1} for case {complaint.Id}.",
                    nameof(entries));
            }
        }

        if (complaint.Version != expectedVersion + entries.Count)
        {
            throw new ArgumentException(
                $"The case's version {complaint.Version} must equal its last journal entry's sequence {expectedVersion + entries.Count}.",
                nameof(complaint));
        }
    }

    private static void NotificationsFollow(Complaint complaint, IReadOnlyList<Notification> notifications, long expectedVersion)
    {
        for (var i = 0; i < notifications.Count; i++)
        {
            if (notifications[i] is not { } n)
            {
                throw new ArgumentException($"Notification {i} of the save is null.", nameof(notifications));
            }

            if (n.ComplaintId != complaint.Id || n.CorrectiveActionId is not null || n.Sequence <= expectedVersion || n.Sequence > complaint.Version)
            {
                throw new ArgumentException(
                    $"Notification {i} of the save ({n.Id}) is for entry {n.Sequence} of case {n.ComplaintId}; expected an entry from {expectedVersion + 1} to {complaint.Version} of case {complaint.Id}.",
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
