using Complaints.Policy;
using Complaints.Testing;

namespace Complaints.Rules.Tests.Packs;

/// <summary>Every rule of the hospital pack, firing and not firing on a nearby case.</summary>
public sealed class HospitalPackTests
{
    private static readonly PolicyPack Pack = PolicyPacks.LoadBuiltIn("hospital");

    // ---- admissibility -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("in-court", "yes")]
    [InlineData("proceedings", "court")]
    public void Admissibility_AlreadyInCourt_Rejects(string attribute, string value) =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute(attribute, value).Build())
            .Should().BeRejected().And.HaveMatched("already-filed-in-court").And.BeDecidedBy("hospital", "1.0.0");

    [Fact]
    public void Admissibility_MediationUnderWay_AcceptsAsAComplaint() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("proceedings", "mediation").Build())
            .Should().BeAccepted().And.NotHaveMatched("already-filed-in-court").And.NotHaveMatched("malpractice-appraisal-or-litigation-route");

    [Theory]
    [InlineData("petition-office", "yes")]
    [InlineData("proceedings", "petition-office")]
    public void Admissibility_PetitionOfficeDealtWithIt_Rejects(string attribute, string value) =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute(attribute, value).Build())
            .Should().BeRejected().And.HaveMatched("already-handled-by-petition-office");

    [Fact]
    public void Admissibility_NoPetition_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Build())
            .Should().BeAccepted().And.NotHaveMatched("already-handled-by-petition-office");

    [Theory]
    [InlineData("criminal-investigation", "yes")]
    [InlineData("proceedings", "criminal-investigation")]
    public void Admissibility_CriminalCase_RedirectsToThePolice(string attribute, string value) =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute(attribute, value).Build())
            .Should().BeRedirectedTo("the public security authorities (police)").And.HaveMatched("criminal-or-public-security-case-to-police");

    [Fact]
    public void Admissibility_NoCriminalCase_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("proceedings", "none").Build())
            .Should().BeAccepted().And.NotHaveMatched("criminal-or-public-security-case-to-police");

    [Theory]
    [InlineData("malpractice-appraisal", "yes")]
    [InlineData("proceedings", "malpractice-appraisal")]
    [InlineData("proceedings", "litigation")]
    public void Admissibility_MalpracticeDispute_RedirectsToTheLegalRoute(string attribute, string value) =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute(attribute, value).Build())
            .Should().BeRedirectedTo("medical malpractice technical appraisal (医疗事故技术鉴定), medical dispute mediation or the people's court")
            .And.HaveMatched("malpractice-appraisal-or-litigation-route");

    [Fact]
    public void Admissibility_OutsideRemit_RedirectsToTheBodyResponsible() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("outside-remit").Build())
            .Should().BeRedirectedTo("the body responsible").And.HaveMatched("outside-the-offices-remit");

    [Fact]
    public void Admissibility_WithinRemit_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Build())
            .Should().BeAccepted().And.NotHaveMatched("outside-the-offices-remit");

    [Fact]
    public void Admissibility_DescriptionUnderTenCharacters_Rejects() =>
        Pack.DecideAdmissibility(A.Complaint().Described("Bad care").Build())
            .Should().BeRejected().And.HaveMatched("no-clear-subject-or-facts");

    [Fact]
    public void Admissibility_BlankSubject_Rejects() =>
        Pack.DecideAdmissibility(A.Complaint().About(new ComplaintSubject(SubjectKind.Other, " ")).Build())
            .Should().BeRejected().And.HaveMatched("no-clear-subject-or-facts");

    [Fact]
    public void Admissibility_NamedSubjectAndTenCharacters_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().AboutStaff("dr-wu").Described("Dr Wu lied").Build())
            .Should().BeAccepted().And.NotHaveMatched("no-clear-subject-or-facts");

    // ---- severity ------------------------------------------------------------------------------------------

    [Fact]
    public void Severity_StaffInternalComplaint_IsInternal() =>
        Pack.Classify(A.Complaint().FiledByStaff("nurse-li").WithAttribute("internal").Build())
            .Should().HaveCategory("internal").And.HaveMatched("staff-internal-complaint");

    [Fact]
    public void Severity_InternalWithReceiversCategory_KeepsIt() =>
        Pack.Classify(A.Complaint().WithAttribute("internal").InCategory("facilities").Build())
            .Should().HaveCategory("facilities").And.NotHaveMatched("staff-internal-complaint");

    [Fact]
    public void Severity_ChargedTwice_IsBilling() =>
        Pack.Classify(A.Complaint().Described("I was charged twice for the same blood test.").Build())
            .Should().HaveCategory("billing").And.HaveMatched("category-fees");

    [Fact]
    public void Severity_NoMoneyWords_IsNotBilling() =>
        Pack.Classify(A.Complaint().Described("The doctor misread my X-ray.").Build())
            .Should().HaveCategory("medical-care").And.NotHaveMatched("category-fees");

    [Fact]
    public void Severity_RudeDoctor_IsConductBeforeMedicalCare() =>
        Pack.Classify(A.Complaint().Described("The doctor was rude to my father.").Build())
            .Should().HaveCategory("conduct").And.HaveMatched("category-conduct").And.HaveMatched("category-medical-care");

    [Fact]
    public void Severity_CourteousDoctor_IsNotConduct() =>
        Pack.Classify(A.Complaint().Described("The doctor misread my X-ray.").Build())
            .Should().NotHaveMatched("category-conduct");

    [Fact]
    public void Severity_NurseAndInfusion_IsNursingCare() =>
        Pack.Classify(A.Complaint().Described("The nurse forgot to change the infusion.").Build())
            .Should().HaveCategory("nursing-care").And.HaveMatched("category-nursing-care");

    [Fact]
    public void Severity_NursingWordsWithReceiversCategory_KeepsIt() =>
        Pack.Classify(A.Complaint().Described("The nurse forgot to change the infusion.").InCategory("conduct").Build())
            .Should().HaveCategory("conduct").And.NotHaveMatched("category-nursing-care");

    [Fact]
    public void Severity_Misdiagnosis_IsMedicalCare() =>
        Pack.Classify(A.Complaint().Described("They misdiagnosed my broken wrist as a sprain.").Build())
            .Should().HaveCategory("medical-care").And.HaveMatched("category-medical-care");

    [Fact]
    public void Severity_NursingOnly_IsNotMedicalCare() =>
        Pack.Classify(A.Complaint().Described("The nurse forgot to change the infusion.").Build())
            .Should().NotHaveMatched("category-medical-care");

    [Fact]
    public void Severity_DirtyToilets_AreFacilities() =>
        Pack.Classify(A.Complaint().Described("The toilets on ward 3 were dirty all week.").Build())
            .Should().HaveCategory("facilities").And.HaveMatched("category-facilities");

    [Fact]
    public void Severity_NoFacilityWords_DefaultCategory() =>
        Pack.Classify(A.Complaint().Build())
            .Should().HaveCategory("service").And.NotHaveMatched("category-facilities");

    [Fact]
    public void Severity_Suggestion_IsMinor() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().HaveCategory("suggestion").And.HaveTier(Severity.Minor).And.HaveMatched("suggestion-is-minor");

    [Fact]
    public void Severity_Complaint_IsNotASuggestion() =>
        Pack.Classify(A.Complaint().Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("suggestion-is-minor");

    [Theory]
    [InlineData(ComplaintFlags.HealthRisk | ComplaintFlags.MediaThreat)]
    [InlineData(ComplaintFlags.SafetyRisk | ComplaintFlags.RegulatorThreat)]
    public void Severity_HarmAndOutsideThreat_IsMajor(ComplaintFlags flags) =>
        Pack.Classify(A.Complaint().Flagged(flags).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("harm-with-outside-threat-is-major");

    [Fact]
    public void Severity_HarmWithoutThreat_IsOnlySerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.HealthRisk).Build())
            .Should().HaveTier(Severity.Serious).And.NotHaveMatched("harm-with-outside-threat-is-major").And.HaveMatched("harm-to-patient-is-serious");

    [Fact]
    public void Severity_ClaimAboveMajorClaim_IsMajor() =>
        Pack.Classify(A.Complaint().Claiming(100_001).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("very-large-claim-is-major");

    [Fact]
    public void Severity_ClaimOfExactlyMajorClaim_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(100_000).Build())
            .Should().HaveTier(Severity.Serious).And.NotHaveMatched("very-large-claim-is-major").And.HaveMatched("large-claim-is-serious");

    [Fact]
    public void Severity_SafetyRisk_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.SafetyRisk).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("harm-to-patient-is-serious");

    [Fact]
    public void Severity_NoRisk_IsNotHarm() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.ViolentBehaviour).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("harm-to-patient-is-serious");

    [Fact]
    public void Severity_SeveralDepartments_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("several-departments-is-serious");

    [Fact]
    public void Severity_OneDepartment_IsGeneral() =>
        Pack.Classify(A.Complaint().AboutService("Radiology", department: "radiology").Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("several-departments-is-serious");

    [Theory]
    [InlineData(ComplaintFlags.MediaThreat)]
    [InlineData(ComplaintFlags.RegulatorThreat)]
    public void Severity_OutsideThreat_IsSerious(ComplaintFlags flag) =>
        Pack.Classify(A.Complaint().Flagged(flag).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("outside-threat-is-serious");

    [Fact]
    public void Severity_NoThreat_IsGeneral() =>
        Pack.Classify(A.Complaint().Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("outside-threat-is-serious");

    [Fact]
    public void Severity_Repeated_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.Repeated).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("repeated-complaint-is-serious");

    [Fact]
    public void Severity_FirstTime_IsGeneral() =>
        Pack.Classify(A.Complaint().Build())
            .Should().NotHaveMatched("repeated-complaint-is-serious");

    [Fact]
    public void Severity_ClaimAboveSeriousClaim_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(10_000.01m).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("large-claim-is-serious");

    [Fact]
    public void Severity_ClaimOfExactlySeriousClaim_IsGeneral() =>
        Pack.Classify(A.Complaint().Claiming(10_000).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("large-claim-is-serious");

    // ---- routing -------------------------------------------------------------------------------------------

    [Fact]
    public void Routing_SeveralDepartments_HospitalOfficeCoordinates() =>
        Pack.Route(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Classified("medical-care", Severity.Serious).Build())
            .Should().RouteTo("hospital-office").And.BeHandledBy("coordinator").And.HaveMatched("several-departments-hospital-office-coordinates");

    [Fact]
    public void Routing_OneDepartment_GoesByCategory() =>
        Pack.Route(A.Complaint().Classified("medical-care", Severity.General).Build())
            .Should().RouteTo("medical-affairs").And.NotHaveMatched("several-departments-hospital-office-coordinates");

    [Fact]
    public void Routing_InternalComplaint_HospitalOfficeCoordinates() =>
        Pack.Route(A.Complaint().Classified("internal", Severity.General).Build())
            .Should().RouteTo("hospital-office").And.BeHandledBy("coordinator").And.HaveMatched("staff-internal-complaint-to-hospital-office");

    [Fact]
    public void Routing_PatientComplaint_IsNotInternal() =>
        Pack.Route(A.Complaint().Classified("conduct", Severity.General).Build())
            .Should().RouteTo("general-office").And.NotHaveMatched("staff-internal-complaint-to-hospital-office");

    [Theory]
    [InlineData("medical-care", "medical-affairs", "medical-care-to-medical-affairs")]
    [InlineData("nursing-care", "nursing", "nursing-care-to-nursing-department")]
    [InlineData("billing", "finance", "fees-to-finance")]
    [InlineData("conduct", "general-office", "conduct-and-ethics-to-general-office")]
    [InlineData("facilities", "logistics", "facilities-to-general-services")]
    public void Routing_Category_GoesToItsOffice(string category, string department, string rule) =>
        Pack.Route(A.Complaint().Classified(category, Severity.General).Build())
            .Should().RouteTo(department).And.BeHandledBy("handler").And.HaveMatched(rule);

    [Theory]
    [InlineData("medical-care-to-medical-affairs")]
    [InlineData("nursing-care-to-nursing-department")]
    [InlineData("fees-to-finance")]
    [InlineData("conduct-and-ethics-to-general-office")]
    [InlineData("facilities-to-general-services")]
    public void Routing_ServiceCategory_MatchesNoOfficeRule(string rule) =>
        Pack.Route(A.Complaint().Classified("service", Severity.General).Build())
            .Should().RouteTo("hospital-office").And.NotHaveMatched(rule);

    [Fact]
    public void Routing_SubjectWithDepartment_HandlesItsOwnRemit() =>
        Pack.Route(A.Complaint().AboutService("Radiology", department: "radiology").Classified("service", Severity.General).Build())
            .Should().RouteTo("radiology").And.BeHandledBy("handler").And.HaveMatched("department-handles-its-own-remit");

    [Fact]
    public void Routing_SubjectWithoutDepartment_GoesToTheHospitalOffice() =>
        Pack.Route(A.Complaint().Classified("service", Severity.General).Build())
            .Should().RouteTo("hospital-office").And.NotHaveMatched("department-handles-its-own-remit");

    // ---- deadlines -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Severity.Minor)]
    [InlineData(Severity.Major)]
    public void Deadlines_AnyCase_AcknowledgeWithinOneWorkingDay(Severity tier) =>
        Pack.SetDeadlines(A.Complaint().Classified(tier).Build())
            .Should().HaveDeadline(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays).And.HaveMatched("acknowledge-within-1-working-day");

    [Fact]
    public void Deadlines_Serious_SettledAndToldWithinSevenWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Serious).Build())
            .Should().HaveDeadline(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays).And.HaveDeadline(DeadlineKind.NotifyResult, 7, DeadlineUnit.WorkingDays)
            .And.HaveMatched("serious-or-multi-department-settled-within-7-working-days").And.HaveMatched("serious-or-multi-department-result-told-within-7-working-days");

    [Fact]
    public void Deadlines_GeneralButSeveralDepartments_SevenWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Classified(Severity.General).Build())
            .Should().HaveDeadlineSetBy(DeadlineKind.Resolve, "serious-or-multi-department-settled-within-7-working-days")
            .And.HaveDeadlineSetBy(DeadlineKind.NotifyResult, "serious-or-multi-department-result-told-within-7-working-days");

    [Fact]
    public void Deadlines_General_SettledAndToldWithinThreeWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays).And.HaveDeadline(DeadlineKind.NotifyResult, 3, DeadlineUnit.WorkingDays)
            .And.NotHaveMatched("serious-or-multi-department-settled-within-7-working-days").And.NotHaveMatched("serious-or-multi-department-result-told-within-7-working-days")
            .And.HaveDeadlineSetBy(DeadlineKind.Resolve, "general-problem-settled-within-3-working-days")
            .And.HaveDeadlineSetBy(DeadlineKind.NotifyResult, "general-problem-result-told-within-3-working-days");

    [Fact]
    public void Deadlines_Serious_ThreeDayRulesAreShadowed() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Serious).Build())
            .Should().HaveMatched("general-problem-settled-within-3-working-days").And.HaveMatched("general-problem-result-told-within-3-working-days")
            .And.HaveDeadlineSetBy(DeadlineKind.Resolve, "serious-or-multi-department-settled-within-7-working-days");

    [Fact]
    public void Deadlines_Complaint_FollowUpWithinTenWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.FollowUp, 10, DeadlineUnit.WorkingDays).And.HaveMatched("follow-up-within-10-working-days");

    [Fact]
    public void Deadlines_Suggestion_NoFollowUp() =>
        Pack.SetDeadlines(A.Complaint().OfKind(ComplaintKind.Suggestion).Classified(Severity.Minor).Build())
            .Should().HaveNoDeadline(DeadlineKind.FollowUp).And.NotHaveMatched("follow-up-within-10-working-days");

    // ---- approval ------------------------------------------------------------------------------------------

    [Fact]
    public void Approval_AboveHandlerLimit_RequiresDepartmentHead() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 1_000.01m))
            .Should().RequireApprovalSteps("manager").And.HaveMatched("above-handler-limit-needs-department-head");

    [Fact]
    public void Approval_AtHandlerLimit_WithinHandlerAuthority() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 1_000))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("above-handler-limit-needs-department-head");

    [Fact]
    public void Approval_AboveDepartmentHeadLimit_RequiresHospitalLeadership() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Compensation, 10_001))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("above-department-head-limit-needs-hospital-leadership");

    [Fact]
    public void Approval_AtDepartmentHeadLimit_DepartmentHeadAlone() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Compensation, 10_000))
            .Should().RequireApprovalSteps("manager").And.NotHaveMatched("above-department-head-limit-needs-hospital-leadership");

    [Fact]
    public void Approval_MajorComplaint_RequiresDepartmentHeadThenLeadership() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Major).Build(), A.Remedy(RemedyKind.Apology))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("major-complaint-needs-hospital-leadership");

    [Fact]
    public void Approval_SeriousComplaintApology_WithinHandlerAuthority() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Apology))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("major-complaint-needs-hospital-leadership");

    // ---- recusal -------------------------------------------------------------------------------------------

    [Fact]
    public void Recusal_TheAccusedDoctor_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("dr-wu", department: "surgery").Build(), An.Actor("dr-wu").InDepartment("surgery").Build())
            .Should().BeRecused().And.HaveMatched("handler-is-the-accused");

    [Fact]
    public void Recusal_HandlerOutsideTheDepartment_MayAct() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("dr-wu", department: "surgery").Build(), A.Handler("han", "medical-affairs"))
            .Should().NotBeRecused().And.NotHaveMatched("handler-is-the-accused").And.NotHaveMatched("handler-in-the-accused-department");

    [Fact]
    public void Recusal_ColleagueOfTheAccused_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("dr-wu", department: "surgery").Build(), A.Handler("dr-zhou", "surgery"))
            .Should().BeRecused().And.HaveMatched("handler-in-the-accused-department");

    [Fact]
    public void Recusal_DepartmentOfAComplainedAboutService_MayAct() =>
        Pack.CheckRecusal(A.Complaint().AboutService("Radiology", department: "radiology").Build(), A.Handler("li", "radiology"))
            .Should().NotBeRecused().And.NotHaveMatched("handler-in-the-accused-department");

    [Fact]
    public void Recusal_StaffWhoFiledIt_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().FiledByStaff("nurse-li").Build(), A.Handler("nurse-li"))
            .Should().BeRecused().And.HaveMatched("handler-filed-the-complaint");

    [Fact]
    public void Recusal_OtherStaff_DidNotFileIt() =>
        Pack.CheckRecusal(A.Complaint().FiledByStaff("nurse-li").Build(), A.Handler("han"))
            .Should().NotBeRecused().And.NotHaveMatched("handler-filed-the-complaint");

    [Fact]
    public void Recusal_DeclaredDirectInterest_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().WithAttribute("declared-conflicts", "li|han").Build(), A.Handler("han"))
            .Should().BeRecused().And.HaveMatched("declared-direct-interest");

    [Fact]
    public void Recusal_NotAmongTheDeclared_MayAct() =>
        Pack.CheckRecusal(A.Complaint().WithAttribute("declared-conflicts", "li|han").Build(), A.Handler("zhao"))
            .Should().NotBeRecused().And.NotHaveMatched("declared-direct-interest");

    [Fact]
    public void Recusal_SteppedAsideBefore_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("han").Build(), A.Handler("han"))
            .Should().BeRecused().And.HaveMatched("stepped-aside-before");

    [Fact]
    public void Recusal_OthersSteppedAside_MayAct() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("li").Build(), A.Handler("han"))
            .Should().NotBeRecused().And.NotHaveMatched("stepped-aside-before");

    // ---- confidentiality -----------------------------------------------------------------------------------

    [Fact]
    public void Confidentiality_TheAccused_DoesNotSeeWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("dr-wu", department: "surgery").Build(), An.Actor("dr-wu").InDepartment("surgery").Build())
            .Should().HideIdentity().And.HaveMatched("hidden-from-the-accused");

    [Fact]
    public void Confidentiality_HospitalOffice_SeesWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("dr-wu", department: "surgery").Build(), A.Coordinator("chen", "hospital-office"))
            .Should().ShowIdentity().And.NotHaveMatched("hidden-from-the-accused").And.NotHaveMatched("hidden-from-the-accused-department");

    [Fact]
    public void Confidentiality_AccusedsDepartment_DoesNotSeeWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("dr-wu", department: "surgery").Build(), A.Manager("dr-zhou", "surgery"))
            .Should().HideIdentity().And.HaveMatched("hidden-from-the-accused-department");

    [Fact]
    public void Confidentiality_DepartmentOfAComplainedAboutService_SeesWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutService("Radiology", department: "radiology").Build(), A.Manager("li", "radiology"))
            .Should().ShowIdentity().And.NotHaveMatched("hidden-from-the-accused-department");

    // ---- escalation ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(ComplaintFlags.MediaThreat, EscalationTrigger.Requested)]
    [InlineData(ComplaintFlags.RegulatorThreat, EscalationTrigger.DeadlineBreached)]
    public void Escalation_OutsideThreat_GoesToLeadershipWhateverTheTrigger(ComplaintFlags flag, EscalationTrigger trigger) =>
        Pack.CheckEscalation(A.Complaint().Flagged(flag).Build(), trigger)
            .Should().Escalate().And.Notify("general-manager").And.HaveMatched("outside-authority-or-media-threat-to-leadership");

    [Fact]
    public void Escalation_NoOutsideThreat_GoesToTheDepartmentHead() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().Notify("manager").And.NotHaveMatched("outside-authority-or-media-threat-to-leadership");

    [Fact]
    public void Escalation_SecondRejection_GoesToLeadership() =>
        Pack.CheckEscalation(A.Complaint().WithRejections(2).Build(), EscalationTrigger.CustomerRejected)
            .Should().Escalate().And.Notify("general-manager").And.HaveMatched("remedy-rejected-repeatedly-to-leadership");

    [Fact]
    public void Escalation_FirstRejection_StaysAtItsLevel() =>
        Pack.CheckEscalation(A.Complaint().WithRejections(1).Build(), EscalationTrigger.CustomerRejected)
            .Should().NotEscalate().And.NotHaveMatched("remedy-rejected-repeatedly-to-leadership");

    [Fact]
    public void Escalation_Requested_GoesToTheDepartmentHead() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("escalation-requested-to-department-head");

    [Fact]
    public void Escalation_Breach_IsNotARequest() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().NotHaveMatched("escalation-requested-to-department-head");

    [Fact]
    public void Escalation_DeadlineBreached_HospitalOfficeSupervises() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().Escalate().And.Notify("coordinator").And.HaveMatched("deadline-breached-hospital-office-supervises");

    [Fact]
    public void Escalation_Request_IsNotABreach() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().NotHaveMatched("deadline-breached-hospital-office-supervises");

    // ---- rewards (the hospital pack has none) --------------------------------------------------------------

    [Fact]
    public void Reward_SubstantiatedReport_NoRewardsInAHospital()
    {
        var decision = Pack.DecideReward(A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated, fine: 5_000, recovered: 5_000).Build());

        decision.Should().GrantNothing().And.BeDecidedBy("hospital");
        decision.Explanation.Rules.Should().BeEmpty();
    }

    // ---- penalties -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Misconduct.Shirking, SanctionKind.Demerit, "shirking-that-drove-complainant-outside")]
    [InlineData("refused-to-receive", SanctionKind.Warning, "refused-to-receive-a-complaint")]
    [InlineData(Misconduct.LateHandling, SanctionKind.Warning, "late-handling-warning")]
    public void Penalty_Misconduct_ImposesItsSanction(string misconduct, SanctionKind sanction, string rule) =>
        Pack.AssessPenalty(A.Complaint().Build(), A.Handler("han"), misconduct)
            .Should().Impose(sanction).And.HaveMatched(rule);

    [Theory]
    [InlineData("shirking-that-drove-complainant-outside")]
    [InlineData("refused-to-receive-a-complaint")]
    [InlineData("late-handling-warning")]
    public void Penalty_IdentityLeak_MatchesNoHospitalRule(string rule) =>
        Pack.AssessPenalty(A.Complaint().Build(), A.Handler("han"), Misconduct.IdentityLeak)
            .Should().ImposeNothing().And.NotHaveMatched(rule);

    // ---- guidance ------------------------------------------------------------------------------------------

    [Fact]
    public void Guidance_ViolentComplainant_ProtectPeopleAndCallThePolice() =>
        Pack.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.ViolentBehaviour).Build())
            .Should().Advise("call hospital security").And.HaveMatched("violent-complainant-report-to-police");

    [Fact]
    public void Guidance_CalmComplainant_NoPolice() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().NotHaveMatched("violent-complainant-report-to-police");

    [Theory]
    [InlineData("first-receiver-takes-it", "首问负责制")]
    [InlineData("explain-unreasonable-requests-patiently", "耐心解释")]
    [InlineData("archive-with-care-records", "Archive")]
    public void Guidance_AnyCase_StandingAdvice(string rule, string advice) =>
        Pack.AdviseHandling(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().Advise(advice).And.HaveMatched(rule);

    [Fact]
    public void Guidance_MedicalHarm_ExplainTheLegalRoutes() =>
        Pack.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.HealthRisk).Classified("medical-care", Severity.Serious).Build())
            .Should().Advise("seal the medical records").And.HaveMatched("medical-harm-explain-legal-routes");

    [Theory]
    [InlineData(ComplaintFlags.HealthRisk, "nursing-care")]
    [InlineData(ComplaintFlags.None, "medical-care")]
    public void Guidance_HarmOutsideMedicalCareOrCareWithoutHarm_NoLegalRoutes(ComplaintFlags flags, string category) =>
        Pack.AdviseHandling(A.Complaint().Flagged(flags).Classified(category, Severity.Serious).Build())
            .Should().NotHaveMatched("medical-harm-explain-legal-routes");

    [Fact]
    public void Guidance_SeveralDepartments_HospitalOfficeCoordinates() =>
        Pack.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Build())
            .Should().Advise("the hospital office coordinates").And.HaveMatched("several-departments-hospital-office-coordinates");

    [Fact]
    public void Guidance_OneDepartment_NoCoordination() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().NotHaveMatched("several-departments-hospital-office-coordinates");

    [Fact]
    public void Guidance_InternalComplaint_TakeItAsSeriously() =>
        Pack.AdviseHandling(A.Complaint().Classified("internal", Severity.General).Build())
            .Should().Advise("as seriously as a patient's").And.HaveMatched("staff-internal-complaint");

    [Fact]
    public void Guidance_PatientComplaint_IsNotInternal() =>
        Pack.AdviseHandling(A.Complaint().Classified("nursing-care", Severity.General).Build())
            .Should().NotHaveMatched("staff-internal-complaint");

    [Fact]
    public void Guidance_RepeatedComplaint_ToTheAnalysisMeeting() =>
        Pack.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.Repeated).Build())
            .Should().Advise("院周会").And.HaveMatched("repeated-complaint-to-analysis-meeting");

    [Fact]
    public void Guidance_FirstComplaint_NoAnalysisMeeting() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().NotHaveMatched("repeated-complaint-to-analysis-meeting");

    // ---- through the workflow ------------------------------------------------------------------------------

    [Fact]
    public async Task Workflow_FeeComplaintAtTheNurseStation_TriagedToFinance()
    {
        var harness = ComplaintsHarness.ForPack("hospital");
        var nurse = An.Actor("nurse-zhang").InDepartment("nursing").Build();
        var id = (await harness.ReceiveAsync(A.Complaint().Via(Channel.WalkIn).Described("I was charged twice for the same blood test."), nurse)).Complaint.Id;

        var triaged = await harness.TriageAsync(id, A.Coordinator("chen", "hospital-office"));

        triaged.Complaint.Department.Should().Be(new DepartmentId("finance"));
        (await harness.LastDecisionAsync<RoutingDecision>(id)).Should().HaveMatched("fees-to-finance").And.BeDecidedBy("hospital");
    }
}
