using Complaints.Journal;
using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>
/// Keeps cases and journals in process memory: for tests, demos and single-process hosts that do not need
/// durability. Thread-safe; saves are atomic and version-checked like a durable store's.
/// </summary>
public sealed class InMemoryComplaintStore : IComplaintStore, IDeadlineStore
{
    private readonly Dictionary<(ComplaintId, DeadlineKind, DeadlineAlarm), (string Worker, DateTimeOffset Until)> _leases = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<ComplaintId, Complaint> _cases = [];
    private readonly Dictionary<ComplaintId, List<JournalEntry>> _journals = [];

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
            _cases[complaint.Id] = complaint;
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
            var claimed = _cases.Values
                .SelectMany(c => DueAlarms.Of(c, now))
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
        Complaint[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _cases.Values];
        }

        IReadOnlyList<Complaint> page = snapshot
            .Where(query.Matches)
            .OrderBy(c => c.ReceivedAt)
            .ThenBy(c => c.Id.Value)
            .Skip(query.Skip)
            .Take(query.Take)
            .ToArray();
        return Task.FromResult(page);
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
}
