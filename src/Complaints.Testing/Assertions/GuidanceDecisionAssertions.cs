using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="GuidanceDecision"/>: <c>decision.Should().Advise("face to face")</c>.</summary>
public sealed class GuidanceDecisionAssertions : PolicyDecisionAssertions<GuidanceDecision, GuidanceDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public GuidanceDecisionAssertions(GuidanceDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "guidance decision";

    /// <summary>Asserts that some piece of advice contains <paramref name="text"/> (ignoring case).</summary>
    /// <param name="text">Words the advice should contain.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<GuidanceDecisionAssertions> Advise(string text, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return Expect(d => d.Advice.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase)), $"to advise {Text.Quote(text)}", null, because, becauseArgs);
    }

    /// <inheritdoc />
    protected override string Describe(GuidanceDecision decision) =>
        decision.Advice.Count == 0 ? "it gives no advice" : "it advises " + Text.Quotes(decision.Advice);
}
