using Complaints.Policy;
using static Complaints.Benchmarks.Floors.Floor;
using Rule = Complaints.Benchmarks.Floors.FloorRule;

namespace Complaints.Benchmarks.Floors;

/// <summary>
/// The floor: the generic pack's intake decisions (admissibility, severity, routing, deadlines), approval and
/// recusal written by hand
/// as plain if/switch code, the way a developer would hard-code that policy. Its decisions equal the generic
/// pack's (same outcome, reason, redirect, category, tier, reasons, department, role and deadlines with the same
/// rule names), and each explanation lists the same rules with the same Matched flags — without the details
/// ("saw …"), from rule traces built once. The differential tests hold it to that.
/// </summary>
public sealed class HandWrittenGenericPolicy : IIntakeFloor
{
    // The generic pack's pack.json: defaults and settings.
    private const string DefaultDepartment = "customer-service";
    private const string DefaultRole = "handler";
    private const string DefaultCategory = "general";
    private const Severity DefaultTier = Severity.General;
    private const decimal SeriousClaim = 10000;
    private const decimal MajorClaim = 50000;

    // admissibility.json
    private static readonly Rule AlreadyInCourt = new("already-in-court");
    private static readonly Rule CriminalMatter = new("criminal-matter");
    private static readonly Rule OutsideRemit = new("outside-remit");
    private static readonly Rule NoClearFacts = new("no-clear-facts");

    // severity.json
    private static readonly Rule CategoryAttitude = new("category-attitude");
    private static readonly Rule CategoryBilling = new("category-billing");
    private static readonly Rule CategoryDelivery = new("category-delivery");
    private static readonly Rule CategorySuggestion = new("category-suggestion");
    private static readonly Rule SafetyOrHealthRisk = new("safety-or-health-risk");
    private static readonly Rule VeryLargeClaim = new("very-large-claim");
    private static readonly Rule MediaOrRegulatorThreat = new("media-or-regulator-threat");
    private static readonly Rule SeveralDepartments = new("several-departments");
    private static readonly Rule RepeatedComplaint = new("repeated-complaint");
    private static readonly Rule LargeClaim = new("large-claim");

    // routing.json
    private static readonly Rule SeveralDepartmentsToManagement = new("several-departments-to-management");
    private static readonly Rule ProductQualityToQuality = new("product-quality-to-quality");
    private static readonly Rule RepairToAfterSales = new("repair-to-after-sales");
    private static readonly Rule ContractToSales = new("contract-to-sales");
    private static readonly Rule BillingToFinance = new("billing-to-finance");
    private static readonly Rule DeliveryToLogistics = new("delivery-to-logistics");
    private static readonly Rule ConductToManagement = new("conduct-to-management");
    private static readonly Rule WhoseCustomer = new("whose-customer-whose-responsibility");

    // deadlines.json
    private static readonly Rule Acknowledge1Wd = new("acknowledge-1wd");
    private static readonly Rule MajorPropose1Wd = new("major-propose-1wd");
    private static readonly Rule Propose2Wd = new("propose-2wd");
    private static readonly Rule SeriousResolve7Wd = new("serious-resolve-7wd");
    private static readonly Rule Resolve3Wd = new("resolve-3wd");
    private static readonly Rule FollowUp10Wd = new("follow-up-10wd");

    // approval.json, with the pack's approval limits (handler 500, manager 5000)
    private const decimal HandlerLimit = 500;
    private const decimal ManagerLimit = 5000;
    private static readonly Rule AboveHandlerLimit = new("above-handler-limit");
    private static readonly Rule AboveManagerLimit = new("above-manager-limit");
    private static readonly Rule MajorNeedsGeneralManager = new("major-needs-general-manager");
    private static readonly string[] NoSteps = [];
    private static readonly string[] Manager = ["manager"];
    private static readonly string[] GeneralManager = ["general-manager"];
    private static readonly string[] ManagerThenGeneralManager = ["manager", "general-manager"];

    // recusal.json
    private static readonly Rule IsTheAccused = new("is-the-accused");
    private static readonly Rule AccusedDepartment = new("accused-department");
    private static readonly Rule OwnComplaint = new("own-complaint");
    private static readonly Rule RecusedBefore = new("recused-before");

    // The generic pack's settings.warnAtShare: every deadline warns at 75 % of its time.
    private const decimal WarnAtShare = 0.75m;

