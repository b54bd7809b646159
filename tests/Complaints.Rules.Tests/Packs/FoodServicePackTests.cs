using Complaints.Policy;
using Complaints.Testing;

namespace Complaints.Rules.Tests.Packs;

/// <summary>Every rule of the food-service pack, firing and not firing on a nearby case.</summary>
public sealed class FoodServicePackTests
{
    private const string Spoiled = "The chicken delivered this morning smelled rotten.";

    private static readonly PolicyPack Pack = PolicyPacks.LoadBuiltIn("food-service");

    private static readonly Actor DutyManager = An.Actor("zhou").WithRoles("duty-manager").InDepartment("customer-service").Build();

    // ---- admissibility -------------------------------------------------------------------------------------

    [Fact]
    public void Admissibility_NotOurProduct_RedirectsToTheSupplier() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("outside-remit").Build())
            .Should().BeRedirectedTo("the supplier or body responsible").And.HaveMatched("not-our-customer-or-product").And.BeDecidedBy("food-service", "1.0.0");

    [Fact]
    public void Admissibility_OurProduct_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Build())
            .Should().BeAccepted().And.NotHaveMatched("not-our-customer-or-product");

    [Fact]
    public void Admissibility_NoClearFacts_Rejects() =>
        Pack.DecideAdmissibility(A.Complaint().Described("Bad food").Build())
            .Should().BeRejected().And.HaveMatched("no-clear-facts");

    [Fact]
    public void Admissibility_TenCharacters_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Described("Bad fish!!").Build())
            .Should().BeAccepted().And.NotHaveMatched("no-clear-facts");

    // ---- severity ------------------------------------------------------------------------------------------

    [Fact]
    public void Severity_Suggestion_IsMinor() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().HaveCategory("suggestion").And.HaveTier(Severity.Minor).And.HaveMatched("suggestion-is-minor");

    [Fact]
    public void Severity_Complaint_IsNotASuggestion() =>
        Pack.Classify(A.Complaint().Build())
            .Should().HaveCategory("general").And.NotHaveMatched("suggestion-is-minor");

    [Theory]
    [InlineData(Spoiled, "food-safety", "category-food-safety")]
    [InlineData("Two crates of vegetables were missing from the order.", "delivery", "category-delivery")]
    [InlineData("The invoice shows a higher figure than agreed.", "billing", "category-billing")]
    [InlineData("The driver was rude to our cook.", "service-attitude", "category-service-attitude")]
    [InlineData("The lettuce was wilted when it arrived.", "food-quality", "category-food-quality")]
    public void Severity_WordsWithoutCategory_GiveTheCategory(string description, string category, string rule) =>
        Pack.Classify(A.Complaint().Described(description).Build())
            .Should().HaveCategory(category).And.HaveMatched(rule);

    [Theory]
    [InlineData(Spoiled, "category-food-safety")]
    [InlineData("Two crates of vegetables were missing from the order.", "category-delivery")]
    [InlineData("The invoice shows a higher figure than agreed.", "category-billing")]
    [InlineData("The driver was rude to our cook.", "category-service-attitude")]
    [InlineData("The lettuce was wilted when it arrived.", "category-food-quality")]
    public void Severity_SameWordsWithReceiversCategory_KeepIt(string description, string rule) =>
        Pack.Classify(A.Complaint().Described(description).InCategory("general").Build())
            .Should().HaveCategory("general").And.NotHaveMatched(rule);

    [Fact]
    public void Severity_HealthRiskWithoutWords_IsFoodSafety() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.HealthRisk).Build())
            .Should().HaveCategory("food-safety").And.HaveMatched("category-food-safety");

    // 三.7: suspect food is checked, replaced promptly by the duty manager and the same kind checked: serious, not major.
    [Theory]
    [InlineData(Spoiled, null)]
    [InlineData("The fish had a strange smell (异味) this morning.", null)]
    [InlineData(ComplaintBuilder.DefaultDescription, "food-safety")]
    public void Severity_SuspectFood_IsSeriousNotMajor(string description, string? category)
    {
        var complaint = A.Complaint().Described(description);
        if (category is not null)
        {
            complaint.InCategory(category);
        }

        Pack.Classify(complaint.Build()).Should().HaveTier(Severity.Serious).And.HaveMatched("suspect-food-is-serious")
            .And.NotHaveMatched("illness-or-health-risk-is-major");
    }

    [Theory]
    [InlineData("After lunch three cooks had diarrhoea; the chicken smelled rotten.", ComplaintFlags.None)]
    [InlineData("Two children were vomiting after eating the rice.", ComplaintFlags.None)]
    [InlineData(ComplaintBuilder.DefaultDescription, ComplaintFlags.HealthRisk)]
    public void Severity_IllnessOrHealthRisk_IsMajor(string description, ComplaintFlags flags) =>
        Pack.Classify(A.Complaint().Described(description).Flagged(flags).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("illness-or-health-risk-is-major");

    [Fact]
    public void Severity_WiltedButNotSpoiled_IsGeneral() =>
        Pack.Classify(A.Complaint().Described("The lettuce was wilted when it arrived.").Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("suspect-food-is-serious").And.NotHaveMatched("illness-or-health-risk-is-major");

    [Fact]
    public void Severity_SafetyRisk_IsMajor() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.SafetyRisk).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("safety-risk-is-major");

    [Fact]
    public void Severity_NoSafetyRisk_IsGeneral() =>
        Pack.Classify(A.Complaint().Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("safety-risk-is-major");

    [Fact]
    public void Severity_ClaimAboveMajorClaim_IsMajor() =>
        Pack.Classify(A.Complaint().Claiming(20_000.01m).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("very-large-claim-is-major");

    [Fact]
    public void Severity_ClaimOfExactlyMajorClaim_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(20_000).Build())
            .Should().HaveTier(Severity.Serious).And.NotHaveMatched("very-large-claim-is-major").And.HaveMatched("large-claim-is-serious");

    [Theory]
    [InlineData(ComplaintFlags.MediaThreat)]
    [InlineData(ComplaintFlags.RegulatorThreat)]
    public void Severity_OutsideThreat_IsSerious(ComplaintFlags flag) =>
        Pack.Classify(A.Complaint().Flagged(flag).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("outside-threat-is-serious");

    [Fact]
    public void Severity_NoThreat_IsGeneral() =>
        Pack.Classify(A.Complaint().Build())
            .Should().NotHaveMatched("outside-threat-is-serious");

    [Fact]
    public void Severity_SeveralDepartments_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("several-departments-is-serious");

    [Fact]
    public void Severity_OneDepartment_IsGeneral() =>
        Pack.Classify(A.Complaint().AboutService("Delivery", department: "delivery").Build())
            .Should().NotHaveMatched("several-departments-is-serious");

    [Fact]
    public void Severity_Recurring_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.Repeated).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("repeated-complaint-is-serious");

    [Fact]
    public void Severity_FirstTime_IsGeneral() =>
        Pack.Classify(A.Complaint().Build())
            .Should().NotHaveMatched("repeated-complaint-is-serious");

    [Fact]
    public void Severity_ClaimAboveSeriousClaim_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(2_000.01m).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("large-claim-is-serious");

    [Fact]
    public void Severity_ClaimOfExactlySeriousClaim_IsGeneral() =>
        Pack.Classify(A.Complaint().Claiming(2_000).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("large-claim-is-serious");

    // ---- routing -------------------------------------------------------------------------------------------

    [Fact]
    public void Routing_SeveralDepartments_CompanyCoordinates() =>
        Pack.Route(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).AboutService("Delivery", department: "delivery").Classified("delivery", Severity.Serious).Build())
            .Should().RouteTo("management").And.BeHandledBy("manager").And.HaveMatched("several-departments-company-coordinates");

    [Fact]
    public void Routing_OneDepartment_NoCoordination() =>
        Pack.Route(A.Complaint().Classified("delivery", Severity.General).Build())
            .Should().RouteTo("delivery").And.NotHaveMatched("several-departments-company-coordinates");

    [Fact]
    public void Routing_CustomerOfADepartment_ThatDepartmentIsResponsible() =>
        Pack.Route(A.Complaint().AboutService("Canteen supply", department: "processing").Classified("general", Severity.General).Build())
            .Should().RouteTo("processing").And.BeHandledBy("handler").And.HaveMatched("whose-customer-whose-responsibility");

    [Fact]
    public void Routing_SpoiledFoodForADepartmentsCustomer_WhoseCustomerComesBeforeQualityControl() =>
        Pack.Route(A.Complaint().AboutProduct("Chicken", department: "processing").Classified("food-safety", Severity.Major).Build())
            .Should().RouteTo("processing").And.HaveMatched("whose-customer-whose-responsibility").And.HaveMatched("food-safety-to-quality-control");

    [Fact]
    public void Routing_NoDepartmentKnown_NotWhoseCustomer() =>
        Pack.Route(A.Complaint().Classified("general", Severity.General).Build())
            .Should().RouteTo("customer-service").And.BeHandledBy("handler").And.NotHaveMatched("whose-customer-whose-responsibility");

    [Theory]
    [InlineData("food-safety", "quality-control", "manager", "food-safety-to-quality-control")]
    [InlineData("food-quality", "quality-control", "handler", "food-quality-to-quality-control")]
    [InlineData("delivery", "delivery", "handler", "delivery-to-delivery-department")]
    [InlineData("billing", "finance", "handler", "billing-to-finance")]
    public void Routing_Category_GoesToItsDepartment(string category, string department, string role, string rule) =>
        Pack.Route(A.Complaint().Classified(category, Severity.General).Build())
            .Should().RouteTo(department).And.BeHandledBy(role).And.HaveMatched(rule);

    [Theory]
    [InlineData("food-safety-to-quality-control")]
    [InlineData("food-quality-to-quality-control")]
    [InlineData("delivery-to-delivery-department")]
    [InlineData("billing-to-finance")]
    public void Routing_ServiceAttitude_MatchesNoCategoryRule(string rule) =>
        Pack.Route(A.Complaint().Classified("service-attitude", Severity.General).Build())
            .Should().RouteTo("customer-service").And.NotHaveMatched(rule);

    // ---- deadlines -----------------------------------------------------------------------------------------

    [Fact]
    public void Deadlines_FoodSafety_AcknowledgedWithinOneHourResolvedWithinADay() =>
        Pack.SetDeadlines(A.Complaint().Classified("food-safety", Severity.Major).Build())
            .Should().HaveDeadline(DeadlineKind.Acknowledge, 1, DeadlineUnit.Hours).And.HaveDeadline(DeadlineKind.Resolve, 24, DeadlineUnit.Hours)
            .And.HaveMatched("food-safety-acknowledged-within-1-hour").And.HaveMatched("food-safety-resolved-within-24-hours")
            .And.HaveMatched("serious-resolved-within-3-working-days").And.HaveDeadlineSetBy(DeadlineKind.Resolve, "food-safety-resolved-within-24-hours");

    [Fact]
    public void Deadlines_FoodSafetyNotMajor_KeepsTheFoodSafetyClocks() =>
        Pack.SetDeadlines(A.Complaint().Classified("food-safety", Severity.Serious).Build())
            .Should().HaveDeadline(DeadlineKind.Acknowledge, 1, DeadlineUnit.Hours).And.HaveDeadline(DeadlineKind.Resolve, 24, DeadlineUnit.Hours)
            .And.HaveDeadlineSetBy(DeadlineKind.Resolve, "food-safety-resolved-within-24-hours");

    [Fact]
    public void Deadlines_Serious_AcknowledgedWithinTwoHoursResolvedWithinThreeWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.Serious).Build())
            .Should().HaveDeadline(DeadlineKind.Acknowledge, 2, DeadlineUnit.Hours).And.HaveDeadline(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays)
            .And.NotHaveMatched("food-safety-acknowledged-within-1-hour").And.NotHaveMatched("food-safety-resolved-within-24-hours")
            .And.HaveMatched("serious-resolved-within-3-working-days").And.HaveMatched("acknowledged-within-2-hours");

    [Fact]
    public void Deadlines_General_ResolvedWithinTwoWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.Resolve, 2, DeadlineUnit.WorkingDays).And.NotHaveMatched("serious-resolved-within-3-working-days")
            .And.HaveMatched("resolved-within-2-working-days").And.HaveDeadlineSetBy(DeadlineKind.Resolve, "resolved-within-2-working-days");

    [Fact]
    public void Deadlines_Complaint_FollowUpWithinFiveWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.FollowUp, 5, DeadlineUnit.WorkingDays).And.HaveMatched("follow-up-within-5-working-days");

    [Fact]
    public void Deadlines_Suggestion_NoFollowUp() =>
        Pack.SetDeadlines(A.Complaint().OfKind(ComplaintKind.Suggestion).Classified(Severity.Minor).Build())
            .Should().HaveNoDeadline(DeadlineKind.FollowUp).And.NotHaveMatched("follow-up-within-5-working-days");

    // ---- approval ------------------------------------------------------------------------------------------

    [Fact]
    public void Approval_BeyondDutyManagerAuthority_ToTheManagerInCharge() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Replacement, 200.01m))
            .Should().RequireApprovalSteps("manager").And.HaveMatched("beyond-duty-manager-authority-to-manager-in-charge");

    [Fact]
    public void Approval_WithinDutyManagerAuthority_SettledAtOnce() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Replacement, 200))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("beyond-duty-manager-authority-to-manager-in-charge");

    [Fact]
    public void Approval_AboveManagerLimit_ToTheGeneralManager() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Compensation, 5_000.01m))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("above-manager-limit-to-general-manager");

    [Fact]
    public void Approval_AtManagerLimit_ManagerAlone() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Compensation, 5_000))
            .Should().RequireApprovalSteps("manager").And.NotHaveMatched("above-manager-limit-to-general-manager");

    [Fact]
    public void Approval_MajorComplaint_CompanyCoordinates() =>
        Pack.RequireApproval(A.Complaint().Classified("food-safety", Severity.Major).Build(), A.Remedy(RemedyKind.Replacement))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("major-complaint-company-coordinates");

    // The case: a ¥50 replacement of a dish that smells wrong needs no approval at all (三.1, 三.7).
    [Fact]
    public void Approval_FiftyYuanReplacementOfSuspectFood_WithinDutyManagerAuthority()
    {
        var suspect = A.Complaint().Described(Spoiled).Build();
        var severity = Pack.Classify(suspect);
        var classified = suspect with { Category = severity.Category, Severity = severity.Tier };

        Pack.RequireApproval(classified, A.Remedy(RemedyKind.Replacement, 50)).Should().BeWithinHandlerAuthority();
    }

    [Fact]
    public void Lifecycle_DutyManagerSettlesUpToMajorWithinAuthorityAndTriages()
    {
        Pack.Lifecycle.OnSpotUpTo.Should().Be(Severity.Major);
        Pack.Lifecycle.TriageRoles.Should().Equal("coordinator", "duty-manager", "manager");
        Pack.Lifecycle.EmergencyMeetingTiers.Should().Equal(Severity.Major);
        Pack.Lifecycle.RewardKinds.Should().Equal(ComplaintKind.Report);
        Pack.Lifecycle.PenaltiesConfirmedBy.Should().BeNull();
    }

    [Fact]
    public void Approval_SeriousComplaintReplacement_WithinAuthority() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Replacement))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("major-complaint-company-coordinates");

    // ---- recusal -------------------------------------------------------------------------------------------

    [Fact]
    public void Recusal_TheAccused_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("driver-he", department: "delivery").Build(), An.Actor("driver-he").InDepartment("delivery").Build())
            .Should().BeRecused().And.HaveMatched("is-the-accused");

    [Fact]
    public void Recusal_AccusedsColleague_MayHandleIt() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("driver-he", department: "delivery").Build(), A.Handler("lin", "delivery"))
            .Should().NotBeRecused().And.NotHaveMatched("is-the-accused");

    [Fact]
    public void Recusal_FiledItThemselves_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().FiledByStaff("zhou").Build(), DutyManager)
            .Should().BeRecused().And.HaveMatched("filed-it-themselves");

    [Fact]
    public void Recusal_SomeoneElseFiledIt_MayHandleIt() =>
        Pack.CheckRecusal(A.Complaint().FiledByStaff("lin").Build(), DutyManager)
            .Should().NotBeRecused().And.NotHaveMatched("filed-it-themselves");

    [Fact]
    public void Recusal_DeclaredConflict_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().WithAttribute("declared-conflicts", "lin|zhou").Build(), DutyManager)
            .Should().BeRecused().And.HaveMatched("declared-conflict");

    [Fact]
    public void Recusal_NoDeclaredConflict_MayHandleIt() =>
        Pack.CheckRecusal(A.Complaint().WithAttribute("declared-conflicts", "lin").Build(), DutyManager)
            .Should().NotBeRecused().And.NotHaveMatched("declared-conflict");

    [Fact]
    public void Recusal_SteppedAsideBefore_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("zhou").Build(), DutyManager)
            .Should().BeRecused().And.HaveMatched("stepped-aside-before");

    [Fact]
    public void Recusal_NeverSteppedAside_MayHandleIt() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("lin").Build(), DutyManager)
            .Should().NotBeRecused().And.NotHaveMatched("stepped-aside-before");

    // ---- confidentiality -----------------------------------------------------------------------------------

    [Fact]
    public void Confidentiality_TheAccused_DoesNotSeeWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("driver-he", department: "delivery").Build(), An.Actor("driver-he").InDepartment("delivery").Build())
            .Should().HideIdentity().And.HaveMatched("hidden-from-the-accused");

    [Fact]
    public void Confidentiality_DutyManager_SeesWhoComplained() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("driver-he", department: "delivery").Build(), DutyManager)
            .Should().ShowIdentity().And.NotHaveMatched("hidden-from-the-accused");

    // ---- escalation ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(EscalationTrigger.Requested)]
    [InlineData(EscalationTrigger.DeadlineBreached)]
    public void Escalation_FoodSafety_GeneralManagerWhateverTheTrigger(EscalationTrigger trigger) =>
        Pack.CheckEscalation(A.Complaint().Classified("food-safety", Severity.Major).Build(), trigger)
            .Should().Escalate().And.Notify("general-manager").And.HaveMatched("food-safety-to-general-manager");

    [Fact]
    public void Escalation_SeriousComplaintRequested_ManagerInCharge() =>
        Pack.CheckEscalation(A.Complaint().Classified(Severity.Serious).Build(), EscalationTrigger.Requested)
            .Should().Notify("manager").And.NotHaveMatched("food-safety-to-general-manager");

    [Fact]
    public void Escalation_SecondRejection_GeneralManager() =>
        Pack.CheckEscalation(A.Complaint().Classified(Severity.General).WithRejections(2).Build(), EscalationTrigger.CustomerRejected)
            .Should().Escalate().And.Notify("general-manager").And.HaveMatched("remedies-rejected-to-general-manager");

    [Fact]
    public void Escalation_FirstRejection_StaysAtItsLevel() =>
        Pack.CheckEscalation(A.Complaint().Classified(Severity.General).WithRejections(1).Build(), EscalationTrigger.CustomerRejected)
            .Should().NotEscalate().And.NotHaveMatched("remedies-rejected-to-general-manager");

    [Fact]
    public void Escalation_Requested_ManagerInCharge() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("requested-to-manager-in-charge");

    [Fact]
    public void Escalation_LateReply_IsNotARequest() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().NotHaveMatched("requested-to-manager-in-charge");

    [Fact]
    public void Escalation_LateReply_ManagerInCharge() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("reply-late-to-manager-in-charge");

    [Fact]
    public void Escalation_Request_IsNotALateReply() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().NotHaveMatched("reply-late-to-manager-in-charge");

    // ---- rewards (the food-service pack has none) ----------------------------------------------------------

    [Fact]
    public void Reward_SubstantiatedReport_NoRewardsInFoodService()
    {
        var decision = Pack.DecideReward(A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated, recovered: 5_000).Build());

        decision.Should().GrantNothing().And.BeDecidedBy("food-service");
        decision.Explanation.Rules.Should().BeEmpty();
    }

    // ---- penalties -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Misconduct.LateHandling, SanctionKind.Warning, "late-reply-counts-against-performance")]
    [InlineData(Misconduct.Shirking, SanctionKind.Warning, "shirking-and-passing-the-buck")]
    [InlineData(Misconduct.CausedLoss, SanctionKind.LiabilityForLosses, "compensation-follows-responsibility")]
    public void Penalty_Misconduct_ImposesItsSanction(string misconduct, SanctionKind sanction, string rule) =>
        Pack.AssessPenalty(A.Complaint().Build(), A.Handler("lin", "delivery"), misconduct)
            .Should().Impose(sanction).And.HaveMatched(rule);

    [Theory]
    [InlineData("late-reply-counts-against-performance")]
    [InlineData("shirking-and-passing-the-buck")]
    [InlineData("compensation-follows-responsibility")]
    public void Penalty_IdentityLeak_MatchesNoFoodServiceRule(string rule) =>
        Pack.AssessPenalty(A.Complaint().Build(), A.Handler("lin", "delivery"), Misconduct.IdentityLeak)
            .Should().ImposeNothing().And.NotHaveMatched(rule);

    // ---- guidance ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Spoiled, ComplaintFlags.None, "general")]
    [InlineData(ComplaintBuilder.DefaultDescription, ComplaintFlags.HealthRisk, "general")]
    [InlineData(ComplaintBuilder.DefaultDescription, ComplaintFlags.None, "food-safety")]
    public void Guidance_AbnormalFood_ProductHold(string description, ComplaintFlags flags, string category) =>
        Pack.AdviseHandling(A.Complaint().Described(description).Flagged(flags).Classified(category, Severity.Major).Build())
            .Should().Advise("Product hold").And.Advise("同类食品").And.Advise("PlaceHold").And.Advise("ReleaseHold").And.HaveMatched("product-hold-for-abnormal-food");

    [Fact]
    public void Guidance_WiltedFood_NoProductHold() =>
        Pack.AdviseHandling(A.Complaint().Described("The lettuce was wilted when it arrived.").Classified("food-quality", Severity.General).Build())
            .Should().NotHaveMatched("product-hold-for-abnormal-food");

    [Theory]
    [InlineData("duty-manager-settles-or-passes-up", "settle at once what is within your authority")]
    [InlineData("taking-the-complaint-feelings-first", "feelings first")]
    [InlineData("accepting-listen-and-record", "record it in detail")]
    [InlineData("explaining-no-argument", "never argue")]
    [InlineData("follow-up-and-tell-the-result", "tell the customer the result")]
    public void Guidance_AnyCase_StandingAdvice(string rule, string advice) =>
        Pack.AdviseHandling(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().Advise(advice).And.HaveMatched(rule);

    [Fact]
    public void Guidance_Misunderstanding_ExplainTactfully() =>
        Pack.AdviseHandling(A.Complaint().WithFindings(FindingOutcome.NotSubstantiated, RootCause.CustomerMisunderstanding).Build())
            .Should().Advise("explain tactfully").And.HaveMatched("misunderstanding-explain-tactfully");

    [Fact]
    public void Guidance_ProcessGap_NotAMisunderstanding() =>
        Pack.AdviseHandling(A.Complaint().WithFindings(FindingOutcome.Substantiated, RootCause.ProcessGap).Build())
            .Should().NotHaveMatched("misunderstanding-explain-tactfully");

    [Fact]
    public void Guidance_Claim_CompensationFollowsResponsibility() =>
        Pack.AdviseHandling(A.Complaint().Claiming(0.01m).Build())
            .Should().Advise("borne by whoever is responsible").And.HaveMatched("compensation-follows-responsibility");

    [Fact]
    public void Guidance_NoClaim_NoCompensationAdvice() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().NotHaveMatched("compensation-follows-responsibility");

    [Fact]
    public void Guidance_Recurring_ToTheAnalysis() =>
        Pack.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.Repeated).Build())
            .Should().Advise("periodic classification and analysis").And.HaveMatched("recurring-issue-to-analysis");

    [Fact]
    public void Guidance_FirstTime_NoAnalysis() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().NotHaveMatched("recurring-issue-to-analysis");

    // ---- through the workflow ------------------------------------------------------------------------------

    [Fact]
    public async Task Workflow_SpoiledChickenOnThe24HourLine_SeriousWithAnHourToAcknowledge()
    {
        var harness = ComplaintsHarness.ForPack("food-service");
        var id = (await harness.ReceiveAsync(A.Complaint().Via(Channel.Hotline).Described(Spoiled), DutyManager)).Complaint.Id;

        await harness.TriageAsync(id, A.Coordinator("wu", "customer-service"));

        (await harness.LastDecisionAsync<SeverityDecision>(id)).Should().HaveCategory("food-safety").And.HaveTier(Severity.Serious);
        (await harness.LastDecisionAsync<RoutingDecision>(id)).Should().RouteTo("quality-control").And.BeHandledBy("manager");
        (await harness.LastDecisionAsync<DeadlineDecision>(id)).Should().HaveDeadline(DeadlineKind.Acknowledge, 1, DeadlineUnit.Hours);
    }
}
