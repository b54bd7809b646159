using Complaints.Policy;
using static Complaints.Benchmarks.Floors.Floor;
using Rule = Complaints.Benchmarks.Floors.FloorRule;

namespace Complaints.Benchmarks.Floors;

/// <summary>
/// The auto-dealership pack's intake decisions (admissibility, severity, routing, deadlines) written by hand as plain
/// if/switch code with one ordinal ignore-case <c>IndexOf</c> per keyword: the floor the pack is measured against. Its
/// decisions and explanations (rule names and Matched flags) equal the pack's; the differential tests hold it to that.
/// </summary>
public sealed class HandWrittenAutoDealershipPolicy : IIntakeFloor
{
    // pack.json: defaults and settings.
    private const string DefaultDepartment = "customer-relations";
    private const string DefaultRole = "coordinator";
    private const string DefaultCategory = "service-quality";
    private const Severity DefaultTier = Severity.General;
    private const decimal SeriousClaim = 10000;
    private const decimal MajorClaim = 50000;
    private const int MinDescriptionLength = 10;
    private const decimal WarnAtShare = 0.75m;

    // admissibility.json
    private static readonly Rule AlreadyInCourt = new("already-in-court");
    private static readonly Rule NotOurVehicle = new("not-our-vehicle-or-contract");
    private static readonly Rule NoClearFacts = new("no-clear-facts");

    // severity.json
    private static readonly Rule ProposalOrCriticism = new("proposal-or-criticism");
    private static readonly Rule CategorySalesContract = new("category-sales-contract");
    private static readonly Rule CategoryRepairQuality = new("category-repair-quality");
    private static readonly Rule CategoryProductQuality = new("category-product-quality");
    private static readonly Rule CategoryServiceQuality = new("category-service-quality");
    private static readonly Rule SafetyRiskIsMajor = new("safety-risk-is-major");
    private static readonly Rule MediaThreatIsMajor = new("media-threat-is-major");
    private static readonly Rule LargeClaimIsMajor = new("large-claim-is-major");
    private static readonly Rule RegulatorThreatIsSerious = new("regulator-threat-is-serious");
    private static readonly Rule RepeatedIsSerious = new("repeated-complaint-is-serious");
    private static readonly Rule SeveralDepartmentsIsSerious = new("several-departments-is-serious");
    private static readonly Rule ClaimAboveSerious = new("claim-above-serious-threshold");

    // routing.json
    private static readonly Rule SeveralDepartments = new("several-departments-customer-relations-coordinates");
    private static readonly Rule SalesContract = new("sales-contract-to-sales-manager");
    private static readonly Rule RepairQuality = new("repair-quality-to-service-manager");
    private static readonly Rule ProductQuality = new("product-quality-to-service-manager");
    private static readonly Rule Proposals = new("proposals-to-customer-relations");
    private static readonly Rule DepartmentConcerned = new("other-complaints-to-the-department-concerned");

    // deadlines.json
    private static readonly Rule MajorPassedOn = new("major-complaint-passed-on-within-2-hours");
    private static readonly Rule Acknowledge1Wd = new("acknowledge-within-1-working-day");
    private static readonly Rule Propose1Wd = new("responsible-department-proposes-within-1-working-day");
    private static readonly Rule SeriousResolve7Wd = new("serious-or-major-resolved-within-7-working-days");
    private static readonly Rule Resolve3Wd = new("resolved-within-3-working-days");
    private static readonly Rule FollowUp10Wd = new("satisfaction-follow-up-within-10-working-days");

    private static readonly DeadlineRule PassOn2H = new(DeadlineKind.Acknowledge, 2, DeadlineUnit.Hours, MajorPassedOn.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Acknowledge1 = new(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays, Acknowledge1Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Propose1 = new(DeadlineKind.Propose, 1, DeadlineUnit.WorkingDays, Propose1Wd.Name) { WarnAtShare = WarnAtShare, StartsAt = ClockStart.Assigned };
    private static readonly DeadlineRule Resolve7 = new(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays, SeriousResolve7Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Resolve3 = new(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays, Resolve3Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule FollowUp10 = new(DeadlineKind.FollowUp, 10, DeadlineUnit.WorkingDays, FollowUp10Wd.Name) { WarnAtShare = WarnAtShare };

    /// <inheritdoc />
    public PolicyRef Identity { get; } = new("auto-dealership", "1.0.0");

    /// <inheritdoc />
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var inCourt = HasAttribute(complaint, "in-court");
        var outsideRemit = HasAttribute(complaint, "outside-remit");
        var noClearFacts = complaint.Intake.Description.AsSpan().Trim().Length < MinDescriptionLength;
        var why = Explain(AlreadyInCourt.Trace(inCourt), NotOurVehicle.Trace(outsideRemit), NoClearFacts.Trace(noClearFacts));
        if (inCourt)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Reject, "The matter is already before a court or an arbitration body; we explain this and follow its decision.", null, why);
        }

        if (outsideRemit)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "The vehicle was not sold or serviced by us; we tell the customer who handles it and help them reach them.",
                "the manufacturer's customer service or the dealer that sold or serviced the vehicle", why);
        }

        return noClearFacts
            ? new AdmissibilityDecision(AdmissibilityOutcome.Reject, "There is no clear subject or facts to investigate; the customer-relations advisor asks the customer for details.", null, why)
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

