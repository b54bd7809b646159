using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Lifecycle;

namespace Complaints.Workflow;

public sealed partial class ComplaintService
{
    /// <summary>Asks the policy where the command needs a decision and returns the steps to fire. Changes nothing.</summary>
    private Step[] Decide(IComplaintPolicy policy, Complaint c, Actor actor, ComplaintCommand command, DateTimeOffset now) => command switch
    {
        ConfirmReadBack x => [new(Trigger.ConfirmReadBack, new ReadBackConfirmed(x.Method))],
        Triage => DecideTriage(policy, c),
        Reject x => [new(Trigger.Reject, new ComplaintRejected(x.Reason, null))],
        Redirect x => [new(Trigger.Redirect, new ComplaintRedirected(x.To, x.Reason, null))],
        ResolveOnSpot x => DecideOnSpot(policy, c, actor, x.Remedy),
        Assign x => [new(Trigger.Assign, new HandlerAssigned(x.Handler, CheckHandler(policy, c, x.Handler, isNewHandler: true), null))],
        Reassign x => [new(Trigger.Reassign, new HandlerAssigned(x.Handler, CheckHandler(policy, c, x.Handler, isNewHandler: c.Assignee?.Id != x.Handler.Id), x.Reason))],
        Recuse x => [new(Trigger.Recuse, new HandlerRecused(actor.Id, x.Reason))],
        StartInvestigation => [new(Trigger.StartInvestigation, new InvestigationStarted())],
        AddEvidence x => [new(Trigger.AddEvidence, new EvidenceAdded(x.Evidence))],
        HearAccused x => [new(Trigger.HearAccused, new AccusedHeard(x.Statement))],
        RecordFindings x => [new(Trigger.RecordFindings, new FindingsRecorded(x.Findings))],
        RecordEmergencyMeeting x => [new(Trigger.RecordEmergencyMeeting, new EmergencyMeetingRecorded(new EmergencyMeeting(now, x.Attendees, x.Minutes)))],
        ProposeRemedy x => DecideProposal(policy, c, x.Remedy),
        Approve x => DecideApproval(policy, c, actor, x.Note),
        DeclineApproval x => [new(Trigger.DeclineApproval, new ApprovalDeclined(c.PendingApproval!.Role, x.Reason))],
        CommunicateDecision x => [new(Trigger.CommunicateDecision, new DecisionCommunicated(x.Channel, x.Message))],
        RecordCustomerAcceptance x => [new(Trigger.CustomerAccepts, new CustomerAccepted(x.Comment))],
        RecordCustomerRejection x => DecideCustomerRejection(policy, c, x.Reason),
        Escalate x => [new(Trigger.Escalate, new Escalated(c.EscalationLevel + 1, x.Reason, policy.CheckEscalation(c, EscalationTrigger.Requested)))],
        CompleteImplementation x => [new(Trigger.CompleteImplementation, new ImplementationCompleted(x.Summary))],
        RecordFollowUp x => [new(Trigger.RecordFollowUp, new FollowUpRecorded(x.Satisfaction, x.Comment))],
        Close x => [new(Trigger.Close, new ComplaintClosed(x.Summary, c.Intake.Kind == ComplaintKind.Report ? policy.DecideReward(c) : null))],
        Reopen x => [new(c.Assignee is null ? Trigger.ReopenUnassigned : Trigger.Reopen, new ComplaintReopened(x.Reason))],
        Withdraw x => [new(Trigger.Withdraw, new ComplaintWithdrawn(x.Reason))],
        RecordDeadlineWarning x => DecideWarning(c, x.Kind, now),
        RecordDeadlineBreach x => DecideBreach(policy, c, x.Kind, now),
        ExtendDeadline x => DecideExtension(c, actor, x, now),
        ReplanDeadlines x => DecideReplan(policy, c, x, now),
        AssessAccountability x => [new(Trigger.AssessAccountability, new AccountabilityAssessed(x.Person.Id, x.Misconduct, policy.AssessPenalty(c, x.Person, x.Misconduct)))],
        _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
    };

