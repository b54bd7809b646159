using Complaints.Commands;

namespace Complaints.Workflow.Lifecycle;

/// <summary>The lifecycle's triggers. A command maps to one or more; policy decides which one fires.</summary>
internal enum Trigger
{
    ConfirmReadBack,
    Accept,
    Reject,
    Redirect,
    ResolveOnSpot,
    Assign,
    Reassign,
    Recuse,
    StartInvestigation,
    AddEvidence,
    HearAccused,
    RecordFindings,
    RecordEmergencyMeeting,
    ProposeForApproval,
    ProposeWithinAuthority,
    ApproveStep,
    ApproveFinal,
    DeclineApproval,
    CommunicateDecision,
    CustomerAccepts,
    CustomerRejects,
    Escalate,
    CompleteImplementation,
    RecordFollowUp,
    Close,
    Reopen,
    ReopenUnassigned,
    Withdraw,
    AssessAccountability,
    RecordDeadlineWarning,
    RecordDeadlineBreach,
    ExtendDeadline,
}

internal static class TriggerMap
{
    /// <summary>The command each trigger belongs to, for "allowed now" lists.</summary>
    public static ComplaintAction ToAction(this Trigger trigger) => trigger switch
    {
        Trigger.ConfirmReadBack => ComplaintAction.ConfirmReadBack,
        Trigger.Accept => ComplaintAction.Triage,
        Trigger.Reject => ComplaintAction.Reject,
        Trigger.Redirect => ComplaintAction.Redirect,
        Trigger.ResolveOnSpot => ComplaintAction.ResolveOnSpot,
        Trigger.Assign => ComplaintAction.Assign,
        Trigger.Reassign => ComplaintAction.Reassign,
        Trigger.Recuse => ComplaintAction.Recuse,
        Trigger.StartInvestigation => ComplaintAction.StartInvestigation,
        Trigger.AddEvidence => ComplaintAction.AddEvidence,
        Trigger.HearAccused => ComplaintAction.HearAccused,
        Trigger.RecordFindings => ComplaintAction.RecordFindings,
        Trigger.RecordEmergencyMeeting => ComplaintAction.RecordEmergencyMeeting,
        Trigger.ProposeForApproval or Trigger.ProposeWithinAuthority => ComplaintAction.ProposeRemedy,
        Trigger.ApproveStep or Trigger.ApproveFinal => ComplaintAction.Approve,
        Trigger.DeclineApproval => ComplaintAction.DeclineApproval,
        Trigger.CommunicateDecision => ComplaintAction.CommunicateDecision,
        Trigger.CustomerAccepts => ComplaintAction.RecordCustomerAcceptance,
        Trigger.CustomerRejects => ComplaintAction.RecordCustomerRejection,
        Trigger.Escalate => ComplaintAction.Escalate,
        Trigger.CompleteImplementation => ComplaintAction.CompleteImplementation,
        Trigger.RecordFollowUp => ComplaintAction.RecordFollowUp,
        Trigger.Close => ComplaintAction.Close,
        Trigger.Reopen or Trigger.ReopenUnassigned => ComplaintAction.Reopen,
        Trigger.Withdraw => ComplaintAction.Withdraw,
        Trigger.AssessAccountability => ComplaintAction.AssessAccountability,
        Trigger.RecordDeadlineWarning => ComplaintAction.RecordDeadlineWarning,
        Trigger.RecordDeadlineBreach => ComplaintAction.RecordDeadlineBreach,
        Trigger.ExtendDeadline => ComplaintAction.ExtendDeadline,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    /// <summary>The triggers a command may fire; the first permitted one wins unless the handler chooses.</summary>
    public static ReadOnlySpan<Trigger> Candidates(ComplaintAction action) => action switch
    {
        ComplaintAction.ConfirmReadBack => [Trigger.ConfirmReadBack],
        ComplaintAction.Triage => [Trigger.Accept], // a policy rejection then fires Reject, but only once triage itself is allowed
        ComplaintAction.Reject => [Trigger.Reject],
        ComplaintAction.Redirect => [Trigger.Redirect],
        ComplaintAction.ResolveOnSpot => [Trigger.ResolveOnSpot],
        ComplaintAction.Assign => [Trigger.Assign],
        ComplaintAction.Reassign => [Trigger.Reassign],
        ComplaintAction.Recuse => [Trigger.Recuse],
        ComplaintAction.StartInvestigation => [Trigger.StartInvestigation],
        ComplaintAction.AddEvidence => [Trigger.AddEvidence],
        ComplaintAction.HearAccused => [Trigger.HearAccused],
        ComplaintAction.RecordFindings => [Trigger.RecordFindings],
        ComplaintAction.RecordEmergencyMeeting => [Trigger.RecordEmergencyMeeting],
        ComplaintAction.ProposeRemedy => [Trigger.ProposeForApproval, Trigger.ProposeWithinAuthority],
        ComplaintAction.Approve => [Trigger.ApproveStep, Trigger.ApproveFinal],
        ComplaintAction.DeclineApproval => [Trigger.DeclineApproval],
        ComplaintAction.CommunicateDecision => [Trigger.CommunicateDecision],
        ComplaintAction.RecordCustomerAcceptance => [Trigger.CustomerAccepts],
        ComplaintAction.RecordCustomerRejection => [Trigger.CustomerRejects],
        ComplaintAction.Escalate => [Trigger.Escalate],
        ComplaintAction.CompleteImplementation => [Trigger.CompleteImplementation],
        ComplaintAction.RecordFollowUp => [Trigger.RecordFollowUp],
        ComplaintAction.Close => [Trigger.Close],
        ComplaintAction.Reopen => [Trigger.Reopen, Trigger.ReopenUnassigned],
        ComplaintAction.Withdraw => [Trigger.Withdraw],
        ComplaintAction.AssessAccountability => [Trigger.AssessAccountability],
        ComplaintAction.RecordDeadlineWarning => [Trigger.RecordDeadlineWarning],
        ComplaintAction.RecordDeadlineBreach => [Trigger.RecordDeadlineBreach],
        ComplaintAction.ExtendDeadline => [Trigger.ExtendDeadline],
        _ => [],
    };
}
