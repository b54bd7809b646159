namespace Complaints.Testing;

/// <summary>
/// What a <see cref="CaseDriver"/> records at each step of the happy path: the accused's statement, the findings,
/// the emergency meeting, the remedy, the notes of the approvals, the decision communicated and so on. The defaults
/// tell one plain story (a quoted price not honoured, 5,000 CNY refunded); change what a test is about with
/// <c>with</c>.
/// </summary>
/// <example>
/// <code>
/// var script = new CaseScript { Remedy = A.Remedy(RemedyKind.Refund, 300) };
/// </code>
/// </example>
public sealed record CaseScript
{
    /// <summary>What the accused member of staff says when heard.</summary>
    /// <value>The default value is <c>"I was polite; the price had changed."</c>.</value>
    public string AccusedStatement { get; init; } = "I was polite; the price had changed.";

    /// <summary>The investigation's findings.</summary>
    /// <value>The default value is partly substantiated, a staff error: <c>"The old price was quoted in writing."</c>.</value>
    public Findings Findings { get; init; } = new(FindingOutcome.PartlySubstantiated, RootCause.StaffError, "The old price was quoted in writing.");

    /// <summary>Who attended the emergency meeting of a major complaint.</summary>
    /// <value>The default value is <c>["General manager", "Service manager"]</c>.</value>
    public IReadOnlyList<string> MeetingAttendees { get; init; } = ["General manager", "Service manager"];

    /// <summary>The minutes of the emergency meeting.</summary>
    /// <value>The default value is <c>"Recall the batch."</c>.</value>
    public string MeetingMinutes { get; init; } = "Recall the batch.";

    /// <summary>The remedy proposed; how many approval steps it needs is the policy's decision.</summary>
    /// <value>The default value is a 5,000 CNY compensation, <c>"Refund the price difference"</c>.</value>
    public RemedyProposal Remedy { get; init; } = new(RemedyKind.Compensation, "Refund the price difference", new Money(5_000, "CNY"));

    /// <summary>The note every approval step carries.</summary>
    /// <value>The default value is <c>"Agreed."</c>.</value>
    public string ApprovalNote { get; init; } = "Agreed.";

    /// <summary>How the decision is communicated to the complainant.</summary>
    /// <value>The default value is <see cref="Channel.Phone"/>.</value>
    public Channel DecisionChannel { get; init; } = Channel.Phone;

    /// <summary>The decision as told to the complainant.</summary>
    /// <value>The default value is <c>"We will refund the difference."</c>.</value>
    public string DecisionMessage { get; init; } = "We will refund the difference.";

    /// <summary>What the customer says when accepting the remedy.</summary>
    /// <value>The default value is <c>"Fine."</c>.</value>
    public string? CustomerAcceptance { get; init; } = "Fine.";

    /// <summary>How the remedy was carried out.</summary>
    /// <value>The default value is <c>"Refunded."</c>.</value>
    public string Implementation { get; init; } = "Refunded.";

    /// <summary>The satisfaction recorded at the follow-up.</summary>
    /// <value>The default value is <see cref="Satisfaction.Satisfied"/>.</value>
    public Satisfaction FollowUpSatisfaction { get; init; } = Satisfaction.Satisfied;

    /// <summary>The comment recorded at the follow-up.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? FollowUpComment { get; init; }

    /// <summary>The closing summary.</summary>
    /// <value>The default value is <c>"Resolved; sales team briefed on honouring quotes."</c>.</value>
    public string ClosingSummary { get; init; } = "Resolved; sales team briefed on honouring quotes.";

    /// <summary>Why the case is rejected, when driven to <see cref="ComplaintState.Rejected"/>.</summary>
    /// <value>The default value is <c>"Already filed in court."</c>.</value>
    public string RejectionReason { get; init; } = "Already filed in court.";

    /// <summary>Where the complainant is sent, when driven to <see cref="ComplaintState.Redirected"/>.</summary>
    /// <value>The default value is <c>"the consumer association"</c>.</value>
    public string RedirectTo { get; init; } = "the consumer association";

    /// <summary>Why the case is redirected.</summary>
    /// <value>The default value is <c>"Not our product."</c>.</value>
    public string RedirectReason { get; init; } = "Not our product.";

    /// <summary>Why the case is withdrawn, when driven to <see cref="ComplaintState.Withdrawn"/>.</summary>
    /// <value>The default value is <c>"Settled privately."</c>.</value>
    public string WithdrawalReason { get; init; } = "Settled privately.";
}
