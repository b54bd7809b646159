using Complaints.Policy;
using static Complaints.Benchmarks.Floors.Floor;
using Rule = Complaints.Benchmarks.Floors.FloorRule;

namespace Complaints.Benchmarks.Floors;

/// <summary>
/// The food-service pack's intake decisions (admissibility, severity, routing, deadlines) written by hand as plain
/// if/switch code with one ordinal ignore-case <c>IndexOf</c> per keyword: the floor the pack is measured against. Its
/// decisions and explanations (rule names and Matched flags) equal the pack's; the differential tests hold it to that.
/// </summary>
public sealed class HandWrittenFoodServicePolicy : IIntakeFloor
{
    // pack.json: defaults, settings and word lists.
    private const string DefaultDepartment = "customer-service";
    private const string DefaultRole = "handler";
    private const string DefaultCategory = "general";
    private const Severity DefaultTier = Severity.General;
    private const decimal SeriousClaim = 2000;
    private const decimal MajorClaim = 20000;
    private const int MinDescriptionLength = 10;
    private const decimal WarnAtShare = 0.75m;

    private static readonly string[] Spoilage = ["变质", "异味", "发霉", "霉变", "异物", "馊", "腐烂", "腐败", "过期", "变色", "发臭", "spoil", "smell", "stink", "mould", "mold", "rotten", "expired", "foreign object", "insect"];
    private static readonly string[] Illness = ["食物中毒", "腹泻", "呕吐", "food poisoning", "diarrh", "vomit"];

    // admissibility.json
    private static readonly Rule NotOurCustomer = new("not-our-customer-or-product");
    private static readonly Rule NoClearFacts = new("no-clear-facts");

    // severity.json
    private static readonly Rule SuggestionIsMinor = new("suggestion-is-minor");
    private static readonly Rule CategoryFoodSafety = new("category-food-safety");
    private static readonly Rule CategoryDelivery = new("category-delivery");
    private static readonly Rule CategoryBilling = new("category-billing");
    private static readonly Rule CategoryServiceAttitude = new("category-service-attitude");
    private static readonly Rule CategoryFoodQuality = new("category-food-quality");
    private static readonly Rule IllnessIsMajor = new("illness-or-health-risk-is-major");
    private static readonly Rule SuspectFoodIsSerious = new("suspect-food-is-serious");
    private static readonly Rule SafetyRiskIsMajor = new("safety-risk-is-major");
    private static readonly Rule VeryLargeClaimIsMajor = new("very-large-claim-is-major");
    private static readonly Rule OutsideThreatIsSerious = new("outside-threat-is-serious");
    private static readonly Rule SeveralDepartmentsIsSerious = new("several-departments-is-serious");
    private static readonly Rule RepeatedIsSerious = new("repeated-complaint-is-serious");
    private static readonly Rule LargeClaimIsSerious = new("large-claim-is-serious");

    // routing.json
    private static readonly Rule SeveralDepartments = new("several-departments-company-coordinates");
    private static readonly Rule WhoseCustomer = new("whose-customer-whose-responsibility");
    private static readonly Rule FoodSafetyToQc = new("food-safety-to-quality-control");
    private static readonly Rule FoodQualityToQc = new("food-quality-to-quality-control");
    private static readonly Rule DeliveryToDelivery = new("delivery-to-delivery-department");
    private static readonly Rule BillingToFinance = new("billing-to-finance");

    // deadlines.json
    private static readonly Rule FoodSafetyAcknowledge = new("food-safety-acknowledged-within-1-hour");
    private static readonly Rule Acknowledge2H = new("acknowledged-within-2-hours");
    private static readonly Rule FoodSafetyResolve = new("food-safety-resolved-within-24-hours");
    private static readonly Rule SeriousResolve3Wd = new("serious-resolved-within-3-working-days");
    private static readonly Rule Resolve2Wd = new("resolved-within-2-working-days");
    private static readonly Rule FollowUp5Wd = new("follow-up-within-5-working-days");

