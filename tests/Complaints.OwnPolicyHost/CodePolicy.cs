using Complaints.Policy;

namespace Complaints.OwnPolicyHost;

/// <summary>A whole policy written in code: what a host that does not use policy packs registers with <c>UsePolicy</c>.</summary>
internal sealed class CodePolicy : IComplaintPolicy
{
    public PolicyRef Identity { get; } = new("code", "1.0.0");

    private PolicyExplanation Explain(string rule) => new(Identity, [new RuleTrace(rule, true)]);

    public AdmissibilityDecision DecideAdmissibility(Complaint complaint) => new(AdmissibilityOutcome.Accept, null, null, Explain("accept"));

    public SeverityDecision Classify(Complaint complaint) =>
        new(complaint.Intake.Category ?? "general", Severity.General, ["default"], Explain("general"));

    public RoutingDecision Route(Complaint complaint) =>
        new(complaint.Intake.Subject.Department ?? new DepartmentId("customer-service"), ComplaintRoles.Handler, Explain("subject-department"));

    public DeadlineDecision SetDeadlines(Complaint complaint) =>
        new([new DeadlineRule(DeadlineKind.Resolve, 5, DeadlineUnit.WorkingDays, "resolve-5wd")], Explain("deadlines"));

    public RecusalDecision CheckRecusal(Complaint complaint, Actor person) => new(false, null, Explain("no-conflict"));

    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy) => new([ComplaintRoles.Manager], Explain("manager-approves"));

    public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader) => new(true, null, Explain("staff-see"));

    public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger) => new(false, null, null, Explain("no-escalation"));

    public RewardDecision DecideReward(Complaint complaint) => new(false, RewardBasis.None, 0, 0, null, null, true, Explain("no-reward"));

    public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct) => new([], Explain("no-penalty"));

    public GuidanceDecision AdviseHandling(Complaint complaint) => new([], Explain("no-advice"));
}
