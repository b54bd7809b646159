using Complaints.Notifications;
using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>Parked deadline alarms and parked outbox messages: listed for an operator, and released for another try.</summary>
public sealed partial class InMemoryComplaintStore
{
    private readonly Dictionary<(ComplaintId, DeadlineKind, DeadlineAlarm), ParkedDeadlineAlarm> _parkedAlarms = [];

    /// <inheritdoc />
    public Task ParkDeadlineAlarmAsync(DueDeadline alarm, string failure, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(failure);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (alarm.ComplaintId, alarm.Kind, alarm.Alarm);
        lock (_gate)
        {
            _parkedAlarms[key] = new ParkedDeadlineAlarm(alarm.ComplaintId, alarm.Kind, alarm.Alarm, alarm.DueAt, at, StoredRecords.Error(failure));
            _leases.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ParkedDeadlineAlarm>> ReadParkedDeadlineAlarmsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ParkedDeadlineAlarm>>(
                [.. _parkedAlarms.Values.OrderBy(p => p.ParkedAt).ThenBy(p => p.ComplaintId.Value).ThenBy(p => p.Kind).ThenBy(p => p.Alarm)]);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseDeadlineAlarmAsync(ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_parkedAlarms.Remove((complaintId, kind, alarm)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ParkedOutboxMessage>> ReadParkedOutboxAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ParkedOutboxMessage>>(
                [.. _outboxInOrder.Where(r => r.Message.State == OutboxState.Parked)
                    .OrderBy(r => r.Message.Notification.ComplaintId?.Value ?? r.Message.Notification.CorrectiveActionId!.Value.Value).ThenBy(r => r.Message.Notification.Sequence).ThenBy(r => r.Order)
                    .Take(Math.Max(0, max))
                    .Select(r => new ParkedOutboxMessage(
                        r.Message.Notification.Id, r.Message.Notification.ComplaintId, r.Message.Notification.Sequence, r.Message.Attempts, r.Message.LastError, r.Message.Notification,
                        r.Message.Notification.CorrectiveActionId))]);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseParkedOutboxAsync(Guid id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_outbox.TryGetValue(id, out var row) || row.Message.State != OutboxState.Parked)
            {
                return Task.FromResult(false);
            }

            row.Message = row.Message with { State = OutboxState.Pending, Attempts = 0, NextAttemptAt = nextAttemptAt };
            row.LeaseWorker = null;
            _pending.Add((nextAttemptAt, row.Order));
            return Task.FromResult(true);
        }
    }
}