        var proposal = intake.Kind == ComplaintKind.Suggestion;
        var sales = uncategorised && ContainsAny(description, "contract", "deposit", "down payment", "handover date", "delivery date", "price difference", "purchase invoice", "合同", "定金", "订金", "首付", "提车", "交车", "差价", "购车");
        var repair = uncategorised && ContainsAny(description, "repair", "maintenance", "service visit", "workshop", "mechanic", "维修", "保养", "返修", "修理", "钣金", "喷漆");
        var product = uncategorised && ContainsAny(description, "defect", "fault", "broke down", "engine", "gearbox", "transmission", "brake", "airbag", "rusty", "rusted", "leak", "生锈", "recall", "质量", "故障", "缺陷", "异响", "发动机", "变速箱", "刹车", "漏油", "气囊");
        var service = uncategorised && ContainsAny(description, "attitude", "rude", "waited", "reception", "ignored", "态度", "服务", "等待", "接待");
        var safety = (flags & ComplaintFlags.SafetyRisk) != 0;
        var media = (flags & ComplaintFlags.MediaThreat) != 0;
        var majorClaim = claim > MajorClaim;
        var regulator = (flags & ComplaintFlags.RegulatorThreat) != 0;
        var repeated = (flags & ComplaintFlags.Repeated) != 0;
        var several = (flags & ComplaintFlags.MultipleDepartments) != 0;
        var seriousClaim = claim > SeriousClaim;

        var category = proposal ? "proposals-and-criticism"
            : sales ? "new-car-sales-contract"
            : repair ? "repair-quality"
            : product ? "product-quality"
            : service ? "service-quality"
            : null;

        Severity? tier = null;
        var reasons = new List<string>(2);
        Raise(ref tier, reasons, proposal, Severity.Minor, "a proposal, suggestion or criticism");
        Raise(ref tier, reasons, safety, Severity.Major, "a risk to the safety of the vehicle's occupants or others");
        Raise(ref tier, reasons, media, Severity.Major, "the customer threatens to go to the media");
        Raise(ref tier, reasons, majorClaim, Severity.Major, "a claim above the major-claim threshold");
        Raise(ref tier, reasons, regulator, Severity.Serious, "the customer threatens to go to the consumer association, a regulator or the manufacturer");
        Raise(ref tier, reasons, repeated, Severity.Serious, "the customer has complained about this before (e.g. a repeat repair)");
        Raise(ref tier, reasons, several, Severity.Serious, "several departments are involved");
        Raise(ref tier, reasons, seriousClaim, Severity.Serious, "a claim above the serious-claim threshold");

        var why = Explain(
            ProposalOrCriticism.Trace(proposal), CategorySalesContract.Trace(sales), CategoryRepairQuality.Trace(repair), CategoryProductQuality.Trace(product),
            CategoryServiceQuality.Trace(service), SafetyRiskIsMajor.Trace(safety), MediaThreatIsMajor.Trace(media), LargeClaimIsMajor.Trace(majorClaim),
            RegulatorThreatIsSerious.Trace(regulator), RepeatedIsSerious.Trace(repeated), SeveralDepartmentsIsSerious.Trace(several), ClaimAboveSerious.Trace(seriousClaim));
        return new SeverityDecision(FinalCategory(category, complaint, DefaultCategory), tier ?? DefaultTier, NoTierReasons(reasons, tier, DefaultTier), why);
    }

    /// <inheritdoc />
    public RoutingDecision Route(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var category = Category(complaint);
        var subjectDepartment = complaint.Intake.Subject.Department?.Value ?? "";
        var several = (complaint.Intake.Flags & ComplaintFlags.MultipleDepartments) != 0;
        var sales = category == "new-car-sales-contract";
        var repair = category == "repair-quality";
        var product = category == "product-quality";
        var proposals = category == "proposals-and-criticism";
        var subject = subjectDepartment.Length > 0;
        var why = Explain(SeveralDepartments.Trace(several), SalesContract.Trace(sales), RepairQuality.Trace(repair), ProductQuality.Trace(product),
            Proposals.Trace(proposals), DepartmentConcerned.Trace(subject));

        var (department, role) =
            several ? ("customer-relations", "coordinator")
            : sales ? ("sales", "manager")
            : repair || product ? ("service", "manager")
            : proposals ? ("customer-relations", "coordinator")
            : subject ? (subjectDepartment, "manager")
            : (DefaultDepartment, DefaultRole);
        return new RoutingDecision(new DepartmentId(department), role, why);
    }

    /// <inheritdoc />
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var major = complaint.Severity == Severity.Major;
        var serious = complaint.Severity >= Severity.Serious;
        var followUp = complaint.Intake.Kind != ComplaintKind.Suggestion;
        var why = Explain(
            MajorPassedOn.Trace(major), Acknowledge1Wd.Trace(true), Propose1Wd.Trace(true),
            SeriousResolve7Wd.Trace(serious), Resolve3Wd.Trace(true), FollowUp10Wd.Trace(followUp));
        var acknowledge = major ? PassOn2H : Acknowledge1;
        var resolve = serious ? Resolve7 : Resolve3;
        var deadlines = followUp ? new[] { acknowledge, Propose1, resolve, FollowUp10 } : new[] { acknowledge, Propose1, resolve };
        return new DeadlineDecision(deadlines, why);
    }

    private PolicyExplanation Explain(params RuleTrace[] traces) => new(Identity, traces);
}