    private static readonly DeadlineRule Acknowledge1 = new(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays, Acknowledge1Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Propose1 = new(DeadlineKind.Propose, 1, DeadlineUnit.WorkingDays, MajorPropose1Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Propose2 = new(DeadlineKind.Propose, 2, DeadlineUnit.WorkingDays, Propose2Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Resolve7 = new(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays, SeriousResolve7Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Resolve3 = new(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays, Resolve3Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule FollowUp10 = new(DeadlineKind.FollowUp, 10, DeadlineUnit.WorkingDays, FollowUp10Wd.Name) { WarnAtShare = WarnAtShare };

    /// <summary>The policy the generic pack's decisions are recorded under.</summary>
    public PolicyRef Identity { get; } = new("generic", "1.0.0");

    /// <summary>Is the complaint ours to handle? The first matching rule wins; none → accept.</summary>
    /// <param name="complaint">The case as received.</param>
    /// <returns>The decision.</returns>
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var inCourt = HasAttribute(complaint, "in-court");
        var criminal = HasAttribute(complaint, "criminal-investigation");
        var outsideRemit = HasAttribute(complaint, "outside-remit");
        var noClearFacts = complaint.Intake.Description.AsSpan().Trim().Length < 10;
        var why = Explain(AlreadyInCourt.Trace(inCourt), CriminalMatter.Trace(criminal), OutsideRemit.Trace(outsideRemit), NoClearFacts.Trace(noClearFacts));

        if (inCourt)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Reject, "The matter is already before a court; we explain this and follow the court's decision.", null, why);
        }

        if (criminal)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "A criminal or public-security matter under investigation is for the authorities.", "the public security authorities", why);
        }

        if (outsideRemit)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "Not ours to handle: we direct the complainant politely to the right body, never just refuse.", "the body responsible", why);
        }

        if (noClearFacts)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Reject, "There is no clear subject or facts to investigate; we ask the complainant for details.", null, why);
        }

        return new AdmissibilityDecision(AdmissibilityOutcome.Accept, null, null, why);
    }

    /// <summary>The category (first rule that gives one) and the tier (the highest matching rule's).</summary>
    /// <param name="complaint">The case.</param>
    /// <returns>The decision.</returns>
    public SeverityDecision Classify(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var intake = complaint.Intake;
        var description = intake.Description;
        var flags = intake.Flags;
        var claim = intake.ClaimedAmount?.Amount ?? 0;
        var uncategorised = string.IsNullOrEmpty(intake.Category);

        var attitude = uncategorised && ContainsAny(description, "rude", "attitude", "impolite", "态度");
        var billing = uncategorised && ContainsAny(description, "charge", "bill", "invoice", "fee", "收费");
        var delivery = uncategorised && ContainsAny(description, "deliver", "late", "shipping", "配送");
        var suggestion = intake.Kind == ComplaintKind.Suggestion;
        var risk = (flags & (ComplaintFlags.SafetyRisk | ComplaintFlags.HealthRisk)) != 0;
        var veryLarge = claim > MajorClaim;
        var threat = (flags & (ComplaintFlags.MediaThreat | ComplaintFlags.RegulatorThreat)) != 0;
        var several = (flags & ComplaintFlags.MultipleDepartments) != 0;
        var repeated = (flags & ComplaintFlags.Repeated) != 0;
        var large = claim > SeriousClaim;

        string? category = attitude ? "service-attitude"
            : billing ? "billing"
            : delivery ? "delivery"
            : suggestion ? "suggestion"
            : null;

        Severity? tier = null;
        var reasons = new List<string>(2);
        if (suggestion)
        {
            tier = Severity.Minor;
            reasons.Add("a suggestion");
        }

        if (risk)
        {
            tier = Severity.Major;
            reasons.Add("a risk to safety or health");
        }

        if (veryLarge)
        {
            tier = Severity.Major;
            reasons.Add("a very large claim");
        }

        if (threat)
        {
            tier = Max(tier, Severity.Serious);
            reasons.Add("a threat to go to the media or a regulator");
        }

        if (several)
        {
            tier = Max(tier, Severity.Serious);
            reasons.Add("several departments involved");
        }

        if (repeated)
        {
            tier = Max(tier, Severity.Serious);
            reasons.Add("a repeated complaint");
        }

        if (large)
        {
            tier = Max(tier, Severity.Serious);
            reasons.Add("a large claim");
        }

        if (tier is null)
        {
            reasons.Add("no severity rule matched: the pack's default tier General");
        }

        var why = Explain(
            CategoryAttitude.Trace(attitude), CategoryBilling.Trace(billing), CategoryDelivery.Trace(delivery), CategorySuggestion.Trace(suggestion),
            SafetyOrHealthRisk.Trace(risk), VeryLargeClaim.Trace(veryLarge), MediaOrRegulatorThreat.Trace(threat), SeveralDepartments.Trace(several),
            RepeatedComplaint.Trace(repeated), LargeClaim.Trace(large));
        var finalCategory = category ?? (string.IsNullOrWhiteSpace(intake.Category) ? DefaultCategory : intake.Category);
        return new SeverityDecision(finalCategory, tier ?? DefaultTier, reasons, why);
    }

    /// <summary>The responsible department and role. The first matching rule wins; none → customer service.</summary>
    /// <param name="complaint">The case with its category and tier set.</param>
    /// <returns>The decision.</returns>
    public RoutingDecision Route(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var category = complaint.Category ?? complaint.Intake.Category ?? "";
        var subjectDepartment = complaint.Intake.Subject.Department?.Value ?? "";

        var several = (complaint.Intake.Flags & ComplaintFlags.MultipleDepartments) != 0;
        var quality = category == "product-quality";
        var repair = category == "repair-quality";
        var contract = category == "contract-dispute";
        var billing = category == "billing";
        var delivery = category == "delivery";
        var conduct = category == "conduct";
        var subject = subjectDepartment.Length > 0;
        var why = Explain(
            SeveralDepartmentsToManagement.Trace(several), ProductQualityToQuality.Trace(quality), RepairToAfterSales.Trace(repair),
            ContractToSales.Trace(contract), BillingToFinance.Trace(billing), DeliveryToLogistics.Trace(delivery),
            ConductToManagement.Trace(conduct), WhoseCustomer.Trace(subject));

        var (department, role) =
            several ? ("management", "manager")
            : quality ? ("quality", DefaultRole)
            : repair ? ("after-sales", DefaultRole)
            : contract ? ("sales", DefaultRole)
            : billing ? ("finance", DefaultRole)
            : delivery ? ("logistics", DefaultRole)
            : conduct ? ("management", DefaultRole)
            : subject ? (subjectDepartment, DefaultRole)
            : (DefaultDepartment, DefaultRole);
        return new RoutingDecision(new DepartmentId(department), role, why);
    }

    /// <summary>The deadlines: acknowledge, propose, resolve and (except for suggestions) follow up.</summary>
    /// <param name="complaint">The case with category, tier and department set.</param>
    /// <returns>The decision.</returns>
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var major = complaint.Severity == Severity.Major;
        var serious = complaint.Severity >= Severity.Serious;
        var followUp = complaint.Intake.Kind != ComplaintKind.Suggestion;
        var why = Explain(
            Acknowledge1Wd.Trace(true), MajorPropose1Wd.Trace(major), Propose2Wd.Trace(true),
            SeriousResolve7Wd.Trace(serious), Resolve3Wd.Trace(true), FollowUp10Wd.Trace(followUp));

        var deadlines = followUp
            ? new[] { Acknowledge1, major ? Propose1 : Propose2, serious ? Resolve7 : Resolve3, FollowUp10 }
            : new[] { Acknowledge1, major ? Propose1 : Propose2, serious ? Resolve7 : Resolve3 };
        return new DeadlineDecision(deadlines, why);
    }

    /// <summary>Who must approve a remedy: the manager above the handler's limit or for a major complaint, the general manager above the manager's limit or for a major complaint.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="remedy">The proposed remedy.</param>
    /// <returns>The decision.</returns>
    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(remedy);
        var amount = remedy.Amount?.Amount ?? 0;
        var aboveHandler = amount > HandlerLimit;
        var aboveManager = amount > ManagerLimit;
        var major = complaint.Severity == Severity.Major;
        var why = Explain(AboveHandlerLimit.Trace(aboveHandler), AboveManagerLimit.Trace(aboveManager), MajorNeedsGeneralManager.Trace(major));
        var manager = aboveHandler || major;
        var generalManager = aboveManager || major;
        var steps = manager ? (generalManager ? ManagerThenGeneralManager : Manager) : generalManager ? GeneralManager : NoSteps;
        return new ApprovalDecision(steps, why);
    }

    /// <summary>Whether a person must step aside: the first conflict found (the accused, the accused's department, their own complaint, recused before).</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="person">The person.</param>
    /// <returns>The decision.</returns>
    public RecusalDecision CheckRecusal(Complaint complaint, Actor person)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(person);
        var subject = complaint.Intake.Subject;
        var accused = subject.StaffId == person.Id;
        var accusedDepartment = subject.Department is { } department && (person.Department?.Value ?? "") == department.Value &&
            subject.Kind is SubjectKind.StaffMember or SubjectKind.Department;
        var own = complaint.Intake.Complainant.StaffId == person.Id;
        var before = complaint.IsRecused(person.Id);
        var why = Explain(IsTheAccused.Trace(accused), AccusedDepartment.Trace(accusedDepartment), OwnComplaint.Trace(own), RecusedBefore.Trace(before));
        var reason = accused ? "they are the person complained about"
            : accusedDepartment ? "they work in the department complained about"
            : own ? "they filed this complaint themselves"
            : before ? "they stepped aside from this case before"
            : null;
        return new RecusalDecision(reason is not null, reason, why);
    }

    private PolicyExplanation Explain(params RuleTrace[] traces) => new(Identity, traces);
}
