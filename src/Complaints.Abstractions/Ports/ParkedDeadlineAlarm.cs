namespace Complaints.Ports;

/// <summary>
/// A deadline alarm the deadline worker could not record and set aside (its case cannot be read, or recording it
/// failed unexpectedly), so that the other alarms go on. Claims skip it until an operator releases it with
/// <see cref="IDeadlineStore.ReleaseDeadlineAlarmAsync"/>.
/// </summary>
/// <param name="ComplaintId">The case.</param>
/// <param name="Kind">The deadline.</param>
/// <param name="Alarm">Warning or breach.</param>
/// <param name="DueAt">When the alarm became due.</param>
/// <param name="ParkedAt">When it was set aside.</param>
/// <param name="Error">Why (made safe to store with <see cref="StoredRecords.Error"/>).</param>
public sealed record ParkedDeadlineAlarm(ComplaintId ComplaintId, DeadlineKind Kind, DeadlineAlarm Alarm, DateTimeOffset DueAt, DateTimeOffset ParkedAt, string Error);
