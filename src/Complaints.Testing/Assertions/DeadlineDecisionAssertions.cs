using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="DeadlineDecision"/>: <c>decision.Should().HaveDeadline(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays)</c>.</summary>
public sealed class DeadlineDecisionAssertions : PolicyDecisionAssertions<DeadlineDecision, DeadlineDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public DeadlineDecisionAssertions(DeadlineDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "deadline decision";

    /// <summary>Asserts that the deadline of <paramref name="kind"/> is <paramref name="amount"/> <paramref name="unit"/>.</summary>
    /// <param name="kind">What must happen.</param>
    /// <param name="amount">How many units.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<DeadlineDecisionAssertions> HaveDeadline(DeadlineKind kind, int amount, DeadlineUnit unit, string because = "", params object[] becauseArgs) =>
        Expect(
            d => d.Deadlines.Any(x => x.Kind == kind && x.Amount == amount && x.Unit == unit),
            $"to set a {kind} deadline of {amount} {unit}",
            null,
            because,
            becauseArgs);

    /// <summary>
    /// Asserts that the deadline of <paramref name="kind"/> was set by the rule named <paramref name="rule"/>. The
    /// first matching rule of a kind sets it, so a later rule of the same kind may match without setting anything;
    /// this tells the two apart where <c>HaveMatched</c> cannot.
    /// </summary>
    /// <param name="kind">What must happen.</param>
    /// <param name="rule">The rule's name in the pack.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<DeadlineDecisionAssertions> HaveDeadlineSetBy(DeadlineKind kind, string rule, string because = "", params object[] becauseArgs) =>
        Expect(
            d => d.Deadlines.Any(x => x.Kind == kind && string.Equals(x.Rule, rule, StringComparison.Ordinal)),
            $"to have its {kind} deadline set by rule {Text.Quote(rule)}",
            null,
            because,
            becauseArgs);

    /// <summary>Asserts that no deadline of <paramref name="kind"/> is set.</summary>
    /// <param name="kind">What must not have a deadline.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<DeadlineDecisionAssertions> HaveNoDeadline(DeadlineKind kind, string because = "", params object[] becauseArgs) =>
        Expect(d => d.Deadlines.All(x => x.Kind != kind), $"to set no {kind} deadline", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(DeadlineDecision decision) =>
        decision.Deadlines.Count == 0
            ? "it sets no deadlines"
            : "it sets " + string.Join(", ", decision.Deadlines.Select(d => $"{d.Kind} {d.Amount} {d.Unit} (rule {Text.Quote(d.Rule)})"));
}
