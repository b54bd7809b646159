using System.Collections.ObjectModel;
using System.Linq.Expressions;
using Complaints.Policy;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Facts;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// A batch whose conditions ask about several attributes (<c>complaint.HasAttribute("plate")</c>) reads the case's
/// attributes once and tests a bit per name: each rule decides what it decides alone, whatever dictionary the case's
/// attributes are in (ordinal or not, a plain dictionary or another kind, more entries than names), and a rule whose
/// attribute has no value (null) reports its own error.
/// </summary>
public sealed class AttributeNamesTests
{
    private static readonly PolicyPack Pack = new SyntheticPack()
        .Rule("guidance", "plate", "complaint.HasAttribute(\"plate\")", """{ "advice": "plate" }""")
        .Rule("guidance", "ward-claim", "complaint.HasAttribute(\"ward\") && complaint.ClaimAmount > 10", """{ "advice": "ward" }""")
        .Rule("guidance", "report-or-plate", "complaint.Kind == \"report\" || complaint.HasAttribute(\"Plate\")", """{ "advice": "report" }""")
        .Rule("guidance", "batch", "!complaint.HasAttribute(\"batch\")", """{ "advice": "batch" }""")
        .Rule("guidance", "plate-value", "complaint.Attribute(\"plate\") == \"A1\"", """{ "advice": "value" }""")
        .Rule("guidance", "always", "true", """{ "advice": "always" }""")
        .Load();

    public static TheoryData<string, decimal?> Cases => new()
    {
        { "none", 50m },
        { "empty", 50m },
        { "plate", 5m },
        { "plate-and-ward", 50m },
        { "empty-values", 50m },
        { "other-case", 50m },
        { "ignoring-case", 50m },
        { "read-only", 50m },
        { "more-entries-than-names", 50m },
        { "null-ward", 50m },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABatchAskingAboutSeveralAttributes_DecidesAsEachRuleAlone(string attributes, decimal? claim)
    {
        var complaint = SyntheticPack.Case("Something went wrong.", claim);
        complaint = complaint with { Intake = complaint.Intake with { Attributes = Attributes(attributes) } };
        var workflow = Pack.Compiled(DecisionPoint.Guidance);
        workflow.RuleArray.Should().HaveCount(6);
        object[] inputs = [new ComplaintFacts(complaint), Pack.Facts];

        var matches = workflow.Run(inputs);

        for (var i = 0; i < workflow.RuleArray.Length; i++)
        {
            var rule = workflow.RuleArray[i];
            var alone = rule.Matches(inputs, out var error);
            matches.IsMatched(i).Should().Be(alone, rule.Name);
            matches[i].Should().Be(rule.Trace(alone, inputs, error), $"{rule.Name}'s trace is the one it gives alone");
        }
    }

    [Fact]
    public void ARuleWhoseAttributeHasNoValue_ReportsItsOwnError_TheOthersTheirOutcome()
    {
        var complaint = SyntheticPack.Case("Something went wrong.", 50m);
        complaint = complaint with { Intake = complaint.Intake with { Attributes = Attributes("null-ward") } };
        var workflow = Pack.Compiled(DecisionPoint.Guidance);

        var matches = workflow.Run([new ComplaintFacts(complaint), Pack.Facts]);

        matches.Single(t => t.Rule == "ward-claim").Detail.Should().StartWith("error: ");
        matches.Where(t => t.Rule != "ward-claim").Should().OnlyContain(t => t.Detail == null || !t.Detail.StartsWith("error", StringComparison.Ordinal));
        matches.Where(t => t.Matched).Select(t => t.Rule).Should().Equal("plate", "batch", "plate-value", "always");
    }

    [Fact]
    public void Rewrite_PutsABitTestInPlaceOfEachCall_WhenSeveralNamesAreAsked()
    {
        var complaint = Expression.Parameter(typeof(ComplaintFacts), "complaint");
        Expression[] conditions = [Has(complaint, "plate"), Expression.AndAlso(Has(complaint, "ward"), Has(complaint, "plate"))];
        var variables = new List<ParameterExpression>();
        var initial = new List<Expression>();

        var rewritten = AttributeNames.Rewrite(conditions, [complaint], variables, initial);

        rewritten.Should().HaveCount(2).And.OnlyContain(c => !c.ToString().Contains("HasAttribute", StringComparison.Ordinal));
        variables.Should().HaveCount(2);
        initial.Should().HaveCount(2);
    }

    [Fact]
    public void Rewrite_LeavesASingleNameAsked_AsItsCall()
    {
        var complaint = Expression.Parameter(typeof(ComplaintFacts), "complaint");
        Expression[] conditions = [Has(complaint, "plate"), Expression.Not(Has(complaint, "plate"))];
        var variables = new List<ParameterExpression>();

        var rewritten = AttributeNames.Rewrite(conditions, [complaint], variables, []);

        rewritten.Should().Equal(conditions);
        variables.Should().BeEmpty();
    }

    private static MethodCallExpression Has(ParameterExpression complaint, string name) =>
        Expression.Call(complaint, typeof(ComplaintFacts).GetMethod(nameof(ComplaintFacts.HasAttribute))!, Expression.Constant(name));

    private static IReadOnlyDictionary<string, string>? Attributes(string kind) => kind switch
    {
        "none" => null,
        "empty" => new Dictionary<string, string>(),
        "plate" => new Dictionary<string, string> { ["plate"] = "A1" },
        "plate-and-ward" => new Dictionary<string, string>(StringComparer.Ordinal) { ["plate"] = "B2", ["ward"] = "3" },
        "empty-values" => new Dictionary<string, string> { ["plate"] = "", ["ward"] = "" },
        "other-case" => new Dictionary<string, string> { ["PLATE"] = "A1", ["Ward"] = "3" },
        "ignoring-case" => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["PLATE"] = "A1", ["Ward"] = "3" },
        "read-only" => new ReadOnlyDictionary<string, string>(new Dictionary<string, string> { ["Plate"] = "A1", ["batch"] = "7" }),
        "more-entries-than-names" => Enumerable.Range(0, 10).ToDictionary(i => i == 0 ? "ward" : $"field-{i}", i => $"{i}"),
        "null-ward" => new Dictionary<string, string> { ["plate"] = "A1", ["ward"] = null! },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such case"),
    };
}
