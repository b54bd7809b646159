using System.Text.Json.Serialization;
using Complaints.Policy;

namespace Complaints.Journal;

/// <summary>What happened to a case. Each subtype carries the details a person or an auditor needs.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ComplaintReceived), "received")]
[JsonDerivedType(typeof(ReadBackConfirmed), "read-back-confirmed")]
[JsonDerivedType(typeof(ComplaintTriaged), "triaged")]
[JsonDerivedType(typeof(ComplaintRejected), "rejected")]
[JsonDerivedType(typeof(ComplaintRedirected), "redirected")]
[JsonDerivedType(typeof(ResolvedOnSpot), "resolved-on-spot")]
[JsonDerivedType(typeof(HandlerAssigned), "handler-assigned")]
[JsonDerivedType(typeof(HandlerRecused), "handler-recused")]
[JsonDerivedType(typeof(InvestigationStarted), "investigation-started")]
[JsonDerivedType(typeof(EvidenceAdded), "evidence-added")]
[JsonDerivedType(typeof(AccusedHeard), "accused-heard")]
[JsonDerivedType(typeof(FindingsRecorded), "findings-recorded")]
[JsonDerivedType(typeof(EmergencyMeetingRecorded), "emergency-meeting-recorded")]
[JsonDerivedType(typeof(RemedyProposed), "remedy-proposed")]
[JsonDerivedType(typeof(RemedyApproved), "remedy-approved")]
[JsonDerivedType(typeof(ApprovalDeclined), "approval-declined")]
[JsonDerivedType(typeof(DecisionCommunicated), "decision-communicated")]
[JsonDerivedType(typeof(CustomerAccepted), "customer-accepted")]
[JsonDerivedType(typeof(CustomerRejected), "customer-rejected")]
[JsonDerivedType(typeof(Escalated), "escalated")]
[JsonDerivedType(typeof(ImplementationCompleted), "implementation-completed")]
[JsonDerivedType(typeof(FollowUpRecorded), "follow-up-recorded")]
[JsonDerivedType(typeof(ComplaintClosed), "closed")]
[JsonDerivedType(typeof(ComplaintReopened), "reopened")]
[JsonDerivedType(typeof(ComplaintWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(AccountabilityAssessed), "accountability-assessed")]
[JsonDerivedType(typeof(DeadlineWarned), "deadline-warned")]
[JsonDerivedType(typeof(DeadlineBreached), "deadline-breached")]
[JsonDerivedType(typeof(DeadlineExtended), "deadline-extended")]
[JsonDerivedType(typeof(DeadlinesReplanned), "deadlines-replanned")]
[JsonDerivedType(typeof(ProductHoldPlaced), "product-hold-placed")]
[JsonDerivedType(typeof(ProductHoldReleased), "product-hold-released")]
[JsonDerivedType(typeof(DeadlinesStarted), "deadlines-started")]
[JsonDerivedType(typeof(ComplaintImported), "imported")]
public abstract record ComplaintEvent;

/// <summary>The complaint was received and recorded.</summary>
/// <param name="Intake">What was recorded.</param>
/// <param name="Policy">The policy the case is opened under.</param>
public sealed record ComplaintReceived(ComplaintIntake Intake, PolicyRef Policy) : ComplaintEvent
{
    /// <summary>
    /// The salted hash of the secret the complainant was given to look up the case's status
    /// (<see cref="Complaint.StatusKey"/>); <see langword="null"/> for a case received before secrets were issued.
    /// </summary>
    public string? StatusKey { get; init; }
}

/// <summary>
/// The case was brought in from another system's history as it stood there (an import), instead of being received: the
/// first entry of its journal, holding the whole case. The entry's time is when it was imported, its actor the importer,
/// and its <see cref="JournalEntry.To"/> the state the history gives.
/// </summary>
/// <param name="Source">Where it came from (e.g. <c>cfpb</c>), the first half of its identity in the import.</param>
/// <param name="SourceKey">Its key in the source (e.g. the source's complaint number), the second half.</param>
/// <param name="Case">The case as the history recorded it.</param>
public sealed record ComplaintImported(string Source, string SourceKey, ImportedCase Case) : ComplaintEvent;

/// <summary>The complainant confirmed the read-back.</summary>
/// <param name="Method">How.</param>
public sealed record ReadBackConfirmed(ReadBackMethod Method) : ComplaintEvent;

/// <summary>Found admissible, classified, routed, deadlines set.</summary>
/// <param name="Admissibility">The admissibility decision.</param>
/// <param name="Severity">The category and tier.</param>
/// <param name="Routing">The department and role.</param>
/// <param name="DeadlineRules">The deadline decision.</param>
/// <param name="Deadlines">The due times computed from it on the business calendar.</param>
public sealed record ComplaintTriaged(
    AdmissibilityDecision Admissibility,
    SeverityDecision Severity,
    RoutingDecision Routing,
    DeadlineDecision DeadlineRules,
    IReadOnlyList<Deadline> Deadlines) : ComplaintEvent
{
    /// <summary>
    /// The rules of <see cref="DeadlineRules"/> whose clocks start at a later event (<see cref="DeadlineRule.StartsAt"/>):
    /// they become the case's <see cref="Complaint.PendingDeadlines"/>; <see cref="DeadlinesStarted"/> plans each one.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: every rule was planned at triage.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DeadlineRule>? PendingDeadlines { get; init; }
}

/// <summary>Found inadmissible.</summary>
/// <param name="Reason">The reason given to the complainant.</param>
/// <param name="Decision">The policy's decision, when the policy decided; <see langword="null"/> for a person's decision.</param>
public sealed record ComplaintRejected(string Reason, AdmissibilityDecision? Decision) : ComplaintEvent;

/// <summary>Directed to the right body.</summary>
/// <param name="To">The body.</param>
/// <param name="Reason">Why.</param>
/// <param name="Decision">The policy's decision, when the policy decided.</param>
public sealed record ComplaintRedirected(string To, string Reason, AdmissibilityDecision? Decision) : ComplaintEvent;

/// <summary>Settled on the spot.</summary>
/// <param name="Remedy">What was done.</param>
/// <param name="Severity">The classification that allowed it.</param>
/// <param name="Approval">The approval decision that found it within the receiver's authority.</param>
public sealed record ResolvedOnSpot(RemedyProposal Remedy, SeverityDecision Severity, ApprovalDecision Approval) : ComplaintEvent;

/// <summary>A handler was named (assigned or reassigned).</summary>
/// <param name="Handler">The handler.</param>
/// <param name="Recusal">The policy's check that they have no conflict.</param>
/// <param name="Reason">Why it was reassigned, for a reassignment.</param>
public sealed record HandlerAssigned(Actor Handler, RecusalDecision Recusal, string? Reason) : ComplaintEvent;

/// <summary>The handler stepped aside.</summary>
/// <param name="Handler">Who.</param>
/// <param name="Reason">The conflict.</param>
public sealed record HandlerRecused(ActorId Handler, string Reason) : ComplaintEvent;

/// <summary>The investigation began.</summary>
public sealed record InvestigationStarted : ComplaintEvent;

/// <summary>Evidence was added.</summary>
/// <param name="Evidence">The evidence.</param>
public sealed record EvidenceAdded(EvidenceReference Evidence) : ComplaintEvent;

/// <summary>The accused was heard.</summary>
/// <param name="Statement">Their statement.</param>
public sealed record AccusedHeard(string Statement) : ComplaintEvent;

/// <summary>Findings were recorded.</summary>
/// <param name="Findings">The findings.</param>
public sealed record FindingsRecorded(Findings Findings) : ComplaintEvent;

/// <summary>The emergency meeting of a major complaint was recorded.</summary>
/// <param name="Meeting">The meeting.</param>
public sealed record EmergencyMeetingRecorded(EmergencyMeeting Meeting) : ComplaintEvent;

/// <summary>A remedy was proposed.</summary>
/// <param name="Remedy">The remedy.</param>
/// <param name="Approval">Who must approve it.</param>
public sealed record RemedyProposed(RemedyProposal Remedy, ApprovalDecision Approval) : ComplaintEvent;

/// <summary>An approval step was given.</summary>
/// <param name="Role">The step's role.</param>
/// <param name="Note">The approver's note.</param>
/// <param name="Recusal">The policy's check that the approver has no conflict.</param>
public sealed record RemedyApproved(string Role, string? Note, RecusalDecision Recusal) : ComplaintEvent;

/// <summary>An approval step was refused.</summary>
/// <param name="Role">The step's role.</param>
/// <param name="Reason">Why.</param>
public sealed record ApprovalDeclined(string Role, string Reason) : ComplaintEvent;

/// <summary>The decision was communicated to the complainant.</summary>
/// <param name="Channel">How.</param>
/// <param name="Message">What was said.</param>
public sealed record DecisionCommunicated(Channel Channel, string Message) : ComplaintEvent;

/// <summary>The customer accepted the remedy.</summary>
/// <param name="Comment">What they said.</param>
public sealed record CustomerAccepted(string? Comment) : ComplaintEvent;

/// <summary>The customer rejected the remedy.</summary>
/// <param name="Reason">What they objected to.</param>
/// <param name="Round">How many rejections so far, this one included.</param>
/// <param name="Escalation">The policy's decision whether this rejection escalates the case (an <see cref="Escalated"/> entry follows if so).</param>
public sealed record CustomerRejected(string Reason, int Round, EscalationDecision? Escalation = null) : ComplaintEvent;

/// <summary>The case went up a level.</summary>
/// <param name="Level">The new level.</param>
/// <param name="Reason">Why.</param>
/// <param name="Decision">The policy's decision, when the policy decided.</param>
public sealed record Escalated(int Level, string Reason, EscalationDecision? Decision) : ComplaintEvent;

/// <summary>The remedy was carried out.</summary>
/// <param name="Summary">What was done.</param>
public sealed record ImplementationCompleted(string Summary) : ComplaintEvent;

/// <summary>A follow-up contact was recorded.</summary>
/// <param name="Satisfaction">The satisfaction.</param>
/// <param name="Comment">Notes.</param>
public sealed record FollowUpRecorded(Satisfaction Satisfaction, string? Comment) : ComplaintEvent;

/// <summary>The case was closed.</summary>
/// <param name="Summary">The closing summary.</param>
/// <param name="Reward">For a report: the reward range the policy decided.</param>
public sealed record ComplaintClosed(string Summary, RewardDecision? Reward = null) : ComplaintEvent;

/// <summary>A person's accountability for their part in the case was assessed.</summary>
/// <param name="Person">The member of staff.</param>
/// <param name="Misconduct">What they did.</param>
/// <param name="Decision">The sanctions the policy set.</param>
public sealed record AccountabilityAssessed(ActorId Person, string Misconduct, PenaltyDecision Decision) : ComplaintEvent
{
    /// <summary>
    /// The role that must confirm the sanctions before they are in force (<see cref="Policy.LifecycleSettings.PenaltiesConfirmedBy"/>),
    /// when they are only proposed; <see langword="null"/> when they are in force as recorded. A holder of the role confirms
    /// them by assessing the same person and misconduct.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AwaitingConfirmationBy { get; init; }
}

/// <summary>The case was reopened.</summary>
/// <param name="Reason">Why.</param>
public sealed record ComplaintReopened(string Reason) : ComplaintEvent;

/// <summary>A deadline is near.</summary>
/// <param name="Kind">The deadline.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record DeadlineWarned(DeadlineKind Kind, DateTimeOffset DueAt) : ComplaintEvent;

/// <summary>A deadline was breached; escalation and accountability entries follow when the policy says so.</summary>
/// <param name="Kind">The deadline.</param>
/// <param name="DueAt">When it was due.</param>
/// <param name="Escalation">The policy's escalation decision for the breach.</param>
public sealed record DeadlineBreached(DeadlineKind Kind, DateTimeOffset DueAt, EscalationDecision Escalation) : ComplaintEvent;

/// <summary>A deadline was extended.</summary>
/// <param name="Kind">The deadline.</param>
/// <param name="From">The old due time.</param>
/// <param name="To">The new due time.</param>
/// <param name="ReasonGivenToComplainant">The explanation the complainant receives.</param>
public sealed record DeadlineExtended(DeadlineKind Kind, DateTimeOffset From, DateTimeOffset To, string ReasonGivenToComplainant) : ComplaintEvent;

/// <summary>Deadlines counted on provisional calendar days were recounted on the calendar's current data.</summary>
/// <param name="Changes">Each deadline recounted.</param>
/// <param name="Reason">Why.</param>
public sealed record DeadlinesReplanned(IReadOnlyList<DeadlineReplan> Changes, string Reason) : ComplaintEvent;

/// <summary>One deadline recounted.</summary>
/// <param name="Kind">The deadline.</param>
/// <param name="From">The old due time.</param>
/// <param name="To">The new due time.</param>
/// <param name="WarnAt">The new warning time, if any.</param>
/// <param name="ExtendableTo">The new extension limit, if any.</param>
/// <param name="Plan">How it is counted if it is still provisional; <see langword="null"/> once it rests on official data.</param>
public sealed record DeadlineReplan(DeadlineKind Kind, DateTimeOffset From, DateTimeOffset To, DateTimeOffset? WarnAt, DateTimeOffset? ExtendableTo, DeadlinePlan? Plan);

/// <summary>
/// Pending deadlines started: the event their clocks wait for (<see cref="DeadlineRule.StartsAt"/>) happened in the
/// entry before, and the workflow planned them from its time on the policy's calendar, in the same save. Replaying it
/// needs no calendar.
/// </summary>
/// <param name="StartedBy">The event that started them.</param>
/// <param name="Deadlines">The deadlines planned; each replaces an open deadline of the same kind, if the case has one.</param>
public sealed record DeadlinesStarted(ClockStart StartedBy, IReadOnlyList<Deadline> Deadlines) : ComplaintEvent;

/// <summary>The complainant withdrew.</summary>
/// <param name="Reason">What they said.</param>
public sealed record ComplaintWithdrawn(string Reason) : ComplaintEvent;

/// <summary>A product was put on hold; the entry's time and actor are when and by whom.</summary>
/// <param name="Number">The hold's number within the case.</param>
/// <param name="Product">What is held.</param>
/// <param name="Reason">Why.</param>
/// <param name="Scope">Which part of it (batch, lot, supplier …), if narrower.</param>
public sealed record ProductHoldPlaced(int Number, string Product, string Reason, string? Scope) : ComplaintEvent;

/// <summary>A product hold was released with the result of the check; the entry's time and actor are when and by whom.</summary>
/// <param name="Number">The hold's number within the case.</param>
/// <param name="Result">What the check found.</param>
/// <param name="Note">What was checked and done.</param>
public sealed record ProductHoldReleased(int Number, HoldCheckResult Result, string? Note) : ComplaintEvent;
