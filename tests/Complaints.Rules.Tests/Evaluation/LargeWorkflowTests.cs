using Complaints.Policy;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// A decision file with more rules than fit in one machine word (64): every rule counts, wherever it stands,
/// for the decision and for its explanation.
/// </summary>
public sealed class LargeWorkflowTests
{
    private const int RuleCount = 130;

    private static readonly PolicyPack Pack = Build();

    private static PolicyPack Build()
    {
        var pack = new SyntheticPack();
        for (var k = 0; k < RuleCount; k++)
        {
            pack.Rule("guidance", $"advice-{k}", $"complaint.HasAttribute(\"r{k}\")", $$"""{ "advice": "Advice {{k}}." }""");
            pack.Rule("admissibility", $"refuse-{k}", $"complaint.HasAttribute(\"refuse{k}\")", $$"""{ "outcome": "reject", "reason": "Refused by rule {{k}}." }""");
        }

        pack.Rule("guidance", "throws-last", "complaint.Attribute(\"broken\").Substring(5) == \"y\"", """{ "advice": "Never." }""");
        return pack.Load();
    }

    [Fact]
    public void Guidance_RulesOnBothSidesOfEveryWordBoundary_AllAdvise_InRuleOrder()
    {
        int[] matching = [0, 1, 63, 64, 65, 100, 127, 128, 129];

        var decision = Pack.AdviseHandling(SyntheticPack.Case(attributes: matching.Select(k => ($"r{k}", "yes")).ToArray()));

        decision.Advice.Should().Equal(matching.Select(k => $"Advice {k}."));
        decision.Explanation.MatchedRules.Should().Equal(matching.Select(k => $"advice-{k}"));
        decision.Explanation.Rules.Should().HaveCount(RuleCount + 1);
        decision.Explanation.Rules.Where(r => r.Matched).Select(r => r.Rule).Should().Equal(matching.Select(k => $"advice-{k}"));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(129)]
    public void Guidance_OnlyARulePastTheSixtyFourthMatches_ItAloneAdvises(int k)
    {
        var decision = Pack.AdviseHandling(SyntheticPack.Case(attributes: ($"r{k}", "yes")));

        decision.Advice.Should().Equal($"Advice {k}.");
        decision.Explanation.Rules[k].Should().Match<RuleTrace>(r => r.Matched && r.Rule == $"advice-{k}");
        decision.Explanation.Rules.Count(r => r.Matched).Should().Be(1);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(70)]
    [InlineData(128)]
    public void Admissibility_TheFirstMatchingRuleIsPastTheSixtyFourth_ItDecides(int k)
    {
        var decision = Pack.DecideAdmissibility(SyntheticPack.Case(attributes: [($"refuse{k}", "yes"), ("refuse129", "yes")]));

        decision.Outcome.Should().Be(AdmissibilityOutcome.Reject);
        decision.Reason.Should().Be($"Refused by rule {k}.");
    }

    [Fact]
    public void Admissibility_NoneOfManyRulesMatches_Accepts()
    {
        var decision = Pack.DecideAdmissibility(SyntheticPack.Case());

        decision.Outcome.Should().Be(AdmissibilityOutcome.Accept);
        decision.Explanation.Rules.Should().HaveCount(RuleCount).And.OnlyContain(r => !r.Matched && r.Detail == null);
    }

    [Fact]
    public void Explanation_ARuleAfterTheHundredAndTwentyEighthThrows_ItsErrorIsReported_AndTheMatchesStillCount()
    {
        var decision = Pack.AdviseHandling(SyntheticPack.Case(attributes: [("broken", "ab"), ("r100", "yes")]));

        decision.Advice.Should().Equal("Advice 100.");
        decision.Explanation.Rules[RuleCount].Should().Match<RuleTrace>(r => r.Rule == "throws-last" && !r.Matched && r.Detail!.StartsWith("error: ", StringComparison.Ordinal));
        decision.Explanation.Rules.Count(r => r.Detail != null && r.Detail.StartsWith("error:", StringComparison.Ordinal)).Should().Be(1);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    public void AWorkflowOfExactlyWholeWords_NoneMatches_Accepts_AndItsLastRuleAloneAdvises(int count)
    {
        var pack = new SyntheticPack();
        for (var k = 0; k < count; k++)
        {
            pack.Rule("guidance", $"advice-{k}", $"complaint.HasAttribute(\"r{k}\")", $$"""{ "advice": "Advice {{k}}." }""");
            pack.Rule("admissibility", $"refuse-{k}", $"complaint.HasAttribute(\"refuse{k}\")", $$"""{ "outcome": "reject", "reason": "Refused by rule {{k}}." }""");
        }

        var loaded = pack.Load();
        var last = count - 1;

        loaded.DecideAdmissibility(SyntheticPack.Case()).Outcome.Should().Be(AdmissibilityOutcome.Accept);
        loaded.AdviseHandling(SyntheticPack.Case()).Advice.Should().BeEmpty();
        loaded.AdviseHandling(SyntheticPack.Case(attributes: ($"r{last}", "yes"))).Advice.Should().Equal($"Advice {last}.");
        loaded.DecideAdmissibility(SyntheticPack.Case(attributes: ($"refuse{last}", "yes"))).Reason.Should().Be($"Refused by rule {last}.");
    }
}
