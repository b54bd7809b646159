using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Testing;
using static Complaints.Rules.NRules.Tests.TestRules;

namespace Complaints.Rules.NRules.Tests;

/// <summary>A whole policy in C# rules: each decision point decided by the rules that fire on its request, explained by them.</summary>
public sealed class NRulesPolicyTests
{
    private static readonly NRulesPolicy Policy = NRulesPolicy.Build(o =>
    {
        o.Identity = new PolicyRef("dealer-rules", "2.1.0");
        o.Settings = new PolicySettings { Ladder = ["handler", "manager", "finance-director", "general-manager"], DefaultDepartment = "service" };
        o.Rules(typeof(CourtCaseRejected), typeof(FleetRedirect), typeof(AirbagIsMajor), typeof(LargeClaimIsSerious), typeof(MinorCourtesy),
            typeof(BillingToFinance), typeof(ResolveIn5), typeof(SameDepartmentRecuses), typeof(RefundNeedsFinance), typeof(CompensationNeedsManager),
            typeof(HideFromSubjectDepartment), typeof(BreachEscalates), typeof(RewardOnFine), typeof(LeakIsDismissal), typeof(CourtesyCar), typeof(TellOwnerAtTriage));
    });

    [Fact]
    public void Admissibility_RejectAndRedirect_AreTheRulesOutcomes_AndAcceptedWhenNoneFires()
    {
        Policy.DecideAdmissibility(A.Complaint().WithAttribute("in-court", "Haidian court").Build()).Should().BeRejected().And.HaveMatched("court-case-rejected");
        Policy.DecideAdmissibility(A.Complaint().WithAttribute("fleet").Build()).Should().BeRedirectedTo("the fleet desk");
        Policy.DecideAdmissibility(A.Complaint().Build()).Should().BeAccepted().And.NotHaveMatched("court-case-rejected");
    }

    [Fact]
    public void Severity_HighestTierStatedWins_WithEveryReason_AndTheFirstCategory()
    {
        var decision = Policy.Classify(A.Complaint().Described("The airbag light stays on after the service.").Claiming(20_000).Build());

        decision.Should().HaveTier(Severity.Major).And.HaveCategory("billing").And.HaveMatched("airbag-is-major").And.HaveMatched("large-claim-is-serious");
        decision.Reasons.Should().BeEquivalentTo("airbag fault", "large claim");
    }

    [Fact]
    public void Severity_NoRuleFires_GivesTheSettingsDefaultTier_AndTheReceiversCategory()
    {
        var decision = Policy.Classify(A.Complaint().InCategory("service-attitude").Build());

        decision.Should().HaveTier(Severity.General).And.HaveCategory("service-attitude");
        decision.Reasons.Should().ContainSingle().Which.Should().Contain("no severity rule fired");
        decision.Explanation.Rules.Should().OnlyContain(r => !r.Matched).And.HaveCount(3, "the three severity rules were considered");
    }

    [Fact]
    public void Routing_RouteTo_Decides_ElseTheDefaultDepartment()
    {
        Policy.Route(A.Complaint().Classified("billing", Severity.General).Build()).Should().RouteTo("finance").And.BeHandledBy("handler");
        Policy.Route(A.Complaint().Build()).Should().RouteTo("service");
    }

    [Fact]
    public void Deadlines_SetDeadline_GivesTheDeadlineWithTheRuleThatSetIt()
    {
        var decision = Policy.SetDeadlines(A.Complaint().Build());

        decision.Should().HaveDeadline(DeadlineKind.Resolve, 5, DeadlineUnit.WorkingDays).And.HaveDeadlineSetBy(DeadlineKind.Resolve, "resolve-in-5-working-days");
        decision.Deadlines.Single().WarnAtShare.Should().Be(0.8m);
    }