    private Step[] DecideTriage(IComplaintPolicy policy, Complaint c)
    {
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
        var clockStart = c.ReopenedAt ?? c.ReceivedAt;
        var calendar = policy.CalendarName is { } name ? _calendars.Get(name) : _calendar;
        var deadlines = deadlineRules.Deadlines.Select(r => Schedule(r, calendar, clockStart)).ToArray();
        return [new(Trigger.Accept, new ComplaintTriaged(admissibility, severity, routing, MarkProvisional(deadlineRules, deadlines, calendar), deadlines))];
    }

    private static Deadline Schedule(DeadlineRule rule, IBusinessCalendar calendar, DateTimeOffset start)
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

    /// <summary>The decision as recorded: flagged, with a reason line, when a due time was counted on provisional calendar days.</summary>
    private static DeadlineDecision MarkProvisional(DeadlineDecision decision, IReadOnlyList<Deadline> deadlines, IBusinessCalendar calendar)
    {
        var provisional = deadlines.Where(d => d.Provisional).Select(d => d.Kind.ToString()).ToArray();
        if (provisional.Length == 0)
        {
            return decision;
        }

        var since = calendar.OfficialDataEndsOn is { } end ? $"after {end:yyyy-MM-dd}, where its official holiday data ends" : "beyond its official holiday data";
        var reason = new RuleTrace("calendar-provisional", true,
            $"{string.Join(", ", provisional)} counted on the '{calendar.Name}' calendar's provisional days {since}: rest days and statutory holidays only, " +
            "no bridging or make-up days. Load the official data and issue ReplanDeadlines to recount.");
        return decision with { Provisional = true, Explanation = decision.Explanation with { Rules = [.. decision.Explanation.Rules, reason] } };
    }

    private Step[] DecideWarning(Complaint c, DeadlineKind kind, DateTimeOffset now)
    {
        var deadline = OpenDeadline(c, kind, ComplaintAction.RecordDeadlineWarning, now);
        if (deadline.WarnAt is not { } warnAt || deadline.WarnedAt is not null || deadline.BreachedAt is not null || now < warnAt)
        {
            throw Refuse(c, ComplaintAction.RecordDeadlineWarning, now,
                deadline.WarnAt is null ? $"the {kind} deadline has no warning" : $"a {kind} warning that is due and not yet recorded (warn at {deadline.WarnAt:u})");
        }

        return [new(Trigger.RecordDeadlineWarning, new DeadlineWarned(kind, deadline.DueAt))];
    }

    private Step[] DecideBreach(IComplaintPolicy policy, Complaint c, DeadlineKind kind, DateTimeOffset now)
    {
        var deadline = OpenDeadline(c, kind, ComplaintAction.RecordDeadlineBreach, now);
        if (deadline.BreachedAt is not null || now < deadline.DueAt)
        {
            throw Refuse(c, ComplaintAction.RecordDeadlineBreach, now, $"a {kind} deadline that is past due and not yet recorded as breached (due {deadline.DueAt:u})");
        }

        var escalation = policy.CheckEscalation(c, EscalationTrigger.DeadlineBreached);
        var steps = new List<Step> { new(Trigger.RecordDeadlineBreach, new DeadlineBreached(kind, deadline.DueAt, escalation)) };
        if (escalation.Escalate)
        {
            steps.Add(new(Trigger.Escalate, new Escalated(c.EscalationLevel + 1, escalation.Reason ?? $"The {kind} deadline was breached.", escalation)));
        }

        // The person responsible when the deadline passed answers for the delay, as the policy sets.
        if (c.Assignee is { } handler)
        {
            steps.Add(new(Trigger.AssessAccountability, new AccountabilityAssessed(handler.Id, Misconduct.LateHandling, policy.AssessPenalty(c, handler, Misconduct.LateHandling))));
        }

        return [.. steps];
    }

