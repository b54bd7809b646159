using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Testing;
using static Complaints.Rules.NRules.Tests.TestRules;

namespace Complaints.Rules.NRules.Tests;

/// <summary>C# rules layered over the auto-dealership pack: per decision point, how the two combine.</summary>
public sealed class LayeredPolicyTests
{
    private static readonly PolicyPack Pack = PolicyPacks.LoadBuiltIn("auto-dealership");

    private static readonly IComplaintPolicy Layered = NRulesPolicy.Build(o =>
    {
        o.Identity = new PolicyRef("dealer-rules", "2.1.0");
        o.Rules(typeof(FleetRedirect), typeof(CourtCaseRejected), typeof(AirbagIsMajor), typeof(MinorCourtesy), typeof(LargeClaimIsSerious),
            typeof(BillingToFinance), typeof(ResolveIn5), typeof(SameDepartmentRecuses), typeof(RefundNeedsFinance), typeof(CompensationNeedsManager),
            typeof(HideFromSubjectDepartment), typeof(BreachEscalates), typeof(RewardOnFine), typeof(LeakIsDismissal), typeof(CourtesyCar), typeof(TellOwnerAtTriage));
    }).Over(Pack);

    [Fact]
    public void Identity_IsThePacksId_WithTheRulesInTheVersion_AndExplanationsKeepBothSides()
    {
        var decision = Layered.Classify(A.Complaint().Described("The airbag light stays on after the service.").Build());

        Layered.Identity.Should().Be(new PolicyRef("auto-dealership", "1.0.0+nrules.dealer-rules.2.1.0"));
        decision.Should().BeDecidedBy("auto-dealership", "1.0.0+nrules.dealer-rules.2.1.0")
            .And.HaveMatched("airbag-is-major").And.NotHaveMatched("safety-risk-is-major", "the pack's rules are still considered");
        Layered.CalendarName.Should().Be("cn");
        Layered.IntakeSchema.Should().BeSameAs(Pack.IntakeSchema);
    }

    [Fact]
    public void Culture_AloneIsTheOptions_LayeredIsThePacks()
    {
        var alone = NRulesPolicy.Build(o =>
        {
            o.Identity = new PolicyRef("dealer-rules", "2.1.0");
            o.Culture = "zh-CN";
            o.Rules(typeof(MinorCourtesy));
        });

        alone.Culture.Should().Be("zh-CN");
        Layered.Culture.Should().BeNull("the built-in pack names no culture, and layered rules take the pack's");
    }

    [Fact]
    public void Severity_TheHigherTierWins_FromEitherSide()
    {
        // The C# rule raises: the pack says general (its default), the rule major.
        Layered.Classify(A.Complaint().Described("The airbag light stays on after the service.").Build()).Should().HaveTier(Severity.Major);

        // The C# rule cannot lower: a suggestion flagged as a safety risk is major in the pack, minor in the rule.
        var decision = Layered.Classify(A.Complaint().OfKind(ComplaintKind.Suggestion).Flagged(ComplaintFlags.SafetyRisk).Build());
        decision.Should().HaveTier(Severity.Major).And.HaveMatched("minor-courtesy").And.HaveMatched("safety-risk-is-major");
        decision.Reasons.Should().Contain("a suggestion");
    }

    [Fact]
    public void Severity_TheRulesCategoryOverrides_ElseThePacks()
    {
        Layered.Classify(A.Complaint().Claiming(20_000).Build()).Should().HaveCategory("billing");
        Layered.Classify(A.Complaint().Described("The repair of the gearbox failed again.").Build()).Should().HaveCategory("repair-quality");
    }

