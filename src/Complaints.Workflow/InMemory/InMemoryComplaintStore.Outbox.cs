using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>The outbox: the notifications each save carries, claimed by dispatchers under a lease and marked sent or failed.</summary>
public sealed partial class InMemoryComplaintStore
{
    private readonly Dictionary<Guid, OutboxRow> _outbox = [];

    // The pending messages in claim order (next attempt, then the order written), so a claim reads only those due.
    private readonly SortedSet<(DateTimeOffset NextAttemptAt, int Order)> _pending = [];
    private readonly List<OutboxRow> _outboxInOrder = [];
    private readonly Dictionary<ComplaintId, List<OutboxRow>> _outboxByCase = [];
    private readonly Dictionary<CorrectiveActionId, List<OutboxRow>> _outboxByAction = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var claimed = new List<OutboxRow>();
            foreach (var (nextAttemptAt, order) in _pending)
            {
                if (nextAttemptAt > now || claimed.Count >= max)
                {
                    break;
                }

                var row = _outboxInOrder[order];
                if (row.LeaseWorker is null || row.LeaseUntil <= now || row.LeaseWorker == worker)
                {
                    claimed.Add(row);
                }
            }

            foreach (var row in claimed)
            {
                row.LeaseWorker = worker;
                row.LeaseUntil = now + lease;
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed.Select(r => r.Message).ToArray());
        }
    }

    /// <inheritdoc />
    public Task<bool> MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_outbox.TryGetValue(id, out var row) || row.Message.State != OutboxState.Pending)
            {
                return Task.FromResult(false);
            }

            _pending.Remove((row.Message.NextAttemptAt, row.Order));
            row.Message = row.Message with { State = OutboxState.Sent, SentAt = at };
            row.LeaseWorker = null;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> MarkFailedAsync(Guid id, string failure, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_outbox.TryGetValue(id, out var row) || row.Message.State != OutboxState.Pending)
            {
                return Task.FromResult(false);
            }

            _pending.Remove((row.Message.NextAttemptAt, row.Order));
            row.Message = row.Message with
            {
                State = nextAttemptAt is null ? OutboxState.Parked : OutboxState.Pending,
                Attempts = row.Message.Attempts + 1,
                NextAttemptAt = nextAttemptAt ?? row.Message.NextAttemptAt,
                LastError = StoredRecords.Error(failure),
            };
            if (row.Message.State == OutboxState.Pending)
            {
                _pending.Add((row.Message.NextAttemptAt, row.Order));
            }

            row.LeaseWorker = null;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(ComplaintId complaintId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<OutboxMessage> messages = _outboxByCase.TryGetValue(complaintId, out var ofCase)
                ? ofCase.Select(r => r.Message).ToArray()
                : [];
            return Task.FromResult(messages);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(CorrectiveActionId actionId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<OutboxMessage> messages = _outboxByAction.TryGetValue(actionId, out var ofAction)
                ? ofAction.Select(r => r.Message).ToArray()
                : [];
            return Task.FromResult(messages);
        }
    }

    // Adds a case save's notifications, under the save's lock; one already there (same stable id) is kept as it is.
    private void AddOutbox(ComplaintId complaintId, IReadOnlyList<Notification> notifications) => AddOutbox(_outboxByCase, complaintId, notifications);

    // Adds an action save's notifications, likewise.
    private void AddOutbox(CorrectiveActionId actionId, IReadOnlyList<Notification> notifications) => AddOutbox(_outboxByAction, actionId, notifications);

    private void AddOutbox<TKey>(Dictionary<TKey, List<OutboxRow>> bySubject, TKey subject, IReadOnlyList<Notification> notifications)
        where TKey : notnull
    {
        for (var notificationIndex = 0; notificationIndex < notifications.Count; notificationIndex++)
        {
            var notification = notifications[notificationIndex];
            var row = new OutboxRow(new OutboxMessage(notification, OutboxState.Pending, 0, notification.CreatedAt), _outboxInOrder.Count);
            if (_outbox.TryAdd(notification.Id, row))
            {
                _outboxInOrder.Add(row);
                _pending.Add((row.Message.NextAttemptAt, row.Order));
                if (!bySubject.TryGetValue(subject, out var ofSubject))
                {
                    bySubject[subject] = ofSubject = [];
                }

                ofSubject.Add(row);
            }
        }
    }

    private sealed class OutboxRow(OutboxMessage message, int order)
    {
        public OutboxMessage Message { get; set; } = message;

        public int Order { get; } = order;

        public string? LeaseWorker { get; set; }

        public DateTimeOffset LeaseUntil { get; set; }
    }
}
