using Complaints.Policy;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// Rules that compare a value with a text constant are skipped, unevaluated, when the value differs; however a
/// policy owner writes the comparison, a rule matches exactly when its expression is true.
/// </summary>
public sealed class GuardedRuleTests
{
    // Loaded by each test, not once for the class: the guards are found when the pack is loaded.
    private readonly PolicyPack _pack = new SyntheticPack()
        .Rule("guidance", "constant-left", "\"billing\" == complaint.Category", """{ "advice": "constant-left" }""")
        .Rule("guidance", "guard-first", "complaint.Category == \"billing\" && complaint.ClaimAmount > 100", """{ "advice": "guard-first" }""")
        .Rule("guidance", "guard-last", "complaint.ClaimAmount > 100 && complaint.Category == \"billing\"", """{ "advice": "guard-last" }""")
        .Rule("guidance", "either", "complaint.Category == \"billing\" || complaint.Kind == \"report\"", """{ "advice": "either" }""")
        .Rule("guidance", "not-billing", "complaint.Category != \"billing\"", """{ "advice": "not-billing" }""")
        .Rule("guidance", "negated", "!(complaint.Category == \"food\")", """{ "advice": "negated" }""")
        .Rule("guidance", "two-guards", "complaint.Kind == \"report\" && complaint.Category == \"food\"", """{ "advice": "two-guards" }""")
        .Rule("guidance", "food", "complaint.Category == \"food\"", """{ "advice": "food" }""")
        .Rule("guidance", "report-or-food", "complaint.Kind == \"report\" && (complaint.Category == \"food\" || complaint.Category == \"billing\")", """{ "advice": "report-or-food" }""")
        .Load();

    [Theory]
    [InlineData("billing", ComplaintKind.Complaint, 500, new[] { "constant-left", "guard-first", "guard-last", "either", "negated" })]
    [InlineData("billing", ComplaintKind.Complaint, 50, new[] { "constant-left", "either", "negated" })]
    [InlineData("food", ComplaintKind.Complaint, 500, new[] { "not-billing", "food" })]
    [InlineData("food", ComplaintKind.Report, 50, new[] { "either", "not-billing", "two-guards", "food", "report-or-food" })]
    [InlineData("billing", ComplaintKind.Report, 50, new[] { "constant-left", "either", "negated", "report-or-food" })]
    [InlineData("other", ComplaintKind.Report, 500, new[] { "either", "not-billing", "negated" })]
    public void Advice_IsEveryRuleWhoseExpressionIsTrue(string category, ComplaintKind kind, int claim, string[] expected)
    {
        var complaint = SyntheticPack.Case(kind: kind, claim: claim) with { Category = category };

        var decision = _pack.AdviseHandling(complaint);

        decision.Advice.Should().Equal(expected);
        decision.Explanation.MatchedRules.Should().Equal(expected);
    }

    [Fact]
    public void Guards_AreFoundWhicheverSideTheConstantStandsOn_OnlyInConjunctsThatMustHold()
    {
        Guards("constant-left").Should().Equal("complaint.Category == billing (first)");
        Guards("guard-first").Should().Equal("complaint.Category == billing (first)");
        Guards("guard-last").Should().Equal("complaint.Category == billing");
        Guards("two-guards").Should().Equal("complaint.Kind == report (first)", "complaint.Category == food");
        Guards("report-or-food").Should().Equal("complaint.Kind == report (first)");
        Guards("either").Should().BeEmpty("either side of || may make the rule match");
        Guards("not-billing").Should().BeEmpty();
        Guards("negated").Should().BeEmpty();
    }

    private IEnumerable<string> Guards(string rule) =>
        _pack.Compiled(DecisionPoint.Guidance).Rules.Single(r => r.Name == rule).Guards
            .Select(g => $"{Rules.PolicyPack.Inputs(DecisionPoint.Guidance)[g.Input].Name}{(g.Property is null ? "" : "." + g.Property.Name)} == {g.Value}{(g.First ? " (first)" : "")}");
}
