using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="RecusalDecision"/>: <c>decision.Should().BeRecused().And.HaveMatched("accused-department")</c>.</summary>
public sealed class RecusalDecisionAssertions : PolicyDecisionAssertions<RecusalDecision, RecusalDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public RecusalDecisionAssertions(RecusalDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "recusal decision";

    /// <summary>Asserts that the person must step aside from the case.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<RecusalDecisionAssertions> BeRecused(string because = "", params object[] becauseArgs) =>
        Expect(d => d.MustRecuse, "to require recusal", null, because, becauseArgs);

    /// <summary>Asserts that the person may act on the case.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<RecusalDecisionAssertions> NotBeRecused(string because = "", params object[] becauseArgs) =>
        Expect(d => !d.MustRecuse, "not to require recusal", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(RecusalDecision decision) =>
        decision.MustRecuse ? $"it requires recusal ({Text.Quote(decision.Reason)})" : "it does not require recusal";
}
