using System.Text.Json.Serialization;

namespace Complaints.Policy;

/// <summary>The outcome of the admissibility check.</summary>
public enum AdmissibilityOutcome
{
    /// <summary>Ours to handle.</summary>
    Accept,

    /// <summary>Not handled as a complaint (already in court, no identifiable subject or facts …), with the reason.</summary>
    Reject,

    /// <summary>Not ours: direct the complainant to the right body.</summary>
    Redirect,
}

/// <summary>Whether a complaint is admissible.</summary>
/// <param name="Outcome">Accept, reject or redirect.</param>
/// <param name="Reason">The reason given to the complainant (required unless accepted).</param>
/// <param name="RedirectTo">Where to direct the complainant, for <see cref="AdmissibilityOutcome.Redirect"/>.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record AdmissibilityDecision(
    AdmissibilityOutcome Outcome,
    string? Reason,
    string? RedirectTo,
    PolicyExplanation Explanation) : PolicyDecision(Explanation);

/// <summary>The category and severity tier of a complaint.</summary>
/// <param name="Category">The category (product-quality, billing, service-attitude …).</param>
/// <param name="Tier">The severity tier.</param>
/// <param name="Reasons">Why this tier, for a person to read.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record SeverityDecision(
    string Category,
    Severity Tier,
    IReadOnlyList<string> Reasons,
    PolicyExplanation Explanation) : PolicyDecision(Explanation);

/// <summary>Which department and role take the complaint.</summary>
/// <param name="Department">The responsible department.</param>
/// <param name="Role">The role that handles it there.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record RoutingDecision(DepartmentId Department, string Role, PolicyExplanation Explanation)
    : PolicyDecision(Explanation);

/// <summary>How durations are counted.</summary>
public enum DeadlineUnit
{
    /// <summary>Working days of the pack's business calendar.</summary>
    WorkingDays,

    /// <summary>Working hours of the pack's business calendar.</summary>
    WorkingHours,

    /// <summary>Calendar days.</summary>
    CalendarDays,

    /// <summary>Clock hours.</summary>
    Hours,
}

/// <summary>
/// The event whose time starts a deadline's clock. The workflow plans a deadline when its event happens and keeps
/// it pending (<see cref="Complaint.PendingDeadlines"/>) until then: a deadline whose event has not happened is not
/// due at all.
/// </summary>
/// <remarks>
/// A deadline is met by its own event whatever starts it: <see cref="DeadlineKind.Acknowledge"/> at triage,
/// <see cref="DeadlineKind.Propose"/> when a remedy is proposed, <see cref="DeadlineKind.Resolve"/> and
/// <see cref="DeadlineKind.NotifyResult"/> when the decision is communicated, <see cref="DeadlineKind.FollowUp"/> at a
/// follow-up contact. So its clock must start before that: a policy pack refuses to load a rule whose start comes
/// after what meets it (an <c>acknowledge</c> counted from assignment), and a hand-written policy that returns one gets
/// a deadline that can only be breached.
/// </remarks>
public enum ClockStart
{
    /// <summary>The receipt, or the last reopening when the case is triaged again after one: today's and the default start.</summary>
    Received,

    /// <summary>The triage that sets the deadlines (the case found admissible, classified and routed).</summary>
    Triaged,

    /// <summary>The first naming of a handler after triage (责任到人). A reassignment or a new handler after a recusal does not restart it: extend the deadline instead.</summary>
    Assigned,

    /// <summary>The first time the investigation's findings are recorded.</summary>
    FindingsRecorded,

    /// <summary>
    /// The first time a remedy is approved: the last approval step given, or a proposal within the handler's own
    /// authority (which needs none). It is when the handling is decided (处理完成), before it is told to the complainant.
    /// </summary>
    RemedyApproved,

    /// <summary>The first time the decision is communicated to the complainant.</summary>
    Resolved,

    /// <summary>Each reopening of a closed case: the rule stays pending and starts again at every reopening (a case triaged after a reopening starts it at triage, from the reopening).</summary>
    Reopened,
}

/// <summary>One deadline the policy sets.</summary>
/// <param name="Kind">What must happen.</param>
/// <param name="Amount">How many units.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Rule">The rule that set it.</param>
public sealed record DeadlineRule(DeadlineKind Kind, int Amount, DeadlineUnit Unit, string Rule)
{
    /// <summary>
    /// The event whose time starts the clock. Until it happens the deadline is pending, not planned; when it happens the
    /// workflow counts <see cref="Amount"/> <see cref="Unit"/> from that event's time on the policy's calendar.
    /// </summary>
    /// <value>The default value is <see cref="ClockStart.Received"/>: counted from receipt (or the last reopening).</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ClockStart StartsAt { get; init; }

    /// <summary>The share of the time (0–1) after which a warning is due; <see langword="null"/> for none.</summary>
    public decimal? WarnAtShare { get; init; }

