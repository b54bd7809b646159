using Complaints.Benchmarks.Floors;
using Complaints.Policy;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// The command path's policy floor: a whole <see cref="IComplaintPolicy"/> in plain C#. The four intake decisions
/// are <see cref="HandWrittenGenericPolicy"/> (proved equal to the generic pack by its own tests); the others are the
/// generic pack's recusal, approval, confidentiality and escalation rules written by hand with rule traces built once,
/// and constant answers for rewards, penalties and guidance (not asked on the benchmarked life).
/// <see cref="CommandPathBenchmarks"/> checks in its setup that a life under this policy writes the same journal
/// (events, states, approval steps, deadlines) as under the generic pack.
/// </summary>
public sealed class HandWrittenComplaintPolicy : IComplaintPolicy
{
    private const decimal HandlerLimit = 500;
    private const decimal ManagerLimit = 5000;
    private const int RejectionsBeforeEscalation = 2;

    private static readonly RuleTrace[] NoRecusal =
        [new("is-the-accused", false), new("accused-department", false), new("own-complaint", false), new("recused-before", false)];

    private static readonly RuleTrace[] NoHiding = [new("hidden-from-the-accused", false), new("hidden-from-the-accused-department", false)];

    private static readonly string[] ManagerStep = [ComplaintRoles.Manager];
    private static readonly string[] BothSteps = [ComplaintRoles.Manager, ComplaintRoles.GeneralManager];

    private readonly HandWrittenGenericPolicy _intake = new();
    private readonly PolicyExplanation _noRecusal;
    private readonly PolicyExplanation _noHiding;
    private readonly RecusalDecision _recusalNone;
    private readonly ConfidentialityDecision _maysee;

    /// <summary>Creates the policy.</summary>
    public HandWrittenComplaintPolicy()
    {
        _noRecusal = new(Identity, NoRecusal);
        _noHiding = new(Identity, NoHiding);
        _recusalNone = new(false, null, _noRecusal);
        _maysee = new(true, null, _noHiding);
    }

    /// <inheritdoc />
    public PolicyRef Identity { get; } = new("generic", "1.0.0");

    /// <summary>The generic pack's calendar: mainland China's working days.</summary>
    public string? CalendarName => "cn";

    /// <inheritdoc />
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint) => _intake.DecideAdmissibility(complaint);

    /// <inheritdoc />
    public SeverityDecision Classify(Complaint complaint) => _intake.Classify(complaint);

    /// <inheritdoc />
    public RoutingDecision Route(Complaint complaint) => _intake.Route(complaint);

    /// <inheritdoc />
    public DeadlineDecision SetDeadlines(Complaint complaint) => _intake.SetDeadlines(complaint);

    /// <inheritdoc />
    public RecusalDecision CheckRecusal(Complaint complaint, Actor person)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(person);
        var (accused, department) = Relation(complaint, person);
        if (!accused && !department && complaint.Intake.Complainant.StaffId != person.Id && !complaint.IsRecused(person.Id))
        {
            return _recusalNone;
        }

        var reason = accused ? "they are the person complained about"
            : department ? "they work in the department complained about"
            : complaint.IsRecused(person.Id) ? "they stepped aside from this case before"
            : "they filed this complaint themselves";
        return new(true, reason, _noRecusal);
    }

    /// <inheritdoc />
    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(remedy);
        var amount = remedy.Amount?.Amount ?? 0;
        string[] steps = complaint.Severity == Severity.Major ? BothSteps
            : amount > ManagerLimit ? BothSteps
            : amount > HandlerLimit ? ManagerStep
            : [];
        return new(steps, new(Identity, [new("above-handler-limit", amount > HandlerLimit), new("above-manager-limit", amount > ManagerLimit), new("major-needs-general-manager", complaint.Severity == Severity.Major)]));
    }

    /// <inheritdoc />
    public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(reader);
        var (accused, department) = Relation(complaint, reader);
        return accused || department
            ? new(false, accused ? "the person complained about never sees who complained" : "the department complained about does not see who complained", _noHiding)
            : _maysee;
    }

    /// <inheritdoc />
    public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return trigger switch
        {
            EscalationTrigger.CustomerRejected when complaint.CustomerRejections >= RejectionsBeforeEscalation =>
                new(true, "the customer rejected the remedies offered; senior management takes it up", ComplaintRoles.GeneralManager, new(Identity, [new("rejected-too-often", true)])),
            EscalationTrigger.Requested => new(true, "escalation was asked for", ComplaintRoles.Manager, new(Identity, [new("on-request", true)])),
            EscalationTrigger.DeadlineBreached => new(true, "a deadline was breached", ComplaintRoles.Manager, new(Identity, [new("deadline-breached", true)])),
            _ => new(false, null, null, new(Identity, [])),
        };
    }

    /// <inheritdoc />
    public RewardDecision DecideReward(Complaint complaint) => throw new NotSupportedException("Reports are not on the benchmarked life.");

    /// <inheritdoc />
    public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct) => new([], new(Identity, []));

    /// <inheritdoc />
    public GuidanceDecision AdviseHandling(Complaint complaint) => new([], new(Identity, []));

    private static (bool Accused, bool Department) Relation(Complaint complaint, Actor person)
    {
        var subject = complaint.Intake.Subject;
        var accused = complaint.IsAccused(person.Id);
        var department = subject.Department is { } d && person.Department == d && subject.Kind is SubjectKind.StaffMember or SubjectKind.Department;
        return (accused, department);
    }
}