    [Fact]
    public void Approval_UnionOfSteps_OrderedByThePacksLadder_RolesOffItLast()
    {
        var complaint = A.Complaint().Build();

        // Pack: general-manager; rule: general-manager and manager → manager first, on the ladder.
        Layered.RequireApproval(complaint, A.Remedy(RemedyKind.Compensation, 100)).Should().RequireApprovalSteps("manager", "general-manager");

        // Pack: manager (above the ¥200 goodwill limit) and general-manager; rule: finance-director, not on the ladder → last.
        Layered.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 5000)).Should().RequireApprovalSteps("manager", "general-manager", "finance-director")
            .And.HaveMatched("general-manager-approves-every-remedy").And.HaveMatched("refund-above-1000-needs-finance");
    }

    [Fact]
    public void Recusal_EitherSideRecuses_ThePacksReasonFirst()
    {
        var complaint = A.Complaint().AboutStaff("li", "sales").Build();

        var bySameDepartment = Layered.CheckRecusal(complaint, A.Manager("wang", "sales"));
        bySameDepartment.Should().BeRecused();
        bySameDepartment.Reason.Should().Be("same department as the person complained about");

        var theAccused = Layered.CheckRecusal(complaint, An.Actor("li").WithRoles("handler").InDepartment("sales").Build());
        theAccused.Should().BeRecused().And.HaveMatched("is-the-accused").And.HaveMatched("same-department-recuses");
        theAccused.Reason.Should().Be("they are the person complained about");

        Layered.CheckRecusal(complaint, A.Manager("zhao", "service")).Should().NotBeRecused();
    }

    [Fact]
    public void Admissibility_RejectedOrRedirectedIfEitherSaysSo_ThePacksOutcomeFirst()
    {
        Layered.DecideAdmissibility(A.Complaint().WithAttribute("fleet").Build()).Should().BeRedirectedTo("the fleet desk");

        var both = Layered.DecideAdmissibility(A.Complaint().WithAttribute("in-court", "Haidian court").Build());
        both.Should().BeRejected().And.HaveMatched("already-in-court").And.HaveMatched("court-case-rejected");
        both.Reason.Should().Contain("court or an arbitration body", "the pack's reason wins when both refuse");

        Layered.DecideAdmissibility(A.Complaint().Build()).Should().BeAccepted();
    }

    [Fact]
    public void Routing_TheRulesRoutingOverrides_ElseThePacks()
    {
        Layered.Route(A.Complaint().Classified("billing", Severity.General).Build()).Should().RouteTo("finance");
        Layered.Route(A.Complaint().Classified("repair-quality", Severity.General).Build()).Should().RouteTo("service").And.BeHandledBy("manager");
    }

    [Fact]
    public void Deadlines_TheRulesDeadlineReplacesThePacksOfTheSameKind_OthersStay()
    {
        var complaint = A.Complaint().Classified("repair-quality", Severity.General).RoutedTo("service", "manager").Build();
        var pack = Pack.SetDeadlines(complaint);

        var decision = Layered.SetDeadlines(complaint);

        decision.Should().HaveDeadline(DeadlineKind.Resolve, 5, DeadlineUnit.WorkingDays).And.HaveDeadlineSetBy(DeadlineKind.Resolve, "resolve-in-5-working-days");
        decision.Deadlines.Where(d => d.Kind != DeadlineKind.Resolve).Should().Equal(pack.Deadlines.Where(d => d.Kind != DeadlineKind.Resolve));
    }

    [Fact]
    public void Confidentiality_WithheldIfEitherWithholds_PartsAddUp()
    {
        var complaint = A.Complaint().AboutStaff("li", "sales").Build();

        var colleague = Layered.CheckConfidentiality(complaint, A.Manager("wang", "sales"));
        colleague.Should().HideIdentity().And.HaveMatched("hide-from-subject-department");
        colleague.Withheld.Should().Be(ConfidentialParts.Evidence);

        var accused = Layered.CheckConfidentiality(complaint, An.Actor("li").WithRoles("handler").InDepartment("sales").Build());
        accused.Should().HideIdentity().And.HaveMatched("hidden-from-the-accused");
        accused.Reason.Should().StartWith("the person complained about does not see who complained", "the pack's reason comes first");

        Layered.CheckConfidentiality(complaint, A.GeneralManager()).Should().ShowIdentity();
    }

    [Fact]
    public void Escalation_EscalatedIfEither_ToTheHigherRoleOnTheLadder()
    {
        var complaint = A.Complaint().Classified("repair-quality", Severity.General).Build();

        // Pack: the department manager; rule: the general manager → the higher.
        var breach = Layered.CheckEscalation(complaint, EscalationTrigger.DeadlineBreached);
        breach.Should().Escalate().And.Notify("general-manager").And.HaveMatched("delay-to-department-manager");
        breach.Reason.Should().Contain("held up", "the pack's reason");

        Layered.CheckEscalation(complaint, EscalationTrigger.Requested).Should().Escalate().And.Notify("manager");
        Layered.CheckEscalation(complaint, EscalationTrigger.CustomerRejected).Should().NotEscalate();
    }

    [Fact]
    public void Reward_TheRulesGrantOverrides_ElseThePacks()
    {
        var report = A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated, fine: 100_000).Build();

        Layered.DecideReward(report).Should().GrantBetween(1000, 5000);
        var none = Layered.DecideReward(A.Complaint().Build());
        none.Should().GrantNothing();
        none.Eligible.Should().Be(Pack.DecideReward(A.Complaint().Build()).Eligible);
    }

    [Fact]
    public void Approval_WithSettingsWhoseLadderOmitsThePacksRoles_IsOrderedByThePacksLadder()
    {
        // The host's settings know only its finance director: the pack's regulatory steps must not fall behind it.
        var layered = NRulesPolicy.Build(o =>
        {
            o.Settings = new PolicySettings { Ladder = ["finance-director"], Currency = "CNY" };
            o.Rules(typeof(RefundNeedsFinance));
        }).Over(Pack);

        layered.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 5000)).Should().RequireApprovalSteps("manager", "general-manager", "finance-director");
    }

    [Fact]
    public void Confidentiality_WhenNeitherWithholds_KeepsThePacksReason()
    {
        var complaint = A.Complaint().AboutService("Test drive", "sales").Build();
        var reader = A.GeneralManager();

        var layered = Layered.CheckConfidentiality(complaint, reader);

        layered.Should().ShowIdentity();
        layered.Reason.Should().Be(Pack.CheckConfidentiality(complaint, reader).Reason);
    }

    [Fact]
    public void Layering_OverAPolicyThatIsNotAPack_WithoutSettings_SaysToGiveThem()
    {
        var rules = NRulesPolicy.Build(o => o.Rules(typeof(RefundNeedsFinance)));
        var own = new OwnPolicy(Pack);

        var act = () => rules.Over(own);

        act.Should().Throw<NRulesPolicyException>().WithMessage("*not a policy pack*give them with o.Settings*");
    }

    [Fact]
    public void Layering_Twice_KeepsThePacksLadderAndAppendsBothVersions()
    {
        var second = NRulesPolicy.Build(o =>
        {
            o.Identity = new PolicyRef("finance-rules", "1.0.0");
            o.Rules(typeof(RefundNeedsFinance));
        }).Over(Layered);

        second.Identity.Should().Be(new PolicyRef("auto-dealership", "1.0.0+nrules.dealer-rules.2.1.0.nrules.finance-rules.1.0.0"));
        second.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Compensation, 100)).Should().RequireApprovalSteps("manager", "general-manager");
    }

    [Fact]
    public void Penalties_UnionOfBothSides_ThePacksFirst()
    {
        var complaint = A.Complaint().EscalatedTo(1).Build();

        var decision = Layered.AssessPenalty(complaint, A.Handler(), Misconduct.LateHandling);
        decision.Should().Impose(SanctionKind.Demerit).And.HaveMatched("delay-made-the-complaint-escalate");

        var leak = Layered.AssessPenalty(complaint, A.Handler(), Misconduct.IdentityLeak);
        leak.Sanctions.Select(s => s.Kind).Should().Equal(SanctionKind.Fine, SanctionKind.Dismissal);
    }

    [Fact]
    public void GuidanceAndNotices_BothSidesKept()
    {
        var complaint = A.Complaint().Flagged(ComplaintFlags.SafetyRisk).Build();

        var guidance = Layered.AdviseHandling(complaint);
        guidance.Advice[0].Should().Be("Offer a courtesy car.", "the host's advice is the most specific");
        guidance.Advice.Should().Contain(Pack.AdviseHandling(complaint).Advice);

        var notices = Layered.DecideNotices(A.Complaint().Classified("repair-quality", Severity.Major).Build(), new NoticeEvent("triaged"));
        notices.Should().Tell(Notice.Owner, NotificationKind.Alert);
        notices.Notices.Should().HaveCountGreaterThan(1, "the pack tells the managers of a major complaint at triage");
    }

    [Fact]
    public void Settings_AreThePacks_WhenNoneAreGiven()
    {
        var policy = NRulesPolicy.Build(o => o.Rules(typeof(Sample.UsesPackSettings))).Over(Pack);

        policy.AssessPenalty(A.Complaint().Claiming(6000).Build(), A.Handler(), Misconduct.Obstruction).Should().Impose(SanctionKind.Fine, 6000);
    }

    /// <summary>A host's own policy: the pack, behind a decorator, so not a <see cref="PolicyPack"/>.</summary>
    private sealed class OwnPolicy(IComplaintPolicy inner) : ComplaintPolicyDecorator(inner);
}
