using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="RewardDecision"/>: <c>decision.Should().GrantBetween(1_000, 2_000).And.NeedConsentForPublicity()</c>.</summary>
public sealed class RewardDecisionAssertions : PolicyDecisionAssertions<RewardDecision, RewardDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public RewardDecisionAssertions(RewardDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "reward decision";

    /// <summary>Asserts that a reward is due, from exactly <paramref name="min"/> to exactly <paramref name="max"/> (after the pack's minimums and caps).</summary>
    /// <param name="min">The lowest amount.</param>
    /// <param name="max">The highest amount.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<RewardDecisionAssertions> GrantBetween(decimal min, decimal max, string because = "", params object[] becauseArgs) =>
        Expect(
            d => d.Eligible && d.Min?.Amount == min && d.Max?.Amount == max,
            $"to grant between {Text.Number(min)} and {Text.Number(max)}",
            null,
            because,
            becauseArgs);

    /// <summary>Asserts that no reward is due.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<RewardDecisionAssertions> GrantNothing(string because = "", params object[] becauseArgs) =>
        Expect(d => !d.Eligible, "to grant nothing", null, because, becauseArgs);

    /// <summary>Asserts that the reporter's consent is needed before any publicity or public award.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<RewardDecisionAssertions> NeedConsentForPublicity(string because = "", params object[] becauseArgs) =>
        Expect(d => d.ConsentNeededForPublicity, "to need the reporter's consent for publicity", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(RewardDecision decision) =>
        !decision.Eligible
            ? "it grants nothing"
            : $"it grants {Text.Money(decision.Min)} to {Text.Money(decision.Max)} ({decision.Basis}, {Text.Number(decision.MinPercent)}–{Text.Number(decision.MaxPercent)} %), " +
              (decision.ConsentNeededForPublicity ? "consent needed for publicity" : "no consent needed for publicity");
}
