namespace Complaints.Ports;

/// <summary>What a deadline has come to.</summary>
public enum DeadlineAlarm
{
    /// <summary>The warning time has passed.</summary>
    Warning,

    /// <summary>The due time has passed.</summary>
    Breach,
}

/// <summary>A deadline whose warning or breach is due, claimed by one worker for a while.</summary>
/// <param name="ComplaintId">The case.</param>
/// <param name="Kind">The deadline.</param>
/// <param name="Alarm">Warning or breach.</param>
/// <param name="DueAt">When the alarm became due.</param>
public sealed record DueDeadline(ComplaintId ComplaintId, DeadlineKind Kind, DeadlineAlarm Alarm, DateTimeOffset DueAt);

/// <summary>
/// Lets deadline workers on one or several nodes share the work: each due alarm is claimed by one worker under a
/// lease; a worker that dies leaves its claims to expire and be taken over. Claiming never changes a case: the
/// alarm itself is recorded through the normal command path, which refuses to record it twice.
/// </summary>
public interface IDeadlineStore
{
    /// <summary>Claims up to <paramref name="max"/> alarms due at <paramref name="now"/> not leased by another worker.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="worker">The claiming worker's id.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="max">The most alarms to claim.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed alarms, earliest first.</returns>
    Task<IReadOnlyList<DueDeadline>> ClaimDueDeadlinesAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets an alarm aside with the error that stopped it, so that the deadline worker goes on with the others: claims
    /// skip it (and its lease is dropped) until <see cref="ReleaseDeadlineAlarmAsync"/>. Parking it again replaces the error.
    /// </summary>
    /// <param name="alarm">The alarm.</param>
    /// <param name="failure">Why it could not be recorded; stored made safe by <see cref="StoredRecords.Error"/>.</param>
    /// <param name="at">When it is parked.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the alarm is parked.</returns>
    Task ParkDeadlineAlarmAsync(DueDeadline alarm, string failure, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The parked alarms, for an operator: oldest parked first (then by case, deadline and alarm).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Every parked alarm.</returns>
    Task<IReadOnlyList<ParkedDeadlineAlarm>> ReadParkedDeadlineAlarmsAsync(CancellationToken cancellationToken = default);

    /// <summary>Releases a parked alarm: the next claim takes it again if it is still due (once its case is readable, say).</summary>
    /// <param name="complaintId">The case.</param>
    /// <param name="kind">The deadline.</param>
    /// <param name="alarm">Warning or breach.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> if it was parked.</returns>
    Task<bool> ReleaseDeadlineAlarmAsync(ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm, CancellationToken cancellationToken = default);
}
