using Complaints.Policy;

namespace Complaints.Workflow.Tests.Support;

/// <summary>
/// A policy test double with simple, documented rules, so workflow tests can predict every decision. The real
/// policies are the packs of Complaints.Rules.
/// </summary>
internal sealed class TestPolicy : IComplaintPolicy
{
    public static readonly PolicyRef Ref = new("test", "1.0.0");

    /// <summary>Admissibility for every case; Accept unless a test changes it.</summary>
    public AdmissibilityOutcome Admissibility { get; set; } = AdmissibilityOutcome.Accept;

    /// <summary>Customer rejections before the case escalates.</summary>
    public int RejectionsBeforeEscalation { get; set; } = 2;

    /// <summary>People who declared a conflict with every case.</summary>
    public HashSet<ActorId> DeclaredConflicts { get; } = [];

    /// <summary>What is withheld from the accused department besides the identity.</summary>
    public ConfidentialParts WithheldFromTheAccusedDepartment { get; set; }

    /// <summary>Whether one person holding both roles may approve both steps of a ladder.</summary>
    public bool OnePersonMayApproveSeveralSteps { get; set; }

    public PolicyRef Identity => Ref;

    /// <summary>The calendar the deadlines count on, by name; the workflow's default calendar if <see langword="null"/>.</summary>
    public string? CalendarName { get; set; }

    /// <summary>The event the resolve deadline's clock starts at; receipt unless a test changes it.</summary>
    public ClockStart ResolveStartsAt { get; set; }

    /// <summary>The intake attributes checked at receipt; none (anything accepted) unless a test sets them.</summary>
    public IntakeSchema? IntakeSchema { get; set; }

    /// <summary>Whether admissibility and escalation decisions state their reason (and a redirection its body); they do unless a test changes it.</summary>
    public bool StatesReasons { get; set; } = true;

    /// <summary>Deadline rules set after the standard ones (e.g. one whose clock starts at an event); none unless a test adds them.</summary>
    public List<DeadlineRule> ExtraDeadlines { get; } = [];

    /// <summary>The most working days the resolve deadline may be extended to; 10 unless a test changes it.</summary>
    public int ResolveExtendableTo { get; set; } = 10;

    /// <summary>The lifecycle settings; the workflow's defaults unless a test changes them.</summary>
    public LifecycleSettings Lifecycle { get; set; } = LifecycleSettings.Default;

    /// <summary>The corrective-action settings; the workflow's defaults unless a test changes them.</summary>
    public Complaints.Improvement.CorrectiveActionSettings CorrectiveActions { get; set; } = Complaints.Improvement.CorrectiveActionSettings.Default;

    /// <summary>The culture of the policy's notifications; none (the host's default) unless a test sets one.</summary>
    public string? Culture { get; set; }

    /// <summary>The working days to the follow-up deadline; 10 unless a test changes it (3 makes it fall due with a general case's resolve deadline).</summary>
    public int FollowUpDays { get; set; } = 10;

    private static PolicyExplanation Explain(params RuleTrace[] rules) => new(Ref, rules);

    public AdmissibilityDecision DecideAdmissibility(Complaint complaint) => Admissibility switch
    {
        AdmissibilityOutcome.Reject => new(AdmissibilityOutcome.Reject, StatesReasons ? "Already filed in court." : null, null, Explain(new RuleTrace("in-court", true))),
        AdmissibilityOutcome.Redirect => new(AdmissibilityOutcome.Redirect, StatesReasons ? "Petitions are for the petition office." : null, StatesReasons ? "the petition office" : null, Explain(new RuleTrace("outside-remit", true))),
        _ => new(AdmissibilityOutcome.Accept, null, null, Explain(new RuleTrace("default-accept", true))),
    };

    /// <summary>Major on a safety, health or media signal; serious above 10,000; minor without a claim for a suggestion; else general.</summary>
    public SeverityDecision Classify(Complaint complaint)
    {
        var intake = complaint.Intake;
        var category = intake.Category ?? "general";
        if ((intake.Flags & (ComplaintFlags.SafetyRisk | ComplaintFlags.HealthRisk | ComplaintFlags.MediaThreat)) != 0)
        {
            return new(category, Severity.Major, ["safety, health or media signal"], Explain(new RuleTrace("major-signal", true)));
        }

        if (intake.ClaimedAmount is { Amount: > 10_000 })
        {
            return new(category, Severity.Serious, ["large claim"], Explain(new RuleTrace("large-claim", true)));
        }

        return intake.Kind == ComplaintKind.Suggestion || intake.ClaimedAmount is null or { Amount: <= 100 }
            ? new(category, Severity.Minor, ["small or no claim"], Explain(new RuleTrace("minor", true)))
            : new(category, Severity.General, ["default"], Explain(new RuleTrace("general", true)));
    }

    public RoutingDecision Route(Complaint complaint) =>
        new(complaint.Intake.Subject.Department ?? new DepartmentId("customer-relations"), ComplaintRoles.Handler, Explain(new RuleTrace("subject-department", true)));

