using Complaints.Rules.Loading;

namespace Complaints.Rules.Tests.Loading;

/// <summary>The nesting the pre-scan counts is the nesting the parser will descend: literals skipped as its tokenizer skips them.</summary>
public sealed class ExpressionLimitsTests
{
    [Theory]
    [InlineData("complaint.SafetyRisk", 0)]
    [InlineData("(a && (b || c)) && d[0]", 2)]
    [InlineData("!!!a", 3)]
    [InlineData("!a && !b && !(c)", 2)]
    [InlineData("a - -b", 1)]
    [InlineData("a != b", 0)]
    [InlineData("x > -(-(1))", 4)]
    [InlineData("Text.ContainsAny(d, \"(((((|)))))\")", 1)]
    [InlineData("Text.ContainsAny(d, \"a\\\"((((\") && (b)", 1)]
    [InlineData("Text.ContainsAny(d, \"a\"\"((((\") && (b)", 1)]
    [InlineData("c == '(' || (((x)))", 3)]
    [InlineData("))))(((x", 3)]
    public void Depth_CountsBracketsAndPrefixOperatorsOutsideLiterals(string expression, int depth) =>
        ExpressionLimits.Depth(expression).Should().Be(depth);

    [Fact]
    public void Check_WithinTheLimits_SaysNothing() =>
        ExpressionLimits.Check(new string('(', 32) + "x" + new string(')', 32)).Should().BeEmpty();

    [Fact]
    public void Check_UnterminatedLiteral_CountsNothingAfterIt() =>
        ExpressionLimits.Depth("(\"" + new string('(', 100)).Should().Be(1, "the parser reads the rest as one (unterminated) string");
}
