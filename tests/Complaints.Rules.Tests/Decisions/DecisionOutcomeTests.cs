using Complaints.Policy;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Decisions;

/// <summary>
/// How matched rules become each decision, on a synthetic pack: what several matching rules add up to, what
/// a pack decides when no rule concerns a case, and the arithmetic of rewards.
/// </summary>
public sealed class DecisionOutcomeTests
{
    private static readonly Actor Reader = new(new ActorId("li"), "Li", ["handler"], new DepartmentId("front"));

    private static readonly PolicyPack Pack = new SyntheticPack()
        .Rule("severity", "tier-only", "complaint.HasAttribute(\"risk\")", """{ "tier": "serious" }""")
        .Rule("severity", "category-only", "complaint.HasAttribute(\"bill\")", """{ "category": "billing" }""")
        .Rule("severity", "same-tier", "complaint.HasAttribute(\"risk\")", """{ "tier": "serious", "reason": "risk again" }""")
        .Rule("confidentiality", "first", "complaint.HasAttribute(\"secret\")", """{ "reason": "a whistle-blower", "withhold": "description, location" }""")
        .Rule("confidentiality", "second", "complaint.HasAttribute(\"secret\")", """{ "reason": "also", "withhold": "location, evidence" }""")
        .Rule("rewards", "recovered-share", "complaint.Kind == \"report\" && complaint.RecoveredAmount > 0", """{ "basis": "recovered", "minPercent": 10, "maxPercent": 30, "minAmount": 50, "maxAmount": 1000 }""")
        .Rule("rewards", "fine-share", "complaint.Kind == \"report\" && complaint.FineAmount > 0", """{ "basis": "fine", "minPercent": 1, "maxPercent": 3 }""")
        .Rule("rewards", "anonymous-none", "complaint.Kind == \"report\" && complaint.Anonymous", """{ "basis": "none" }""")
        .Rule("recusal", "neighbour", "complaint.HasAttribute(\"neighbour\")", """{ "reason": "neighbour" }""")
        .Rule("escalation", "media", "complaint.HasAttribute(\"media\")", """{ "reason": "the press called", "notifyRole": "general-manager" }""")
        .Load();

    [Fact]
    public void Severity_TwoRulesGiveTheSameTier_BothReasonsKept_NoRuleNameForARuleWithoutReason()
    {
        var decision = Pack.Classify(SyntheticPack.Case(attributes: [("risk", "yes"), ("bill", "yes")]));

        (decision.Category, decision.Tier).Should().Be(("billing", Severity.Serious));
        decision.Reasons.Should().Equal("tier-only", "risk again");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Severity_NoCategoryFromRulesOrIntake_IsThePacksDefault(string? category)
    {
        var complaint = SyntheticPack.Case() with { Intake = SyntheticPack.Case().Intake with { Category = category } };

        Pack.Classify(complaint).Category.Should().Be("misc");
    }

    [Fact]
    public void Confidentiality_EveryMatchingRuleAddsWhatItWithholds_PartsNamedTwiceStayWithheld_FirstReasonGiven()
    {
        var decision = Pack.CheckConfidentiality(SyntheticPack.Case(attributes: ("secret", "yes")), Reader);

        decision.MaySeeIdentity.Should().BeFalse();
        decision.Reason.Should().Be("a whistle-blower");
        decision.Withheld.Should().Be(ConfidentialParts.Description | ConfidentialParts.Location | ConfidentialParts.Evidence);
    }

    [Fact]
    public void Reward_ShareOfTheRecovered_IsFlooredAndCapped()
    {
        var small = Report(recovered: 100);
        var large = Report(recovered: 10_000);

        var floored = Pack.DecideReward(small);
        var capped = Pack.DecideReward(large);

        (floored.Basis, floored.Min, floored.Max).Should().Be((RewardBasis.Recovered, new Money(50, "CNY"), new Money(50, "CNY")), "10–30 % of 100 is below the floor of 50");
        (capped.Min, capped.Max).Should().Be((new Money(1_000, "CNY"), new Money(1_000, "CNY")), "10–30 % of 10,000 is above the cap of 1,000");
        Pack.DecideReward(Report(recovered: 1_000)).Should().Match<RewardDecision>(r => r.Min == new Money(100, "CNY") && r.Max == new Money(300, "CNY") && r.MinPercent == 10 && r.MaxPercent == 30);
    }

    [Fact]
    public void Reward_ShareOfTheFine_IsRoundedToTheCent()
    {
        var reward = Pack.DecideReward(Report(fine: 333.33m));

        (reward.Min, reward.Max).Should().Be((new Money(3.33m, "CNY"), new Money(10.00m, "CNY")));
    }

    [Fact]
    public void Reward_ARuleSayingNone_MeansNoReward()
    {
        var anonymous = Report() with { Intake = Report().Intake with { Complainant = Complainant.Anonymous } };

        Pack.DecideReward(anonymous).Should().Match<RewardDecision>(r => !r.Eligible && r.Basis == RewardBasis.None && r.Min == null);
    }

    [Fact]
    public void Escalation_AMatchingRule_EscalatesWithItsReasonAndWhomToNotify()
    {
        var decision = Pack.CheckEscalation(SyntheticPack.Case(attributes: ("media", "yes")), EscalationTrigger.Requested);

        (decision.Escalate, decision.Reason, decision.NotifyRole).Should().Be((true, "the press called", "general-manager"));
    }

    [Fact]
    public void NoRuleConcernsTheCase_EveryDecisionIsThePacksOneSharedDecision()
    {
        var one = SyntheticPack.Case(description: "One.");
        var other = SyntheticPack.Case(description: "Other.", claim: 10);

        Pack.DecideAdmissibility(one).Should().BeSameAs(Pack.DecideAdmissibility(other));
        Pack.CheckRecusal(one, Reader).Should().BeSameAs(Pack.CheckRecusal(other, Reader)).And.Match<RecusalDecision>(d => !d.MustRecuse);
        Pack.CheckConfidentiality(one, Reader).Should().BeSameAs(Pack.CheckConfidentiality(other, Reader)).And.Match<ConfidentialityDecision>(d => d.MaySeeIdentity);
        Pack.RequireApproval(one, SyntheticPack.Refund(1)).Should().BeSameAs(Pack.RequireApproval(other, SyntheticPack.Refund(2)));
        Pack.DecideReward(one).Should().BeSameAs(Pack.DecideReward(other)).And.Match<RewardDecision>(d => !d.Eligible);
        Pack.CheckEscalation(one, EscalationTrigger.Requested).Should().BeSameAs(Pack.CheckEscalation(other, EscalationTrigger.Requested));
        Pack.AdviseHandling(one).Explanation.Should().BeSameAs(Pack.AdviseHandling(other).Explanation);
    }

    private static Complaint Report(decimal? recovered = null, decimal? fine = null)
    {
        var named = SyntheticPack.Case(kind: ComplaintKind.Report);
        return named with
        {
            Intake = named.Intake with { Complainant = new Complainant("Li", new ContactDetails()) },
            Findings = new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Found.",
                Fine: fine is { } f ? new Money(f, "CNY") : null, Recovered: recovered is { } r ? new Money(r, "CNY") : null),
        };
    }
}
