namespace Complaints.Policy;

/// <summary>
/// The port through which the workflow asks for every decision the complaint process needs. A policy pack
/// (Complaints.Rules) implements it; a host may implement it in code. Implementations are pure functions of
/// their arguments, thread-safe, and fast: the workflow calls them on every command.
/// </summary>
public interface IComplaintPolicy
{
    /// <summary>The pack id and version recorded on every case opened under this policy.</summary>
    PolicyRef Identity { get; }

    /// <summary>The name of the business calendar this policy's deadlines count on (e.g. <c>cn</c>); <see langword="null"/> for the workflow's default calendar.</summary>
    string? CalendarName => null;

    /// <summary>
    /// The culture the notifications of this policy's cases are written in (a BCP 47 tag, e.g. <c>zh-CN</c>) when the
    /// intake names none (<see cref="ComplaintIntake.Culture"/>); <see langword="null"/> (the default) for the host's
    /// default culture (<c>en</c> unless changed).
    /// </summary>
    string? Culture => null;

    /// <summary>
    /// The intake attributes this policy relies on (a licence plate, a ward, the court where a case is pending), each
    /// with its type and whether it is required; the workflow checks every intake against it at receipt. <see langword="null"/>
    /// (the default) accepts any attributes, unchecked.
    /// </summary>
    IntakeSchema? IntakeSchema => null;

    /// <summary>How the lifecycle varies under this policy (emergency meetings, on-the-spot settlement, triage, rewards, sanctions); <see cref="LifecycleSettings.Default"/> for today's lifecycle.</summary>
    LifecycleSettings Lifecycle => LifecycleSettings.Default;

    /// <summary>
    /// When a corrective or preventive action is required, who approves it, its due and verification periods;
    /// <see cref="Improvement.CorrectiveActionSettings.Default"/> for a policy that says nothing.
    /// </summary>
    Improvement.CorrectiveActionSettings CorrectiveActions => Improvement.CorrectiveActionSettings.Default;

    /// <summary>Is the complaint ours to handle? Asked at triage.</summary>
    /// <param name="complaint">The case as received.</param>
    /// <returns>The decision.</returns>
    AdmissibilityDecision DecideAdmissibility(Complaint complaint);

    /// <summary>The category and severity tier. Asked at triage and for on-the-spot resolution.</summary>
    /// <param name="complaint">The case.</param>
    /// <returns>The decision.</returns>
    SeverityDecision Classify(Complaint complaint);

    /// <summary>The responsible department and role. Asked at triage, after classification.</summary>
    /// <param name="complaint">The case with its category and tier set.</param>
    /// <returns>The decision.</returns>
    RoutingDecision Route(Complaint complaint);

    /// <summary>The deadlines. Asked at triage, after classification and routing.</summary>
    /// <param name="complaint">The case with category, tier and department set.</param>
    /// <returns>The decision.</returns>
    DeadlineDecision SetDeadlines(Complaint complaint);

    /// <summary>Must <paramref name="person"/> step aside? Asked at assignment and before an approval.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="person">The handler or approver.</param>
    /// <returns>The decision.</returns>
    RecusalDecision CheckRecusal(Complaint complaint, Actor person);

    /// <summary>Who must approve <paramref name="remedy"/>? Asked when a remedy is proposed.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="remedy">The proposed remedy.</param>
    /// <returns>The decision.</returns>
    ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy);

    /// <summary>May <paramref name="reader"/> see the complainant's identity? Asked on every read.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="reader">Who reads it.</param>
    /// <returns>The decision.</returns>
    ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader);

    /// <summary>Does the case go up a level? Asked on a customer's rejection, a request, or a breach.</summary>
    /// <param name="complaint">The case, with the rejection (if any) already counted.</param>
    /// <param name="trigger">What happened.</param>
    /// <returns>The decision.</returns>
    EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger);

    /// <summary>
    /// The reward range for the complainant or reporter. Asked when a case of one of <see cref="LifecycleSettings.RewardKinds"/>
    /// is closed (by default only a report, 举报).
    /// </summary>
    /// <param name="complaint">The case, with its findings.</param>
    /// <returns>The decision.</returns>
    RewardDecision DecideReward(Complaint complaint);

    /// <summary>The sanctions for a person's misconduct on a case. Asked when accountability is assessed.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="person">The member of staff.</param>
    /// <param name="misconduct">What they did, e.g. <see cref="Misconduct.LateHandling"/>.</param>
    /// <returns>The decision.</returns>
    PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct);

    /// <summary>Handling advice for the case at hand.</summary>
    /// <param name="complaint">The case.</param>
    /// <returns>The advice.</returns>
    GuidanceDecision AdviseHandling(Complaint complaint);

    /// <summary>
    /// Who is told at <paramref name="at"/>, beyond the notifications the workflow always sends (acknowledgement,
    /// assignment, approval requests, deadline warnings and breaches, escalation, result, satisfaction survey). Asked
    /// for every journal entry a save writes; the notices are written to the outbox in the same save.
    /// </summary>
    /// <param name="complaint">The case after the save.</param>
    /// <param name="at">The event, e.g. <c>triaged</c>, or <c>deadline-breached</c> of the <c>resolve</c> deadline.</param>
    /// <returns>The notices; by default none, so a policy that does not implement this keeps the workflow's notifications only.</returns>
    NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at) => new([], new PolicyExplanation(Identity, []));
}
