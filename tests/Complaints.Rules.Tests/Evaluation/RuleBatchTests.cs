using Complaints.Policy;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Facts;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// A decision point's rules are evaluated in batches, one compiled delegate for up to 64 conditions: a decision
/// is what each rule alone decides, and a rule that throws is reported with its own error, the others' outcomes kept.
/// </summary>
public sealed class RuleBatchTests
{
    private static readonly PolicyPack Pack = new SyntheticPack()
        .Rule("guidance", "words", "Text.ContainsAny(complaint.Description, \"late|配送\")", """{ "advice": "words" }""")
        .Rule("guidance", "claim", "complaint.ClaimAmount > 100 && complaint.ClaimAmount <= 1000", """{ "advice": "claim" }""")
        .Rule("guidance", "limit", "complaint.ClaimAmount > pack.Limit(\"handler\")", """{ "advice": "limit" }""")
        .Rule("guidance", "code", "complaint.Attribute(\"code\").Substring(2) == \"x\"", """{ "advice": "code" }""")
        .Rule("guidance", "short", "complaint.Description.Trim().Length < 10", """{ "advice": "short" }""")
        .Rule("guidance", "report", "complaint.Kind == \"report\" || complaint.HasAttribute(\"report\")", """{ "advice": "report" }""")
        .Rule("guidance", "food", "complaint.Category == \"food\" && Text.ContainsAny(complaint.Description, \"sick\")", """{ "advice": "food" }""")
        .Rule("guidance", "food-claim", "complaint.Category == \"food\" && complaint.ClaimAmount > 10", """{ "advice": "food-claim" }""")
        .Rule("guidance", "always", "true", """{ "advice": "always" }""")
        .Load();

    public static TheoryData<string, decimal?, ComplaintKind, string?, string?> Cases => new()
    {
        { "Delivered late.", 500m, ComplaintKind.Complaint, null, null },
        { "配送 slow", null, ComplaintKind.Report, "food", "abx" },
        { "I was sick after the meal, and nobody listened.", 50m, ComplaintKind.Complaint, "food", "zzx" },
        { "  ", 2000m, ComplaintKind.Suggestion, "billing", "a" },
        { "lately nothing", 100m, ComplaintKind.Complaint, "food", "x" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABatch_DecidesAsEachRuleAlone_AndReportsTheRulesThatThrew(string description, decimal? claim, ComplaintKind kind, string? category, string? code)
    {
        var complaint = SyntheticPack.Case(description, claim, kind, attributes: code is null ? [] : [("code", code)]) with { Category = category };
        var workflow = Pack.Compiled(DecisionPoint.Guidance);
        object[] inputs = [new ComplaintFacts(complaint), Pack.Facts];

        var matches = workflow.Run(inputs);

        for (var i = 0; i < workflow.RuleArray.Length; i++)
        {
            var rule = workflow.RuleArray[i];
            var alone = rule.Matches(inputs, out var error);
            var guardSkipped = rule.Guards.Any(g => g.First) && category != "food";
            matches.IsMatched(i).Should().Be(alone && !guardSkipped, rule.Name);
            if (!guardSkipped)
            {
                matches[i].Should().Be(rule.Trace(alone, inputs, error), $"{rule.Name}'s trace is the one it gives alone");
            }
        }
    }

    [Fact]
    public void TheRulesWithoutAGuard_AreOneBatch_EvaluatedTogether()
    {
        var rules = Pack.Compiled(DecisionPoint.Guidance).RuleArray;

        var index = new GuardIndex(rules);

        index.AlwaysBatches.Should().ContainSingle().Which.Together.Should().BeTrue();
        index.AlwaysBatches[0].Rules.Select(i => rules[i].Name).Should().Equal("words", "claim", "limit", "code", "short", "report", "always");
        index.Indexes.Single().Rules["food"].Batches.Should().ContainSingle().Which.Rules.Select(i => rules[i].Name).Should().Equal("food", "food-claim");
    }

    [Fact]
    public void ABatch_GivenAnInputOfTheWrongType_ReportsEveryRulesOwnError()
    {
        var pack = new SyntheticPack()
            .Rule("guidance", "words", "Text.ContainsAny(complaint.Description, \"late\")", """{ "advice": "words" }""")
            .Rule("guidance", "claim", "complaint.ClaimAmount > 100", """{ "advice": "claim" }""")
            .Rule("guidance", "always", "true", """{ "advice": "always" }""")
            .Load();
        var workflow = pack.Compiled(DecisionPoint.Guidance);
        object[] inputs = ["not the complaint's facts", pack.Facts];

        var matches = workflow.Run(inputs);

        for (var i = 0; i < workflow.RuleArray.Length; i++)
        {
            var rule = workflow.RuleArray[i];
            rule.Matches(inputs, out var error).Should().BeFalse();
            error.Should().NotBeNull();
            matches.IsMatched(i).Should().BeFalse();
            matches[i].Should().Be(new RuleTrace(rule.Name, false, "error: " + error), "the error is the rule's own, as RulesEngine reports it");
        }
    }
}
