using Complaints.Policy;
using static Complaints.Benchmarks.Floors.Floor;
using Rule = Complaints.Benchmarks.Floors.FloorRule;

namespace Complaints.Benchmarks.Floors;

/// <summary>
/// The tobacco-retail pack's intake decisions (admissibility, severity, routing, deadlines) written by hand as plain
/// if/switch code with one ordinal ignore-case <c>IndexOf</c> per keyword: the floor the pack is measured against. Its
/// decisions and explanations (rule names and Matched flags) equal the pack's; the differential tests hold it to that.
/// </summary>
public sealed class HandWrittenTobaccoRetailPolicy : IIntakeFloor
{
    // pack.json: defaults and settings.
    private const string DefaultCategory = "general";
    private const Severity DefaultTier = Severity.General;
    private const decimal SeriousAmount = 10000;
    private const decimal MajorAmount = 100000;
    private const int MinDescriptionLength = 10;
    private const decimal WarnAtShare = 0.75m;

    // admissibility.json
    private static readonly Rule Criminal = new("criminal-case-under-investigation");
    private static readonly Rule OutsideScope = new("outside-the-regulations-scope");
    private static readonly Rule NoConcreteFacts = new("no-concrete-facts-ask-for-details");

    // severity.json
    private static readonly Rule CategoryRetaliation = new("category-retaliation");
    private static readonly Rule CategoryBribery = new("category-bribery");
    private static readonly Rule CategoryExtortion = new("category-extortion");
    private static readonly Rule CategoryIllegalFees = new("category-illegal-fees-report");
    private static readonly Rule CategoryOvercharging = new("category-overcharging-complaint");
    private static readonly Rule CategorySelfDealing = new("category-self-dealing");
    private static readonly Rule CategoryAbuseOfPower = new("category-abuse-of-power");
    private static readonly Rule CategoryInsult = new("category-insult-or-discrimination");
    private static readonly Rule CategoryWithheldPay = new("category-withheld-pay");
    private static readonly Rule CategoryObstruction = new("category-obstruction");
    private static readonly Rule CategoryServiceAttitude = new("category-service-attitude");
    private static readonly Rule CategoryDelivery = new("category-delivery");
    private static readonly Rule SuggestionIsMinor = new("suggestion-is-minor");
    private static readonly Rule VeryLargeIsMajor = new("very-large-amount-is-major");
    private static readonly Rule RetaliationIsSerious = new("retaliation-is-serious");
    private static readonly Rule CorruptionIsSerious = new("corruption-report-is-serious");
    private static readonly Rule LargeIsSerious = new("large-amount-is-serious");
    private static readonly Rule OutsideThreatIsSerious = new("outside-threat-is-serious");
    private static readonly Rule SeveralDepartmentsIsSerious = new("several-departments-is-serious");
    private static readonly Rule RepeatedIsSerious = new("repeated-complaint-is-serious");

    // routing.json
    private static readonly Rule SeriousToTeam = new("serious-case-to-an-investigation-team");
    private static readonly Rule ToSupervisor = new("complaints-and-reports-to-a-supervisor");

    // deadlines.json
    private static readonly Rule Registration = new("registration-form-to-head-within-2-working-days");
    private static readonly Rule Commissioned = new("commissioned-investigation-reports-within-15-days");
    private static readonly Rule Investigate = new("investigate-and-decide-within-30-days");
    private static readonly Rule WrittenResult = new("written-result-within-5-days-of-completion");