    private Step[] DecideExtension(Complaint c, Actor actor, ExtendDeadline command, DateTimeOffset now)
    {
        var deadline = OpenDeadline(c, command.Kind, ComplaintAction.ExtendDeadline, now);
        if (deadline.ExtendableTo is not { } limit || deadline.BreachedAt is not null)
        {
            throw Refuse(c, ComplaintAction.ExtendDeadline, now,
                deadline.BreachedAt is null ? $"a {command.Kind} deadline the policy allows to extend" : $"a {command.Kind} deadline not yet breached");
        }

        if (deadline.ExtensionApprovedBy is { } role && !actor.HasRole(role))
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.ExtendDeadline, $"the policy reserves extending the {command.Kind} deadline to role {role}.");
        }

        if (command.NewDueAt <= deadline.DueAt || command.NewDueAt > limit)
        {
            throw new ComplaintValidationException([new ValidationError("NewDueAt",
                $"must be after the current due time {deadline.DueAt:u} and no later than {limit:u}, the most the policy allows.")]);
        }

        return [new(Trigger.ExtendDeadline, new DeadlineExtended(command.Kind, deadline.DueAt, command.NewDueAt, command.ReasonGivenToComplainant))];
    }

    /// <summary>
    /// Recounts each open provisional deadline on the calendar as it is now, and moves it by the difference, so that
    /// pauses keep their effect; a due time a person chose by extension stays as promised to the complainant.
    /// </summary>
    private Step[] DecideReplan(IComplaintPolicy policy, Complaint c, ReplanDeadlines command, DateTimeOffset now)
    {
        var calendar = policy.CalendarName is { } name ? _calendars.Get(name) : _calendar;
        var changes = new List<DeadlineReplan>();
        foreach (var d in c.Deadlines)
        {
            if (d is not { MetAt: null, BreachedAt: null, Plan: { } plan })
            {
                continue;
            }

            var planned = calendar.Add(plan.CountedFrom, plan.Amount, plan.Unit);
            var limit = plan.ExtendableTo is { } most ? calendar.Add(plan.CountedFrom, most, plan.Unit) : (DateTimeOffset?)null;
            var shift = planned - plan.PlannedDueAt;
            var extended = d.ExtensionReason is not null;
            var due = extended ? d.DueAt : d.DueAt + shift;
            var warn = d.WarnAt is { } w && d.WarnedAt is null && !extended && plan.WarnAtShare is { } share ? w + (shift * (double)share) : d.WarnAt;
            var extendableTo = d.ExtendableTo is { } l && limit is { } newLimit && plan.PlannedExtendableTo is { } oldLimit ? l + (newLimit - oldLimit) : d.ExtendableTo;
            var still = calendar.IsProvisional(plan.CountedFrom, limit ?? planned, plan.Unit)
                ? plan with { PlannedDueAt = planned, PlannedExtendableTo = limit }
                : null;
            if (due != d.DueAt || warn != d.WarnAt || extendableTo != d.ExtendableTo || still != plan)
            {
                changes.Add(new DeadlineReplan(d.Kind, d.DueAt, due, warn, extendableTo, still));
            }
        }

        return changes.Count > 0
            ? [new(Trigger.ReplanDeadlines, new DeadlinesReplanned(changes, command.Reason))]
            : throw Refuse(c, ComplaintAction.ReplanDeadlines, now,
                $"official holiday data on the '{calendar.Name}' calendar for the days its provisional deadlines span (load it, e.g. BusinessCalendars.China(documents) registered as '{calendar.Name}', then replan)");
    }

    private Deadline OpenDeadline(Complaint c, DeadlineKind kind, ComplaintAction action, DateTimeOffset now) =>
        c.Deadlines.FirstOrDefault(d => d.Kind == kind && d.MetAt is null)
        ?? throw Refuse(c, action, now, $"an open {kind} deadline");

    private InvalidTransitionException Refuse(Complaint c, ComplaintAction action, DateTimeOffset now, string condition) =>
        new(c.Id, c.State, action, LifecycleMachine.For(c, now, _options.ReopenWindow).AllowedActions(), [condition]);

    private static Step[] DecideOnSpot(IComplaintPolicy policy, Complaint c, Actor actor, RemedyProposal remedy)
    {
        var severity = policy.Classify(c);
        var approval = policy.RequireApproval(c with { Category = severity.Category, Severity = severity.Tier }, remedy);
        if (severity.Tier > Severity.General)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.ResolveOnSpot,
                $"the policy classifies it as {severity.Tier} ({string.Join("; ", severity.Reasons)}), and only minor or general complaints are settled on the spot. Triage it instead.");
        }

        if (!approval.WithinHandlerAuthority)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.ResolveOnSpot,
                $"the remedy needs approval by {string.Join(" then ", approval.Steps)}, so it is not within the receiver's authority. Triage it instead.");
        }

        return [new(Trigger.ResolveOnSpot, new ResolvedOnSpot(remedy, severity, approval))];
    }

    private static RecusalDecision CheckHandler(IComplaintPolicy policy, Complaint c, Actor handler, bool isNewHandler)
    {
        if (!isNewHandler)
        {
            throw new ComplaintValidationException([new ValidationError("Handler", $"{handler.Id} already handles complaint {c.Id}; name someone else.")]);
        }

        if (c.IsAccused(handler.Id))
        {
            throw new RecusalRequiredException(c.Id, handler.Id, AccusedReason, []);
        }

        if (c.Recusals.FirstOrDefault(r => r.Actor == handler.Id) is { } earlier)
        {
            throw new RecusalRequiredException(c.Id, handler.Id, $"they were recused earlier ({earlier.Reason})", []);
        }

        var recusal = policy.CheckRecusal(c, handler);
        return recusal.MustRecuse
            ? throw new RecusalRequiredException(c.Id, handler.Id, recusal.Reason ?? "conflict of interest", recusal.Explanation.MatchedRules.ToArray())
            : recusal;
    }

    private static Step[] DecideProposal(IComplaintPolicy policy, Complaint c, RemedyProposal remedy)
    {
        var approval = policy.RequireApproval(c, remedy);
        var trigger = approval.WithinHandlerAuthority ? Trigger.ProposeWithinAuthority : Trigger.ProposeForApproval;
        return [new(trigger, new RemedyProposed(remedy, approval))];
    }

    private static Step[] DecideApproval(IComplaintPolicy policy, Complaint c, Actor actor, string? note)
    {
        var step = c.PendingApproval!;
        if (c.Assignee?.Id == actor.Id)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.Approve, "they proposed the remedy, and no one approves their own proposal.");
        }

        if (c.Approvals.FirstOrDefault(s => s.ApprovedBy == actor.Id) is { } earlier
            && !policy.RequireApproval(c, c.Remedy!).OnePersonMayApproveSeveralSteps)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.Approve,
                $"they approved the step '{earlier.Role}' already, and each step of the approval needs a different person. Someone else holding the role '{step.Role}' approves it.");
        }

        var recusal = policy.CheckRecusal(c, actor);
        if (recusal.MustRecuse)
        {
            throw new RecusalRequiredException(c.Id, actor.Id, recusal.Reason ?? "conflict of interest", recusal.Explanation.MatchedRules.ToArray());
        }

        var last = c.Approvals.Count(s => s.ApprovedBy is null) == 1;
        return [new(last ? Trigger.ApproveFinal : Trigger.ApproveStep, new RemedyApproved(step.Role, note, recusal))];
    }

    private static Step[] DecideCustomerRejection(IComplaintPolicy policy, Complaint c, string reason)
    {
        var round = c.CustomerRejections + 1;
        var escalation = policy.CheckEscalation(
            c with { CustomerRejections = round, State = ComplaintState.Investigating }, EscalationTrigger.CustomerRejected);
        var rejected = new Step(Trigger.CustomerRejects, new CustomerRejected(reason, round, escalation));
        if (!escalation.Escalate)
        {
            return [rejected];
        }

        var why = escalation.Reason ?? $"The customer rejected the remedy {round} time(s).";
        return [rejected, new(Trigger.Escalate, new Escalated(c.EscalationLevel + 1, why, escalation))];
    }
}
