using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>
/// Keeps cases and journals in process memory: for tests, demos and single-process hosts that do not need
/// durability. Thread-safe; saves are atomic and version-checked like a durable store's, and write the
/// notifications they cause to the outbox under the same lock.
/// </summary>
public sealed partial class InMemoryComplaintStore : IComplaintStore, IDeadlineStore, IOutboxStore, IAuditLog
{
    private readonly Dictionary<Guid, OutboxRow> _outbox = [];

    // The pending messages in claim order (next attempt, then the order written), so a claim reads only those due.
    private readonly SortedSet<(DateTimeOffset NextAttemptAt, int Order)> _pending = [];
    private readonly List<OutboxRow> _outboxInOrder = [];
    private readonly Dictionary<ComplaintId, List<OutboxRow>> _outboxByCase = [];

    // Each case with an alarm to come, by the time its first one falls due (DueAlarms.FirstDueAt), so a claim reads only due cases.
    private readonly SortedSet<(DateTimeOffset At, Guid Id)> _alarms = new(TimeThenId.Instance);
    private readonly Dictionary<(ComplaintId, DeadlineKind, DeadlineAlarm), (string Worker, DateTimeOffset Until)> _leases = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<ComplaintId, Complaint> _cases = [];
    private readonly Dictionary<ComplaintId, List<JournalEntry>> _journals = [];

    // Every case in query order (receipt time, then id), so a page stops at its last case instead of sorting all matches.
    private readonly SortedSet<(DateTimeOffset ReceivedAt, Guid Id)> _byReceipt = new(TimeThenId.Instance);

    // Each handler's cases in the same order, so a handler's desk walks their cases only.
    private readonly Dictionary<ActorId, SortedSet<(DateTimeOffset ReceivedAt, Guid Id)>> _byAssignee = [];

    // The cases awaiting approval in the same order, so an approver's desk walks those only.
    private readonly SortedSet<(DateTimeOffset ReceivedAt, Guid Id)> _awaitingApproval = new(TimeThenId.Instance);

    /// <summary>How many cases are stored.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _cases.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_cases.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(Complaint complaint, IReadOnlyList<JournalEntry> newEntries, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(newEntries);
        cancellationToken.ThrowIfCancellationRequested();
        StoreChecks.EntriesFollow(complaint, newEntries, expectedVersion);
        var notifications = NotificationPlanner.Plan(complaint, newEntries);
        lock (_gate)
        {
            var actual = _cases.TryGetValue(complaint.Id, out var stored) ? stored.Version : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyException(complaint.Id, expectedVersion, actual);
            }

            if (!_journals.TryGetValue(complaint.Id, out var journal))
            {
                _journals[complaint.Id] = journal = [];
            }

            journal.AddRange(newEntries);
            Reindex(stored, complaint);
            ReindexAlarm(stored, complaint);

