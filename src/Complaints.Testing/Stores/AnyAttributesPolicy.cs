using Complaints.Policy;

namespace Complaints.Testing.Stores;

/// <summary>
/// A policy that decides as <paramref name="inner"/> does but accepts any intake attributes: the store contract stores
/// hostile and edge-of-limit attribute names and values to prove stores keep them byte for byte, which a pack's intake
/// schema would refuse at receipt.
/// </summary>
/// <param name="inner">The policy that decides.</param>
internal sealed class AnyAttributesPolicy(IComplaintPolicy inner) : IComplaintPolicy
{
    public PolicyRef Identity => inner.Identity;

    public string? CalendarName => inner.CalendarName;

    public IntakeSchema? IntakeSchema => null;

    public LifecycleSettings Lifecycle => inner.Lifecycle;

    public AdmissibilityDecision DecideAdmissibility(Complaint complaint) => inner.DecideAdmissibility(complaint);

    public SeverityDecision Classify(Complaint complaint) => inner.Classify(complaint);

    public RoutingDecision Route(Complaint complaint) => inner.Route(complaint);

    public DeadlineDecision SetDeadlines(Complaint complaint) => inner.SetDeadlines(complaint);

    public RecusalDecision CheckRecusal(Complaint complaint, Actor person) => inner.CheckRecusal(complaint, person);

    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy) => inner.RequireApproval(complaint, remedy);

    public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader) => inner.CheckConfidentiality(complaint, reader);

    public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger) => inner.CheckEscalation(complaint, trigger);

    public RewardDecision DecideReward(Complaint complaint) => inner.DecideReward(complaint);

    public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct) => inner.AssessPenalty(complaint, person, misconduct);

    public GuidanceDecision AdviseHandling(Complaint complaint) => inner.AdviseHandling(complaint);

    public NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at) => inner.DecideNotices(complaint, at);
}
