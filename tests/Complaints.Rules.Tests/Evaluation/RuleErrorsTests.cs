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
}