            _cases[complaint.Id] = complaint;
            foreach (var notification in notifications)
            {
                var row = new OutboxRow(new OutboxMessage(notification, OutboxState.Pending, 0, notification.CreatedAt), _outboxInOrder.Count);
                if (_outbox.TryAdd(notification.Id, row))
                {
                    _outboxInOrder.Add(row);
                    _pending.Add((row.Message.NextAttemptAt, row.Order));
                    if (!_outboxByCase.TryGetValue(complaint.Id, out var ofCase))
                    {
                        _outboxByCase[complaint.Id] = ofCase = [];
                    }

                    ofCase.Add(row);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<JournalEntry> copy = _journals.TryGetValue(id, out var journal) ? journal.ToArray() : [];
            return Task.FromResult(copy);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DueDeadline>> ClaimDueDeadlinesAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var dueCases = new List<Complaint>();
            foreach (var (at, id) in _alarms)
            {
                if (at > now)
                {
                    break;
                }

                dueCases.Add(_cases[new ComplaintId(id)]);
            }

            var claimed = dueCases
                .SelectMany(c => DueAlarms.Of(c, now))
                .Where(d => !_parkedAlarms.ContainsKey((d.ComplaintId, d.Kind, d.Alarm)))
                .Where(d => !_leases.TryGetValue((d.ComplaintId, d.Kind, d.Alarm), out var held) || held.Until <= now || held.Worker == worker)
                .OrderBy(d => d.DueAt)
                .Take(max)
                .ToArray();
            foreach (var due in claimed)
            {
                _leases[(due.ComplaintId, due.Kind, due.Alarm)] = (worker, now + lease);
            }

            return Task.FromResult<IReadOnlyList<DueDeadline>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var page = new List<Complaint>(Math.Clamp(query.Take, 0, 128));
        if (query.Take <= 0)
        {
            return Task.FromResult<IReadOnlyList<Complaint>>(page);
        }

        // Walk the cases in query order and stop when the page is full: a page costs what it takes to find its
        // cases, not a sort of every match.
        var skip = Math.Max(0, query.Skip);
        lock (_gate)
        {
            var candidates = query.Assignee is { } assignee ? (_byAssignee.TryGetValue(assignee, out var theirs) ? theirs : [])
                : query.AwaitingApprovalByRole is not null ? _awaitingApproval
                : _byReceipt;
            foreach (var (_, id) in candidates)
            {
                var complaint = _cases[new ComplaintId(id)];
                if (!query.Matches(complaint))
                {
                    continue;
                }

                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                page.Add(complaint);
                if (page.Count == query.Take)
                {
                    break;
                }
            }
        }

        return Task.FromResult<IReadOnlyList<Complaint>>(page);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        Complaint[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _cases.Values];
        }

        return Task.FromResult(query.CountIn(snapshot));
    }

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

    // Keeps the query-order indexes in step with a save; most saves change no key, and touch no index.
    private void Reindex(Complaint? stored, Complaint complaint)
    {
        var wasAwaiting = stored?.State == ComplaintState.AwaitingApproval;
        var isAwaiting = complaint.State == ComplaintState.AwaitingApproval;
        if (wasAwaiting)
        {
            _awaitingApproval.Remove((stored!.ReceivedAt, stored.Id.Value));
        }

        if (isAwaiting)
        {
            _awaitingApproval.Add((complaint.ReceivedAt, complaint.Id.Value));
        }

        var receiptChanged = stored is null || stored.ReceivedAt != complaint.ReceivedAt;
        if (receiptChanged)
        {
            if (stored is not null)
            {
                _byReceipt.Remove((stored.ReceivedAt, stored.Id.Value));
            }

            _byReceipt.Add((complaint.ReceivedAt, complaint.Id.Value));
        }

        if (!receiptChanged && stored?.Assignee?.Id == complaint.Assignee?.Id)
        {
            return;
        }

        if (stored?.Assignee is { } before)
        {
            _byAssignee[before.Id].Remove((stored.ReceivedAt, stored.Id.Value));
        }

        if (complaint.Assignee is { } after)
        {
            if (!_byAssignee.TryGetValue(after.Id, out var theirs))
            {
                _byAssignee[after.Id] = theirs = new(TimeThenId.Instance);
            }

            theirs.Add((complaint.ReceivedAt, complaint.Id.Value));
        }
    }

    // Keeps the alarm index in step with a save: a case is in it, at its first alarm's time, while it has one to come.
    private void ReindexAlarm(Complaint? stored, Complaint complaint)
    {
        var before = stored is null ? null : DueAlarms.FirstDueAt(stored);
        var after = DueAlarms.FirstDueAt(complaint);
        if (before == after)
        {
            return;
        }

        if (before is { } old)
        {
            _alarms.Remove((old, complaint.Id.Value));
        }

        if (after is { } next)
        {
            _alarms.Add((next, complaint.Id.Value));
        }
    }

    /// <summary>Time, then id: the order <see cref="ComplaintQuery"/> pages are in (by receipt), and alarms are claimed in.</summary>
    private sealed class TimeThenId : IComparer<(DateTimeOffset At, Guid Id)>
    {
        public static readonly TimeThenId Instance = new();

        public int Compare((DateTimeOffset At, Guid Id) x, (DateTimeOffset At, Guid Id) y)
        {
            var byTime = x.At.CompareTo(y.At);
            return byTime != 0 ? byTime : x.Id.CompareTo(y.Id);
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
