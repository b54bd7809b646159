using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="PenaltyDecision"/>: <c>decision.Should().Impose(SanctionKind.Demerit)</c>.</summary>
public sealed class PenaltyDecisionAssertions : PolicyDecisionAssertions<PenaltyDecision, PenaltyDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public PenaltyDecisionAssertions(PenaltyDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "penalty decision";

    /// <summary>Asserts that a sanction of <paramref name="kind"/> (and, if given, of <paramref name="amount"/>) is among those imposed.</summary>
    /// <param name="kind">The sanction.</param>
    /// <param name="amount">For a fine, the amount; any if <see langword="null"/>.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<PenaltyDecisionAssertions> Impose(SanctionKind kind, decimal? amount = null, string because = "", params object[] becauseArgs) =>
        Expect(
            d => d.Sanctions.Any(s => s.Kind == kind && (amount is null || s.Amount?.Amount == amount)),
            amount is { } a ? $"to impose {kind} of {Text.Number(a)}" : $"to impose {kind}",
            null,
            because,
            becauseArgs);

    /// <summary>Asserts that no sanction is imposed.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<PenaltyDecisionAssertions> ImposeNothing(string because = "", params object[] becauseArgs) =>
        Expect(d => d.Sanctions.Count == 0, "to impose nothing", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(PenaltyDecision decision) =>
        decision.Sanctions.Count == 0
            ? "it imposes nothing"
            : "it imposes " + string.Join(", ", decision.Sanctions.Select(s => $"{s.Kind}{(s.Amount is null ? "" : " of " + s.Amount)} (rule {Text.Quote(s.Rule)})"));
}
