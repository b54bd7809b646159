using Complaints.Policy;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// A rule whose condition throws counts as not matched, as in RulesEngine, and its error is in the explanation:
/// a policy owner sees every broken rule of a decision, not only the first.
/// </summary>
public sealed class RuleErrorsTests
{
    private static readonly PolicyPack Pack = new SyntheticPack()
        .Rule("guidance", "first-broken", "complaint.Attribute(\"code\").Substring(5) == \"y\"", """{ "advice": "Never." }""")
        .Rule("guidance", "listen", "true", """{ "advice": "Listen first." }""")
        .Rule("guidance", "second-broken", "complaint.Attribute(\"code\").Substring(9) == \"z\"", """{ "advice": "Never either." }""")
        .Rule("guidance", "guarded-broken", "complaint.Kind == \"report\" && complaint.Attribute(\"code\").Substring(7) == \"z\"", """{ "advice": "Not this." }""")
        .Rule("guidance", "sound", "complaint.HasAttribute(\"code\")", """{ "advice": "Check the code." }""")
        .Load();

    [Fact]
    public void Explanation_TwoRulesThrowInOneEvaluation_BothErrorsAreReported()
    {
        var decision = Pack.AdviseHandling(SyntheticPack.Case(attributes: ("code", "ab")));

        decision.Advice.Should().Equal("Listen first.", "Check the code.");
        var rules = decision.Explanation.Rules;
        rules.Select(r => r.Rule).Should().Equal("first-broken", "listen", "second-broken", "guarded-broken", "sound");
        rules[0].Should().Match<RuleTrace>(r => !r.Matched && r.Detail!.StartsWith("error: ", StringComparison.Ordinal));
        rules[2].Should().Match<RuleTrace>(r => !r.Matched && r.Detail!.StartsWith("error: ", StringComparison.Ordinal));
        rules[0].Detail.Should().Contain("startIndex", "the error says what the expression did wrong");
        rules[3].Should().Be(new RuleTrace("guarded-broken", false), "its guard comes first and is false for a complaint: it never ran");
    }

    [Fact]
    public void Explanation_AGuardedRuleRunsAndThrows_ItsErrorIsReportedWithTheOthers()
    {
        var decision = Pack.AdviseHandling(SyntheticPack.Case(kind: ComplaintKind.Report, attributes: ("code", "ab")));

        decision.Explanation.Rules.Where(r => r.Detail?.StartsWith("error: ", StringComparison.Ordinal) == true).Select(r => r.Rule)
            .Should().Equal("first-broken", "second-broken", "guarded-broken");
    }

    [Fact]
    public void Explanation_BrokenRulesSkippedForTwoDifferentValues_AreBothReported_WhileAnotherRuleOnOneOfThemRan()
    {
        // Each broken rule reads the code before its guard; "food-claim" is evaluated (its guard holds) and is false.
        var pack = new SyntheticPack()
            .Rule("guidance", "broken-billing", "complaint.Attribute(\"code\").Substring(5) == \"y\" && complaint.Category == \"billing\"", """{ "advice": "Never." }""")
            .Rule("guidance", "food-claim", "complaint.Category == \"food\" && complaint.ClaimAmount > 1000", """{ "advice": "Large food claim." }""")
            .Rule("guidance", "broken-report", "complaint.Attribute(\"code\").Substring(5) == \"y\" && complaint.Kind == \"report\"", """{ "advice": "Never either." }""")
            .Load();

        var decision = pack.AdviseHandling(SyntheticPack.Case(claim: 50, attributes: ("code", "ab")) with { Category = "food" });

        decision.Advice.Should().BeEmpty();
        decision.Explanation.Rules.Where(r => r.Detail?.StartsWith("error: ", StringComparison.Ordinal) == true).Select(r => r.Rule)
            .Should().Equal("broken-billing", "broken-report");
        decision.Explanation.Rules[1].Should().Be(new RuleTrace("food-claim", false));
    }

    [Fact]
    public void Explanation_OnlyRulesThatThrew_TheDecisionIsTheRulelessOne_ButExplainsTheErrors()
    {
        var pack = new SyntheticPack()
            .Rule("admissibility", "broken", "complaint.Attribute(\"code\").Substring(5) == \"y\"", """{ "outcome": "reject", "reason": "Never." }""")
            .Load();

        var broken = pack.DecideAdmissibility(SyntheticPack.Case(attributes: ("code", "ab")));
        var sound = pack.DecideAdmissibility(SyntheticPack.Case(attributes: ("code", "abcdey")));

        broken.Outcome.Should().Be(AdmissibilityOutcome.Accept);
        broken.Explanation.Rules.Should().ContainSingle().Which.Detail.Should().StartWith("error: ");
        sound.Outcome.Should().Be(AdmissibilityOutcome.Reject);
    }

    [Fact]
    public void ABrokenRule_NeverRecuses_NeverWithholdsTheIdentity_AndEarnsNoReward()
    {
        const string Broken = "complaint.Attribute(\"code\").Substring(5) == \"y\"";
        var pack = new SyntheticPack()
            .Rule("recusal", "broken", Broken, """{ "reason": "never" }""")
            .Rule("confidentiality", "broken", Broken, """{ "reason": "never" }""")
            .Rule("rewards", "broken", Broken, """{ "basis": "seriousness", "minAmount": 1, "maxAmount": 2 }""")
            .Load();
        var c = SyntheticPack.Case(kind: ComplaintKind.Report, attributes: ("code", "ab"));
        var reader = new Actor(new ActorId("li"), "Li", ["handler"]);

        var recusal = pack.CheckRecusal(c, reader);
        var confidentiality = pack.CheckConfidentiality(c, reader);
        var reward = pack.DecideReward(c);

        recusal.MustRecuse.Should().BeFalse();
        confidentiality.MaySeeIdentity.Should().BeTrue();
        reward.Should().Match<RewardDecision>(r => !r.Eligible && r.ConsentNeededForPublicity);
        new[] { recusal.Explanation, confidentiality.Explanation, reward.Explanation }
            .Should().OnlyContain(e => e.Rules.Single().Detail!.StartsWith("error: ", StringComparison.Ordinal));
    }
}
