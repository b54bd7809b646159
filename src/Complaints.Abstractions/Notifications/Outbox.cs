namespace Complaints.Notifications;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent (again).</summary>
    Pending,

    /// <summary>Sent; never sent again by the dispatcher.</summary>
    Sent,

    /// <summary>Given up after too many failures; kept with the last error for a person to look at.</summary>
    Parked,
}

/// <summary>A notification in the outbox, with its delivery state.</summary>
/// <param name="Notification">The notification.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">How many sends failed so far.</param>
/// <param name="NextAttemptAt">When it may be claimed next (for a pending message).</param>
/// <param name="LastError">The last failure's message, if any.</param>
/// <param name="SentAt">When it was marked sent, if it was.</param>
public sealed record OutboxMessage(
    Notification Notification,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError = null,
    DateTimeOffset? SentAt = null);

/// <summary>
/// The outbox of notifications. A store that implements it writes the notifications a save causes (planned by the
/// workflow, carried by <see cref="Ports.CaseChange.Notifications"/> and, for a corrective action's save, by
/// <see cref="Improvement.CorrectiveActionChange.Notifications"/>) in the same transaction as the save, and lets dispatchers on one or several
/// nodes share the sending: each pending message is claimed by one dispatcher under a lease; a dispatcher that dies
/// leaves its claims to expire and be taken over.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Claims up to <paramref name="max"/> pending messages due at <paramref name="now"/> and not leased by another worker.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="worker">The claiming worker's id.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="max">The most messages to claim.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed messages, earliest due first.</returns>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks a message sent and releases its claim. Idempotent: marking a sent message again changes nothing.</summary>
    /// <param name="id">The notification id.</param>
    /// <param name="at">When it was sent.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> if this call marked it; <see langword="false"/> if it was already sent or parked, or is unknown.</returns>
    Task<bool> MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed send of a pending message: one more attempt, the error kept, the claim released; it becomes
    /// claimable again at <paramref name="nextAttemptAt"/>, or is parked if that is <see langword="null"/>.
    /// </summary>
    /// <param name="id">The notification id.</param>
    /// <param name="failure">What went wrong; stored made safe by <see cref="Ports.StoredRecords.Error"/>.</param>
    /// <param name="nextAttemptAt">When to try again; <see langword="null"/> to park the message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> if the message was pending and is now updated.</returns>
    Task<bool> MarkFailedAsync(Guid id, string failure, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// The parked messages, for an operator, by case (or action) and journal order: those whose sends failed too often, and those
    /// whose stored JSON cannot be read (a claim parks such a message instead of failing, so the others are sent).
    /// </summary>
    /// <param name="max">The most messages to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="max"/> parked messages.</returns>
    Task<IReadOnlyList<ParkedOutboxMessage>> ReadParkedOutboxAsync(int max = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases a parked message for another try: pending again from <paramref name="nextAttemptAt"/>, its attempts
    /// counted from 0 (so it gets every retry again), its last error kept until the next attempt.
    /// </summary>
    /// <param name="id">The notification id.</param>
    /// <param name="nextAttemptAt">When it may be claimed again.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> if the message was parked and is now pending.</returns>
    Task<bool> ReleaseParkedOutboxAsync(Guid id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>Reads a case's outbox messages, in journal order.</summary>
    /// <param name="complaintId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages; empty if there are none.</returns>
    Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(ComplaintId complaintId, CancellationToken cancellationToken = default);

    /// <summary>Reads a corrective action's outbox messages, in the order of its journal.</summary>
    /// <param name="actionId">The action.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages; empty if there are none.</returns>
    Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(Improvement.CorrectiveActionId actionId, CancellationToken cancellationToken = default);
}
