using Complaints.Commands;
using Complaints.Workflow.CommandDefinitions;

namespace Complaints.Workflow.Lifecycle;

/// <summary>
/// The lifecycle's triggers. A command's definition (<see cref="CommandDefinition"/>) lists the ones it may fire;
/// policy decides which one fires.
/// </summary>
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
    ReplanDeadlines,
    PlaceHold,
    ReleaseHold,
}

internal static class TriggerMap
{
    /// <summary>The command each trigger belongs to, for "allowed now" lists: the one whose definition lists it.</summary>
    public static ComplaintAction ToAction(this Trigger trigger) => CommandTable.ActionOf(trigger);
}
