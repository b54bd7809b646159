using Complaints.Policy;
using Complaints.Testing;

namespace Complaints.Rules.Tests.Packs;

/// <summary>Every rule of the tobacco-retail pack, firing and not firing on a nearby case.</summary>
public sealed class TobaccoRetailPackTests
{
    private const string Office = "internal-management-office";

    private static readonly PolicyPack Pack = PolicyPacks.LoadBuiltIn("tobacco-retail");

    private static readonly Actor Supervisor = An.Actor("du").WithRoles("supervisor").InDepartment(Office).Build();

    // ---- admissibility -------------------------------------------------------------------------------------

    [Fact]
    public void Admissibility_CriminalCaseUnderInvestigation_RedirectsToTheJudiciary() =>
        Pack.DecideAdmissibility(A.Complaint().OfKind(ComplaintKind.Report).WithAttribute("criminal-investigation").Build())
            .Should().BeRedirectedTo("the judicial authorities").And.HaveMatched("criminal-case-under-investigation").And.BeDecidedBy("tobacco-retail", "1.0.0");

    [Fact]
    public void Admissibility_NoCriminalCase_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().OfKind(ComplaintKind.Report).Build())
            .Should().BeAccepted().And.NotHaveMatched("criminal-case-under-investigation");

    [Fact]
    public void Admissibility_OutsideTheRegulation_RedirectsToTheBodyResponsible() =>
        Pack.DecideAdmissibility(A.Complaint().WithAttribute("outside-remit").Build())
            .Should().BeRedirectedTo("the body responsible").And.HaveMatched("outside-the-regulations-scope");

    [Fact]
    public void Admissibility_WithinTheRegulation_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Build())
            .Should().BeAccepted().And.NotHaveMatched("outside-the-regulations-scope");

    [Fact]
    public void Admissibility_NoConcreteFacts_RejectsAndAsksForDetails() =>
        Pack.DecideAdmissibility(A.Complaint().Described("Corrupt!").Build())
            .Should().BeRejected().And.HaveMatched("no-concrete-facts-ask-for-details");

    [Fact]
    public void Admissibility_TenCharacters_Accepts() =>
        Pack.DecideAdmissibility(A.Complaint().Described("He took 50").Build())
            .Should().BeAccepted().And.NotHaveMatched("no-concrete-facts-ask-for-details");

    // ---- severity: categories ------------------------------------------------------------------------------

    [Theory]
    [InlineData("He retaliated against me after my last complaint.", "retaliation", "category-retaliation")]
    [InlineData("The customer manager asked for a red envelope.", "bribery", "category-bribery")]
    [InlineData("The inspector demanded money to renew my licence.", "extortion", "category-extortion")]
    [InlineData("The manager embezzled the rebate fund.", "self-dealing", "category-self-dealing")]
    [InlineData("The area head abused his power over the allocation.", "abuse-of-power", "category-abuse-of-power")]
    [InlineData("The customer manager swore at me in my own shop.", "insult-or-discrimination", "category-insult-or-discrimination")]
    [InlineData("The company has my wages withheld since March.", "withheld-pay", "category-withheld-pay")]
    [InlineData("The office refused to accept my application.", "obstruction", "category-obstruction")]
    [InlineData("The customer manager was rude on the phone.", "service-attitude", "category-service-attitude")]
    [InlineData("The cigarettes were delivered to the wrong shop.", "delivery", "category-delivery")]
    [InlineData("They added an extra fee to my order.", "overcharging", "category-overcharging-complaint")]
    public void Severity_WordsWithoutCategory_GiveTheCategory(string description, string category, string rule) =>
        Pack.Classify(A.Complaint().Described(description).Build())
            .Should().HaveCategory(category).And.HaveMatched(rule);

    [Theory]
    [InlineData("He retaliated against me after my last complaint.", "category-retaliation")]
    [InlineData("The customer manager asked for a red envelope.", "category-bribery")]
    [InlineData("The inspector demanded money to renew my licence.", "category-extortion")]
    [InlineData("The manager embezzled the rebate fund.", "category-self-dealing")]
    [InlineData("The area head abused his power over the allocation.", "category-abuse-of-power")]
    [InlineData("The customer manager swore at me in my own shop.", "category-insult-or-discrimination")]
    [InlineData("The company has my wages withheld since March.", "category-withheld-pay")]
    [InlineData("The office refused to accept my application.", "category-obstruction")]
    [InlineData("The customer manager was rude on the phone.", "category-service-attitude")]
    [InlineData("The cigarettes were delivered to the wrong shop.", "category-delivery")]
    [InlineData("They added an extra fee to my order.", "category-overcharging-complaint")]
    public void Severity_SameWordsWithReceiversCategory_KeepIt(string description, string rule) =>
        Pack.Classify(A.Complaint().Described(description).InCategory("other-rights").Build())
            .Should().HaveCategory("other-rights").And.NotHaveMatched(rule);

    [Fact]
    public void Severity_ExtraFeeReported_IsIllegalFees() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Report).Described("They added an extra fee to every retailer's order.").Build())
            .Should().HaveCategory("illegal-fees").And.HaveMatched("category-illegal-fees-report");

    [Fact]
    public void Severity_ExtraFeeComplained_IsOvercharging() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Complaint).Described("They added an extra fee to every retailer's order.").Build())
            .Should().HaveCategory("overcharging").And.NotHaveMatched("category-illegal-fees-report");

    // ---- severity: tiers -----------------------------------------------------------------------------------

    [Fact]
    public void Severity_Suggestion_IsMinor() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Suggestion).Build())
            .Should().HaveCategory("suggestion").And.HaveTier(Severity.Minor).And.HaveMatched("suggestion-is-minor");

    [Fact]
    public void Severity_Report_IsNotASuggestion() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Report).Build())
            .Should().NotHaveMatched("suggestion-is-minor");

    [Fact]
    public void Severity_AmountOfMajorAmount_IsMajor() =>
        Pack.Classify(A.Complaint().Claiming(100_000).Build())
            .Should().HaveTier(Severity.Major).And.HaveMatched("very-large-amount-is-major");

    [Fact]
    public void Severity_AmountJustBelowMajorAmount_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(99_999.99m).Build())
            .Should().HaveTier(Severity.Serious).And.NotHaveMatched("very-large-amount-is-major");

    [Theory]
    [InlineData("retaliation", ComplaintBuilder.DefaultDescription)]
    [InlineData("other-rights", "My quota was cut in retaliation for my report.")]
    public void Severity_Retaliation_IsSerious(string category, string description) =>
        Pack.Classify(A.Complaint().InCategory(category).Described(description).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("retaliation-is-serious");

    [Fact]
    public void Severity_NoRetaliation_IsGeneral() =>
        Pack.Classify(A.Complaint().InCategory("obstruction").Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("retaliation-is-serious");

    [Theory]
    [InlineData("bribery", ComplaintBuilder.DefaultDescription)]
    [InlineData("false-figures", ComplaintBuilder.DefaultDescription)]
    [InlineData(null, "The customer manager takes kickbacks from wholesalers.")]
    public void Severity_CorruptionReport_IsSerious(string? category, string description)
    {
        var complaint = A.Complaint().OfKind(ComplaintKind.Report).Described(description);
        if (category is not null)
        {
            complaint.InCategory(category);
        }

        Pack.Classify(complaint.Build()).Should().HaveTier(Severity.Serious).And.HaveMatched("corruption-report-is-serious");
    }

    [Fact]
    public void Severity_CorruptionComplaintNotReport_IsGeneral() =>
        Pack.Classify(A.Complaint().OfKind(ComplaintKind.Complaint).InCategory("bribery").Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("corruption-report-is-serious");

    [Fact]
    public void Severity_AmountOfSeriousAmount_IsSerious() =>
        Pack.Classify(A.Complaint().Claiming(10_000).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("large-amount-is-serious");

    [Fact]
    public void Severity_AmountJustBelowSeriousAmount_IsGeneral() =>
        Pack.Classify(A.Complaint().Claiming(9_999.99m).Build())
            .Should().HaveTier(Severity.General).And.NotHaveMatched("large-amount-is-serious");

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
    public void Severity_SeveralDepartments_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.MultipleDepartments).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("several-departments-is-serious");

    [Fact]
    public void Severity_OneDepartment_IsGeneral() =>
        Pack.Classify(A.Complaint().AboutService("Delivery", department: "logistics").Build())
            .Should().NotHaveMatched("several-departments-is-serious");

    [Fact]
    public void Severity_Repeated_IsSerious() =>
        Pack.Classify(A.Complaint().Flagged(ComplaintFlags.Repeated).Build())
            .Should().HaveTier(Severity.Serious).And.HaveMatched("repeated-complaint-is-serious");

    [Fact]
    public void Severity_FirstTime_IsGeneral() =>
        Pack.Classify(A.Complaint().Build())
            .Should().NotHaveMatched("repeated-complaint-is-serious");

    // ---- routing -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Severity.Serious)]
    [InlineData(Severity.Major)]
    public void Routing_SeriousCase_InvestigationTeamUnderTheDepartmentHead(Severity tier) =>
        Pack.Route(A.Complaint().Classified("bribery", tier).Build())
            .Should().RouteTo(Office).And.BeHandledBy("manager").And.HaveMatched("serious-case-to-an-investigation-team");

    [Fact]
    public void Routing_GeneralCase_ASupervisor() =>
        Pack.Route(A.Complaint().Classified("delivery", Severity.General).AboutService("Delivery", department: "logistics").Build())
            .Should().RouteTo(Office).And.BeHandledBy("supervisor").And.NotHaveMatched("serious-case-to-an-investigation-team")
            .And.HaveMatched("complaints-and-reports-to-a-supervisor");

    // ---- deadlines -----------------------------------------------------------------------------------------

    [Fact]
    public void Deadlines_AnyCase_RegisteredWithTheHeadWithinTwoWorkingDays() =>
        Pack.SetDeadlines(A.Complaint().Classified(Severity.General).Build())
            .Should().HaveDeadline(DeadlineKind.Acknowledge, 2, DeadlineUnit.WorkingDays).And.HaveMatched("registration-form-to-head-within-2-working-days");

    [Fact]
    public void Deadlines_CommissionedInvestigation_ReportsWithinFifteenDaysOfTheAssignment()
    {
        var decision = Pack.SetDeadlines(A.Complaint().WithAttribute("commissioned").Build());

        decision.Should().HaveDeadline(DeadlineKind.Propose, 15, DeadlineUnit.CalendarDays).And.HaveMatched("commissioned-investigation-reports-within-15-days");
        decision.Deadlines.Single(d => d.Kind == DeadlineKind.Propose).StartsAt.Should().Be(ClockStart.Assigned, "art. 17 counts from the commission");
    }

    [Fact]
    public void Deadlines_OwnInvestigation_NoProposeDeadline() =>
        Pack.SetDeadlines(A.Complaint().Build())
            .Should().HaveNoDeadline(DeadlineKind.Propose).And.NotHaveMatched("commissioned-investigation-reports-within-15-days");

    [Fact]
    public void Deadlines_AnyCase_DecidedWithinThirtyDaysExtendableToSixty()
    {
        var decision = Pack.SetDeadlines(A.Complaint().Classified(Severity.Major).Build());

        decision.Should().HaveDeadline(DeadlineKind.Resolve, 30, DeadlineUnit.CalendarDays).And.HaveMatched("investigate-and-decide-within-30-days");
        decision.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve)
            .Should().BeEquivalentTo(new { WarnAtShare = 0.8m, ExtendableTo = 60, ExtensionApprovedBy = "manager" });
    }

    [Fact]
    public void Deadlines_AnyCase_WrittenResultWithinFiveDaysOfTheHandlingsCompletion()
    {
        var decision = Pack.SetDeadlines(A.Complaint().OfKind(ComplaintKind.Report).Build());

        decision.Should().HaveDeadline(DeadlineKind.NotifyResult, 5, DeadlineUnit.CalendarDays).And.HaveMatched("written-result-within-5-days-of-completion")
            .And.HaveNoDeadline(DeadlineKind.FollowUp);
        decision.Deadlines.Single(d => d.Kind == DeadlineKind.NotifyResult).StartsAt.Should().Be(ClockStart.RemedyApproved, "art. 24 counts from the completion of the handling");
        decision.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).StartsAt.Should().Be(ClockStart.Received, "art. 16 counts the 30 days from receipt");
    }

    // ---- approval ------------------------------------------------------------------------------------------

    [Fact]
    public void Approval_AboveSupervisorLimit_RequiresDepartmentHead() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 1_000.01m))
            .Should().RequireApprovalSteps("manager").And.HaveMatched("above-supervisor-limit-needs-department-head");

    [Fact]
    public void Approval_AtSupervisorLimit_WithinHandlerAuthority() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 1_000))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("above-supervisor-limit-needs-department-head");

    [Fact]
    public void Approval_AboveDepartmentHeadLimit_RequiresLeadership() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Compensation, 10_000.01m))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("above-department-head-limit-needs-leadership");

    [Fact]
    public void Approval_AtDepartmentHeadLimit_DepartmentHeadAlone() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Compensation, 10_000))
            .Should().RequireApprovalSteps("manager").And.NotHaveMatched("above-department-head-limit-needs-leadership");

    [Fact]
    public void Approval_SeriousCase_DepartmentHeadThenLeadership() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.Serious).Build(), A.Remedy(RemedyKind.Apology))
            .Should().RequireApprovalSteps("manager", "general-manager").And.HaveMatched("serious-case-decision-approved-by-leadership");

    [Fact]
    public void Approval_GeneralCaseApology_WithinHandlerAuthority() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Apology))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("serious-case-decision-approved-by-leadership");

    [Fact]
    public void Approval_CorrectiveAction_LeadershipAlone() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.CorrectiveAction))
            .Should().RequireApprovalSteps("general-manager").And.HaveMatched("management-corrective-action-approved-by-leadership");

    [Fact]
    public void Approval_Explanation_IsNotACorrectiveAction() =>
        Pack.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Explanation))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("management-corrective-action-approved-by-leadership");

    // ---- recusal -------------------------------------------------------------------------------------------

    [Fact]
    public void Recusal_TheReported_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("wang", department: "sales").Build(), An.Actor("wang").InDepartment("sales").Build())
            .Should().BeRecused().And.HaveMatched("is-the-accused");

    [Fact]
    public void Recusal_OfficeSupervisor_MayInvestigate() =>
        Pack.CheckRecusal(A.Complaint().AboutStaff("wang", department: "sales").Build(), Supervisor)
            .Should().NotBeRecused().And.NotHaveMatched("is-the-accused").And.NotHaveMatched("in-the-accused-unit");

    [Fact]
    public void Recusal_InTheReportedUnit_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().AboutDepartment("logistics").Build(), A.Manager("gao", "logistics"))
            .Should().BeRecused().And.HaveMatched("in-the-accused-unit");

    [Fact]
    public void Recusal_FiledItThemselves_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().OfKind(ComplaintKind.Report).FiledByStaff("du").Build(), Supervisor)
            .Should().BeRecused().And.HaveMatched("filed-it-themselves");

    [Fact]
    public void Recusal_SomeoneElseFiledIt_MayInvestigate() =>
        Pack.CheckRecusal(A.Complaint().OfKind(ComplaintKind.Report).FiledByStaff("sun").Build(), Supervisor)
            .Should().NotBeRecused().And.NotHaveMatched("filed-it-themselves");

    [Fact]
    public void Recusal_DeclaredConflict_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().WithAttribute("declared-conflicts", "du").Build(), Supervisor)
            .Should().BeRecused().And.HaveMatched("declared-conflict");

    [Fact]
    public void Recusal_ConflictDeclaredForSomeoneElse_MayInvestigate() =>
        Pack.CheckRecusal(A.Complaint().WithAttribute("declared-conflicts", "dun|du-2").Build(), Supervisor)
            .Should().NotBeRecused().And.NotHaveMatched("declared-conflict");

    [Fact]
    public void Recusal_SteppedAsideBefore_MustRecuse() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("du").Build(), Supervisor)
            .Should().BeRecused().And.HaveMatched("stepped-aside-before");

    [Fact]
    public void Recusal_NeverSteppedAside_MayInvestigate() =>
        Pack.CheckRecusal(A.Complaint().WithRecusal("sun").Build(), Supervisor)
            .Should().NotBeRecused().And.NotHaveMatched("stepped-aside-before");

    // ---- confidentiality -----------------------------------------------------------------------------------

    [Fact]
    public void Confidentiality_TheReported_NeverSeesTheReporter() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("wang", department: "sales").Build(), An.Actor("wang").InDepartment("sales").Build())
            .Should().HideIdentity().And.HaveMatched("never-to-the-accused");

    [Fact]
    public void Confidentiality_OfficeSupervisor_SeesTheReporter() =>
        Pack.CheckConfidentiality(A.Complaint().AboutStaff("wang", department: "sales").Build(), Supervisor)
            .Should().ShowIdentity().And.NotHaveMatched("never-to-the-accused").And.NotHaveMatched("never-to-the-unit-investigated")
            .And.NotHaveMatched("only-to-those-investigating-or-answering");

    [Fact]
    public void Confidentiality_UnitInvestigated_NeverSeesTheReporter() =>
        Pack.CheckConfidentiality(A.Complaint().AboutService("Delivery", department: "logistics").Build(), A.Manager("gao", "logistics"))
            .Should().HideIdentity().And.HaveMatched("never-to-the-unit-investigated");

    [Fact]
    public void Confidentiality_AssignedInvestigatorFromAnotherUnit_SeesTheReporter() =>
        Pack.CheckConfidentiality(A.Complaint().AboutService("Delivery", department: "logistics").AssignedTo(A.Handler("ma", "finance")).Build(), A.Handler("ma", "finance"))
            .Should().ShowIdentity().And.NotHaveMatched("never-to-the-unit-investigated").And.NotHaveMatched("only-to-those-investigating-or-answering");

    [Theory]
    [InlineData("general-manager", null)]
    [InlineData("manager", "finance")]
    public void Confidentiality_NeitherInvestigatingNorAnswering_DoesNotSeeTheReporter(string role, string? department)
    {
        var reader = An.Actor("boss").WithRoles(role);
        if (department is not null)
        {
            reader.InDepartment(department);
        }

        Pack.CheckConfidentiality(A.Complaint().Build(), reader.Build())
            .Should().HideIdentity().And.HaveMatched("only-to-those-investigating-or-answering");
    }

    [Fact]
    public void Confidentiality_Receiver_SeesTheReporter() =>
        Pack.CheckConfidentiality(A.Complaint().ReceivedBy(A.Receiver()).Build(), A.Receiver())
            .Should().ShowIdentity().And.NotHaveMatched("only-to-those-investigating-or-answering");

    [Fact]
    public void Confidentiality_Auditor_SeesTheReporter() =>
        Pack.CheckConfidentiality(A.Complaint().Build(), An.Actor("aud").WithRoles("auditor").Build())
            .Should().ShowIdentity().And.NotHaveMatched("only-to-those-investigating-or-answering");

    // ---- escalation ----------------------------------------------------------------------------------------

    [Fact]
    public void Escalation_CustomerStillDissatisfied_ToSeniorManagement() =>
        Pack.CheckEscalation(A.Complaint().WithRejections(1).Build(), EscalationTrigger.CustomerRejected)
            .Should().Escalate().And.Notify("general-manager").And.HaveMatched("dissatisfied-with-result-to-senior-management");

    [Fact]
    public void Escalation_RequestAfterARejection_IsNotDissatisfaction() =>
        Pack.CheckEscalation(A.Complaint().WithRejections(1).Build(), EscalationTrigger.Requested)
            .Should().Notify("manager").And.NotHaveMatched("dissatisfied-with-result-to-senior-management");

    [Fact]
    public void Escalation_Requested_ToTheDepartmentHead() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("escalation-requested-to-department-head");

    [Fact]
    public void Escalation_Breach_IsNotARequest() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().NotHaveMatched("escalation-requested-to-department-head");

    [Fact]
    public void Escalation_TimeLimitBreached_ToTheDepartmentHead() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.DeadlineBreached)
            .Should().Escalate().And.Notify("manager").And.HaveMatched("time-limit-breached-to-department-head");

    [Fact]
    public void Escalation_Request_IsNotABreach() =>
        Pack.CheckEscalation(A.Complaint().Build(), EscalationTrigger.Requested)
            .Should().NotHaveMatched("time-limit-breached-to-department-head");

    // ---- rewards -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("illegal-fees", FindingOutcome.Substantiated)]
    [InlineData("overcharging", FindingOutcome.PartlySubstantiated)]
    public void Reward_FoundedIllegalFeeReport_TwentyToFiftyPercentOfTheFine(string category, FindingOutcome outcome) =>
        Pack.DecideReward(Report(category, Severity.General).WithFindings(outcome, fine: 1_000).Build())
            .Should().GrantBetween(200, 500).And.NeedConsentForPublicity().And.HaveMatched("illegal-fee-report-20-to-50-percent-of-fine");

    [Fact]
    public void Reward_FinedBriberyReport_IsNotAnIllegalFeeReport() =>
        Pack.DecideReward(Report("bribery", Severity.General).WithFindings(FindingOutcome.Substantiated, fine: 1_000).Build())
            .Should().GrantBetween(100, 200).And.NotHaveMatched("illegal-fee-report-20-to-50-percent-of-fine");

    [Fact]
    public void Reward_ValueRecovered_TenToTwentyPercentOfIt() =>
        Pack.DecideReward(Report("bribery", Severity.Serious).WithFindings(FindingOutcome.Substantiated, fine: 1_000, recovered: 10_000).Build())
            .Should().GrantBetween(1_000, 2_000).And.HaveMatched("other-report-10-to-20-percent-of-value-recovered");

    [Fact]
    public void Reward_NothingRecovered_NotByValueRecovered() =>
        Pack.DecideReward(Report("bribery", Severity.General).WithFindings(FindingOutcome.Substantiated, fine: 1_000).Build())
            .Should().NotHaveMatched("other-report-10-to-20-percent-of-value-recovered");

    [Fact]
    public void Reward_OnlyAFine_TenToTwentyPercentOfIt() =>
        Pack.DecideReward(Report("bribery", Severity.General).WithFindings(FindingOutcome.Substantiated, fine: 1_000).Build())
            .Should().GrantBetween(100, 200).And.HaveMatched("other-report-10-to-20-percent-of-fine");

    [Fact]
    public void Reward_NoFine_NotByTheFine() =>
        Pack.DecideReward(Report("bribery", Severity.General).WithFindings(FindingOutcome.Substantiated).Build())
            .Should().NotHaveMatched("other-report-10-to-20-percent-of-fine");

    [Fact]
    public void Reward_SeriousCaseNothingFinedOrRecovered_FiveHundredToTwoThousand() =>
        Pack.DecideReward(Report("bribery", Severity.Serious).WithFindings(FindingOutcome.PartlySubstantiated).Build())
            .Should().GrantBetween(500, 2_000).And.HaveMatched("serious-case-nothing-recovered-or-fined-by-seriousness");

    [Fact]
    public void Reward_GeneralCaseNothingFinedOrRecovered_NotTheSeriousScale() =>
        Pack.DecideReward(Report("bribery", Severity.General).WithFindings(FindingOutcome.Substantiated).Build())
            .Should().NotHaveMatched("serious-case-nothing-recovered-or-fined-by-seriousness");

    [Fact]
    public void Reward_GeneralCaseNothingFinedOrRecovered_OneHundredToFiveHundred() =>
        Pack.DecideReward(Report("bribery", Severity.General).WithFindings(FindingOutcome.Substantiated).Build())
            .Should().GrantBetween(100, 500).And.HaveMatched("nothing-recovered-or-fined-by-seriousness");

    [Fact]
    public void Reward_UnfoundedReport_GrantsNothing() =>
        Pack.DecideReward(Report("bribery", Severity.Serious).WithFindings(FindingOutcome.NotSubstantiated, fine: 1_000, recovered: 10_000).Build())
            .Should().GrantNothing().And.NotHaveMatched("nothing-recovered-or-fined-by-seriousness")
            .And.NotHaveMatched("illegal-fee-report-20-to-50-percent-of-fine").And.NotHaveMatched("other-report-10-to-20-percent-of-value-recovered");

    // ---- penalties -----------------------------------------------------------------------------------------

    [Fact]
    public void Penalty_LateAndNotToldWhy_WarningHundredAndLiability() =>
        Pack.AssessPenalty(Late(extensionReason: null), Supervisor, Misconduct.LateHandling)
            .Should().Impose(SanctionKind.Warning).And.Impose(SanctionKind.Fine, 100).And.Impose(SanctionKind.LiabilityForLosses)
            .And.HaveMatched("late-and-not-told-why-warning-and-100");

    // 第三十条: late *and* the reporter not told why. An extension with a reason given to the reporter (第十六条) is telling them.
    [Fact]
    public void Penalty_LateButToldWhy_NoSanction() =>
        Pack.AssessPenalty(Late(extensionReason: "The case involves three depots; we need until the 60th day."), Supervisor, Misconduct.LateHandling)
            .Should().ImposeNothing().And.NotHaveMatched("late-and-not-told-why-warning-and-100");

    [Fact]
    public void Lifecycle_RewardsComplainantsAndReportersAndLeadershipConfirmsPenalties()
    {
        Pack.Lifecycle.RewardKinds.Should().Equal(ComplaintKind.Complaint, ComplaintKind.Report);
        Pack.Lifecycle.PenaltiesConfirmedBy.Should().Be("general-manager");
        Pack.Lifecycle.TriageRoles.Should().Equal("coordinator", "supervisor", "manager");
        Pack.Lifecycle.OnSpotUpTo.Should().Be(Severity.General);
    }

    // 第二十八条 rewards 投诉、举报人: an overcharging *complaint* with a fine earns 20–50 % of it, as a report does.
    [Fact]
    public void Reward_FinedOverchargingComplaint_TwentyToFiftyPercentOfTheFine() =>
        Pack.DecideReward(A.Complaint().OfKind(ComplaintKind.Complaint).Classified("overcharging", Severity.General).WithFindings(FindingOutcome.Substantiated, fine: 1_000).Build())
            .Should().GrantBetween(200, 500).And.HaveMatched("illegal-fee-report-20-to-50-percent-of-fine");

    private static Complaint Late(string? extensionReason)
    {
        var due = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        return A.Complaint().OfKind(ComplaintKind.Report).Build() with
        {
            Deadlines = [new Deadline(DeadlineKind.Resolve, due, "investigate-and-decide-within-30-days", "cn") { BreachedAt = due, ExtensionReason = extensionReason }],
        };
    }

    [Theory]
    [InlineData(Misconduct.MaliciousAccusation, "malicious-accusation-demerit-and-200")]
    [InlineData(Misconduct.IdentityLeak, "identity-leak-demerit-and-200")]
    [InlineData(Misconduct.Obstruction, "hiding-delaying-or-obstructing-demerit-and-200")]
    public void Penalty_AccusationLeakOrObstruction_DemeritTwoHundredAndLiability(string misconduct, string rule) =>
        Pack.AssessPenalty(A.Complaint().Build(), Supervisor, misconduct)
            .Should().Impose(SanctionKind.Demerit).And.Impose(SanctionKind.Fine, 200).And.Impose(SanctionKind.LiabilityForLosses).And.HaveMatched(rule);

    [Fact]
    public void Penalty_MinorRetaliation_DemeritAndFiveHundred() =>
        Pack.AssessPenalty(A.Complaint().Build(), Supervisor, Misconduct.RetaliationMinor)
            .Should().Impose(SanctionKind.Demerit).And.Impose(SanctionKind.Fine, 500).And.HaveMatched("minor-retaliation-demerit-and-500");

    [Fact]
    public void Penalty_SeriousRetaliation_DismissalAndReferral() =>
        Pack.AssessPenalty(A.Complaint().Build(), Supervisor, Misconduct.RetaliationSerious)
            .Should().Impose(SanctionKind.Dismissal).And.Impose(SanctionKind.Referral).And.HaveMatched("serious-retaliation-dismissal-and-referral");

    [Fact]
    public void Penalty_DepartmentMisconduct_HeadWarned() =>
        Pack.AssessPenalty(A.Complaint().Build(), A.Manager("gao", "logistics"), "department-misconduct")
            .Should().Impose(SanctionKind.Warning).And.HaveMatched("department-head-answers-for-the-department");

    [Theory]
    [InlineData("late-and-not-told-why-warning-and-100")]
    [InlineData("malicious-accusation-demerit-and-200")]
    [InlineData("identity-leak-demerit-and-200")]
    [InlineData("hiding-delaying-or-obstructing-demerit-and-200")]
    [InlineData("minor-retaliation-demerit-and-500")]
    [InlineData("serious-retaliation-dismissal-and-referral")]
    [InlineData("department-head-answers-for-the-department")]
    public void Penalty_Shirking_MatchesNoTobaccoRule(string rule) =>
        Pack.AssessPenalty(A.Complaint().Build(), Supervisor, Misconduct.Shirking)
            .Should().ImposeNothing().And.NotHaveMatched(rule);

    // ---- guidance ------------------------------------------------------------------------------------------

    [Fact]
    public void Guidance_AnyCase_TreatTheComplaintAsAGift() =>
        Pack.AdviseHandling(A.Complaint().Anonymous().Via(Channel.SuggestionBox).Build())
            .Should().Advise("as a gift").And.HaveMatched("treat-complaints-as-a-gift");

    [Theory]
    [InlineData(Channel.Letter)]
    [InlineData(Channel.Email)]
    [InlineData(Channel.OnlineForm)]
    public void Guidance_SignedWrittenComplaint_ConfirmReceiptConfidentially(Channel channel) =>
        Pack.AdviseHandling(A.Complaint().Via(channel).Build())
            .Should().Advise("confirm receipt").And.HaveMatched("confirm-written-receipt-confidentially");

    [Theory]
    [InlineData(true, Channel.Letter)]
    [InlineData(false, Channel.Chat)]
    public void Guidance_AnonymousLetterOrSignedChat_NoWrittenReceipt(bool anonymous, Channel channel)
    {
        var complaint = A.Complaint().Via(channel);
        if (anonymous)
        {
            complaint.Anonymous();
        }

        Pack.AdviseHandling(complaint.Build()).Should().NotHaveMatched("confirm-written-receipt-confidentially");
    }

    [Theory]
    [InlineData(Channel.WalkIn)]
    [InlineData(Channel.OnSite)]
    [InlineData(Channel.Phone)]
    [InlineData(Channel.Hotline)]
    public void Guidance_OralComplaint_TranscriptSigned(Channel channel) =>
        Pack.AdviseHandling(A.Complaint().Via(channel).Build())
            .Should().Advise("careful transcript").And.HaveMatched("oral-report-transcript-signed");

    [Fact]
    public void Guidance_WrittenComplaint_NoTranscript() =>
        Pack.AdviseHandling(A.Complaint().Via(Channel.Letter).Build())
            .Should().NotHaveMatched("oral-report-transcript-signed");

    [Fact]
    public void Guidance_Anonymous_StillInvestigated() =>
        Pack.AdviseHandling(A.Complaint().Anonymous().Build())
            .Should().Advise("must still be investigated").And.HaveMatched("anonymous-still-investigated");

    [Fact]
    public void Guidance_Named_NotAnonymousAdvice() =>
        Pack.AdviseHandling(A.Complaint().Build())
            .Should().NotHaveMatched("anonymous-still-investigated");

    [Fact]
    public void Guidance_StaffAccused_HearTheirSide() =>
        Pack.AdviseHandling(A.Complaint().AboutStaff("wang", department: "sales").Build())
            .Should().Advise("申辩").And.HaveMatched("hear-the-accused");

    [Fact]
    public void Guidance_ProductComplaint_NoOneToHear() =>
        Pack.AdviseHandling(A.Complaint().AboutProduct("Cigarettes").Build())
            .Should().NotHaveMatched("hear-the-accused");

    [Fact]
    public void Guidance_SeriousCase_ExplainAnyExtension() =>
        Pack.AdviseHandling(A.Complaint().Classified(Severity.Serious).Build())
            .Should().Advise("60 days at most").And.HaveMatched("complex-case-explain-extension");

    [Fact]
    public void Guidance_GeneralCase_NoExtensionAdvice() =>
        Pack.AdviseHandling(A.Complaint().Classified(Severity.General).Build())
            .Should().NotHaveMatched("complex-case-explain-extension");

    [Fact]
    public void Guidance_Unfounded_ClearTheAccused() =>
        Pack.AdviseHandling(A.Complaint().WithFindings(FindingOutcome.NotSubstantiated).Build())
            .Should().Advise("clear the accused's name").And.HaveMatched("unfounded-clear-the-accused");

    [Fact]
    public void Guidance_PartlyFounded_DoNotClearTheAccused() =>
        Pack.AdviseHandling(A.Complaint().WithFindings(FindingOutcome.PartlySubstantiated).Build())
            .Should().NotHaveMatched("unfounded-clear-the-accused");

    [Theory]
    [InlineData("service-attitude")]
    [InlineData("insult-or-discrimination")]
    [InlineData("obstruction")]
    public void Guidance_FoundedAttitudeComplaint_AccusedApologises(string category) =>
        Pack.AdviseHandling(A.Complaint().Classified(category, Severity.General).WithFindings(FindingOutcome.PartlySubstantiated).Build())
            .Should().Advise("the accused apologises").And.HaveMatched("founded-attitude-accused-apologises");

    [Theory]
    [InlineData("service-attitude", FindingOutcome.NotSubstantiated)]
    [InlineData("delivery", FindingOutcome.Substantiated)]
    public void Guidance_UnfoundedOrNotAboutAttitude_NoApology(string category, FindingOutcome outcome) =>
        Pack.AdviseHandling(A.Complaint().Classified(category, Severity.General).WithFindings(outcome).Build())
            .Should().NotHaveMatched("founded-attitude-accused-apologises");

    [Fact]
    public void Guidance_AttitudeBeforeFindings_NoApologyYet() =>
        Pack.AdviseHandling(A.Complaint().Classified("service-attitude", Severity.General).Build())
            .Should().NotHaveMatched("founded-attitude-accused-apologises");

    [Fact]
    public void Guidance_FoundedSerious_PenaltyOrJudicialReferral() =>
        Pack.AdviseHandling(A.Complaint().Classified("bribery", Severity.Serious).WithFindings(FindingOutcome.Substantiated).Build())
            .Should().Advise("judicial authorities").And.HaveMatched("founded-serious-penalty-or-judicial-referral");

    [Fact]
    public void Guidance_FoundedGeneral_NoPenaltyAdvice() =>
        Pack.AdviseHandling(A.Complaint().Classified("bribery", Severity.General).WithFindings(FindingOutcome.Substantiated).Build())
            .Should().NotHaveMatched("founded-serious-penalty-or-judicial-referral");

    [Fact]
    public void Guidance_FoundedReport_AskConsentBeforePublicity() =>
        Pack.AdviseHandling(A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated).Build())
            .Should().Advise("consent before any publicity").And.HaveMatched("reward-needs-consent-for-publicity");

    [Fact]
    public void Guidance_FoundedComplaint_NoRewardAdvice() =>
        Pack.AdviseHandling(A.Complaint().OfKind(ComplaintKind.Complaint).WithFindings(FindingOutcome.Substantiated).Build())
            .Should().NotHaveMatched("reward-needs-consent-for-publicity");

    [Fact]
    public void Guidance_AttitudeComplaintOfNoKnownType_TreatedAsVenting() =>
        Pack.AdviseHandling(A.Complaint().Classified("service-attitude", Severity.General).Build())
            .Should().Advise("apologise sincerely").And.HaveMatched("venting-listen-and-apologise");

    [Fact]
    public void Guidance_AttitudeComplaintOfAnotherType_NotVenting() =>
        Pack.AdviseHandling(A.Complaint().Classified("service-attitude", Severity.General).WithAttribute("complainant-type", "tearful").Build())
            .Should().NotHaveMatched("venting-listen-and-apologise");

    [Theory]
    [InlineData("venting", "venting-listen-and-apologise", "apologise sincerely")]
    [InlineData("respect", "respect-give-attention-and-courtesy", "full attention and courtesy")]
    [InlineData("compensation", "compensation-seeking", "do not over-promise")]
    [InlineData("recognition", "recognition-seeking", "thank them for raising it")]
    [InlineData("self-display", "self-display", "acknowledge their expertise")]
    [InlineData("revenge", "revenge-minded", "keep a full record")]
    public void Guidance_ComplainantType_AdvisesForThatType(string type, string rule, string advice) =>
        Pack.AdviseHandling(A.Complaint().WithAttribute("complainant-type", type).Build())
            .Should().Advise(advice).And.HaveMatched(rule);

    [Theory]
    [InlineData("venting-listen-and-apologise")]
    [InlineData("respect-give-attention-and-courtesy")]
    [InlineData("compensation-seeking")]
    [InlineData("recognition-seeking")]
    [InlineData("self-display")]
    [InlineData("revenge-minded")]
    public void Guidance_UnknownComplainantType_NoTypeAdvice(string rule) =>
        Pack.AdviseHandling(A.Complaint().WithAttribute("complainant-type", "cheerful").Build())
            .Should().NotHaveMatched(rule);

    // ---- through the workflow ------------------------------------------------------------------------------

    [Fact]
    public async Task Workflow_BriberyReport_TriagedAsSeriousToAnInvestigationTeam()
    {
        var harness = ComplaintsHarness.ForPack("tobacco-retail");
        var id = (await harness.ReceiveAsync(A.Complaint().OfKind(ComplaintKind.Report).Anonymous().Via(Channel.Letter)
            .AboutStaff("wang", department: "sales").Described("The customer manager takes kickbacks from wholesalers."))).Complaint.Id;

        await harness.TriageAsync(id, An.Actor("clerk").WithRoles("coordinator").InDepartment(Office).Build());

        (await harness.LastDecisionAsync<SeverityDecision>(id)).Should().HaveCategory("bribery").And.HaveTier(Severity.Serious)
            .And.HaveMatched("corruption-report-is-serious");
        (await harness.LastDecisionAsync<RoutingDecision>(id)).Should().RouteTo(Office).And.BeHandledBy("manager");
    }

    private static ComplaintBuilder Report(string category, Severity tier) =>
        A.Complaint().OfKind(ComplaintKind.Report).Classified(category, tier);
}
