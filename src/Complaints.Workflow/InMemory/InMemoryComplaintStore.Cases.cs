using Complaints.Journal;
using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>Cases and their journals: load, save, read the journal, desk queries and counts.</summary>
public sealed partial class InMemoryComplaintStore
{
    private readonly Dictionary<ComplaintId, Complaint> _cases = [];
    private readonly Dictionary<ComplaintId, List<JournalEntry>> _journals = [];

    // Every case in query order (receipt time, then id), so a page stops at its last case instead of sorting all matches.
    private readonly SortedSet<(DateTimeOffset ReceivedAt, Guid Id)> _byReceipt = new(TimeThenId.Instance);

    // Each handler's cases in the same order, so a handler's desk walks their cases only.
    private readonly Dictionary<ActorId, SortedSet<(DateTimeOffset ReceivedAt, Guid Id)>> _byAssignee = [];

    // The cases awaiting approval in the same order, so an approver's desk walks those only.
    private readonly SortedSet<(DateTimeOffset ReceivedAt, Guid Id)> _awaitingApproval = new(TimeThenId.Instance);

    /// <inheritdoc />
    public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => Task.FromResult(Load(id, cancellationToken));

    /// <summary><see cref="LoadAsync(ComplaintId, CancellationToken)"/> without its task: the command path's load from this store, which never waits.</summary>
    internal Complaint? Load(ComplaintId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return _cases.GetValueOrDefault(id);
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var complaint = change.Complaint;
        lock (_gate)
        {
            var actual = _cases.TryGetValue(complaint.Id, out var stored) ? stored.Version : 0;
            if (actual != change.ExpectedVersion)
            {
                throw new ConcurrencyException(complaint.Id, change.ExpectedVersion, actual);
            }

            if (!_journals.TryGetValue(complaint.Id, out var journal))
            {
                _journals[complaint.Id] = journal = [];
            }

            journal.AddRange(change.Entries);
            Reindex(stored, complaint);
            WriteAlarms(change);
            _cases[complaint.Id] = complaint;
            AddOutbox(complaint.Id, change.Notifications);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SaveManyAsync(IReadOnlyList<CaseChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Every version checked before anything is written: all or nothing.
            var versions = new Dictionary<ComplaintId, long>();
            foreach (var change in changes)
            {
                ArgumentNullException.ThrowIfNull(change, nameof(changes));
                var id = change.Complaint.Id;
                var actual = versions.TryGetValue(id, out var v) ? v : _cases.TryGetValue(id, out var stored) ? stored.Version : 0;
                if (actual != change.ExpectedVersion)
                {
                    throw new ConcurrencyException(id, change.ExpectedVersion, actual);
                }

                versions[id] = change.Complaint.Version;
            }

            foreach (var change in changes)
            {
                var complaint = change.Complaint;
                _cases.TryGetValue(complaint.Id, out var stored);
                if (!_journals.TryGetValue(complaint.Id, out var journal))
                {
                    _journals[complaint.Id] = journal = [];
                }

                journal.AddRange(change.Entries);
                Reindex(stored, complaint);
                WriteAlarms(change);
                _cases[complaint.Id] = complaint;
                AddOutbox(complaint.Id, change.Notifications);
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
}
