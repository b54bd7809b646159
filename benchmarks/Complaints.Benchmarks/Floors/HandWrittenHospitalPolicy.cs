using Complaints.Policy;
using static Complaints.Benchmarks.Floors.Floor;
using Rule = Complaints.Benchmarks.Floors.FloorRule;

namespace Complaints.Benchmarks.Floors;

/// <summary>
/// The hospital pack's intake decisions (admissibility, severity, routing, deadlines) written by hand as plain
/// if/switch code with one ordinal ignore-case <c>IndexOf</c> per keyword: the floor the pack is measured against. Its
/// decisions and explanations (rule names and Matched flags) equal the pack's; the differential tests hold it to that.
/// </summary>
public sealed class HandWrittenHospitalPolicy : IIntakeFloor
{
    // pack.json: defaults and settings.
    private const string DefaultDepartment = "hospital-office";
    private const string DefaultRole = "handler";
    private const string DefaultCategory = "service";
    private const Severity DefaultTier = Severity.General;
    private const decimal SeriousClaim = 10000;
    private const decimal MajorClaim = 100000;
    private const int MinDescriptionLength = 10;
    private const decimal WarnAtShare = 0.75m;

    // admissibility.json
    private static readonly Rule InCourt = new("already-filed-in-court");
    private static readonly Rule PetitionOffice = new("already-handled-by-petition-office");
    private static readonly Rule Criminal = new("criminal-or-public-security-case-to-police");
    private static readonly Rule Malpractice = new("malpractice-appraisal-or-litigation-route");
    private static readonly Rule OutsideRemit = new("outside-the-offices-remit");
    private static readonly Rule NoClearSubject = new("no-clear-subject-or-facts");

    // severity.json
    private static readonly Rule Internal = new("staff-internal-complaint");
    private static readonly Rule CategoryFees = new("category-fees");
    private static readonly Rule CategoryConduct = new("category-conduct");
    private static readonly Rule CategoryNursing = new("category-nursing-care");
    private static readonly Rule CategoryMedical = new("category-medical-care");
    private static readonly Rule CategoryFacilities = new("category-facilities");
    private static readonly Rule SuggestionIsMinor = new("suggestion-is-minor");
    private static readonly Rule HarmWithThreatIsMajor = new("harm-with-outside-threat-is-major");
    private static readonly Rule VeryLargeClaimIsMajor = new("very-large-claim-is-major");
    private static readonly Rule HarmIsSerious = new("harm-to-patient-is-serious");
    private static readonly Rule SeveralDepartmentsIsSerious = new("several-departments-is-serious");
    private static readonly Rule OutsideThreatIsSerious = new("outside-threat-is-serious");
    private static readonly Rule RepeatedIsSerious = new("repeated-complaint-is-serious");
    private static readonly Rule LargeClaimIsSerious = new("large-claim-is-serious");

    // routing.json
    private static readonly Rule SeveralDepartments = new("several-departments-hospital-office-coordinates");
    private static readonly Rule InternalToOffice = new("staff-internal-complaint-to-hospital-office");
    private static readonly Rule MedicalCare = new("medical-care-to-medical-affairs");
    private static readonly Rule NursingCare = new("nursing-care-to-nursing-department");
    private static readonly Rule FeesToFinance = new("fees-to-finance");
    private static readonly Rule Conduct = new("conduct-and-ethics-to-general-office");
    private static readonly Rule Facilities = new("facilities-to-general-services");
    private static readonly Rule OwnRemit = new("department-handles-its-own-remit");

    // deadlines.json
    private static readonly Rule Acknowledge1Wd = new("acknowledge-within-1-working-day");
    private static readonly Rule SeriousSettle7Wd = new("serious-or-multi-department-settled-within-7-working-days");
    private static readonly Rule GeneralSettle3Wd = new("general-problem-settled-within-3-working-days");
    private static readonly Rule SeriousResult7Wd = new("serious-or-multi-department-result-told-within-7-working-days");
    private static readonly Rule GeneralResult3Wd = new("general-problem-result-told-within-3-working-days");
    private static readonly Rule FollowUp10Wd = new("follow-up-within-10-working-days");

