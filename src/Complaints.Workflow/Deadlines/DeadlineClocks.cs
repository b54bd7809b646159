using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;

namespace Complaints.Workflow.Deadlines;

/// <summary>
/// When a deadline's clock starts (<see cref="DeadlineRule.StartsAt"/>) and how it is counted: at triage the rules whose
/// event has happened are planned and the others kept pending on the case; the save in which a pending rule's event
/// happens plans it from that event's time (<see cref="DeadlinesStarted"/>).
/// </summary>
internal static class DeadlineClocks
{
    /// <summary>The deadline <paramref name="rule"/> sets when its clock starts at <paramref name="start"/>, counted on <paramref name="calendar"/>.</summary>
    public static Deadline Schedule(DeadlineRule rule, IBusinessCalendar calendar, DateTimeOffset start)
    {
        var due = calendar.Add(start, rule.Amount, rule.Unit);
        var limit = rule.ExtendableTo is { } most && most > rule.Amount ? calendar.Add(start, most, rule.Unit) : (DateTimeOffset?)null;
        var provisional = calendar.IsProvisional(start, limit ?? due, rule.Unit);
        return new Deadline(rule.Kind, due, rule.Rule, calendar.Name)
        {
            WarnAt = rule.WarnAtShare is { } share ? start + ((due - start) * (double)share) : null,
            ExtendableTo = limit,
            ExtensionApprovedBy = rule.ExtensionApprovedBy,
            Provisional = provisional,
            Plan = provisional ? new DeadlinePlan(start, rule.Amount, rule.Unit, due, rule.WarnAtShare, limit is null ? null : rule.ExtendableTo, limit) : null,
        };
    }

    /// <summary>
    /// The deadlines triage plans now, and the rules left pending (<see langword="null"/> if none): a rule counted from
    /// receipt starts at the receipt or the last reopening, one counted from triage at <paramref name="now"/>, one counted
    /// from reopening at the last reopening if there was one (and it stays pending for the next); the others wait for their event.
    /// </summary>
    public static (Deadline[] Planned, DeadlineRule[]? Pending) AtTriage(Complaint c, IReadOnlyList<DeadlineRule> rules, IBusinessCalendar calendar, DateTimeOffset now)
    {
        var planned = new List<Deadline>(rules.Count);
        List<DeadlineRule>? pending = null;
        foreach (var rule in rules)
        {
            DateTimeOffset? start = rule.StartsAt switch
            {
                ClockStart.Received => c.ReopenedAt ?? c.ReceivedAt,
                ClockStart.Triaged => now,
                ClockStart.Reopened => c.ReopenedAt,
                _ => null,
            };
            if (start is { } at)
            {
                planned.Add(Schedule(rule, calendar, at));
            }

            if (start is null || rule.StartsAt == ClockStart.Reopened)
            {
                (pending ??= []).Add(rule);
            }
        }

        return ([.. planned], pending?.ToArray());
    }

    /// <summary>The event <paramref name="entry"/> is, as a clock's start; <see langword="null"/> if it starts none.</summary>
    public static ClockStart? StartedBy(JournalEntry entry) => entry.Event switch
    {
        HandlerAssigned => ClockStart.Assigned,
        FindingsRecorded => ClockStart.FindingsRecorded,
        DecisionCommunicated => ClockStart.Resolved,
        ComplaintReopened => ClockStart.Reopened,
        _ when entry.To == ComplaintState.Approved && entry.From != ComplaintState.Approved => ClockStart.RemedyApproved,
        _ => null,
    };

    /// <summary>
    /// The <see cref="DeadlinesStarted"/> event for the pending rules of <paramref name="c"/> that <paramref name="started"/>
    /// starts at <paramref name="now"/>; <see langword="null"/> if none waits for it.
    /// </summary>
    public static DeadlinesStarted? Start(Complaint c, ClockStart started, IBusinessCalendar calendar, DateTimeOffset now)
    {
        List<Deadline>? deadlines = null;
        for (var ruleIndex = 0; ruleIndex < c.PendingDeadlines.Count; ruleIndex++)
        {
            var rule = c.PendingDeadlines[ruleIndex];
            if (rule.StartsAt == started)
            {
                (deadlines ??= []).Add(Schedule(rule, calendar, now));
            }
        }

        return deadlines is null ? null : new DeadlinesStarted(started, deadlines);
    }

    /// <summary>The case's deadlines once <paramref name="started"/> are planned: each replaces an open deadline of its kind.</summary>
    public static Deadline[] Add(IReadOnlyList<Deadline> deadlines, IReadOnlyList<Deadline> started)
    {
        var result = new List<Deadline>(deadlines.Count + started.Count);
        foreach (var d in deadlines)
        {
            if (d.MetAt is not null || !started.Any(s => s.Kind == d.Kind))
            {
                result.Add(d);
            }
        }

        result.AddRange(started);
        return [.. result];
    }

    /// <summary>The rules still pending once the event <paramref name="started"/> started its own: those counted from reopening wait for the next.</summary>
    public static IReadOnlyList<DeadlineRule> StillPending(IReadOnlyList<DeadlineRule> pending, ClockStart started) =>
        started == ClockStart.Reopened ? pending : pending.Where(r => r.StartsAt != started).ToArray();
}
