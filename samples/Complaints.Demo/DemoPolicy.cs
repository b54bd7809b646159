using Complaints.Policy;

namespace Complaints.Demo;

/// <summary>
/// A sample hospital policy written in code, for this demo only, until the data-driven policy packs
/// (Complaints.Rules, a later issue) land. Its rules follow the hospital procedures digested in DOMAIN.md:
/// <list type="bullet">
/// <item>Admissibility: cases already in court or with the petition office, or without clear facts, are
/// rejected with an explanation; a subject that belongs to no hospital department is redirected.</item>
/// <item>Severity: health or safety harm with a media or regulator threat is major; a claim above 10,000,
/// several departments or a repeated complaint is serious; a small complaint about no one in particular
/// is minor; everything else is general.</item>
/// <item>Routing: medical care to medical affairs, billing to finance, conduct and service to the general
/// office; several departments to the hospital office, which coordinates.</item>
/// <item>Deadlines: acknowledge in 1 working day; resolve in 3 (general) or 7 (serious, major); follow up in 10.</item>
/// <item>Approval: up to 1,000 the handler decides; up to 50,000 a manager; above that the manager, then the
/// general manager; a major complaint always adds the general manager.</item>
/// <item>Recusal and confidentiality: the accused and their department may not act on the case and never
/// see who complained.</item>
/// <item>Escalation: after 2 rejected remedies, on request, or on a breached deadline.</item>
/// </list>
/// Every decision names the rules it considered and which of them matched.
/// </summary>
internal sealed partial class DemoPolicy : IComplaintPolicy
{
    private static readonly string[] KnownCategories = ["medical-care", "billing", "conduct", "service"];

    public PolicyRef Identity { get; } = new("demo-hospital", "0.1.0");

    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        var intake = complaint.Intake;
        var proceedings = intake.Attributes?.GetValueOrDefault("proceedings");
        var inCourt = proceedings == "court";
        var petition = proceedings == "petition-office";
        var noFacts = intake.Description.Trim().Length < 20;
        var outside = intake.Subject.Department is null && intake.Subject.StaffId is null;
        var trace = Explain(
            Rule("reject-in-court", inCourt, "already filed in court"),
            Rule("reject-petition-office", petition, "already handled by the petition office"),
            Rule("reject-no-subject-or-facts", noFacts, "description too short to investigate"),
            Rule("redirect-outside-remit", outside, $"'{intake.Subject.Name}' belongs to no hospital department"),
            Rule("accept-default", !(inCourt || petition || noFacts || outside)));

        if (inCourt || petition || noFacts)
        {
            var reason = inCourt ? "The matter is already before a court; the hospital will answer there."
                : petition ? "The petition office already handles this matter; it will answer you."
                : "We cannot identify what happened; please tell us who or what, when and where.";
            return new(AdmissibilityOutcome.Reject, reason, null, trace);
        }

        return outside
            ? new(AdmissibilityOutcome.Redirect, "It concerns a business outside the hospital.", "the market regulation bureau (hotline 12315)", trace)
            : new(AdmissibilityOutcome.Accept, null, null, trace);
    }

    public SeverityDecision Classify(Complaint complaint)
    {
        var intake = complaint.Intake;
        var known = intake.Category is { } c && KnownCategories.Contains(c);
        var category = known ? intake.Category! : "service";
        var claim = intake.ClaimedAmount?.Amount ?? 0;
        var harm = (intake.Flags & (ComplaintFlags.HealthRisk | ComplaintFlags.SafetyRisk)) != 0;
        var threat = (intake.Flags & (ComplaintFlags.MediaThreat | ComplaintFlags.RegulatorThreat)) != 0;
        var major = harm && threat;
        var large = claim > 10_000;
        var spread = (intake.Flags & (ComplaintFlags.MultipleDepartments | ComplaintFlags.Repeated)) != 0;
        var minor = claim <= 100 && intake.Flags == ComplaintFlags.None && intake.Subject.Kind != SubjectKind.StaffMember;

        var tier = major ? Severity.Major : large || spread ? Severity.Serious : minor ? Severity.Minor : Severity.General;
        var reasons = new List<string>();
        if (major) reasons.Add("harm to health or safety, and a media or regulator threat");
        if (large) reasons.Add($"claim of {intake.ClaimedAmount} is above 10,000");
        if (spread) reasons.Add("several departments involved, or a repeated complaint");
        if (tier == Severity.Minor) reasons.Add("small or no claim, no accused person, no risk signal");
        if (tier == Severity.General) reasons.Add("no signal that raises or lowers the tier");

        return new(category, tier, reasons, Explain(
            Rule("category-as-recorded", known, $"'{intake.Category}'"),
            Rule("category-default-service", !known),
            Rule("major-harm-with-threat", major),
            Rule("serious-large-claim", large, $"claim {claim}"),
            Rule("serious-multi-department-or-repeated", spread),
            Rule("minor-small-and-impersonal", minor && !major && !large && !spread),
            Rule("general-default", tier == Severity.General)));
    }

    public RoutingDecision Route(Complaint complaint)
    {
        var several = complaint.Intake.Flags.HasFlag(ComplaintFlags.MultipleDepartments);
        (string Rule, bool When, DepartmentId To)[] routes =
        [
            ("route-multi-department", several, Hospital.HospitalOffice),
            ("route-medical-care", complaint.Category == "medical-care", Hospital.MedicalAffairs),
            ("route-billing", complaint.Category == "billing", Hospital.Finance),
            ("route-conduct", complaint.Category == "conduct", Hospital.GeneralOffice),
            ("route-default", true, Hospital.GeneralOffice),
        ];
        var chosen = Array.FindIndex(routes, r => r.When);
        var trace = routes.Select((r, i) => Rule(r.Rule, i == chosen, i == chosen ? $"to {r.To}" : null)).ToArray();
        return new(routes[chosen].To, ComplaintRoles.Handler, Explain(trace));
    }

    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        var serious = complaint.Severity >= Severity.Serious;
        return new(
            [
                new DeadlineRule(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays, "acknowledge-1wd"),
                serious
                    ? new DeadlineRule(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays, "resolve-7wd-serious")
                    : new DeadlineRule(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays, "resolve-3wd-general"),
                new DeadlineRule(DeadlineKind.FollowUp, 10, DeadlineUnit.WorkingDays, "follow-up-10wd"),
            ],
            Explain(
                Rule("acknowledge-1wd", true),
                Rule("resolve-3wd-general", !serious, $"tier {complaint.Severity}"),
                Rule("resolve-7wd-serious", serious, $"tier {complaint.Severity}"),
                Rule("follow-up-10wd", true)));
    }

    public RewardDecision DecideReward(Complaint complaint) =>
        new(false, RewardBasis.None, 0, 0, null, null, true, Explain(new RuleTrace("no-rewards-in-hospital", true)));

    public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct) =>
        new([new Sanction(SanctionKind.Warning, null, "hospital-warning")], Explain(new RuleTrace("hospital-warning", true)));

    public GuidanceDecision AdviseHandling(Complaint complaint) =>
        new(["Listen first, then explain."], Explain(new RuleTrace("listen-first", true)));

    private PolicyExplanation Explain(params RuleTrace[] rules) => new(Identity, rules);

    private static RuleTrace Rule(string name, bool matched, string? detail = null) => new(name, matched, detail);
}