    private static readonly DeadlineRule Acknowledge1 = new(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays, Acknowledge1Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Settle7 = new(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays, SeriousSettle7Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Settle3 = new(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays, GeneralSettle3Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Result7 = new(DeadlineKind.NotifyResult, 7, DeadlineUnit.WorkingDays, SeriousResult7Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule Result3 = new(DeadlineKind.NotifyResult, 3, DeadlineUnit.WorkingDays, GeneralResult3Wd.Name) { WarnAtShare = WarnAtShare };
    private static readonly DeadlineRule FollowUp10 = new(DeadlineKind.FollowUp, 10, DeadlineUnit.WorkingDays, FollowUp10Wd.Name) { WarnAtShare = WarnAtShare };

    /// <inheritdoc />
    public PolicyRef Identity { get; } = new("hospital", "1.0.0");

    /// <inheritdoc />
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var proceedings = Attribute(complaint, "proceedings");
        var inCourt = HasAttribute(complaint, "in-court") || proceedings == "court";
        var petition = HasAttribute(complaint, "petition-office") || proceedings == "petition-office";
        var criminal = HasAttribute(complaint, "criminal-investigation") || proceedings == "criminal-investigation";
        var malpractice = HasAttribute(complaint, "malpractice-appraisal") ||
            proceedings.Equals("malpractice-appraisal", StringComparison.OrdinalIgnoreCase) || proceedings.Equals("litigation", StringComparison.OrdinalIgnoreCase);
        var outsideRemit = HasAttribute(complaint, "outside-remit");
        var noClearSubject = complaint.Intake.Subject.Name.AsSpan().Trim().IsEmpty || complaint.Intake.Description.AsSpan().Trim().Length < MinDescriptionLength;
        var why = Explain(InCourt.Trace(inCourt), PetitionOffice.Trace(petition), Criminal.Trace(criminal), Malpractice.Trace(malpractice),
            OutsideRemit.Trace(outsideRemit), NoClearSubject.Trace(noClearSubject));
        if (inCourt)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Reject, "The complainant has already taken this matter to the people's court; it is not handled as a complaint. We explain this and the hospital answers in court.", null, why);
        }

        if (petition)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Reject, "The petition office (信访部门) has already dealt with this matter; it is not handled again as a complaint. We explain this and the relevant rules to the complainant.", null, why);
        }

