using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Lifecycle;

namespace Complaints.Workflow;

public sealed partial class ComplaintService
{
    /// <summary>Asks the policy where the command needs a decision and returns the steps to fire. Changes nothing.</summary>
    private Step[] Decide(Complaint c, Actor actor, ComplaintCommand command, DateTimeOffset now) => command switch
    {
        ConfirmReadBack x => [new(Trigger.ConfirmReadBack, new ReadBackConfirmed(x.Method))],
        Triage => DecideTriage(c),
        Reject x => [new(Trigger.Reject, new ComplaintRejected(x.Reason, null))],
        Redirect x => [new(Trigger.Redirect, new ComplaintRedirected(x.To, x.Reason, null))],
        ResolveOnSpot x => DecideOnSpot(c, actor, x.Remedy),
        Assign x => [new(Trigger.Assign, new HandlerAssigned(x.Handler, CheckHandler(c, x.Handler, isNewHandler: true), null))],
        Reassign x => [new(Trigger.Reassign, new HandlerAssigned(x.Handler, CheckHandler(c, x.Handler, isNewHandler: c.Assignee?.Id != x.Handler.Id), x.Reason))],
        Recuse x => [new(Trigger.Recuse, new HandlerRecused(actor.Id, x.Reason))],
        StartInvestigation => [new(Trigger.StartInvestigation, new InvestigationStarted())],
        AddEvidence x => [new(Trigger.AddEvidence, new EvidenceAdded(x.Evidence))],
        HearAccused x => [new(Trigger.HearAccused, new AccusedHeard(x.Statement))],
        RecordFindings x => [new(Trigger.RecordFindings, new FindingsRecorded(x.Findings))],
        RecordEmergencyMeeting x => [new(Trigger.RecordEmergencyMeeting, new EmergencyMeetingRecorded(new EmergencyMeeting(now, x.Attendees, x.Minutes)))],
        ProposeRemedy x => DecideProposal(c, x.Remedy),
        Approve x => DecideApproval(c, actor, x.Note),
        DeclineApproval x => [new(Trigger.DeclineApproval, new ApprovalDeclined(c.PendingApproval!.Role, x.Reason))],
        CommunicateDecision x => [new(Trigger.CommunicateDecision, new DecisionCommunicated(x.Channel, x.Message))],
        RecordCustomerAcceptance x => [new(Trigger.CustomerAccepts, new CustomerAccepted(x.Comment))],
        RecordCustomerRejection x => DecideCustomerRejection(c, x.Reason),
        Escalate x => [new(Trigger.Escalate, new Escalated(c.EscalationLevel + 1, x.Reason, _policy.CheckEscalation(c, EscalationTrigger.Requested)))],
        CompleteImplementation x => [new(Trigger.CompleteImplementation, new ImplementationCompleted(x.Summary))],
        RecordFollowUp x => [new(Trigger.RecordFollowUp, new FollowUpRecorded(x.Satisfaction, x.Comment))],
        Close x => [new(Trigger.Close, new ComplaintClosed(x.Summary))],
        Reopen x => [new(c.Assignee is null ? Trigger.ReopenUnassigned : Trigger.Reopen, new ComplaintReopened(x.Reason))],
        Withdraw x => [new(Trigger.Withdraw, new ComplaintWithdrawn(x.Reason))],
        _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
    };

    private Step[] DecideTriage(Complaint c)
    {
        var admissibility = _policy.DecideAdmissibility(c);
        switch (admissibility.Outcome)
        {
            case AdmissibilityOutcome.Reject:
                return [new(Trigger.Reject, new ComplaintRejected(admissibility.Reason ?? "Not admissible.", admissibility))];
            case AdmissibilityOutcome.Redirect:
                return [new(Trigger.Redirect, new ComplaintRedirected(admissibility.RedirectTo ?? "the competent body", admissibility.Reason ?? "Outside our remit.", admissibility))];
        }

        // Each decision sees the ones before it: routing may depend on the tier, deadlines on both.
        var severity = _policy.Classify(c);
        var classified = c with { Category = severity.Category, Severity = severity.Tier };
        var routing = _policy.Route(classified);
        var routed = classified with { Department = routing.Department, ResponsibleRole = routing.Role };
        var deadlineRules = _policy.SetDeadlines(routed);
        var clockStart = c.ReopenedAt ?? c.ReceivedAt;
        var deadlines = deadlineRules.Deadlines
            .Select(r => new Deadline(r.Kind, _calendar.Add(clockStart, r.Amount, r.Unit), r.Rule, _calendar.Name))
            .ToArray();
        return [new(Trigger.Accept, new ComplaintTriaged(admissibility, severity, routing, deadlineRules, deadlines))];
    }

    private Step[] DecideOnSpot(Complaint c, Actor actor, RemedyProposal remedy)
    {
        var severity = _policy.Classify(c);
        var approval = _policy.RequireApproval(c with { Category = severity.Category, Severity = severity.Tier }, remedy);
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

    private RecusalDecision CheckHandler(Complaint c, Actor handler, bool isNewHandler)
    {
        if (!isNewHandler)
        {
            throw new ComplaintValidationException([new ValidationError("Handler", $"{handler.Id} already handles complaint {c.Id}; name someone else.")]);
        }

        if (c.IsAccused(handler.Id))
        {
            throw new RecusalRequiredException(c.Id, handler.Id, "they are the person complained about", []);
        }

        if (c.Recusals.FirstOrDefault(r => r.Actor == handler.Id) is { } earlier)
        {
            throw new RecusalRequiredException(c.Id, handler.Id, $"they were recused earlier ({earlier.Reason})", []);
        }

        var recusal = _policy.CheckRecusal(c, handler);
        return recusal.MustRecuse
            ? throw new RecusalRequiredException(c.Id, handler.Id, recusal.Reason ?? "conflict of interest", recusal.Explanation.MatchedRules.ToArray())
            : recusal;
    }

    private Step[] DecideProposal(Complaint c, RemedyProposal remedy)
    {
        var approval = _policy.RequireApproval(c, remedy);
        var trigger = approval.WithinHandlerAuthority ? Trigger.ProposeWithinAuthority : Trigger.ProposeForApproval;
        return [new(trigger, new RemedyProposed(remedy, approval))];
    }

    private Step[] DecideApproval(Complaint c, Actor actor, string? note)
    {
        var step = c.PendingApproval!;
        if (c.Assignee?.Id == actor.Id)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.Approve, "they proposed the remedy, and no one approves their own proposal.");
        }

        var recusal = _policy.CheckRecusal(c, actor);
        if (recusal.MustRecuse)
        {
            throw new RecusalRequiredException(c.Id, actor.Id, recusal.Reason ?? "conflict of interest", recusal.Explanation.MatchedRules.ToArray());
        }

        var last = c.Approvals.Count(s => s.ApprovedBy is null) == 1;
        return [new(last ? Trigger.ApproveFinal : Trigger.ApproveStep, new RemedyApproved(step.Role, note, recusal))];
    }

    private Step[] DecideCustomerRejection(Complaint c, string reason)
    {
        var round = c.CustomerRejections + 1;
        var escalation = _policy.CheckEscalation(
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