    private static readonly DeadlineRule Acknowledge1Hour = new(DeadlineKind.Acknowledge, 1, DeadlineUnit.Hours, FoodSafetyAcknowledge.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Acknowledge2Hours = new(DeadlineKind.Acknowledge, 2, DeadlineUnit.Hours, Acknowledge2H.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Resolve24Hours = new(DeadlineKind.Resolve, 24, DeadlineUnit.Hours, FoodSafetyResolve.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Resolve3 = new(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays, SeriousResolve3Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Resolve2 = new(DeadlineKind.Resolve, 2, DeadlineUnit.WorkingDays, Resolve2Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule FollowUp5 = new(DeadlineKind.FollowUp, 5, DeadlineUnit.WorkingDays, FollowUp5Wd.Name) { WarnAtShare = WarnAtShare };

    /// <inheritdoc />
    public PolicyRef Identity { get; } = new("food-service", "1.0.0");

    /// <inheritdoc />
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var outsideRemit = HasAttribute(complaint, "outside-remit");
        var noClearFacts = complaint.Intake.Description.AsSpan().Trim().Length < MinDescriptionLength;
        var why = Explain(NotOurCustomer.Trace(outsideRemit), NoClearFacts.Trace(noClearFacts));
        return outsideRemit
            ? new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "The food or service was not supplied by us; we tell the customer politely who handles it, never just refuse.", "the supplier or body responsible", why)
            : noClearFacts
            ? new AdmissibilityDecision(AdmissibilityOutcome.Reject, "There is no clear subject or facts to check; the receiver asks the customer what was delivered, when, and what was wrong.", null, why)
            : new AdmissibilityDecision(AdmissibilityOutcome.Accept, null, null, why);
    }

    /// <inheritdoc />
    public SeverityDecision Classify(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var intake = complaint.Intake;
        var description = intake.Description;
        var flags = intake.Flags;
        var claim = intake.ClaimedAmount?.Amount ?? 0;
        var uncategorised = string.IsNullOrEmpty(intake.Category);
        var healthRisk = (flags & ComplaintFlags.HealthRisk) != 0;

        // Each word list is searched once (the pack's expressions search spoilage and illness twice).
        var illness = ContainsAny(description, Illness);
        var spoilage = ContainsAny(description, Spoilage);
        var suggestion = intake.Kind == ComplaintKind.Suggestion;
        var foodSafety = uncategorised && (healthRisk || spoilage || illness);
        var delivery = uncategorised && ContainsAny(description, "迟到", "晚到", "送晚", "少送", "漏送", "送错", "未送", "late delivery", "delivered late", "arrived late", "came late", "was late", "were late", "delay", "missing", "wrong items", "not delivered", "short delivery");
        var billing = uncategorised && ContainsAny(description, "发票", "价格", "结算", "多收", "invoice", "price", "bill", "overcharg");
        var attitude = uncategorised && ContainsAny(description, "态度", "rude", "attitude", "impolite");
        var quality = uncategorised && ContainsAny(description, "不新鲜", "口味", "分量", "质量", "品质", "taste", "portion", "quality", "not fresh", "wilted");
        var ill = healthRisk || illness;
        var suspect = Category(complaint) == "food-safety" || spoilage;
        var safety = (flags & ComplaintFlags.SafetyRisk) != 0;
        var veryLarge = claim > MajorClaim;
        var threat = (flags & (ComplaintFlags.MediaThreat | ComplaintFlags.RegulatorThreat)) != 0;
        var several = (flags & ComplaintFlags.MultipleDepartments) != 0;
        var repeated = (flags & ComplaintFlags.Repeated) != 0;
        var large = claim > SeriousClaim;

        var category = suggestion ? "suggestion"
            : foodSafety ? "food-safety"
            : delivery ? "delivery"
            : billing ? "billing"
            : attitude ? "service-attitude"
            : quality ? "food-quality"
            : null;

        Severity? tier = null;
        var reasons = new List<string>(2);
        Raise(ref tier, reasons, suggestion, Severity.Minor, "a suggestion");
        Raise(ref tier, reasons, ill, Severity.Major, "someone fell ill, or the receiver reported a risk to health: the company coordinates");
        Raise(ref tier, reasons, suspect, Severity.Serious, "food with an abnormal look or smell, or suspected spoilage: check it at once, replace it if abnormal and check the same kind (三.7); the duty manager settles it within authority");
        Raise(ref tier, reasons, safety, Severity.Major, "a risk to safety");
        Raise(ref tier, reasons, veryLarge, Severity.Major, "a very large claim");
        Raise(ref tier, reasons, threat, Severity.Serious, "a threat to go to the market regulator, the food-safety authority or the media");
        Raise(ref tier, reasons, several, Severity.Serious, "several departments are involved");
        Raise(ref tier, reasons, repeated, Severity.Serious, "the customer has complained about this before");
        Raise(ref tier, reasons, large, Severity.Serious, "a large claim");

        var why = Explain(
            SuggestionIsMinor.Trace(suggestion), CategoryFoodSafety.Trace(foodSafety), CategoryDelivery.Trace(delivery), CategoryBilling.Trace(billing),
            CategoryServiceAttitude.Trace(attitude), CategoryFoodQuality.Trace(quality), IllnessIsMajor.Trace(ill), SuspectFoodIsSerious.Trace(suspect),
            SafetyRiskIsMajor.Trace(safety), VeryLargeClaimIsMajor.Trace(veryLarge), OutsideThreatIsSerious.Trace(threat), SeveralDepartmentsIsSerious.Trace(several),
            RepeatedIsSerious.Trace(repeated), LargeClaimIsSerious.Trace(large));
        return new SeverityDecision(FinalCategory(category, complaint, DefaultCategory), tier ?? DefaultTier, NoTierReasons(reasons, tier, DefaultTier), why);
    }

    /// <inheritdoc />
    public RoutingDecision Route(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var category = Category(complaint);
        var subjectDepartment = complaint.Intake.Subject.Department?.Value ?? "";
        var several = (complaint.Intake.Flags & ComplaintFlags.MultipleDepartments) != 0;
        var subject = subjectDepartment.Length > 0;
        var foodSafety = category == "food-safety";
        var foodQuality = category == "food-quality";
        var delivery = category == "delivery";
        var billing = category == "billing";
        var why = Explain(SeveralDepartments.Trace(several), WhoseCustomer.Trace(subject), FoodSafetyToQc.Trace(foodSafety), FoodQualityToQc.Trace(foodQuality),
            DeliveryToDelivery.Trace(delivery), BillingToFinance.Trace(billing));

        var (department, role) =
            several ? ("management", "manager")
            : subject ? (subjectDepartment, "handler")
            : foodSafety ? ("quality-control", "manager")
            : foodQuality ? ("quality-control", "handler")
            : delivery ? ("delivery", "handler")
            : billing ? ("finance", "handler")
            : (DefaultDepartment, DefaultRole);
        return new RoutingDecision(new DepartmentId(department), role, why);
    }

    /// <inheritdoc />
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var urgent = complaint.Severity == Severity.Major || Category(complaint) == "food-safety";
        var serious = complaint.Severity >= Severity.Serious;
        var followUp = complaint.Intake.Kind != ComplaintKind.Suggestion;
        var why = Explain(
            FoodSafetyAcknowledge.Trace(urgent), Acknowledge2H.Trace(true), FoodSafetyResolve.Trace(urgent),
            SeriousResolve3Wd.Trace(serious), Resolve2Wd.Trace(true), FollowUp5Wd.Trace(followUp));
        var acknowledge = urgent ? Acknowledge1Hour : Acknowledge2Hours;
        var resolve = urgent ? Resolve24Hours : serious ? Resolve3 : Resolve2;
        var deadlines = followUp ? new[] { acknowledge, resolve, FollowUp5 } : new[] { acknowledge, resolve };
        return new DeadlineDecision(deadlines, why);
    }

    private PolicyExplanation Explain(params RuleTrace[] traces) => new(Identity, traces);
}
