using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>Which of a case's deadline alarms are due: the reference rule every store's claim query must match.</summary>
public static class DueAlarms
{
    /// <summary>The warnings and breaches of <paramref name="complaint"/> due at <paramref name="now"/> and not yet recorded.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The due alarms; none for an ended case or while its clock is paused.</returns>
    public static IEnumerable<DueDeadline> Of(Complaint complaint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.IsFinal || complaint.ClockPausedAt is not null)
        {
            yield break;
        }

        foreach (var deadline in complaint.Deadlines)
        {
            if (deadline.MetAt is not null || deadline.BreachedAt is not null)
            {
                continue;
            }

            if (deadline.DueAt <= now)
            {
                yield return new DueDeadline(complaint.Id, deadline.Kind, DeadlineAlarm.Breach, deadline.DueAt);
            }
            else if (deadline.WarnAt is { } warnAt && warnAt <= now && deadline.WarnedAt is null)
            {
                yield return new DueDeadline(complaint.Id, deadline.Kind, DeadlineAlarm.Warning, warnAt);
            }
        }
    }

    /// <summary>
    /// When the first of <paramref name="complaint"/>'s alarms falls due — the earliest time at which <see cref="Of"/>
    /// returns any; <see langword="null"/> for an ended case, a paused clock or no alarm to come.
    /// </summary>
    internal static DateTimeOffset? FirstDueAt(Complaint complaint)
    {
        if (complaint.IsFinal || complaint.ClockPausedAt is not null)
        {
            return null;
        }

        DateTimeOffset? first = null;
        foreach (var deadline in complaint.Deadlines)
        {
            if (deadline.MetAt is not null || deadline.BreachedAt is not null)
            {
                continue;
            }

            // A warning not yet given comes first if it is before the breach; otherwise the breach is the first alarm.
            var at = deadline.WarnAt is { } warnAt && deadline.WarnedAt is null && warnAt < deadline.DueAt ? warnAt : deadline.DueAt;
            if (first is null || at < first)
            {
                first = at;
            }
        }

        return first;
    }
}
