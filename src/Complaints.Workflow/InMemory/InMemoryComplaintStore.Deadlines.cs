using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>Deadline alarms: an index of cases by their first alarm, and claims under a lease.</summary>
public sealed partial class InMemoryComplaintStore
{
    // Each case with an alarm to come, by the time its first one falls due (CaseChange.FirstAlarmAt), so a claim reads only due cases.
    private readonly SortedSet<(DateTimeOffset At, Guid Id)> _alarms = new(TimeThenId.Instance);
    private readonly Dictionary<ComplaintId, DateTimeOffset> _firstAlarms = [];
    private readonly Dictionary<(ComplaintId, DeadlineKind, DeadlineAlarm), (string Worker, DateTimeOffset Until)> _leases = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<DueDeadline>> ClaimDueDeadlinesAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var dueCases = new List<ComplaintId>();
            foreach (var (at, id) in _alarms)
            {
                if (at > now)
                {
                    break;
                }

                dueCases.Add(new ComplaintId(id));
            }

            var claimed = dueCases
                .SelectMany(id => DeadlineAlarms.Due(_cases[id], now))
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

    // Keeps the index in step with a save: a case is in it, at its first alarm's time, while it has one to come. The
    // claim reads the due alarms off the stored case (the rule of DeadlineAlarms), so no rows are kept.
    private void WriteAlarms(CaseChange change)
    {
        var id = change.Complaint.Id;
        DateTimeOffset? before = _firstAlarms.TryGetValue(id, out var old) ? old : null;
        var after = change.FirstAlarmAt;
        if (before == after)
        {
            return;
        }

        if (before is { } was)
        {
            _alarms.Remove((was, id.Value));
            _firstAlarms.Remove(id);
        }

        if (after is { } next)
        {
            _alarms.Add((next, id.Value));
            _firstAlarms[id] = next;
        }
    }
}
