using Complaints.Policy;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// How a decision point's guarded rules are looked up: a rule with several guards is filed under the value that
/// tells the most rules apart, so a complaint about food reaches only the rules that want food.
/// </summary>
public sealed class GuardIndexTests
{
    [Fact]
    public void ARuleWithTwoGuards_IsFiledUnderTheValueWithTheMostConstants_AndStillDecidesAsWritten()
    {
        var pack = new SyntheticPack()
            .Rule("guidance", "billing", "complaint.Category == \"billing\"", """{ "advice": "Billing." }""")
            .Rule("guidance", "food", "complaint.Category == \"food\"", """{ "advice": "Food." }""")
            .Rule("guidance", "report-about-food", "complaint.Kind == \"report\" && complaint.Category == \"food\"", """{ "advice": "Report about food." }""")
            .Rule("guidance", "report", "complaint.Kind == \"report\"", """{ "advice": "Report." }""")
            .Rule("guidance", "always", "true", """{ "advice": "Listen first." }""")
            .Load();
        var rules = pack.Compiled(DecisionPoint.Guidance).RuleArray;

        var index = new GuardIndex(rules);

        index.Always.Select(i => rules[i].Name).Should().Equal("always");
        index.Indexes.Should().HaveCount(2);
        index.Indexes.Single(e => e.Rules.ContainsKey("food")).Rules["food"].Rules.Select(i => rules[i].Name)
            .Should().Equal(["food", "report-about-food"], "the category has two constants in these rules, the kind one");
        index.Indexes.Single(e => e.Rules.ContainsKey("report")).Rules["report"].Rules.Select(i => rules[i].Name).Should().Equal("report");
        pack.AdviseHandling(SyntheticPack.Case(kind: ComplaintKind.Report) with { Category = "food" }).Advice
            .Should().Equal("Food.", "Report about food.", "Report.", "Listen first.");
        pack.AdviseHandling(SyntheticPack.Case() with { Category = "food" }).Advice.Should().Equal("Food.", "Listen first.");
    }
}