    private static readonly DeadlineRule Register2 = new(DeadlineKind.Acknowledge, 2, DeadlineUnit.WorkingDays, Registration.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Commissioned15 = new(DeadlineKind.Propose, 15, DeadlineUnit.CalendarDays, Commissioned.Name) { WarnAtShare = WarnAtShare, StartsAt = ClockStart.Assigned };
    private static readonly DeadlineRule Decide30 = new(DeadlineKind.Resolve, 30, DeadlineUnit.CalendarDays, Investigate.Name) { WarnAtShare = 0.8m, ExtendableTo = 60, ExtensionApprovedBy = "manager" };
    private static readonly DeadlineRule Result5 = new(DeadlineKind.NotifyResult, 5, DeadlineUnit.CalendarDays, WrittenResult.Name) { WarnAtShare = WarnAtShare, StartsAt = ClockStart.RemedyApproved };

    private static readonly string[] CorruptionCategories = ["self-dealing", "bribery", "extortion", "abuse-of-power", "fraud", "false-figures", "leaking-secrets"];

    /// <inheritdoc />
    public PolicyRef Identity { get; } = new("tobacco-retail", "1.0.0");

    /// <inheritdoc />
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var criminal = HasAttribute(complaint, "criminal-investigation");
        var outside = HasAttribute(complaint, "outside-remit");
        var noFacts = complaint.Intake.Description.AsSpan().Trim().Length < MinDescriptionLength;
        var why = Explain(Criminal.Trace(criminal), OutsideScope.Trace(outside), NoConcreteFacts.Trace(noFacts));
        return criminal
            ? new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "A criminal matter already under investigation belongs to the judicial authorities; the office passes on what it knows.", "the judicial authorities", why)
            : outside
            ? new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "The matter is outside the scope of the complaint-and-report regulation; we tell the customer who handles it, never just refuse.", "the body responsible", why)
            : noFacts
            ? new AdmissibilityDecision(AdmissibilityOutcome.Reject, "The complaint or report gives no concrete facts to investigate; we ask for the time, place, course of events, the people involved and any evidence or witnesses.", null, why)
            : new AdmissibilityDecision(AdmissibilityOutcome.Accept, null, null, why);
    }

    /// <inheritdoc />
    public SeverityDecision Classify(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var intake = complaint.Intake;
        var d = intake.Description;
        var flags = intake.Flags;
        var claim = intake.ClaimedAmount?.Amount ?? 0;
        var u = string.IsNullOrEmpty(intake.Category);
        var report = intake.Kind == ComplaintKind.Report;

        var retaliation = u && ContainsAny(d, "打击报复", "报复", "retaliat");
        var bribery = u && ContainsAny(d, "受贿", "行贿", "索贿", "贿赂", "回扣", "红包", "bribe", "kickback", "red envelope", "red packet");
        var extortion = u && ContainsAny(d, "吃拿卡要", "勒索", "索要", "extort", "demanded money", "demanded a gift");
        var illegalFees = u && report && ContainsAny(d, "乱收费", "巧立名目", "收费", "illegal fee", "invented fee", "extra fee", "unauthorised fee", "unauthorized fee");
        var overcharging = u && ContainsAny(d, "多收", "乱收费", "收费", "overcharg", "extra fee");
        var selfDealing = u && ContainsAny(d, "谋取私利", "以权谋私", "贪污", "embezzl", "self-dealing", "for personal gain");
        var abuse = u && ContainsAny(d, "滥用职权", "abuse of power", "abused his power", "abused her power");
        var insult = u && ContainsAny(d, "谩骂", "侮辱", "歧视", "殴打", "造谣", "insult", "discriminat", "swore at", "hit me");
        var withheld = u && ContainsAny(d, "克扣", "扣工资", "扣奖金", "withheld pay", "wages withheld", "bonus withheld");
        var obstruction = u && ContainsAny(d, "刁难", "推诿", "不予受理", "refused to accept", "made it difficult");
        var attitude = u && ContainsAny(d, "态度", "rude", "attitude", "impolite");
        var delivery = u && ContainsAny(d, "送货", "配送", "到货", "deliver");
        var suggestion = intake.Kind == ComplaintKind.Suggestion;
        var veryLarge = claim >= MajorAmount;
        var category = Category(complaint);
        var retaliationSerious = category == "retaliation" || ContainsAny(d, "打击报复", "retaliat");
        var corruption = report && (IsCorruptionCategory(category) || (category.Length == 0 && ContainsAny(d,
            "受贿", "行贿", "索贿", "贿赂", "回扣", "红包", "吃拿卡要", "勒索", "索要", "谋取私利", "以权谋私", "贪污", "滥用职权", "bribe", "kickback", "red envelope",
            "red packet", "extort", "demanded money", "demanded a gift", "embezzl", "self-dealing", "abuse of power")));
        var large = claim >= SeriousAmount;
        var threat = (flags & (ComplaintFlags.MediaThreat | ComplaintFlags.RegulatorThreat)) != 0;
        var several = (flags & ComplaintFlags.MultipleDepartments) != 0;
        var repeated = (flags & ComplaintFlags.Repeated) != 0;

        var decided = retaliation ? "retaliation"
            : bribery ? "bribery"
            : extortion ? "extortion"
            : illegalFees ? "illegal-fees"
            : overcharging ? "overcharging"
            : selfDealing ? "self-dealing"
            : abuse ? "abuse-of-power"
            : insult ? "insult-or-discrimination"
            : withheld ? "withheld-pay"
            : obstruction ? "obstruction"
            : attitude ? "service-attitude"
            : delivery ? "delivery"
            : suggestion ? "suggestion"
            : null;

        Severity? tier = null;
        var reasons = new List<string>(2);
        Raise(ref tier, reasons, suggestion, Severity.Minor, "a suggestion");
        Raise(ref tier, reasons, veryLarge, Severity.Major, "a very large amount is involved");
        Raise(ref tier, reasons, retaliationSerious, Severity.Serious, "retaliation against someone who complained or reported");
        Raise(ref tier, reasons, corruption, Severity.Serious, "a report of corruption, fraud or abuse of power");
        Raise(ref tier, reasons, large, Severity.Serious, "a large amount is involved");
        Raise(ref tier, reasons, threat, Severity.Serious, "the customer threatens to go to a higher authority, an outside supervisory body or the media (投诉升级)");
        Raise(ref tier, reasons, several, Severity.Serious, "several departments are involved");
        Raise(ref tier, reasons, repeated, Severity.Serious, "the customer has complained about this before");

        var why = Explain(
            CategoryRetaliation.Trace(retaliation), CategoryBribery.Trace(bribery), CategoryExtortion.Trace(extortion), CategoryIllegalFees.Trace(illegalFees),
            CategoryOvercharging.Trace(overcharging), CategorySelfDealing.Trace(selfDealing), CategoryAbuseOfPower.Trace(abuse), CategoryInsult.Trace(insult),
            CategoryWithheldPay.Trace(withheld), CategoryObstruction.Trace(obstruction), CategoryServiceAttitude.Trace(attitude), CategoryDelivery.Trace(delivery),
            SuggestionIsMinor.Trace(suggestion), VeryLargeIsMajor.Trace(veryLarge), RetaliationIsSerious.Trace(retaliationSerious), CorruptionIsSerious.Trace(corruption),
            LargeIsSerious.Trace(large), OutsideThreatIsSerious.Trace(threat), SeveralDepartmentsIsSerious.Trace(several), RepeatedIsSerious.Trace(repeated));
        return new SeverityDecision(FinalCategory(decided, complaint, DefaultCategory), tier ?? DefaultTier, NoTierReasons(reasons, tier, DefaultTier), why);
    }

    /// <inheritdoc />
    public RoutingDecision Route(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var serious = complaint.Severity >= Severity.Serious;
        var why = Explain(SeriousToTeam.Trace(serious), ToSupervisor.Trace(true));
        return new RoutingDecision(new DepartmentId("internal-management-office"), serious ? "manager" : "supervisor", why);
    }

    /// <inheritdoc />
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var commissioned = HasAttribute(complaint, "commissioned");
        var why = Explain(Registration.Trace(true), Commissioned.Trace(commissioned), Investigate.Trace(true), WrittenResult.Trace(true));
        var deadlines = commissioned ? new[] { Register2, Commissioned15, Decide30, Result5 } : new[] { Register2, Decide30, Result5 };
        return new DeadlineDecision(deadlines, why);
    }

    private static bool IsCorruptionCategory(string category)
    {
        foreach (var option in CorruptionCategories)
        {
            if (category.Equals(option, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private PolicyExplanation Explain(params RuleTrace[] traces) => new(Identity, traces);
}
