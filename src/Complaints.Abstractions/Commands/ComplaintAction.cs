namespace Complaints.Commands;

/// <summary>Every action a person can take on a case; the unit of permission.</summary>
public enum ComplaintAction
{
    /// <summary>Record a new complaint (受理).</summary>
    Receive,

    /// <summary>Record that the complainant confirmed the read-back of an oral record.</summary>
    ConfirmReadBack,

    /// <summary>Ask the policy whether the case is admissible and, if so, classify and route it.</summary>
    Triage,

    /// <summary>Reject as inadmissible, with a reason.</summary>
    Reject,

    /// <summary>Direct the complainant to the right body.</summary>
    Redirect,

    /// <summary>Settle a minor complaint on the spot (当场处理).</summary>
    ResolveOnSpot,

    /// <summary>Name the responsible handler.</summary>
    Assign,

    /// <summary>Hand the case to another handler.</summary>
    Reassign,

    /// <summary>The handler steps aside for a conflict of interest (回避).</summary>
    Recuse,

    /// <summary>Begin the investigation.</summary>
    StartInvestigation,

    /// <summary>Add evidence.</summary>
    AddEvidence,

    /// <summary>Record the accused's side (申辩).</summary>
    HearAccused,

    /// <summary>Record the findings and root cause.</summary>
    RecordFindings,

    /// <summary>Record the emergency meeting of a major complaint.</summary>
    RecordEmergencyMeeting,

    /// <summary>Propose a remedy.</summary>
    ProposeRemedy,

    /// <summary>Give the pending approval.</summary>
    Approve,

    /// <summary>Refuse the pending approval; the handler proposes again.</summary>
    DeclineApproval,

    /// <summary>Tell the complainant the decision.</summary>
    CommunicateDecision,

    /// <summary>Record that the customer accepted the remedy.</summary>
    RecordCustomerAcceptance,

    /// <summary>Record that the customer rejected the remedy.</summary>
    RecordCustomerRejection,

    /// <summary>Raise the escalation level (报请上级).</summary>
    Escalate,

    /// <summary>Record that the remedy was carried out.</summary>
    CompleteImplementation,

    /// <summary>Record a satisfaction follow-up (回访).</summary>
    RecordFollowUp,

    /// <summary>Close and archive.</summary>
    Close,

    /// <summary>Reopen a closed case within the window.</summary>
    Reopen,

    /// <summary>Record that the complainant withdrew.</summary>
    Withdraw,

    /// <summary>Assess a member of staff's accountability (late handling, a leak, retaliation …) and record the sanctions.</summary>
    AssessAccountability,

    /// <summary>Record that a deadline is near (the deadline worker does this).</summary>
    RecordDeadlineWarning,

    /// <summary>Record that a deadline was breached (the deadline worker does this): escalation and accountability follow the policy.</summary>
    RecordDeadlineBreach,

    /// <summary>Extend a deadline within the policy's limit, with the reason given to the complainant.</summary>
    ExtendDeadline,

    /// <summary>Read a case or its journal (not a command; used in permission errors of reads).</summary>
    View,

    /// <summary>Recount deadlines counted on provisional calendar days once official holiday data is loaded.</summary>
    ReplanDeadlines,

    /// <summary>Put a product (a category or kind of product) on hold while it is checked.</summary>
    PlaceHold,

    /// <summary>Release a product hold with the result of the check; allowed even after the case ended.</summary>
    ReleaseHold,
}
