using System.Text.Json.Serialization;

namespace Complaints.Commands;

/// <summary>A command on an existing case. Issue one with <c>ComplaintService.ExecuteAsync</c>.</summary>
/// <remarks>
/// As JSON (<see cref="ComplaintsJson.Options"/>) a command carries a <c>$type</c> discriminator: its
/// <see cref="ComplaintAction"/> in kebab case, as enums are written (<c>{"$type": "assign", "handler": {…}}</c>).
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ConfirmReadBack), "confirm-read-back")]
[JsonDerivedType(typeof(Triage), "triage")]
[JsonDerivedType(typeof(Reject), "reject")]
[JsonDerivedType(typeof(Redirect), "redirect")]
[JsonDerivedType(typeof(ResolveOnSpot), "resolve-on-spot")]
[JsonDerivedType(typeof(Assign), "assign")]
[JsonDerivedType(typeof(Reassign), "reassign")]
[JsonDerivedType(typeof(Recuse), "recuse")]
[JsonDerivedType(typeof(StartInvestigation), "start-investigation")]
[JsonDerivedType(typeof(AddEvidence), "add-evidence")]
[JsonDerivedType(typeof(HearAccused), "hear-accused")]
[JsonDerivedType(typeof(RecordFindings), "record-findings")]
[JsonDerivedType(typeof(RecordEmergencyMeeting), "record-emergency-meeting")]
[JsonDerivedType(typeof(ProposeRemedy), "propose-remedy")]
[JsonDerivedType(typeof(Approve), "approve")]
[JsonDerivedType(typeof(DeclineApproval), "decline-approval")]
[JsonDerivedType(typeof(CommunicateDecision), "communicate-decision")]
[JsonDerivedType(typeof(RecordCustomerAcceptance), "record-customer-acceptance")]
[JsonDerivedType(typeof(RecordCustomerRejection), "record-customer-rejection")]
[JsonDerivedType(typeof(Escalate), "escalate")]
[JsonDerivedType(typeof(CompleteImplementation), "complete-implementation")]
[JsonDerivedType(typeof(RecordFollowUp), "record-follow-up")]
[JsonDerivedType(typeof(Close), "close")]
[JsonDerivedType(typeof(Reopen), "reopen")]
[JsonDerivedType(typeof(AssessAccountability), "assess-accountability")]
[JsonDerivedType(typeof(RecordDeadlineWarning), "record-deadline-warning")]
[JsonDerivedType(typeof(RecordDeadlineBreach), "record-deadline-breach")]
[JsonDerivedType(typeof(ExtendDeadline), "extend-deadline")]
[JsonDerivedType(typeof(ReplanDeadlines), "replan-deadlines")]
[JsonDerivedType(typeof(Withdraw), "withdraw")]
[JsonDerivedType(typeof(PlaceHold), "place-hold")]
[JsonDerivedType(typeof(ReleaseHold), "release-hold")]
public abstract record ComplaintCommand
{
    /// <summary>The action, for permission checks and messages.</summary>
    public abstract ComplaintAction Action { get; }
}

/// <summary>The complainant confirmed the read-back of an oral record (复述确认).</summary>
/// <param name="Method">How they confirmed it.</param>
public sealed record ConfirmReadBack(ReadBackMethod Method = ReadBackMethod.Oral) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.ConfirmReadBack;
}

/// <summary>Ask the policy for admissibility; if accepted, classify, route and set deadlines.</summary>
public sealed record Triage : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Triage;
}

/// <summary>Reject as inadmissible.</summary>
/// <param name="Reason">The reason given to the complainant.</param>
public sealed record Reject(string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Reject;
}

/// <summary>Not ours: direct the complainant to the right body.</summary>
/// <param name="To">The body the complainant is directed to.</param>
/// <param name="Reason">Why.</param>
public sealed record Redirect(string To, string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Redirect;
}

/// <summary>Settle the complaint on the spot; allowed when the policy finds it minor and within the receiver's authority.</summary>
/// <param name="Remedy">What was done.</param>
public sealed record ResolveOnSpot(RemedyProposal Remedy) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.ResolveOnSpot;
}

/// <summary>Name the responsible handler.</summary>
/// <param name="Handler">The handler; the policy checks them for a conflict of interest.</param>
public sealed record Assign(Actor Handler) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Assign;
}

/// <summary>Hand the case to another handler.</summary>
/// <param name="Handler">The new handler.</param>
/// <param name="Reason">Why.</param>
public sealed record Reassign(Actor Handler, string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Reassign;
}

/// <summary>The handler steps aside; the case goes back to triage for another handler.</summary>
/// <param name="Reason">The conflict of interest.</param>
public sealed record Recuse(string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Recuse;
}

/// <summary>Begin the investigation.</summary>
public sealed record StartInvestigation : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.StartInvestigation;
}

/// <summary>Add evidence to the investigation.</summary>
/// <param name="Evidence">The evidence.</param>
public sealed record AddEvidence(EvidenceReference Evidence) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.AddEvidence;
}

/// <summary>Record what the accused said in their defence; required before findings on a staff member.</summary>
/// <param name="Statement">The statement.</param>
public sealed record HearAccused(string Statement) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.HearAccused;
}

/// <summary>Record the investigation's findings.</summary>
/// <param name="Findings">The findings.</param>
public sealed record RecordFindings(Findings Findings) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.RecordFindings;
}

/// <summary>Record the emergency meeting held for a major complaint.</summary>
/// <param name="Attendees">Who attended.</param>
/// <param name="Minutes">What was decided.</param>
public sealed record RecordEmergencyMeeting(IReadOnlyList<string> Attendees, string Minutes) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.RecordEmergencyMeeting;
}

