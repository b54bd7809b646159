namespace Complaints.Policy;

/// <summary>
/// A policy that decides as another does except where a derived class overrides a member: for a host that changes
/// one decision of a pack (its own rule for recusal, another calendar) or a test double. Every member of
/// <see cref="IComplaintPolicy"/> forwards to <see cref="Inner"/>, including those with a default implementation
/// (<see cref="IComplaintPolicy.Lifecycle"/>, <see cref="IComplaintPolicy.IntakeSchema"/>, <see cref="IComplaintPolicy.DecideNotices"/> …),
/// so a decorator never silently falls back to the defaults when the interface grows.
/// </summary>
/// <param name="inner">The policy that decides what is not overridden.</param>
public abstract class ComplaintPolicyDecorator(IComplaintPolicy inner) : IComplaintPolicy
{
    /// <summary>The policy that decides what is not overridden.</summary>
    protected IComplaintPolicy Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual PolicyRef Identity => Inner.Identity;

    /// <inheritdoc />
    public virtual string? CalendarName => Inner.CalendarName;

    /// <inheritdoc />
    public virtual string? Culture => Inner.Culture;

    /// <inheritdoc />
    public virtual IntakeSchema? IntakeSchema => Inner.IntakeSchema;

    /// <inheritdoc />
    public virtual LifecycleSettings Lifecycle => Inner.Lifecycle;

    /// <inheritdoc />
    public virtual Improvement.CorrectiveActionSettings CorrectiveActions => Inner.CorrectiveActions;

    /// <inheritdoc />
    public virtual AdmissibilityDecision DecideAdmissibility(Complaint complaint) => Inner.DecideAdmissibility(complaint);

    /// <inheritdoc />
    public virtual SeverityDecision Classify(Complaint complaint) => Inner.Classify(complaint);

    /// <inheritdoc />
    public virtual RoutingDecision Route(Complaint complaint) => Inner.Route(complaint);

    /// <inheritdoc />
    public virtual DeadlineDecision SetDeadlines(Complaint complaint) => Inner.SetDeadlines(complaint);

    /// <inheritdoc />
    public virtual RecusalDecision CheckRecusal(Complaint complaint, Actor person) => Inner.CheckRecusal(complaint, person);

    /// <inheritdoc />
    public virtual ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy) => Inner.RequireApproval(complaint, remedy);

    /// <inheritdoc />
    public virtual ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader) => Inner.CheckConfidentiality(complaint, reader);

    /// <inheritdoc />
    public virtual EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger) => Inner.CheckEscalation(complaint, trigger);

    /// <inheritdoc />
    public virtual RewardDecision DecideReward(Complaint complaint) => Inner.DecideReward(complaint);

    /// <inheritdoc />
    public virtual PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct) => Inner.AssessPenalty(complaint, person, misconduct);

    /// <inheritdoc />
    public virtual GuidanceDecision AdviseHandling(Complaint complaint) => Inner.AdviseHandling(complaint);

    /// <inheritdoc />
    public virtual NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at) => Inner.DecideNotices(complaint, at);
}
