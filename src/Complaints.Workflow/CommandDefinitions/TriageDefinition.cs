using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="Triage"/>: asks the policy whether the case is admissible; if so, classifies and routes it and sets its
/// deadlines on the policy's calendar (those whose clocks start at a later event stay pending on the case); if not, rejects or redirects it as the policy says.
/// </summary>
internal sealed class TriageDefinition : CommandDefinition<Triage>
{
    public override ComplaintAction Action => ComplaintAction.Triage;

    // A policy rejection then fires Reject (or Redirect), but only once triage itself is allowed.
    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Accept];

    public override PermissionRule Permission => new([Coordinator, Manager]);

    protected override Step[] Decide(in DecisionContext context, Triage command)
    {
        var (policy, c) = (context.Policy, context.Case);
        var admissibility = policy.DecideAdmissibility(c);
        switch (admissibility.Outcome)
        {
            case AdmissibilityOutcome.Reject:
                return [new(Trigger.Reject, new ComplaintRejected(admissibility.Reason ?? "Not admissible.", admissibility))];
            case AdmissibilityOutcome.Redirect:
                return [new(Trigger.Redirect, new ComplaintRedirected(admissibility.RedirectTo ?? "the competent body", admissibility.Reason ?? "Outside our remit.", admissibility))];
        }

        // Each decision sees the ones before it: routing may depend on the tier, deadlines on both.
        var severity = policy.Classify(c);
        var classified = c with { Category = severity.Category, Severity = severity.Tier };
        var routing = policy.Route(classified);
        var routed = classified with { Department = routing.Department, ResponsibleRole = routing.Role };
        var deadlineRules = policy.SetDeadlines(routed);
        var calendar = context.Calendar();
        var (deadlines, pending) = DeadlineClocks.AtTriage(c, deadlineRules.Deadlines, calendar, context.Now);
        return [new(Trigger.Accept, new ComplaintTriaged(admissibility, severity, routing, MarkProvisional(deadlineRules, deadlines, calendar), deadlines) { PendingDeadlines = pending })];
    }

    /// <summary>The decision as recorded: flagged, with a reason line, when a due time was counted on provisional calendar days.</summary>
    private static DeadlineDecision MarkProvisional(DeadlineDecision decision, Deadline[] deadlines, IBusinessCalendar calendar)
    {
        var any = false;
        for (var i = 0; i < deadlines.Length && !any; i++)
        {
            any = deadlines[i].Provisional;
        }

        if (!any)
        {
            return decision;
        }

        var provisional = deadlines.Where(d => d.Provisional).Select(d => d.Kind.ToString()).ToArray();

        var since = calendar.OfficialDataEndsOn is { } end ? $"after {end:yyyy-MM-dd}, where its official holiday data ends" : "beyond its official holiday data";
        var reason = new RuleTrace("calendar-provisional", true,
            $"{string.Join(", ", provisional)} counted on the '{calendar.Name}' calendar's provisional days {since}: rest days and statutory holidays only, " +
            "no bridging or make-up days. Load the official data and issue ReplanDeadlines to recount.");
        return decision with { Provisional = true, Explanation = decision.Explanation with { Rules = [.. decision.Explanation.Rules, reason] } };
    }
}
