using Complaints.Policy;
using Complaints.Testing;

namespace Complaints.Rules.Tests.Packs;

/// <summary>Every rule of the auto-dealership pack, firing and not firing on a nearby case.</summary>
public sealed class AutoDealershipPackTests
{
    private static readonly PolicyPack Pack = PolicyPacks.LoadBuiltIn("auto-dealership");

    private static readonly Actor ServiceManager = A.Manager("gao", "service");

    private static readonly Actor ServiceAdvisor = A.Handler("ma", "service");

    // ---- admissibility -------------------------------------------------------------------------------------

    [Fact]
    public void Admissibility_AlreadyInCourt_Rejects() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("in-court").Build())
            .Should().BeRejected().And.HaveMatched("already-in-court").And.BeDecidedBy("auto-dealership", "1.0.0");

    [Fact]
    public void Admissibility_NotInCourt_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("licence-plate", "粤A12345").Build())
            .Should().BeAccepted().And.NotHaveMatched("already-in-court");

    [Fact]
    public void Admissibility_NotOurVehicle_RedirectsToTheManufacturerOrDealer() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("outside-remit").Build())
            .Should().BeRedirectedTo("the manufacturer's customer service or the dealer that sold or serviced the vehicle")
            .And.HaveMatched("not-our-vehicle-or-contract");

    [Fact]
    public void Admissibility_OurVehicle_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Build())
            .Should().BeAccepted().And.NotHaveMatched("not-our-vehicle-or-contract");

    [Fact]
    public void Admissibility_NoClearFacts_Rejects() =>
        Pack.DecideAdmissibility(A.Complaint().Described("Bad car").Build())
            .Should().BeRejected().And.HaveMatched("no-clear-facts");

    [Fact]
    public void Admissibility_TenCharacters_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Described("Brakes bad").Build())
            .Should().BeAccepted().And.NotHaveMatched("no-clear-facts");

    // ---- severity ------------------------------------------------------------------------------------------

    [Fact]
    public void Severity_Suggestion_IsAMinorProposal() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().HaveCategory("proposals-and-criticism").And.HaveTier(Severity.Minor).And.HaveMatched("proposal-or-criticism");

    [Fact]
    public void Severity_Complaint_IsNotAProposal() =>
        Pack.Classify(A.Complaint().Build())
            .Should().HaveCategory("service-quality").And.HaveTier(Severity.General).And.NotHaveMatched("proposal-or-criticism");

    [Theory]
    [InlineData("They kept my deposit after I cancelled the order.", "new-car-sales-contract", "category-sales-contract")]
    [InlineData("The workshop scratched the door during the last visit.", "repair-quality", "category-repair-quality")]
    [InlineData("The engine stalls on the motorway.", "product-quality", "category-product-quality")]
    [InlineData("We waited two hours and nobody came to us.", "service-quality", "category-service-quality")]
    public void Severity_WordsWithoutCategory_GiveTheCategory(string description, string category, string rule) =>
        Pack.Classify(A.Complaint().Described(description).Build())
            .Should().HaveCategory(category).And.HaveMatched(rule);

    [Theory]
    [InlineData("They kept my deposit after I cancelled the order.", "category-sales-contract")]
    [InlineData("The workshop scratched the door during the last visit.", "category-repair-quality")]
    [InlineData("The engine stalls on the motorway.", "category-product-quality")]
    [InlineData("We waited two hours and nobody came to us.", "category-service-quality")]
    public void Severity_SameWordsWithReceiversCategory_KeepIt(string description, string rule) =>
        Pack.Classify(A.Complaint().Described(description).InCategory("proposals-and-criticism").Build())
            .Should().HaveCategory("proposals-and-criticism").And.NotHaveMatched(rule);

    [Fact]
    public void Severity_SafetyRisk_IsMajor() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.SafetyRisk).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("safety-risk-is-major");

    [Fact]
    public void Severity_HealthRiskOnly_IsNotASafetyRisk() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.HealthRisk).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("safety-risk-is-major");

    [Fact]
    public void Severity_MediaThreat_IsMajor() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.MediaThreat).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("media-threat-is-major");

    [Fact]
    public void Severity_RegulatorThreat_IsOnlySerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.RegulatorThreat).Build())
            .Should().HaveTier(Severity.Serious).And.NotHaveMatched("media-threat-is-major").And.HaveMatched("regulator-threat-is-serious");

    [Fact]
    public void Severity_NoRegulatorThreat_IsGeneral() =>
        Pack.Classify(A.Complaint().Build())
            .Should().NotHaveMatched("regulator-threat-is-serious");

    [Fact]
    public void Severity_ClaimAboveMajorClaim_IsMajor() =>
        Pack.Classify(A.Complaint().Claiming(50_000.01m).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("large-claim-is-major");

    [Fact]
    public void Severity_ClaimOfExactlyMajorClaim_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(50_000).Build())
            .Should().HaveTier(Severity.Serious).And.NotHaveMatched("large-claim-is-major").And.HaveMatched("claim-above-serious-threshold");

    [Fact]
    public void Severity_RepeatRepair_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.Repeated).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("repeated-complaint-is-serious");

    [Fact]
    public void Severity_FirstComplaint_IsGeneral() =>
        Pack.Classify(A.Complaint().Build())
            .Should().NotHaveMatched("repeated-complaint-is-serious");

    [Fact]
    public void Severity_SeveralDepartments_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("several-departments-is-serious");

    [Fact]
    public void Severity_OneDepartment_IsGeneral() =>
        Pack.Classify(A.Complaint().AboutService("Servicing", department: "service").Build())
            .Should().NotHaveMatched("several-departments-is-serious");

    [Fact]
    public void Severity_ClaimAboveSeriousClaim_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(10_000.01m).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("claim-above-serious-threshold");

    [Fact]
    public void Severity_ClaimOfExactlySeriousClaim_IsGeneral() =>
        Pack.Classify(A.Complaint().Claiming(10_000).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("claim-above-serious-threshold");

    // ---- routing -------------------------------------------------------------------------------------------

    [Fact]
    public void Routing_SeveralDepartments_CustomerRelationsCoordinates() =>
        Pack.Route(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Classified("repair-quality", Severity.Serious).Build())
            .Should().RouteTo("customer-relations").And.BeHandledBy("coordinator").And.HaveMatched("several-departments-customer-relations-coordinates");

    [Fact]
    public void Routing_OneDepartment_GoesByCategory() =>
        Pack.Route(A.Complaint().Classified("repair-quality", Severity.General).Build())
            .Should().RouteTo("service").And.NotHaveMatched("several-departments-customer-relations-coordinates");

    [Theory]
    [InlineData("new-car-sales-contract", "sales", "manager", "sales-contract-to-sales-manager")]
    [InlineData("repair-quality", "service", "manager", "repair-quality-to-service-manager")]
    [InlineData("product-quality", "service", "manager", "product-quality-to-service-manager")]
    [InlineData("proposals-and-criticism", "customer-relations", "coordinator", "proposals-to-customer-relations")]
    public void Routing_Category_GoesToItsDepartment(string category, string department, string role, string rule) =>
        Pack.Route(A.Complaint().Classified(category, Severity.General).Build())
            .Should().RouteTo(department).And.BeHandledBy(role).And.HaveMatched(rule);

    [Theory]
    [InlineData("sales-contract-to-sales-manager")]
    [InlineData("repair-quality-to-service-manager")]
    [InlineData("product-quality-to-service-manager")]
    [InlineData("proposals-to-customer-relations")]
    public void Routing_ServiceQuality_MatchesNoCategoryRule(string rule) =>
        Pack.Route(A.Complaint().Classified("service-quality", Severity.General).Build())
            .Should().RouteTo("customer-relations").And.BeHandledBy("coordinator").And.NotHaveMatched(rule);

    [Fact]
    public void Routing_ServiceQualityAboutADepartment_ToThatDepartmentsManager() =>
        Pack.Route(A.Complaint().AboutStaff("liu", department: "parts").Classified("service-quality", Severity.General).Build())
            .Should().RouteTo("parts").And.BeHandledBy("manager").And.HaveMatched("other-complaints-to-the-department-concerned");

    [Fact]
    public void Routing_ServiceQualityWithNoDepartment_StaysWithCustomerRelations() =>
        Pack.Route(A.Complaint().AboutStaff("liu").Classified("service-quality", Severity.General).Build())
            .Should().RouteTo("customer-relations").And.NotHaveMatched("other-complaints-to-the-department-concerned");

    // ---- deadlines -----------------------------------------------------------------------------------------

    [Fact]
    public void Deadlines_Major_PassedOnWithinTwoHours() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Major).Build())
            .Should().HaveDeadline(DeadlineKind.Acknowledge, 2, DeadlineUnit.Hours).And.HaveMatched("major-complaint-passed-on-within-2-hours")
            .And.HaveMatched("acknowledge-within-1-working-day").And.HaveDeadlineSetBy(DeadlineKind.Acknowledge, "major-complaint-passed-on-within-2-hours");

    [Fact]
    public void Deadlines_Serious_AcknowledgedWithinOneWorkingDay() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Serious).Build())
            .Should().HaveDeadline(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays).And.NotHaveMatched("major-complaint-passed-on-within-2-hours")
            .And.HaveDeadlineSetBy(DeadlineKind.Acknowledge, "acknowledge-within-1-working-day");

    [Theory]
    [InlineData(Severity.Minor)]
    [InlineData(Severity.Major)]
    public void Deadlines_AnyCase_HandlerProposesWithinOneWorkingDayOfAssignment(Severity tier)
    {
        var decision = Pack.SetDeadlines(A.Complaint().Classified(tier).Build());

        decision.Should().HaveDeadline(DeadlineKind.Propose, 1, DeadlineUnit.WorkingDays).And.HaveMatched("responsible-department-proposes-within-1-working-day");
        decision.Deadlines.Single(d => d.Kind == DeadlineKind.Propose).StartsAt.Should().Be(ClockStart.Assigned, "t10 §3 gives the day to the responsible person once named");
        decision.Deadlines.Where(d => d.Kind != DeadlineKind.Propose).Should().OnlyContain(d => d.StartsAt == ClockStart.Received);
    }

    [Theory]
    [InlineData(Severity.Serious)]
    [InlineData(Severity.Major)]
    public void Deadlines_SeriousOrMajor_ResolvedWithinSevenWorkingDays(Severity tier) =>
        Pack.SetDeadlines(A.Complaint().Classified(tier).Build())
            .Should().HaveDeadline(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays).And.HaveMatched("serious-or-major-resolved-within-7-working-days");

    [Fact]
    public void Deadlines_General_ResolvedWithinThreeWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays).And.NotHaveMatched("serious-or-major-resolved-within-7-working-days")
            .And.HaveMatched("resolved-within-3-working-days");

    [Fact]
    public void Deadlines_Complaint_SatisfactionFollowUpWithinTenWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.FollowUp, 10, DeadlineUnit.WorkingDays).And.HaveMatched("satisfaction-follow-up-within-10-working-days");

    [Fact]
    public void Deadlines_Proposal_NoFollowUp() =>
        Pack.SetDeadlines(A.Complaint().OfKind(ComplaintKind.Suggestion).Classified(Severity.Minor).Build())
            .Should().HaveNoDeadline(DeadlineKind.FollowUp).And.NotHaveMatched("satisfaction-follow-up-within-10-working-days");

    // ---- approval ------------------------------------------------------------------------------------------

    [Fact]
    public void Approval_AboveGoodwillLimit_DepartmentManagerThenGeneralManager() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 200.01m))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("above-goodwill-limit-needs-department-manager");

    [Fact]
    public void Approval_AtGoodwillLimit_GeneralManagerAlone() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 200))
            .Should().RequireApprovalSteps("general-manager").And.NotHaveMatched("above-goodwill-limit-needs-department-manager");

    // t10 §4 "投诉解决办法经总经理同意后": every remedy, whatever the amount, needs the general manager's consent.
    [Theory]
    [InlineData(RemedyKind.Apology, 0)]
    [InlineData(RemedyKind.Repair, 0)]
    [InlineData(RemedyKind.Refund, 0.01)]
    [InlineData(RemedyKind.CorrectiveAction, 0)]
    [InlineData(RemedyKind.Replacement, 1_000)]
    public void Approval_EveryRemedy_GeneralManagerApproves(RemedyKind kind, double amount)
    {
        var remedy = amount > 0 ? A.Remedy(kind, (decimal)amount) : A.Remedy(kind);
        var decision = Pack.RequireApproval(A.Complaint().Classified(Severity.Minor).Build(), remedy);

        decision.Should().HaveMatched("general-manager-approves-every-remedy");
        decision.Steps.Should().EndWith("general-manager");
        decision.WithinHandlerAuthority.Should().BeFalse("no dealership remedy is within a handler's own authority");
    }

    [Fact]
    public void Approval_MajorComplaint_DepartmentManagerThenGeneralManager() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Major).Build(), A.Remedy(RemedyKind.Apology))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("major-complaint-department-manager-and-general-manager");

    [Fact]
    public void Approval_SeriousComplaintApology_GeneralManagerAlone() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Apology))
            .Should().RequireApprovalSteps("general-manager").And.NotHaveMatched("major-complaint-department-manager-and-general-manager");

    [Fact]
    public void Lifecycle_SaysNothing_KeepsTheWorkflowDefaults() =>
        Pack.Lifecycle.Should().BeEquivalentTo(LifecycleSettings.Default);

    // ---- recusal -------------------------------------------------------------------------------------------

    [Fact]
    public void Recusal_TheAccused_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("ma", department: "service").Build(), ServiceAdvisor)
            .Should().BeRecused().And.HaveMatched("is-the-accused");

    [Fact]
    public void Recusal_AccusedsOwnManager_MayHandleIt() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("ma", department: "service").Build(), ServiceManager)
            .Should().NotBeRecused().And.NotHaveMatched("is-the-accused");

    [Fact]
    public void Recusal_FiledItThemselves_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().FiledByStaff("gao").Build(), ServiceManager)
            .Should().BeRecused().And.HaveMatched("filed-it-themselves");

    [Fact]
    public void Recusal_SomeoneElseFiledIt_MayHandleIt() =>
        Pack.CheckRecusal(A.Complaint().FiledByStaff("ma").Build(), ServiceManager)
            .Should().NotBeRecused().And.NotHaveMatched("filed-it-themselves");

    [Fact]
    public void Recusal_DeclaredConflict_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().WithAttribute("declared-conflicts", "gao").Build(), ServiceManager)
            .Should().BeRecused().And.HaveMatched("declared-conflict");

    [Fact]
    public void Recusal_NoDeclaredConflict_MayHandleIt() =>
        Pack.CheckRecusal(A.Complaint().WithAttribute("declared-conflicts", "ma").Build(), ServiceManager)
            .Should().NotBeRecused().And.NotHaveMatched("declared-conflict");

    [Fact]
    public void Recusal_SteppedAsideBefore_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("gao").Build(), ServiceManager)
            .Should().BeRecused().And.HaveMatched("stepped-aside-before");

    [Fact]
    public void Recusal_NeverSteppedAside_MayHandleIt() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("ma").Build(), ServiceManager)
            .Should().NotBeRecused().And.NotHaveMatched("stepped-aside-before");

    // ---- confidentiality -----------------------------------------------------------------------------------

    [Fact]
    public void Confidentiality_TheAccused_DoesNotSeeWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("ma", department: "service").Build(), ServiceAdvisor)
            .Should().HideIdentity().And.HaveMatched("hidden-from-the-accused");

    [Fact]
    public void Confidentiality_AccusedsManager_DealsWithTheCustomer() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("ma", department: "service").Build(), ServiceManager)
            .Should().ShowIdentity().And.NotHaveMatched("hidden-from-the-accused");

    // ---- escalation ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(EscalationTrigger.Requested)]
    [InlineData(EscalationTrigger.DeadlineBreached)]
    [InlineData(EscalationTrigger.CustomerRejected)]
    public void Escalation_MajorComplaint_GeneralManagerToldWhateverTheTrigger(EscalationTrigger trigger) =>
        Pack.CheckEscalation(A.Complaint().Classified(Severity.Major).Build(), trigger)
            .Should().Escalate().And.Notify("general-manager").And.HaveMatched("major-complaint-to-general-manager");

    [Fact]
    public void Escalation_SeriousComplaintRequested_DepartmentManager() =>
        Pack.CheckEscalation(A.Complaint().Classified(Severity.Serious).Build(), EscalationTrigger.Requested)
            .Should().Notify("manager").And.NotHaveMatched("major-complaint-to-general-manager");

    [Fact]
    public void Escalation_SecondRejection_GeneralManagerTakesItUp() =>
        Pack.CheckEscalation(A.Complaint().Classified(Severity.General).WithRejections(2).Build(), EscalationTrigger.CustomerRejected)
            .Should().Escalate().And.Notify("general-manager").And.HaveMatched("remedies-rejected-to-general-manager");

    [Fact]
    public void Escalation_FirstRejection_StaysAtItsLevel() =>
        Pack.CheckEscalation(A.Complaint().Classified(Severity.General).WithRejections(1).Build(), EscalationTrigger.CustomerRejected)
            .Should().NotEscalate().And.NotHaveMatched("remedies-rejected-to-general-manager");

    [Fact]
    public void Escalation_Requested_DepartmentManagerTakesItUp() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("escalation-requested-to-department-manager");

    [Fact]
    public void Escalation_Delay_IsNotARequest() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().NotHaveMatched("escalation-requested-to-department-manager");

    [Fact]
    public void Escalation_Delay_DepartmentManagerAnswersForIt() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("delay-to-department-manager");

    [Fact]
    public void Escalation_Request_IsNotADelay() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().NotHaveMatched("delay-to-department-manager");

    // ---- rewards (the dealership pack has none) ------------------------------------------------------------

    [Fact]
    public void Reward_SubstantiatedReport_NoRewardsAtADealership()
    {
        var decision = Pack.DecideReward(A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated, recovered: 5_000).Build());

        decision.Should().GrantNothing().And.BeDecidedBy("auto-dealership");
        decision.Explanation.Rules.Should().BeEmpty();
    }

    // ---- penalties -----------------------------------------------------------------------------------------

    [Fact]
    public void Penalty_StaffCausedLoss_LiableForIt() =>
        Pack.AssessPenalty(A.Complaint().Claiming(3_000).Build(), ServiceAdvisor, Misconduct.CausedLoss)
            .Should().Impose(SanctionKind.LiabilityForLosses).And.HaveMatched("person-responsible-liable-for-losses");

    [Fact]
    public void Penalty_ManagerCausedLoss_NotPersonallyLiable() =>
        Pack.AssessPenalty(A.Complaint().Claiming(3_000).Build(), ServiceManager, Misconduct.CausedLoss)
            .Should().ImposeNothing().And.NotHaveMatched("person-responsible-liable-for-losses").And.NotHaveMatched("department-head-warning-for-large-loss");

    [Fact]
    public void Penalty_StaffSmallLoss_Warning() =>
        Pack.AssessPenalty(A.Complaint().Claiming(5_000).Build(), ServiceAdvisor, Misconduct.CausedLoss)
            .Should().Impose(SanctionKind.Warning).And.HaveMatched("person-responsible-warning-for-small-loss")
            .And.NotHaveMatched("person-responsible-demerit-for-large-loss");

    [Fact]
    public void Penalty_StaffLargeLoss_Demerit() =>
        Pack.AssessPenalty(A.Complaint().Claiming(5_000.01m).Build(), ServiceAdvisor, Misconduct.CausedLoss)
            .Should().Impose(SanctionKind.Demerit).And.Impose(SanctionKind.LiabilityForLosses).And.HaveMatched("person-responsible-demerit-for-large-loss")
            .And.NotHaveMatched("person-responsible-warning-for-small-loss");

    [Fact]
    public void Penalty_ManagerLargeLoss_Warning() =>
        Pack.AssessPenalty(A.Complaint().Claiming(50_000).Build(), ServiceManager, Misconduct.CausedLoss)
            .Should().Impose(SanctionKind.Warning).And.HaveMatched("department-head-warning-for-large-loss")
            .And.NotHaveMatched("department-head-demerit-for-major-loss");

    [Fact]
    public void Penalty_ManagerMajorLoss_Demerit() =>
        Pack.AssessPenalty(A.Complaint().Claiming(50_000.01m).Build(), ServiceManager, Misconduct.CausedLoss)
            .Should().Impose(SanctionKind.Demerit).And.HaveMatched("department-head-demerit-for-major-loss")
            .And.NotHaveMatched("department-head-warning-for-large-loss");

    [Fact]
    public void Penalty_DelayBeforeEscalation_Warning() =>
        Pack.AssessPenalty(A.Complaint().Build(), ServiceAdvisor, Misconduct.LateHandling)
            .Should().Impose(SanctionKind.Warning).And.HaveMatched("delay-held-the-complaint-up").And.NotHaveMatched("delay-made-the-complaint-escalate");

    [Fact]
    public void Penalty_DelayThatMadeItEscalate_Demerit() =>
        Pack.AssessPenalty(A.Complaint().EscalatedTo(1).Build(), ServiceAdvisor, Misconduct.LateHandling)
            .Should().Impose(SanctionKind.Demerit).And.HaveMatched("delay-made-the-complaint-escalate").And.NotHaveMatched("delay-held-the-complaint-up");

    [Fact]
    public void Penalty_Shirking_MatchesNoDealershipRule() =>
        Pack.AssessPenalty(A.Complaint().Claiming(60_000).EscalatedTo(1).Build(), ServiceAdvisor, Misconduct.Shirking)
            .Should().ImposeNothing().And.NotHaveMatched("person-responsible-liable-for-losses").And.NotHaveMatched("delay-made-the-complaint-escalate");

    // ---- guidance ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("record-listen-and-comfort", "谦恭、礼貌、迅速、周到")]
    [InlineData("tell-customer-and-follow-up", "tells the customer at once")]
    public void Guidance_AnyCase_StandingAdvice(string rule, string advice) =>
        Pack.AdviseHandling(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().Advise(advice).And.HaveMatched(rule);

    [Fact]
    public void Guidance_NoLicencePlate_AskForIt() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().Advise("ask for it and record it").And.HaveMatched("record-the-licence-plate");

    [Fact]
    public void Guidance_LicencePlateRecorded_NoReminder() =>
        Pack.AdviseHandling(A.Complaint().WithAttribute("licence-plate", "粤A12345").Build())
            .Should().NotHaveMatched("record-the-licence-plate");

    [Fact]
    public void Guidance_SuggestionWithoutPlate_NoReminder() =>
        Pack.AdviseHandling(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().NotHaveMatched("record-the-licence-plate");

    [Fact]
    public void Guidance_Major_EmergencyMeeting() =>
        Pack.AdviseHandling(A.Complaint().Classified(Severity.Major).Build())
            .Should().Advise("emergency meeting").And.HaveMatched("major-complaint-emergency-meeting");

    [Fact]
    public void Guidance_Serious_NoEmergencyMeeting() =>
        Pack.AdviseHandling(A.Complaint().Classified(Severity.Serious).Build())
            .Should().NotHaveMatched("major-complaint-emergency-meeting");

    [Fact]
    public void Guidance_SafetyRisk_VehicleOffTheRoad() =>
        Pack.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.SafetyRisk).Build())
            .Should().Advise("not to drive the vehicle").And.HaveMatched("safety-risk-vehicle-off-the-road");

    [Fact]
    public void Guidance_NoSafetyRisk_VehicleMayBeDriven() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().NotHaveMatched("safety-risk-vehicle-off-the-road");

    [Fact]
    public void Guidance_MediaThreat_ActFast() =>
        Pack.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.MediaThreat).Build())
            .Should().Advise("only the general manager").And.HaveMatched("media-threat-act-fast");

    [Fact]
    public void Guidance_RegulatorThreatOnly_NoMediaAdvice() =>
        Pack.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.RegulatorThreat).Build())
            .Should().NotHaveMatched("media-threat-act-fast");

    [Fact]
    public void Guidance_Complaint_DepartmentManagerFindsTheCause() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().Advise("finds the cause and the person responsible").And.HaveMatched("department-manager-finds-cause-and-person-responsible");

    [Fact]
    public void Guidance_Proposal_NoOneToFindResponsible() =>
        Pack.AdviseHandling(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().NotHaveMatched("department-manager-finds-cause-and-person-responsible");

    // ---- through the workflow ------------------------------------------------------------------------------

    [Fact]
    public async Task Workflow_BrakeFaultByPhone_MajorToTheServiceManager()
    {
        var harness = ComplaintsHarness.ForPack("auto-dealership");
        var id = (await harness.ReceiveAsync(A.Complaint().Via(Channel.Phone).Flagged(ComplaintFlags.SafetyRisk)
            .WithAttribute("licence-plate", "粤A12345").Described("The brake pedal goes to the floor after the last repair."))).Complaint.Id;

        var triaged = await harness.TriageAsync(id, A.Coordinator("chen", "customer-relations"));

        triaged.Complaint.Severity.Should().Be(Severity.Major);
        (await harness.LastDecisionAsync<RoutingDecision>(id)).Should().RouteTo("service").And.BeHandledBy("manager");
        (await harness.LastDecisionAsync<DeadlineDecision>(id)).Should().HaveDeadline(DeadlineKind.Acknowledge, 2, DeadlineUnit.Hours);
    }
}
