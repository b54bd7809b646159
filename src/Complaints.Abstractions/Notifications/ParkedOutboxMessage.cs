namespace Complaints.Notifications;

/// <summary>
/// An outbox message that was parked: its sends failed <c>MaxAttempts</c> times, or its stored JSON cannot be read
/// (then <see cref="Notification"/> is <see langword="null"/>). An operator lists these with
/// <see cref="IOutboxStore.ReadParkedOutboxAsync"/> and releases one for another try with
/// <see cref="IOutboxStore.ReleaseParkedOutboxAsync"/>.
/// </summary>
/// <param name="Id">The notification id.</param>
/// <param name="ComplaintId">The case it is about; <see langword="null"/> for a message about a corrective action.</param>
/// <param name="Sequence">The journal entry that caused it (of the case, or of the action).</param>
/// <param name="Attempts">How many sends failed.</param>
/// <param name="LastError">The last failure, or why the message cannot be read.</param>
/// <param name="Notification">The notification, or <see langword="null"/> if it cannot be read by this release.</param>
/// <param name="CorrectiveActionId">The corrective action it is about; <see langword="null"/> for a message about a case.</param>
public sealed record ParkedOutboxMessage(
    Guid Id,
    ComplaintId? ComplaintId,
    long Sequence,
    int Attempts,
    string? LastError,
    Notification? Notification,
    Improvement.CorrectiveActionId? CorrectiveActionId = null);