    /// <summary>
    /// Acknowledge in 1 working day; resolve in 3 (minor, general) or 7 (serious, major), warned at half time,
    /// extendable to 10 working days by the general manager; follow up in 10.
    /// </summary>
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        var days = complaint.Severity >= Severity.Serious ? 7 : 3;
        return new(
            [
                new DeadlineRule(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays, "acknowledge-1wd"),
                new DeadlineRule(DeadlineKind.Resolve, days, DeadlineUnit.WorkingDays, $"resolve-{days}wd")
                {
                    WarnAtShare = 0.5m, ExtendableTo = ResolveExtendableTo, ExtensionApprovedBy = ComplaintRoles.GeneralManager, StartsAt = ResolveStartsAt,
                },
                new DeadlineRule(DeadlineKind.FollowUp, FollowUpDays, DeadlineUnit.WorkingDays, $"follow-up-{FollowUpDays}wd"),
                .. ExtraDeadlines,
            ],
            Explain(new RuleTrace("deadlines", true, $"tier {complaint.Severity}")));
    }

    /// <summary>Recuse a person of the accused department, or one who declared a conflict.</summary>
    public RecusalDecision CheckRecusal(Complaint complaint, Actor person)
    {
        if (DeclaredConflicts.Contains(person.Id))
        {
            return new(true, "declared a conflict of interest", Explain(new RuleTrace("declared-conflict", true)));
        }

        var accusedDepartment = complaint.Intake.Subject.Kind is SubjectKind.StaffMember or SubjectKind.Department
            ? complaint.Intake.Subject.Department
            : null;
        return accusedDepartment is { } d && person.Department == d
            ? new(true, "same department as the accused", Explain(new RuleTrace("same-department", true)))
            : new(false, null, Explain(new RuleTrace("same-department", false)));
    }

    /// <summary>Up to 1,000 the handler decides; up to 50,000 a manager; above, manager then general manager. Major adds the general manager.</summary>
    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy)
    {
        var amount = remedy.Amount?.Amount ?? 0;
        var steps = new List<string>();
        if (amount > 1_000)
        {
            steps.Add(ComplaintRoles.Manager);
        }

        if (amount > 50_000 || complaint.Severity == Severity.Major)
        {
            steps.Add(ComplaintRoles.GeneralManager);
        }

        return new(steps, Explain(new RuleTrace("approval-ladder", steps.Count > 0, $"amount {amount}"))) { OnePersonMayApproveSeveralSteps = OnePersonMayApproveSeveralSteps };
    }

    /// <summary>Nobody in the accused department sees the complainant's identity.</summary>
    public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader) =>
        complaint.Intake.Subject.Department is { } d && reader.Department == d
            ? new(false, "reader is in the accused department", Explain(new RuleTrace("accused-department", true))) { Withheld = WithheldFromTheAccusedDepartment }
            : new(true, null, Explain(new RuleTrace("accused-department", false)));

    /// <summary>A substantiated report with a fine earns 20–50 % of it; nothing else earns a reward.</summary>
    public RewardDecision DecideReward(Complaint complaint) =>
        complaint.Findings is { Outcome: FindingOutcome.Substantiated, Fine: { } fine }
            ? new(true, RewardBasis.Fine, 20, 50, fine with { Amount = fine.Amount * 0.2m }, fine with { Amount = fine.Amount * 0.5m }, true, Explain(new RuleTrace("fine-share", true)))
            : new(false, RewardBasis.None, 0, 0, null, null, true, Explain(new RuleTrace("fine-share", false)));

    /// <summary>Late handling: a warning and a 100 CNY fine; anything else: a warning.</summary>
    public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct) =>
        misconduct == Misconduct.LateHandling
            ? new([new Sanction(SanctionKind.Warning, null, "late"), new Sanction(SanctionKind.Fine, new Money(100, "CNY"), "late")], Explain(new RuleTrace("late", true)))
            : new([new Sanction(SanctionKind.Warning, null, "other")], Explain(new RuleTrace("other", true)));

    /// <summary>Always: listen first. The rule's detail quotes the complainant, as a real pack's can.</summary>
    public GuidanceDecision AdviseHandling(Complaint complaint) =>
        new(["Listen first."], Explain(new RuleTrace("listen", true, $"complainant: {complaint.Intake.Complainant.Name}")));

    public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger) => trigger switch
    {
        EscalationTrigger.CustomerRejected when complaint.CustomerRejections >= RejectionsBeforeEscalation =>
            new(true, StatesReasons ? $"customer rejected {complaint.CustomerRejections} remedies" : null, ComplaintRoles.GeneralManager, Explain(new RuleTrace("rejections", true))),
        EscalationTrigger.CustomerRejected => new(false, null, null, Explain(new RuleTrace("rejections", false))),
        _ => new(true, StatesReasons ? trigger.ToString() : null, ComplaintRoles.GeneralManager, Explain(new RuleTrace("always", true))),
    };
}
