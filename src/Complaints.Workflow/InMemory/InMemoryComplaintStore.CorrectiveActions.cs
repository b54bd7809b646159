using Complaints.Improvement;

namespace Complaints.Workflow.InMemory;

/// <summary>Corrective and preventive actions and their journals: load, save, read the journal, queries and due alarms.</summary>
public sealed partial class InMemoryComplaintStore : ICorrectiveActionStore
{
    private readonly Dictionary<CorrectiveActionId, CorrectiveAction> _actions = [];
    private readonly Dictionary<CorrectiveActionId, List<CorrectiveActionJournalEntry>> _actionJournals = [];

    // Every action in query order (proposal time, then id), so a page stops at its last action.
    private readonly SortedSet<(DateTimeOffset CreatedAt, Guid Id)> _actionsByCreation = new(TimeThenId.Instance);

    // Each action with an alarm to come, by when it falls due, so reading due alarms walks only due actions.
    private readonly SortedSet<(DateTimeOffset At, Guid Id)> _actionAlarms = new(TimeThenId.Instance);

    /// <inheritdoc />
    public Task<CorrectiveAction?> LoadAsync(CorrectiveActionId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_actions.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(CorrectiveActionChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var action = change.Action;
        lock (_gate)
        {
            var stored = _actions.GetValueOrDefault(action.Id);
            var actual = stored?.Version ?? 0;
            if (actual != change.ExpectedVersion)
            {
                throw new CorrectiveActionConcurrencyException(action.Id, change.ExpectedVersion, actual);
            }

            if (!_actionJournals.TryGetValue(action.Id, out var journal))
            {
                _actionJournals[action.Id] = journal = [];
            }

            journal.AddRange(change.Entries);
            if (stored is not null)
            {
                _actionsByCreation.Remove((stored.CreatedAt, stored.Id.Value));
                if (CorrectiveActionAlarms.NextAt(stored) is { } was)
                {
                    _actionAlarms.Remove((was, stored.Id.Value));
                }
            }

            _actionsByCreation.Add((action.CreatedAt, action.Id.Value));
            if (change.NextAlarmAt is { } next)
            {
                _actionAlarms.Add((next, action.Id.Value));
            }

            _actions[action.Id] = action;
            AddOutbox(action.Id, change.Notifications);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CorrectiveActionJournalEntry>> ReadJournalAsync(CorrectiveActionId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<CorrectiveActionJournalEntry> copy = _actionJournals.TryGetValue(id, out var journal) ? journal.ToArray() : [];
            return Task.FromResult(copy);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CorrectiveAction>> QueryAsync(CorrectiveActionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var page = new List<CorrectiveAction>();
        if (query.Take <= 0)
        {
            return Task.FromResult<IReadOnlyList<CorrectiveAction>>(page);
        }

        var skip = Math.Max(0, query.Skip);
        lock (_gate)
        {
            foreach (var (_, id) in _actionsByCreation)
            {
                var action = _actions[new CorrectiveActionId(id)];
                if (!query.Matches(action))
                {
                    continue;
                }

                if (skip > 0)
                {
                    skip--;
                    continue;
                }

                page.Add(action);
                if (page.Count == query.Take)
                {
                    break;
                }
            }
        }

        return Task.FromResult<IReadOnlyList<CorrectiveAction>>(page);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DueCorrectiveActionAlarm>> ReadDueAlarmsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var due = new List<DueCorrectiveActionAlarm>();
        lock (_gate)
        {
            foreach (var (at, id) in _actionAlarms)
            {
                if (at > now)
                {
                    break;
                }

                if (CorrectiveActionAlarms.Due(_actions[new CorrectiveActionId(id)], now) is { } alarm)
                {
                    due.Add(alarm);
                }
            }
        }

        // A breach may be due for an action indexed at its (earlier) warning time: order by when each alarm fell due.
        return Task.FromResult<IReadOnlyList<DueCorrectiveActionAlarm>>(
            [.. due.OrderBy(a => a.DueAt).ThenBy(a => a.ActionId.Value).Take(Math.Max(0, max))]);
    }
}
