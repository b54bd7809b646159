using Complaints.Policy;
using Complaints.Testing;

namespace Complaints.Rules.Tests.Packs;

/// <summary>Every rule of the generic pack, firing and not firing on a nearby case.</summary>
public sealed class GenericPackTests
{
    private static readonly PolicyPack Pack = PolicyPacks.LoadBuiltIn("generic");

    private static readonly Actor Coordinator = A.Coordinator("chen");

    // ---- admissibility -------------------------------------------------------------------------------------

    [Fact]
    public void Admissibility_AlreadyInCourt_Rejects() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("in-court").Build())
            .Should().BeRejected().And.HaveMatched("already-in-court").And.BeDecidedBy("generic", "1.0.0");

    [Fact]
    public void Admissibility_NotInCourt_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("court-date", "").Build())
            .Should().BeAccepted().And.NotHaveMatched("already-in-court");

    [Fact]
    public void Admissibility_CriminalInvestigation_RedirectsToPublicSecurity() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("criminal-investigation").Build())
            .Should().BeRedirectedTo("the public security authorities").And.HaveMatched("criminal-matter");

    [Fact]
    public void Admissibility_NoCriminalInvestigation_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Build())
            .Should().BeAccepted().And.NotHaveMatched("criminal-matter");

    [Fact]
    public void Admissibility_OutsideRemit_RedirectsToTheBodyResponsible() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("outside-remit").Build())
            .Should().BeRedirectedTo("the body responsible").And.HaveMatched("outside-remit");

    [Fact]
    public void Admissibility_WithinRemit_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Build())
            .Should().BeAccepted().And.NotHaveMatched("outside-remit");

    [Fact]
    public void Admissibility_DescriptionUnderTenCharacters_Rejects() =>
        Pack.DecideAdmissibility(A.Complaint().Described("  Bad!!!!  ").Build())
            .Should().BeRejected().And.HaveMatched("no-clear-facts");

    [Fact]
    public void Admissibility_DescriptionOfTenCharacters_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Described("Broken toy").Build())
            .Should().BeAccepted().And.NotHaveMatched("no-clear-facts");

    [Fact]
    public void Admissibility_InCourtAndCriminal_FirstRuleDecides() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("in-court").WithAttribute("criminal-investigation").Build())
            .Should().BeRejected().And.HaveMatched("already-in-court").And.HaveMatched("criminal-matter");

    // ---- severity ------------------------------------------------------------------------------------------

    [Fact]
    public void Severity_RudeStaffWithoutCategory_IsServiceAttitude() =>
        Pack.Classify(A.Complaint().Described("The clerk was rude to my mother.").Build())
            .Should().HaveCategory("service-attitude").And.HaveTier(Severity.General).And.HaveMatched("category-attitude");

    [Fact]
    public void Severity_RudeStaffWithReceiversCategory_KeepsIt() =>
        Pack.Classify(A.Complaint().Described("The clerk was rude to my mother.").InCategory("conduct").Build())
            .Should().HaveCategory("conduct").And.NotHaveMatched("category-attitude");

    [Fact]
    public void Severity_ChargeWithoutCategory_IsBilling() =>
        Pack.Classify(A.Complaint().Described("I was charged twice for one order.").Build())
            .Should().HaveCategory("billing").And.HaveMatched("category-billing");

    [Fact]
    public void Severity_NoMoneyWords_IsNotBilling() =>
        Pack.Classify(A.Complaint().Described("The clerk ignored me for an hour.").Build())
            .Should().HaveCategory("general").And.NotHaveMatched("category-billing");

    [Fact]
    public void Severity_ShippingWithoutCategory_IsDelivery() =>
        Pack.Classify(A.Complaint().Described("The shipping took three weeks.").Build())
            .Should().HaveCategory("delivery").And.HaveMatched("category-delivery");

    [Fact]
    public void Severity_ShippingWithReceiversCategory_KeepsIt() =>
        Pack.Classify(A.Complaint().Described("The shipping took three weeks.").InCategory("contract-dispute").Build())
            .Should().HaveCategory("contract-dispute").And.NotHaveMatched("category-delivery");

    [Fact]
    public void Severity_Suggestion_IsMinorSuggestion() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().HaveCategory("suggestion").And.HaveTier(Severity.Minor).And.HaveMatched("category-suggestion");

    [Fact]
    public void Severity_Complaint_IsNotSuggestion() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Complaint).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("category-suggestion");

    [Theory]
    [InlineData(ComplaintFlags.SafetyRisk)]
    [InlineData(ComplaintFlags.HealthRisk)]
    public void Severity_SafetyOrHealthRisk_IsMajor(ComplaintFlags flag) =>
        Pack.Classify(A.Complaint().Flagged(flag).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("safety-or-health-risk");

    [Fact]
    public void Severity_OtherFlagsOnly_IsNotARisk() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.ViolentBehaviour).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("safety-or-health-risk");

    [Fact]
    public void Severity_ClaimAboveMajorClaim_IsMajor() =>
        Pack.Classify(A.Complaint().Claiming(50_000.01m).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("very-large-claim").And.HaveMatched("large-claim");

    [Fact]
    public void Severity_ClaimOfExactlyMajorClaim_IsOnlySerious() =>
        Pack.Classify(A.Complaint().Claiming(50_000).Build())
            .Should().HaveTier(Severity.Serious).And.NotHaveMatched("very-large-claim").And.HaveMatched("large-claim");

    [Theory]
    [InlineData(ComplaintFlags.MediaThreat)]
    [InlineData(ComplaintFlags.RegulatorThreat)]
    public void Severity_MediaOrRegulatorThreat_IsSerious(ComplaintFlags flag) =>
        Pack.Classify(A.Complaint().Flagged(flag).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("media-or-regulator-threat");

    [Fact]
    public void Severity_NoThreat_IsNotSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.Repeated).Build())
            .Should().NotHaveMatched("media-or-regulator-threat");

    [Fact]
    public void Severity_SeveralDepartments_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("several-departments");

    [Fact]
    public void Severity_OneDepartment_IsGeneral() =>
        Pack.Classify(A.Complaint().AboutService("Repairs", department: "after-sales").Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("several-departments");

    [Fact]
    public void Severity_RepeatedComplaint_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.Repeated).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("repeated-complaint");

    [Fact]
    public void Severity_FirstComplaint_IsGeneral() =>
        Pack.Classify(A.Complaint().Reopened(1).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("repeated-complaint");

    [Fact]
    public void Severity_ClaimAboveSeriousClaim_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(10_001).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("large-claim").And.NotHaveMatched("very-large-claim");

    [Fact]
    public void Severity_ClaimOfExactlySeriousClaim_IsGeneral() =>
        Pack.Classify(A.Complaint().Claiming(10_000).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("large-claim");

    [Fact]
    public void Severity_SuggestionWithSafetyRisk_TakesTheHighestTier() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Suggestion).Flagged(ComplaintFlags.SafetyRisk).Build())
            .Should().HaveTier(Severity.Major).And.HaveCategory("suggestion");

    // ---- routing -------------------------------------------------------------------------------------------

    [Fact]
    public void Routing_SeveralDepartments_GoesToManagementManager() =>
        Pack.Route(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Classified("billing", Severity.Serious).Build())
            .Should().RouteTo("management").And.BeHandledBy("manager").And.HaveMatched("several-departments-to-management");

    [Fact]
    public void Routing_OneDepartment_StaysWithTheCategory() =>
        Pack.Route(A.Complaint().Classified("billing", Severity.Serious).Build())
            .Should().RouteTo("finance").And.BeHandledBy("handler").And.NotHaveMatched("several-departments-to-management");

    [Theory]
    [InlineData("product-quality", "quality", "product-quality-to-quality")]
    [InlineData("repair-quality", "after-sales", "repair-to-after-sales")]
    [InlineData("contract-dispute", "sales", "contract-to-sales")]
    [InlineData("billing", "finance", "billing-to-finance")]
    [InlineData("delivery", "logistics", "delivery-to-logistics")]
    [InlineData("conduct", "management", "conduct-to-management")]
    public void Routing_Category_GoesToItsDepartment(string category, string department, string rule) =>
        Pack.Route(A.Complaint().Classified(category, Severity.General).Build())
            .Should().RouteTo(department).And.BeHandledBy("handler").And.HaveMatched(rule);

    [Theory]
    [InlineData("product-quality-to-quality")]
    [InlineData("repair-to-after-sales")]
    [InlineData("contract-to-sales")]
    [InlineData("billing-to-finance")]
    [InlineData("delivery-to-logistics")]
    [InlineData("conduct-to-management")]
    public void Routing_ServiceAttitude_MatchesNoCategoryRule(string rule) =>
        Pack.Route(A.Complaint().Classified("service-attitude", Severity.General).Build())
            .Should().RouteTo("customer-service").And.NotHaveMatched(rule);

    [Fact]
    public void Routing_ReceiversCategoryBeforeTriage_IsUsed() =>
        Pack.Route(A.Complaint().InCategory("billing").Build())
            .Should().RouteTo("finance").And.HaveMatched("billing-to-finance");

    [Fact]
    public void Routing_SubjectWithDepartment_GoesToThatDepartment() =>
        Pack.Route(A.Complaint().AboutStaff("wang", department: "sales").Classified("service-attitude", Severity.General).Build())
            .Should().RouteTo("sales").And.HaveMatched("whose-customer-whose-responsibility");

    [Fact]
    public void Routing_SubjectWithoutDepartment_GoesToTheDefault() =>
        Pack.Route(A.Complaint().AboutStaff("wang").Classified("service-attitude", Severity.General).Build())
            .Should().RouteTo("customer-service").And.BeHandledBy("handler").And.NotHaveMatched("whose-customer-whose-responsibility");

    [Fact]
    public void Routing_CategoryAndSubjectDepartment_CategoryRuleComesFirst() =>
        Pack.Route(A.Complaint().AboutProduct("Brake pads", department: "after-sales").Classified("billing", Severity.General).Build())
            .Should().RouteTo("finance").And.HaveMatched("billing-to-finance").And.HaveMatched("whose-customer-whose-responsibility");

    // ---- deadlines -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(ComplaintKind.Complaint, Severity.General)]
    [InlineData(ComplaintKind.Suggestion, Severity.Minor)]
    [InlineData(ComplaintKind.Report, Severity.Major)]
    public void Deadlines_AnyCase_AcknowledgeWithinOneWorkingDay(ComplaintKind kind, Severity tier) =>
        Pack.SetDeadlines(A.Complaint().OfKind(kind).Classified(tier).Build())
            .Should().HaveDeadline(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays).And.HaveMatched("acknowledge-1wd");

    [Fact]
    public void Deadlines_Major_ProposeWithinOneWorkingDay() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Major).Build())
            .Should().HaveDeadline(DeadlineKind.Propose, 1, DeadlineUnit.WorkingDays).And.HaveMatched("major-propose-1wd")
            .And.HaveDeadlineSetBy(DeadlineKind.Propose, "major-propose-1wd");

    [Fact]
    public void Deadlines_Serious_ProposeWithinTwoWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Serious).Build())
            .Should().HaveDeadline(DeadlineKind.Propose, 2, DeadlineUnit.WorkingDays).And.NotHaveMatched("major-propose-1wd")
            .And.HaveDeadlineSetBy(DeadlineKind.Propose, "propose-2wd");

    [Fact]
    public void Deadlines_General_ProposeWithinTwoWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.Propose, 2, DeadlineUnit.WorkingDays).And.HaveMatched("propose-2wd");

    [Fact]
    public void Deadlines_Major_ProposeTwoWorkingDaysIsShadowed() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Major).Build())
            .Should().HaveMatched("propose-2wd").And.HaveDeadlineSetBy(DeadlineKind.Propose, "major-propose-1wd");

    [Theory]
    [InlineData(Severity.Serious)]
    [InlineData(Severity.Major)]
    public void Deadlines_SeriousOrMajor_ResolveWithinSevenWorkingDays(Severity tier) =>
        Pack.SetDeadlines(A.Complaint().Classified(tier).Build())
            .Should().HaveDeadline(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays).And.HaveMatched("serious-resolve-7wd");

    [Theory]
    [InlineData(Severity.Minor)]
    [InlineData(Severity.General)]
    public void Deadlines_MinorOrGeneral_ResolveWithinThreeWorkingDays(Severity tier) =>
        Pack.SetDeadlines(A.Complaint().Classified(tier).Build())
            .Should().HaveDeadline(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays).And.NotHaveMatched("serious-resolve-7wd")
            .And.HaveDeadlineSetBy(DeadlineKind.Resolve, "resolve-3wd");

    [Fact]
    public void Deadlines_Serious_ResolveThreeWorkingDaysIsShadowed() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Serious).Build())
            .Should().HaveMatched("resolve-3wd").And.HaveDeadlineSetBy(DeadlineKind.Resolve, "serious-resolve-7wd");

    [Theory]
    [InlineData(ComplaintKind.Complaint)]
    [InlineData(ComplaintKind.Report)]
    public void Deadlines_ComplaintOrReport_FollowUpWithinTenWorkingDays(ComplaintKind kind) =>
        Pack.SetDeadlines(A.Complaint().OfKind(kind).Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.FollowUp, 10, DeadlineUnit.WorkingDays).And.HaveMatched("follow-up-10wd");

    [Fact]
    public void Deadlines_Suggestion_NoFollowUp() =>
        Pack.SetDeadlines(A.Complaint().OfKind(ComplaintKind.Suggestion).Classified(Severity.Minor).Build())
            .Should().HaveNoDeadline(DeadlineKind.FollowUp).And.NotHaveMatched("follow-up-10wd");

    // ---- approval ------------------------------------------------------------------------------------------

    [Fact]
    public void Approval_AboveHandlerLimit_RequiresManager() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 500.01m))
            .Should().RequireApprovalSteps("manager").And.HaveMatched("above-handler-limit");

    [Fact]
    public void Approval_AtHandlerLimit_WithinHandlerAuthority() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 500))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("above-handler-limit");

    [Fact]
    public void Approval_AboveManagerLimit_RequiresGeneralManager() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Compensation, 60_000))
            .Should().RequireApprovalBy("general-manager").And.RequireApprovalSteps("manager", "general-manager")
            .And.HaveMatched("above-manager-limit");

    [Fact]
    public void Approval_AtManagerLimit_ManagerAlone() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Compensation, 5_000))
            .Should().RequireApprovalSteps("manager").And.NotHaveMatched("above-manager-limit");

    [Fact]
    public void Approval_MajorComplaint_RequiresManagerThenGeneralManager() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Major).Build(), A.Remedy(RemedyKind.Apology))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("major-needs-general-manager");

    [Fact]
    public void Approval_SeriousComplaintSmallRemedy_WithinHandlerAuthority() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Apology))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("major-needs-general-manager");

    // ---- recusal -------------------------------------------------------------------------------------------

    [Fact]
    public void Recusal_TheAccused_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("wang", department: "sales").Build(), An.Actor("wang").InDepartment("sales").Build())
            .Should().BeRecused().And.HaveMatched("is-the-accused");

    [Fact]
    public void Recusal_SomeoneElseOutsideTheDepartment_MayAct() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("wang", department: "sales").Build(), A.Handler("han", "customer-service"))
            .Should().NotBeRecused().And.NotHaveMatched("is-the-accused");

    [Fact]
    public void Recusal_AccusedStaffsDepartment_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("wang", department: "sales").Build(), A.Manager("zhao", "sales"))
            .Should().BeRecused().And.HaveMatched("accused-department").And.NotHaveMatched("is-the-accused");

    [Fact]
    public void Recusal_AccusedDepartmentAsAWhole_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutDepartment("sales").Build(), A.Handler("sun", "sales"))
            .Should().BeRecused().And.HaveMatched("accused-department");

    [Fact]
    public void Recusal_DepartmentOfAComplainedAboutProduct_MayAct() =>
        Pack.CheckRecusal(A.Complaint().AboutProduct("Brake pads", department: "after-sales").Build(), A.Handler("sun", "after-sales"))
            .Should().NotBeRecused().And.NotHaveMatched("accused-department");

    [Fact]
    public void Recusal_StaffWhoFiledTheComplaint_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().FiledByStaff("sun").Build(), A.Handler("sun"))
            .Should().BeRecused().And.HaveMatched("own-complaint");

    [Fact]
    public void Recusal_OtherStaffThanTheFiler_MayAct() =>
        Pack.CheckRecusal(A.Complaint().FiledByStaff("sun").Build(), A.Handler("han"))
            .Should().NotBeRecused().And.NotHaveMatched("own-complaint");

    [Fact]
    public void Recusal_RecusedBefore_MustRecuseAgain() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("han").Build(), A.Handler("han"))
            .Should().BeRecused().And.HaveMatched("recused-before");

    [Fact]
    public void Recusal_SomeoneElseRecusedBefore_MayAct() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("li").Build(), A.Handler("han"))
            .Should().NotBeRecused().And.NotHaveMatched("recused-before");

    // ---- confidentiality -----------------------------------------------------------------------------------

    [Fact]
    public void Confidentiality_TheAccused_DoesNotSeeWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("wang", department: "sales").Build(), An.Actor("wang").InDepartment("sales").Build())
            .Should().HideIdentity().And.HaveMatched("hidden-from-the-accused");

    [Fact]
    public void Confidentiality_Coordinator_SeesWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("wang", department: "sales").Build(), Coordinator)
            .Should().ShowIdentity().And.NotHaveMatched("hidden-from-the-accused").And.NotHaveMatched("hidden-from-the-accused-department");

    [Fact]
    public void Confidentiality_AccusedsColleague_DoesNotSeeWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("wang", department: "sales").Build(), A.Manager("zhao", "sales"))
            .Should().HideIdentity().And.HaveMatched("hidden-from-the-accused-department").And.NotHaveMatched("hidden-from-the-accused");

    [Fact]
    public void Confidentiality_DepartmentOfAComplainedAboutProduct_SeesWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutProduct("Brake pads", department: "after-sales").Build(), A.Handler("sun", "after-sales"))
            .Should().ShowIdentity().And.NotHaveMatched("hidden-from-the-accused-department");

    // ---- escalation ----------------------------------------------------------------------------------------

    [Fact]
    public void Escalation_SecondCustomerRejection_GoesToGeneralManager() =>
        Pack.CheckEscalation(A.Complaint().WithRejections(2).Build(), EscalationTrigger.CustomerRejected)
            .Should().Escalate().And.Notify("general-manager").And.HaveMatched("rejected-too-often");

    [Fact]
    public void Escalation_FirstCustomerRejection_StaysAtItsLevel() =>
        Pack.CheckEscalation(A.Complaint().WithRejections(1).Build(), EscalationTrigger.CustomerRejected)
            .Should().NotEscalate().And.NotHaveMatched("rejected-too-often");

    [Fact]
    public void Escalation_RequestedAfterRejections_IsNotARejection() =>
        Pack.CheckEscalation(A.Complaint().WithRejections(3).Build(), EscalationTrigger.Requested)
            .Should().Escalate().And.Notify("manager").And.NotHaveMatched("rejected-too-often");

    [Fact]
    public void Escalation_Requested_GoesToManager() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("on-request");

    [Fact]
    public void Escalation_DeadlineBreached_IsNotARequest() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().NotHaveMatched("on-request");

    [Fact]
    public void Escalation_DeadlineBreached_GoesToManager() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("deadline-breached");

    [Fact]
    public void Escalation_Requested_IsNotABreach() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().NotHaveMatched("deadline-breached");

    // ---- rewards -------------------------------------------------------------------------------------------

    [Fact]
    public void Reward_SubstantiatedReportWithValueRecovered_TenToTwentyPercentWithConsent() =>
        Pack.DecideReward(A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated, recovered: 10_000).Build())
            .Should().GrantBetween(1_000, 2_000).And.NeedConsentForPublicity().And.HaveMatched("substantiated-report-recovered-value");

    [Fact]
    public void Reward_PartlySubstantiatedReport_GrantsNothing() =>
        Pack.DecideReward(A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.PartlySubstantiated, recovered: 10_000).Build())
            .Should().GrantNothing().And.NotHaveMatched("substantiated-report-recovered-value");

    [Fact]
    public void Reward_SubstantiatedReportWithOnlyAFine_GrantsNothing() =>
        Pack.DecideReward(A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated, fine: 10_000).Build())
            .Should().GrantNothing().And.NotHaveMatched("substantiated-report-recovered-value");

    [Fact]
    public void Reward_SubstantiatedComplaint_GrantsNothing() =>
        Pack.DecideReward(A.Complaint().OfKind(ComplaintKind.Complaint).WithFindings(FindingOutcome.Substantiated, recovered: 10_000).Build())
            .Should().GrantNothing().And.NotHaveMatched("substantiated-report-recovered-value");

    // ---- penalties -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Misconduct.LateHandling, SanctionKind.Warning, "late-handling-warning")]
    [InlineData(Misconduct.Shirking, SanctionKind.Demerit, "shirking-demerit")]
    [InlineData(Misconduct.IdentityLeak, SanctionKind.Demerit, "identity-leak-demerit")]
    [InlineData(Misconduct.CausedLoss, SanctionKind.LiabilityForLosses, "caused-loss-liability")]
    public void Penalty_Misconduct_ImposesItsSanction(string misconduct, SanctionKind sanction, string rule) =>
        Pack.AssessPenalty(A.Complaint().Build(), A.Handler("han"), misconduct)
            .Should().Impose(sanction).And.HaveMatched(rule);

    [Theory]
    [InlineData("late-handling-warning")]
    [InlineData("shirking-demerit")]
    [InlineData("identity-leak-demerit")]
    [InlineData("caused-loss-liability")]
    public void Penalty_MaliciousAccusation_MatchesNoGenericRule(string rule) =>
        Pack.AssessPenalty(A.Complaint().Build(), A.Handler("han"), Misconduct.MaliciousAccusation)
            .Should().ImposeNothing().And.NotHaveMatched(rule);

    [Fact]
    public void Penalty_LateHandling_OnlyAWarning() =>
        Pack.AssessPenalty(A.Complaint().Build(), A.Handler("han"), Misconduct.LateHandling)
            .Should().NotHaveMatched("shirking-demerit").And.NotHaveMatched("identity-leak-demerit").And.NotHaveMatched("caused-loss-liability");

    // ---- guidance ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Severity.Minor)]
    [InlineData(Severity.Major)]
    public void Guidance_AnyCase_FeelingsBeforeFacts(Severity tier) =>
        Pack.AdviseHandling(A.Complaint().Classified(tier).Build())
            .Should().Advise("deal with feelings before facts").And.HaveMatched("feelings-before-facts");

    [Theory]
    [InlineData(Severity.Serious)]
    [InlineData(Severity.Major)]
    public void Guidance_SeriousOrMajor_FaceToFaceWithOptions(Severity tier) =>
        Pack.AdviseHandling(A.Complaint().Classified(tier).Build())
            .Should().Advise("face to face").And.Advise("3–4 remedy options").And.HaveMatched("serious-face-to-face");

    [Fact]
    public void Guidance_General_NoFaceToFace() =>
        Pack.AdviseHandling(A.Complaint().Classified(Severity.General).Build())
            .Should().NotHaveMatched("serious-face-to-face");

    [Fact]
    public void Guidance_VentingComplainant_AdvisesToLetThemVent() =>
        Pack.AdviseHandling(A.Complaint().WithAttribute("complainant-type", "venting").Build())
            .Should().Advise("apologise sincerely").And.HaveMatched("venting");

    [Fact]
    public void Guidance_UnknownComplainantType_NoVentingAdvice() =>
        Pack.AdviseHandling(A.Complaint().WithAttribute("complainant-type", "cheerful").Build())
            .Should().NotHaveMatched("venting");

    // ---- through the workflow ------------------------------------------------------------------------------

    [Fact]
    public async Task Workflow_BillingComplaintByPhone_TriagedToFinanceWithDeadlines()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var id = (await harness.ReceiveAsync(A.Complaint().Via(Channel.Phone).Described("I was charged twice for one order."))).Complaint.Id;

        await harness.TriageAsync(id);

        (await harness.LastDecisionAsync<SeverityDecision>(id)).Should().HaveCategory("billing").And.HaveMatched("category-billing");
        (await harness.LastDecisionAsync<RoutingDecision>(id)).Should().RouteTo("finance").And.HaveMatched("billing-to-finance");
        (await harness.LastDecisionAsync<DeadlineDecision>(id)).Should().HaveDeadline(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays);
    }
}