    /// <summary>The most units the deadline may be extended to (e.g. 60 days for a 30-day deadline); <see langword="null"/> if it cannot be.</summary>
    public int? ExtendableTo { get; init; }

    /// <summary>The role whose approval an extension needs.</summary>
    public string? ExtensionApprovedBy { get; init; }
}

/// <summary>The deadlines a case gets at triage.</summary>
/// <param name="Deadlines">One per kind the policy sets.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record DeadlineDecision(IReadOnlyList<DeadlineRule> Deadlines, PolicyExplanation Explanation)
    : PolicyDecision(Explanation)
{
    /// <summary>
    /// Whether a due time set from this decision was counted over days without official holiday data; the
    /// explanation then has a <c>calendar-provisional</c> line saying which calendar and from which date.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Provisional { get; init; }
}

/// <summary>Who must approve a remedy. No steps means it is within the handler's own authority.</summary>
/// <param name="Steps">The roles that must approve, in order.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record ApprovalDecision(IReadOnlyList<string> Steps, PolicyExplanation Explanation)
    : PolicyDecision(Explanation)
{
    /// <summary>Whether the handler may decide alone.</summary>
    [JsonIgnore]
    public bool WithinHandlerAuthority => Steps.Count == 0;

    /// <summary>
    /// Whether one person holding the roles of several steps may approve them all. By default each step needs a
    /// different person (four eyes per step); a pack allows it with the setting <c>onePersonMayApproveSeveralSteps</c>.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool OnePersonMayApproveSeveralSteps { get; init; }
}

/// <summary>Whether a person must step aside from a case.</summary>
/// <param name="MustRecuse">Whether they have a conflict of interest.</param>
/// <param name="Reason">The conflict (is the accused, same department as the accused, declared relation, earlier involvement).</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record RecusalDecision(bool MustRecuse, string? Reason, PolicyExplanation Explanation)
    : PolicyDecision(Explanation);

/// <summary>Whether a reader may see the complainant's identity, and which of the case's materials are withheld from them.</summary>
/// <param name="MaySeeIdentity">Whether the name and contact details are shown.</param>
/// <param name="Reason">Why not, when not.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record ConfidentialityDecision(bool MaySeeIdentity, string? Reason, PolicyExplanation Explanation)
    : PolicyDecision(Explanation)
{
    /// <summary>
    /// The parts of the case withheld from this reader besides the identity (a pack's confidentiality rule names
    /// them with <c>"withhold"</c>), e.g. <see cref="ConfidentialParts.Materials"/> for the unit investigated.
    /// </summary>
    /// <value>The default value is <see cref="ConfidentialParts.None"/>.</value>
    public ConfidentialParts Withheld { get; init; }
}

/// <summary>Parts of a case a confidentiality decision can withhold from a reader, besides the complainant's identity.</summary>
[Flags]
public enum ConfidentialParts
{
    /// <summary>Nothing besides the identity.</summary>
    None = 0,

    /// <summary>The complaint's text (<see cref="ComplaintIntake.Description"/>).</summary>
    Description = 1,

    /// <summary>Where it happened (<see cref="ComplaintIntake.Location"/>).</summary>
    Location = 2,

    /// <summary>What the complainant asked for (<see cref="ComplaintIntake.DesiredRemedy"/>).</summary>
    DesiredRemedy = 4,

    /// <summary>The evidence references, of the intake and added later.</summary>
    Evidence = 8,

    /// <summary>The intake's attributes.</summary>
    Attributes = 16,

    /// <summary>What the accused said when heard.</summary>
    AccusedStatement = 32,

    /// <summary>The summary of the findings (the outcome and root cause stay).</summary>
    FindingsSummary = 64,

    /// <summary>
    /// The report's materials (举报材料): its text, location, desired remedy, evidence and attributes. What the unit
    /// investigated may not see (tobacco regulation art. 27(3)); it still sees that a case exists, its subject,
    /// category, state and deadlines — what it must answer.
    /// </summary>
    Materials = Description | Location | DesiredRemedy | Evidence | Attributes,
}

/// <summary>What can make a case go up a level.</summary>
public enum EscalationTrigger
{
    /// <summary>The customer rejected a proposed remedy.</summary>
    CustomerRejected,

    /// <summary>The customer or a member of staff asked for it.</summary>
    Requested,

    /// <summary>A deadline was breached.</summary>
    DeadlineBreached,
}

/// <summary>Whether a case goes up a level, and who is told.</summary>
/// <param name="Escalate">Whether to raise the level.</param>
/// <param name="Reason">Why.</param>
/// <param name="NotifyRole">Who to notify at the new level.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record EscalationDecision(bool Escalate, string? Reason, string? NotifyRole, PolicyExplanation Explanation)
    : PolicyDecision(Explanation);