/// <summary>Propose a remedy; the policy decides who must approve it.</summary>
/// <param name="Remedy">The remedy.</param>
public sealed record ProposeRemedy(RemedyProposal Remedy) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.ProposeRemedy;
}

/// <summary>Give the pending approval step.</summary>
/// <param name="Note">The approver's note.</param>
public sealed record Approve(string? Note = null) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Approve;
}

/// <summary>Refuse the pending approval; the case returns to investigation for another proposal.</summary>
/// <param name="Reason">Why.</param>
public sealed record DeclineApproval(string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.DeclineApproval;
}

/// <summary>Tell the complainant the decision: its basis, content and steps.</summary>
/// <param name="Channel">How it was communicated.</param>
/// <param name="Message">What was said.</param>
public sealed record CommunicateDecision(Channel Channel, string Message) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.CommunicateDecision;
}

/// <summary>The customer accepted the remedy.</summary>
/// <param name="Comment">What they said.</param>
public sealed record RecordCustomerAcceptance(string? Comment = null) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.RecordCustomerAcceptance;
}

/// <summary>The customer rejected the remedy: another round, and after the policy's limit, escalation.</summary>
/// <param name="Reason">What they objected to.</param>
public sealed record RecordCustomerRejection(string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.RecordCustomerRejection;
}

/// <summary>Raise the case a level (报请上级), e.g. at the customer's request.</summary>
/// <param name="Reason">Why.</param>
public sealed record Escalate(string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Escalate;
}

/// <summary>The remedy was carried out.</summary>
/// <param name="Summary">What was done.</param>
public sealed record CompleteImplementation(string Summary) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.CompleteImplementation;
}

/// <summary>A follow-up contact (回访) and the satisfaction the complainant expressed.</summary>
/// <param name="Satisfaction">What they said.</param>
/// <param name="Comment">Notes.</param>
public sealed record RecordFollowUp(Satisfaction Satisfaction, string? Comment = null) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.RecordFollowUp;
}

/// <summary>Close and archive the case; needs at least one follow-up.</summary>
/// <param name="Summary">The closing summary and lessons.</param>
public sealed record Close(string Summary) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Close;
}

/// <summary>Reopen a closed case within the window; it keeps its history and handler.</summary>
/// <param name="Reason">Why.</param>
public sealed record Reopen(string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Reopen;
}

/// <summary>Assess a member of staff's accountability on this case; the policy sets the sanctions.</summary>
/// <param name="Person">The member of staff.</param>
/// <param name="Misconduct">What they did, e.g. <see cref="Policy.Misconduct.LateHandling"/>.</param>
public sealed record AssessAccountability(Actor Person, string Misconduct) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.AssessAccountability;
}

/// <summary>Record that a deadline is near. Issued by the deadline worker; fires once per deadline.</summary>
/// <param name="Kind">The deadline.</param>
public sealed record RecordDeadlineWarning(DeadlineKind Kind) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.RecordDeadlineWarning;
}

/// <summary>Record that a deadline was breached. Issued by the deadline worker; fires once per deadline.</summary>
/// <param name="Kind">The deadline.</param>
public sealed record RecordDeadlineBreach(DeadlineKind Kind) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.RecordDeadlineBreach;
}

/// <summary>Extend an open deadline (e.g. 30 → 60 days for a complex case), within the limit the policy set, by the role it names.</summary>
/// <param name="Kind">The deadline.</param>
/// <param name="NewDueAt">The new due time; later than the current one and no later than the deadline's limit.</param>
/// <param name="ReasonGivenToComplainant">The explanation the complainant receives.</param>
public sealed record ExtendDeadline(DeadlineKind Kind, DateTimeOffset NewDueAt, string ReasonGivenToComplainant) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.ExtendDeadline;
}

/// <summary>
/// Recount the open deadlines that were counted on provisional calendar days (a year without official holiday
/// data) on the calendar as it is now, once the host has loaded the official data. Pauses and extensions keep their effect.
/// </summary>
/// <param name="Reason">Why, for the journal (e.g. "The State Council published the 2027 holidays").</param>
public sealed record ReplanDeadlines(string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.ReplanDeadlines;
}

/// <summary>The complainant withdrew the complaint.</summary>
/// <param name="Reason">What they said.</param>
public sealed record Withdraw(string Reason) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.Withdraw;
}

/// <summary>
/// Put a product on hold while it is checked (food-service: "check the other foods of the same kind"). Any pack may
/// use holds. The case keeps the hold in <see cref="Complaint.Holds"/> until <see cref="ReleaseHold"/> records the check.
/// </summary>
/// <param name="Product">What is held: a product category or kind of product; not empty. Name the product, never who complained.</param>
/// <param name="Reason">Why it is held (e.g. "sour smell reported in the lunch delivery").</param>
/// <param name="Scope">Which part of it, if narrower than the whole product: batch, lot, delivery or supplier, as free text.</param>
public sealed record PlaceHold(string Product, string Reason, string? Scope = null) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.PlaceHold;
}

/// <summary>Release an active product hold, recording what the check found. Allowed in any state, even after the case ended.</summary>
/// <param name="Number">The hold's <see cref="ProductHold.Number"/>.</param>
/// <param name="Result">What the check found.</param>
/// <param name="Note">What was checked and done.</param>
public sealed record ReleaseHold(int Number, HoldCheckResult Result, string? Note = null) : ComplaintCommand
{
    /// <inheritdoc />
    public override ComplaintAction Action => ComplaintAction.ReleaseHold;
}
