using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="SeverityDecision"/>: <c>decision.Should().HaveTier(Severity.Major).And.HaveCategory("billing")</c>.</summary>
public sealed class SeverityDecisionAssertions : PolicyDecisionAssertions<SeverityDecision, SeverityDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public SeverityDecisionAssertions(SeverityDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "severity decision";

    /// <summary>Asserts the severity tier.</summary>
    /// <param name="tier">The expected tier.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<SeverityDecisionAssertions> HaveTier(Severity tier, string because = "", params object[] becauseArgs) =>
        Expect(d => d.Tier == tier, $"to have tier {tier}", null, because, becauseArgs);

    /// <summary>Asserts the category (compared exactly).</summary>
    /// <param name="category">The expected category, e.g. <c>billing</c>.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<SeverityDecisionAssertions> HaveCategory(string category, string because = "", params object[] becauseArgs) =>
        Expect(d => string.Equals(d.Category, category, StringComparison.Ordinal), $"to have category {Text.Quote(category)}", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(SeverityDecision decision) =>
        $"it has tier {decision.Tier} and category {Text.Quote(decision.Category)} (reasons: {string.Join("; ", decision.Reasons ?? [])})";
}