        if (criminal)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "A public-security or criminal case already under investigation is for the police, not the complaint office; we explain this to the complainant.",
                "the public security authorities (police)", why);
        }

        if (malpractice)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "A dispute that must be settled by malpractice appraisal or litigation goes that legal route; we explain the route patiently and guide the complainant to it.",
                "medical malpractice technical appraisal (医疗事故技术鉴定), medical dispute mediation or the people's court", why);
        }

        if (outsideRemit)
        {
            return new AdmissibilityDecision(AdmissibilityOutcome.Redirect, "The matter is outside the complaint office's remit; we tell the complainant which body handles it, never just refuse.", "the body responsible", why);
        }

        return noClearSubject
            ? new AdmissibilityDecision(AdmissibilityOutcome.Reject, "There is no clear person or department complained about and no concrete facts; we explain this and ask the complainant for who, what, when and where.", null, why)
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

        var staff = uncategorised && HasAttribute(complaint, "internal");
        var fees = uncategorised && ContainsAny(description, "fees", "a fee", "the fee", "charged me", "charged us", "charged twice", "charged for", "was charged", "were charged", "overcharg", "billing", "bill", "invoice", "price", "insurance", "收费", "费用", "价格", "多收", "发票", "医保");
        var conduct = uncategorised && ContainsAny(description, "red envelope", "kickback", "bribe", "rude", "attitude", "impolite", "shouted", "红包", "回扣", "收受", "态度", "训斥", "冷漠", "医德", "行风");
        var nursing = uncategorised && ContainsAny(description, "nurse", "injection", "infusion", "drip", "bedsore", "护士", "打针", "输液", "护理", "褥疮");
        var medical = uncategorised && ContainsAny(description, "doctor", "diagnos", "treatment", "surgery", "operation", "prescri", "medication", "misdiagnos", "医生", "诊断", "治疗", "手术", "用药", "处方", "误诊", "检查");
        var facilities = uncategorised && ContainsAny(description, "toilet", "parking", "lift", "elevator", "dirty", "noise", "canteen", "厕所", "停车", "电梯", "卫生间", "环境", "噪音", "食堂");
        var suggestion = intake.Kind == ComplaintKind.Suggestion;
        var harm = (flags & (ComplaintFlags.HealthRisk | ComplaintFlags.SafetyRisk)) != 0;
        var threat = (flags & (ComplaintFlags.MediaThreat | ComplaintFlags.RegulatorThreat)) != 0;
        var harmWithThreat = harm && threat;
        var veryLarge = claim > MajorClaim;
        var several = (flags & ComplaintFlags.MultipleDepartments) != 0;
        var repeated = (flags & ComplaintFlags.Repeated) != 0;
        var large = claim > SeriousClaim;

        var category = staff ? "internal"
            : fees ? "billing"
            : conduct ? "conduct"
            : nursing ? "nursing-care"
            : medical ? "medical-care"
            : facilities ? "facilities"
            : suggestion ? "suggestion"
            : null;

        Severity? tier = null;
        var reasons = new List<string>(2);
        Raise(ref tier, reasons, suggestion, Severity.Minor, "a suggestion, not a complaint");
        Raise(ref tier, reasons, harmWithThreat, Severity.Major, "harm to a patient's health or safety, and a threat to go to the media or the health authority");
        Raise(ref tier, reasons, veryLarge, Severity.Major, "a very large claim");
        Raise(ref tier, reasons, harm, Severity.Serious, "harm or risk to a patient's health or safety");
        Raise(ref tier, reasons, several, Severity.Serious, "several departments are involved");
        Raise(ref tier, reasons, threat, Severity.Serious, "a threat to go to the media, the health authority or a higher body");
        Raise(ref tier, reasons, repeated, Severity.Serious, "the complainant has complained about this before");
        Raise(ref tier, reasons, large, Severity.Serious, "a large claim");

        var why = Explain(
            Internal.Trace(staff), CategoryFees.Trace(fees), CategoryConduct.Trace(conduct), CategoryNursing.Trace(nursing), CategoryMedical.Trace(medical),
            CategoryFacilities.Trace(facilities), SuggestionIsMinor.Trace(suggestion), HarmWithThreatIsMajor.Trace(harmWithThreat), VeryLargeClaimIsMajor.Trace(veryLarge),
            HarmIsSerious.Trace(harm), SeveralDepartmentsIsSerious.Trace(several), OutsideThreatIsSerious.Trace(threat), RepeatedIsSerious.Trace(repeated),
            LargeClaimIsSerious.Trace(large));
        return new SeverityDecision(FinalCategory(category, complaint, DefaultCategory), tier ?? DefaultTier, NoTierReasons(reasons, tier, DefaultTier), why);
    }

    /// <inheritdoc />
    public RoutingDecision Route(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var category = Category(complaint);
        var subjectDepartment = complaint.Intake.Subject.Department?.Value ?? "";
        var several = (complaint.Intake.Flags & ComplaintFlags.MultipleDepartments) != 0;
        var staff = category == "internal";
        var medical = category == "medical-care";
        var nursing = category == "nursing-care";
        var billing = category == "billing";
        var conduct = category == "conduct";
        var facilities = category == "facilities";
        var subject = subjectDepartment.Length > 0;
        var why = Explain(SeveralDepartments.Trace(several), InternalToOffice.Trace(staff), MedicalCare.Trace(medical), NursingCare.Trace(nursing),
            FeesToFinance.Trace(billing), Conduct.Trace(conduct), Facilities.Trace(facilities), OwnRemit.Trace(subject));

        var (department, role) =
            several || staff ? ("hospital-office", "coordinator")
            : medical ? ("medical-affairs", "handler")
            : nursing ? ("nursing", "handler")
            : billing ? ("finance", "handler")
            : conduct ? ("general-office", "handler")
            : facilities ? ("logistics", "handler")
            : subject ? (subjectDepartment, "handler")
            : (DefaultDepartment, DefaultRole);
        return new RoutingDecision(new DepartmentId(department), role, why);
    }

    /// <inheritdoc />
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var serious = complaint.Severity >= Severity.Serious || (complaint.Intake.Flags & ComplaintFlags.MultipleDepartments) != 0;
        var followUp = complaint.Intake.Kind != ComplaintKind.Suggestion;
        var why = Explain(
            Acknowledge1Wd.Trace(true), SeriousSettle7Wd.Trace(serious), GeneralSettle3Wd.Trace(true),
            SeriousResult7Wd.Trace(serious), GeneralResult3Wd.Trace(true), FollowUp10Wd.Trace(followUp));
        var (settle, result) = serious ? (Settle7, Result7) : (Settle3, Result3);
        var deadlines = followUp ? new[] { Acknowledge1, settle, result, FollowUp10 } : new[] { Acknowledge1, settle, result };
        return new DeadlineDecision(deadlines, why);
    }

    private PolicyExplanation Explain(params RuleTrace[] traces) => new(Identity, traces);
}