    [Fact]
    public void Recusal_Recuse_MakesThePersonStepAside()
    {
        var complaint = A.Complaint().AboutStaff("li", "sales").Build();

        Policy.CheckRecusal(complaint, A.Manager("wang", "sales")).Should().BeRecused().And.HaveMatched("same-department-recuses");
        Policy.CheckRecusal(complaint, A.Manager("zhao", "service")).Should().NotBeRecused().And.NotHaveMatched("same-department-recuses");
    }

    [Fact]
    public void Approval_StepsOfEveryRule_OrderedByTheLadder_EachOnce()
    {
        var complaint = A.Complaint().Build();

        Policy.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 5000)).Should().RequireApprovalSteps("finance-director");
        Policy.RequireApproval(complaint, A.Remedy(RemedyKind.Compensation, 100)).Should().RequireApprovalSteps("manager", "general-manager");
        Policy.RequireApproval(complaint, A.Remedy(RemedyKind.Apology)).Should().BeWithinHandlerAuthority();
    }

    [Fact]
    public void Confidentiality_WithholdIdentity_HidesItAndTheParts()
    {
        var complaint = A.Complaint().AboutStaff("li", "sales").Build();

        var decision = Policy.CheckConfidentiality(complaint, A.Manager("wang", "sales"));

        decision.Should().HideIdentity().And.HaveMatched("hide-from-subject-department");
        decision.Withheld.Should().Be(ConfidentialParts.Evidence);
        Policy.CheckConfidentiality(complaint, A.GeneralManager()).Should().ShowIdentity();
    }

    [Fact]
    public void Escalation_Escalate_RaisesAndNotifies()
    {
        var complaint = A.Complaint().Build();

        Policy.CheckEscalation(complaint, EscalationTrigger.DeadlineBreached).Should().Escalate().And.Notify("general-manager");
        Policy.CheckEscalation(complaint, EscalationTrigger.Requested).Should().NotEscalate();
    }

    [Fact]
    public void Reward_Reward_GrantsTheRangeInTheSettingsCurrency()
    {
        var complaint = A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated, fine: 100_000).Build();

        Policy.DecideReward(complaint).Should().GrantBetween(1000, 5000).And.NeedConsentForPublicity();
        Policy.DecideReward(A.Complaint().Build()).Should().GrantNothing();
    }

    [Fact]
    public void Penalty_Penalize_AddsEverySanction_NamingTheRule()
    {
        var decision = Policy.AssessPenalty(A.Complaint().Build(), A.Handler(), Misconduct.IdentityLeak);

        decision.Should().Impose(SanctionKind.Fine, 500).And.Impose(SanctionKind.Dismissal);
        decision.Sanctions.Should().OnlyContain(s => s.Rule == "leak-is-dismissal");
        Policy.AssessPenalty(A.Complaint().Build(), A.Handler(), Misconduct.LateHandling).Should().ImposeNothing();
    }

    [Fact]
    public void Guidance_AndNotices_AreTheRulesAdviceAndNotices()
    {
        Policy.AdviseHandling(A.Complaint().Flagged(ComplaintFlags.SafetyRisk).Build()).Should().Advise("Offer a courtesy car.");
        Policy.DecideNotices(A.Complaint().Build(), new NoticeEvent("triaged")).Should().Tell(Notice.Owner, NotificationKind.Alert);
        Policy.DecideNotices(A.Complaint().Build(), new NoticeEvent("closed")).Should().TellNoOne();
    }

    [Fact]
    public void Explanation_NamesTheRuleItsDescriptionTheFactsAndWhatItStated_UnderTheHostsIdentity()
    {
        var decision = Policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 5000));

        decision.Should().BeDecidedBy("dealer-rules", "2.1.0");
        var trace = decision.Explanation.Rules.Single(r => r.Matched);
        trace.Rule.Should().Be("refund-above-1000-needs-finance");
        trace.Detail.Should().Contain("A refund above 1,000 needs the finance director").And.Contain("remedy Refund 5000 CNY").And.Contain("requires finance-director");
        decision.Explanation.Rules.Select(r => r.Rule).Should().BeEquivalentTo(["refund-above-1000-needs-finance", "compensation-needs-manager"], "only the approval rules are considered for an approval");
    }

    [Fact]
    public void Explanation_NeverHoldsTheComplainantsNameOrContact()
    {
        var policy = NRulesPolicy.Build(o => o.Rules(typeof(NamesTheComplainant), typeof(AirbagIsMajor)));
        var complaint = A.Complaint().From("Zhang Xiaoming", new ContactDetails("13800138000", "zhang@example.cn", "12 Chaoyang Road"))
            .Described("Zhang Xiaoming here: the airbag light is on, call 13800138000").Build();

        var guidance = policy.AdviseHandling(complaint);
        var severity = policy.Classify(complaint);

        guidance.Should().HaveMatched("names-the-complainant");
        severity.Should().HaveMatched("airbag-is-major");
        foreach (var text in new[] { guidance.Explanation, severity.Explanation }.SelectMany(e => e.Rules).Select(r => r.Rule + " " + r.Detail))
        {
            text.Should().NotContain("Zhang").And.NotContain("13800138000").And.NotContain("zhang@example.cn").And.NotContain("Chaoyang");
        }
    }

    [Fact]
    public void OneRule_InIsolation_FiresAlone()
    {
        var policy = NRulesPolicy.Build(o => o.Rules(typeof(RefundNeedsFinance)));

        var decision = policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 1500));

        decision.Should().HaveMatched("refund-above-1000-needs-finance").And.RequireApprovalSteps("finance-director");
        policy.Rules.Should().Equal("refund-above-1000-needs-finance");
    }

    [Fact]
    public void APointWithoutRules_GivesTheDefaultDecision_WithAnEmptyExplanation()
    {
        var policy = NRulesPolicy.Build(o => o.Rules(typeof(RefundNeedsFinance)));

        var recusal = policy.CheckRecusal(A.Complaint().AboutStaff("li").Build(), A.Manager());

        recusal.Should().NotBeRecused();
        recusal.Explanation.Rules.Should().BeEmpty();
        policy.Route(A.Complaint().Build()).Should().RouteTo(PolicySettings.Empty.DefaultDepartment).And.BeHandledBy("handler");
    }

    [Fact]
    public void Build_ARuleThatCannotBeDefined_FailsNamingIt()
    {
        var act = () => NRulesPolicy.Build(o => o.Rules(typeof(CannotBeDefined)));

        act.Should().Throw<NRulesPolicyException>().WithMessage("*CannotBeDefined*threshold table is missing*")
            .Which.Rule.Should().Contain("CannotBeDefined");
    }

    [Fact]
    public void Build_ARuleMatchingNoRequest_FailsNamingItAndTheRequests()
    {
        var act = () => NRulesPolicy.Build(o => o.Rules(typeof(MatchesNoRequest)));

        act.Should().Throw<NRulesPolicyException>().WithMessage("*'matches-a-string' matches none of the request facts*ApprovalRequest*")
            .Which.Rule.Should().Be("matches-a-string");
    }

    [Fact]
    public void Build_NoRules_FailsSayingHowToAddThem()
    {
        var act = () => NRulesPolicy.Build(o => o.RulesFrom(typeof(object).Assembly));

        act.Should().Throw<NRulesPolicyException>().WithMessage("*has no C# rules*RulesFrom*");
    }

    [Fact]
    public void ARuleThatThrowsWhileDeciding_FailsNamingTheRule_NotTheComplainant()
    {
        var policy = NRulesPolicy.Build(o => o.Rules(typeof(ReadsAMissingSetting)));
        var complaint = A.Complaint().From("Zhang Xiaoming").Build();

        var act = () => policy.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 100));

        var thrown = act.Should().Throw<NRulesPolicyException>().WithMessage("*'reads-a-missing-setting'*").Which;
        thrown.Rule.Should().Be("reads-a-missing-setting");
        thrown.InnerException!.ToString().Should().Contain("noSuchLimit", "the host's own exception is kept whole for its logs");
    }

    [Fact]
    public void ARuleThatThrowsWithTheCasesDataInItsMessage_DoesNotRepeatIt()
    {
        var policy = NRulesPolicy.Build(o => o.Rules(typeof(ParsesAMemberNumber)));
        // The receiver typed the complainant's phone number where the member number goes: int.Parse quotes it.
        var complaint = A.Complaint().From("Zhang Xiaoming").WithAttribute("member-no", "tel 13912345678").Build();

        var act = () => policy.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 100));

        var thrown = act.Should().Throw<NRulesPolicyException>().Which;
        thrown.Rule.Should().Be("parses-a-member-number");
        thrown.Message.Should().Contain("FormatException").And.NotContain("13912345678").And.NotContain("Zhang");
        thrown.InnerException!.ToString().Should().Contain("13912345678", "the test's rule does quote the value: the message above withheld it");
    }

    [Fact]
    public void Decisions_OnManyThreadsAtOnce_EachSeeOnlyTheirOwnCase()
    {
        var results = new (decimal Amount, IReadOnlyList<string> Steps)[400];

        Parallel.For(0, results.Length, i =>
        {
            var amount = i % 2 == 0 ? 5000m : 500m;
            results[i] = (amount, Policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, amount)).Steps);
        });

        results.Should().OnlyContain(r => r.Amount > 1000 ? r.Steps.SequenceEqual(new[] { "finance-director" }) : r.Steps.Count == 0);
    }

    [Fact]
    public void CorrectiveActionSettings_AloneFromTheOptions_LayeredFromThePack()
    {
        var alone = NRulesPolicy.Build(o =>
        {
            o.Rules(typeof(SameDepartmentRecuses));
            o.CorrectiveActions = Complaints.Improvement.CorrectiveActionSettings.Default with { ApprovalRole = "quality-director" };
        });
        IComplaintPolicy layered = NRulesPolicy.Build(o => o.Rules(typeof(SameDepartmentRecuses))).Over(PolicyPacks.LoadBuiltIn("auto-dealership"));

        ((IComplaintPolicy)alone).CorrectiveActions.ApprovalRole.Should().Be("quality-director");
        layered.CorrectiveActions.ApprovalRole.Should().Be("general-manager", "the dealership's general manager approves corrective actions");
    }

    [Fact]
    public void LayeredExplanation_NeverHoldsTheComplainantsNameOrContact()
    {
        var layered = NRulesPolicy.Build(o => o.Rules(typeof(NamesTheComplainant), typeof(SameDepartmentRecuses))).Over(PolicyPacks.LoadBuiltIn("auto-dealership"));
        var complaint = A.Complaint().From("Zhang Xiaoming", new ContactDetails("13800138000", "zhang@example.cn")).AboutStaff("li", "sales").Build();

        var decisions = new PolicyDecision[]
        {
            layered.AdviseHandling(complaint), layered.CheckRecusal(complaint, A.Manager("wang", "sales")), layered.Classify(complaint),
        };

        decisions[0].Should().HaveMatched("names-the-complainant");
        decisions[1].Should().HaveMatched("same-department-recuses");
        foreach (var text in decisions.SelectMany(d => d.Explanation.Rules).Select(r => r.Rule + " " + r.Detail))
        {
            text.Should().NotContain("Zhang").And.NotContain("13800138000").And.NotContain("zhang@example.cn");
        }
    }

    [Fact]
    public void Build_TheSameRuleTwice_FailsNamingIt()
    {
        var act = () => NRulesPolicy.Build(o => o.RulesFrom(typeof(NRulesSample.DealershipPolicy).Assembly).Rules(typeof(NRulesSample.IsTheAccused)));

        act.Should().Throw<NRulesPolicyException>().WithMessage("*'is-the-accused' is given twice*").Which.Rule.Should().Be("is-the-accused");
    }
}
