namespace Complaints.Rules;

/// <summary>The decisions a pack makes, one RulesEngine workflow (one file) each.</summary>
public enum DecisionPoint
{
    /// <summary><c>admissibility.json</c>: accept, reject with a reason, or redirect. First matching rule wins; none → accept.</summary>
    Admissibility,

    /// <summary><c>severity.json</c>: category (first match) and tier (highest match); none → the pack's defaults.</summary>
    Severity,

    /// <summary><c>routing.json</c>: department and role. First match wins; none → the pack's default department.</summary>
    Routing,

    /// <summary><c>deadlines.json</c>: every matching rule sets one deadline; the first rule per kind wins.</summary>
    Deadlines,

    /// <summary><c>approval.json</c>: every matching rule adds approval steps, ordered by the pack's role ladder; none → within the handler's authority.</summary>
    Approval,

    /// <summary><c>recusal.json</c>: any matching rule means the person must step aside.</summary>
    Recusal,

    /// <summary><c>confidentiality.json</c>: any matching rule hides the complainant's identity from the reader.</summary>
    Confidentiality,

    /// <summary><c>escalation.json</c>: the first matching rule raises the case a level.</summary>
    Escalation,

    /// <summary><c>rewards.json</c>: the first matching rule sets the reward range for a report.</summary>
    Rewards,

    /// <summary><c>penalties.json</c>: every matching rule adds its sanctions.</summary>
    Penalties,

    /// <summary><c>guidance.json</c>: every matching rule adds its advice.</summary>
    Guidance,

    /// <summary>
    /// <c>notices.json</c>: who is told at which event of a case; every matching rule adds its notice. Optional: a
    /// pack without the file sends only the workflow's own notifications.
    /// </summary>
    Notices,
}
