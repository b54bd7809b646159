using System.Linq.Expressions;
using Complaints.Rules.Facts;
using Complaints.Rules.Loading;
using Complaints.Testing;
using RulesEngine.ExpressionBuilders;

namespace Complaints.Rules.Tests.Loading;

/// <summary>A condition compiled with its constant word lists and pack settings bound at load decides, and fails, as RulesEngine's own compilation of it.</summary>
public sealed class ConditionCompilerTests
{
    private static readonly RuleExpressionParser Parser = new(PolicyPack.RulesEngineSettings);
    private static readonly PackFacts Generic = PolicyPacks.LoadBuiltIn("generic").Facts;
    private static readonly PackFacts FoodService = PolicyPacks.LoadBuiltIn("food-service").Facts;

    [Theory]
    [InlineData("Text.ContainsAny(complaint.Description, \"charge|bill|收费\")")]
    [InlineData("complaint.IntakeCategory == \"\" && Text.ContainsAny(complaint.Description, \"late|deliver\")")]
    [InlineData("complaint.SafetyRisk || !Text.ContainsAny(complaint.Description.ToUpper(), \"RUDE | 态度\")")]
    [InlineData("Text.ContainsAny(complaint.Description, \"late\") && Text.ContainsAny(complaint.Location, \"shop\")")]
    [InlineData("Text.ContainsAny(complaint.Description.Substring(30), \"late\")")]
    [InlineData("Text.ContainsAny(complaint.Attribute(\"note\"), \"\")")]
    [InlineData("complaint.ClaimAmount > pack.Setting(\"majorClaim\")")]
    [InlineData("complaint.ClaimAmount > pack.Setting(\"MAJORCLAIM\") || complaint.ClaimAmount > pack.Limit(\"handler\")")]
    [InlineData("complaint.ClaimAmount > pack.Setting(\"no-such-setting\")")]
    [InlineData("complaint.ClaimAmount > pack.Limit(\"nobody\")")]
    public void CompileBound_ConstantWordLists_DecidesAndThrowsAsRulesEngine(string expression)
    {
        var ours = Compile(expression);

        ours.Should().NotBeNull("the expression calls a helper with a constant argument");
        var theirs = Parser.Compile<bool>(expression, [.. PolicyPack.Inputs(DecisionPoint.Severity)]);
        // The same pack's facts again and again, then another pack's: a value kept for one pack is not used for another.
        foreach (var pack in new[] { Generic, Generic, FoodService, Generic })
        {
            foreach (var description in new[] { "Late again.", "I was charged twice.", "他们乱收费", "The waiter was RUDE to us, the plate was late!", "short" })
            {
                foreach (var claim in new[] { 0m, 600m, 60_000m })
                {
                    var inputs = new object[] { new ComplaintFacts(A.Complaint().Described(description).At("the shop").Claiming(claim).Build()), pack };
                    Outcome(ours!, inputs).Should().Be(Outcome(theirs, inputs), $"\"{description}\", {claim}, pack {pack.Id}");
                }
            }
        }
    }

    [Theory]
    [InlineData("complaint.ClaimAmount > 100")]
    [InlineData("Text.ContainsAny(complaint.Description, complaint.Location)")]
    [InlineData("complaint.ClaimAmount > pack.Setting(complaint.Location)")]
    public void CompileBound_NoConstantWordList_LeavesTheConditionToRulesEngine(string expression) =>
        Compile(expression).Should().BeNull();

    private static Func<object[], bool>? Compile(string expression)
    {
        var expressions = PolicyPack.Inputs(DecisionPoint.Severity).Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();
        return ConditionCompiler.CompileBound(Parser.Parse(expression, expressions, typeof(bool)), expressions);
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
