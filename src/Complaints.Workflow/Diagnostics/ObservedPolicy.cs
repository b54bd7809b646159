using Complaints.Notifications;
using Complaints.Policy;

namespace Complaints.Workflow.Diagnostics;

/// <summary>
/// The case's policy as a command asks it while something listens: each decision is timed on
/// <c>complaints.policy.decision.duration</c> and traced as a <c>complaints.policy.decide</c> activity under the
/// command's, tagged with its decision point (the names of the pack's decision files: <c>admissibility</c>,
/// <c>severity</c>, <c>routing</c> …). Made only when something listens; otherwise the command asks the policy itself.
/// </summary>
internal sealed class ObservedPolicy : ComplaintPolicyDecorator
{
    private readonly ComplaintsTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly string _pack;

    private ObservedPolicy(IComplaintPolicy inner, ComplaintsTelemetry telemetry, TimeProvider time)
        : base(inner)
    {
        _telemetry = telemetry;
        _time = time;
        _pack = inner.Identity.Id;
    }

    /// <summary><paramref name="policy"/>, observed when something listens to its decisions; else itself.</summary>
    public static IComplaintPolicy Of(IComplaintPolicy policy, ComplaintsTelemetry telemetry, TimeProvider time) =>
        telemetry.DecisionsObserved && policy is not ObservedPolicy ? new ObservedPolicy(policy, telemetry, time) : policy;

    /// <inheritdoc />
    public override AdmissibilityDecision DecideAdmissibility(Complaint complaint) =>
        Timed(DecisionPoints.Admissibility, (Inner, complaint), static s => s.Inner.DecideAdmissibility(s.complaint));

    /// <inheritdoc />
    public override SeverityDecision Classify(Complaint complaint) =>
        Timed(DecisionPoints.Severity, (Inner, complaint), static s => s.Inner.Classify(s.complaint));

    /// <inheritdoc />
    public override RoutingDecision Route(Complaint complaint) =>
        Timed(DecisionPoints.Routing, (Inner, complaint), static s => s.Inner.Route(s.complaint));

    /// <inheritdoc />
    public override DeadlineDecision SetDeadlines(Complaint complaint) =>
        Timed(DecisionPoints.Deadlines, (Inner, complaint), static s => s.Inner.SetDeadlines(s.complaint));

    /// <inheritdoc />
    public override RecusalDecision CheckRecusal(Complaint complaint, Actor person) =>
        Timed(DecisionPoints.Recusal, (Inner, complaint, person), static s => s.Inner.CheckRecusal(s.complaint, s.person));

    /// <inheritdoc />
    public override ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy) =>
        Timed(DecisionPoints.Approval, (Inner, complaint, remedy), static s => s.Inner.RequireApproval(s.complaint, s.remedy));

    /// <inheritdoc />
    public override ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader) =>
        Timed(DecisionPoints.Confidentiality, (Inner, complaint, reader), static s => s.Inner.CheckConfidentiality(s.complaint, s.reader));

    /// <inheritdoc />
    public override EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger) =>
        Timed(DecisionPoints.Escalation, (Inner, complaint, trigger), static s => s.Inner.CheckEscalation(s.complaint, s.trigger));

    /// <inheritdoc />
    public override RewardDecision DecideReward(Complaint complaint) =>
        Timed(DecisionPoints.Rewards, (Inner, complaint), static s => s.Inner.DecideReward(s.complaint));

    /// <inheritdoc />
    public override PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct) =>
        Timed(DecisionPoints.Penalties, (Inner, complaint, person, misconduct), static s => s.Inner.AssessPenalty(s.complaint, s.person, s.misconduct));

    /// <inheritdoc />
    public override GuidanceDecision AdviseHandling(Complaint complaint) =>
        Timed(DecisionPoints.Guidance, (Inner, complaint), static s => s.Inner.AdviseHandling(s.complaint));

    /// <inheritdoc />
    public override NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at) =>
        Timed(DecisionPoints.Notices, (Inner, complaint, at), static s => s.Inner.DecideNotices(s.complaint, s.at));

    private TResult Timed<TState, TResult>(string point, TState state, Func<TState, TResult> decide)
    {
        var timing = ComplaintsTelemetry.StartDecision(point, _time);
        TResult result;
        try
        {
            result = decide(state);
        }
        catch (Exception e)
        {
            _telemetry.DecisionDone(timing, _time, point, _pack, e);
            throw;
        }

        _telemetry.DecisionDone(timing, _time, point, _pack, null);
        return result;
    }

    /// <summary>The <c>complaints.decision_point</c> tag's values: the pack's decision files' names, one per <see cref="IComplaintPolicy"/> decision.</summary>
    internal static class DecisionPoints
    {
        public const string Admissibility = "admissibility";
        public const string Severity = "severity";
        public const string Routing = "routing";
        public const string Deadlines = "deadlines";
        public const string Recusal = "recusal";
        public const string Approval = "approval";
        public const string Confidentiality = "confidentiality";
        public const string Escalation = "escalation";
        public const string Rewards = "rewards";
        public const string Penalties = "penalties";
        public const string Guidance = "guidance";
        public const string Notices = "notices";
    }
}
