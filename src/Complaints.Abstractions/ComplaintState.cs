namespace Complaints;

/// <summary>Where a case stands in its lifecycle. See <c>docs/lifecycle.md</c> for the diagram.</summary>
public enum ComplaintState
{
    /// <summary>Recorded, not yet judged admissible. Owned by whoever received it (first-contact responsibility).</summary>
    Received,

    /// <summary>Superstate of every state between triage and follow-up: the case is being handled.</summary>
    Open,

    /// <summary>Admissible, classified and routed to a department; waiting for a named handler.</summary>
    Triaged,

    /// <summary>A named handler owns it.</summary>
    Assigned,

    /// <summary>The handler gathers evidence, hears the accused and records findings.</summary>
    Investigating,

    /// <summary>A remedy is proposed and waits for one or more approvals.</summary>
    AwaitingApproval,

    /// <summary>The remedy is approved (or within the handler's authority) and ready to be communicated.</summary>
    Approved,

    /// <summary>The decision was communicated; waiting for the customer to accept or reject it. The SLA clock pauses.</summary>
    AwaitingCustomer,

    /// <summary>The customer accepted; the remedy is being carried out.</summary>
    Implementing,

    /// <summary>Carried out; satisfaction follow-up (回访).</summary>
    FollowUp,

    /// <summary>Closed and archived; may be reopened within the policy's window.</summary>
    Closed,

    /// <summary>Not admissible, with the reason given to the complainant.</summary>
    Rejected,

    /// <summary>Not ours to handle; the complainant was directed to the right body.</summary>
    Redirected,

    /// <summary>The complainant withdrew it.</summary>
    Withdrawn,
}

/// <summary>Severity tiers. Packs decide the tier; deadlines and approvals follow it.</summary>
public enum Severity
{
    /// <summary>Can usually be settled on the spot.</summary>
    Minor,

    /// <summary>A general complaint.</summary>
    General,

    /// <summary>Serious or involving several departments.</summary>
    Serious,

    /// <summary>A major complaint (重大投诉): immediate notice to the general manager and an emergency meeting before a remedy.</summary>
    Major,
}
