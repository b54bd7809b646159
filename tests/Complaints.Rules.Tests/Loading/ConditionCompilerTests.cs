using System.Linq.Expressions;
using Complaints.Rules.Facts;
using Complaints.Rules.Loading;
using Complaints.Testing;
using RulesEngine.ExpressionBuilders;

namespace Complaints.Rules.Tests.Loading;

/// <summary>A condition compiled with its word lists bound to searchers decides, and fails, as RulesEngine's own compilation of it.</summary>
public sealed class ConditionCompilerTests
{
    private static readonly RuleExpressionParser Parser = new(PolicyPack.RulesEngineSettings);

    [Theory]
    [InlineData("Text.ContainsAny(complaint.Description, \"charge|bill|收费\")")]
    [InlineData("complaint.IntakeCategory == \"\" && Text.ContainsAny(complaint.Description, \"late|deliver\")")]
    [InlineData("complaint.SafetyRisk || !Text.ContainsAny(complaint.Description.ToUpper(), \"RUDE | 态度\")")]
    [InlineData("Text.ContainsAny(complaint.Description, \"late\") && Text.ContainsAny(complaint.Location, \"shop\")")]
    [InlineData("Text.ContainsAny(complaint.Description.Substring(30), \"late\")")]
    [InlineData("Text.ContainsAny(complaint.Attribute(\"note\"), \"\")")]
    public void CompileWithSearchers_ConstantWordLists_DecidesAndThrowsAsRulesEngine(string expression)
    {
        var ours = Compile(expression);

        ours.Should().NotBeNull("the expression calls Text.ContainsAny with a constant word list");
        var theirs = Parser.Compile<bool>(expression, [.. PolicyPack.Inputs(DecisionPoint.Severity)]);
        foreach (var description in new[] { "Late again.", "I was charged twice.", "他们乱收费", "The waiter was RUDE to us, the plate was late!", "short" })
        {
            var inputs = new object[] { new ComplaintFacts(A.Complaint().Described(description).At("the shop").Build()), PolicyPacks.LoadBuiltIn("generic").Facts };
            Outcome(ours!, inputs).Should().Be(Outcome(theirs, inputs), $"\"{description}\"");
        }
    }

    [Theory]
    [InlineData("complaint.ClaimAmount > 100")]
    [InlineData("Text.ContainsAny(complaint.Description, complaint.Location)")]
    public void CompileWithSearchers_NoConstantWordList_LeavesTheConditionToRulesEngine(string expression) =>
        Compile(expression).Should().BeNull();

    private static Func<object[], bool>? Compile(string expression)
    {
        var expressions = PolicyPack.Inputs(DecisionPoint.Severity).Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();
        return ConditionCompiler.CompileWithSearchers(Parser.Parse(expression, expressions, typeof(bool)), expressions);
    }

    private static string Outcome(Func<object[], bool> condition, object[] inputs)
    {
        try
        {
            return condition(inputs).ToString();
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
