using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on an <see cref="EscalationDecision"/>: <c>decision.Should().Escalate().And.Notify("general-manager")</c>.</summary>
public sealed class EscalationDecisionAssertions : PolicyDecisionAssertions<EscalationDecision, EscalationDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public EscalationDecisionAssertions(EscalationDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "escalation decision";

    /// <summary>Asserts that the case goes up a level.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<EscalationDecisionAssertions> Escalate(string because = "", params object[] becauseArgs) =>
        Expect(d => d.Escalate, "to escalate", null, because, becauseArgs);

    /// <summary>Asserts that the case stays at its level.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<EscalationDecisionAssertions> NotEscalate(string because = "", params object[] becauseArgs) =>
        Expect(d => !d.Escalate, "not to escalate", null, because, becauseArgs);

    /// <summary>Asserts who is told at the new level (ignoring case).</summary>
    /// <param name="role">The role notified.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<EscalationDecisionAssertions> Notify(string role, string because = "", params object[] becauseArgs) =>
        Expect(d => string.Equals(d.NotifyRole, role, StringComparison.OrdinalIgnoreCase), $"to notify {Text.Quote(role)}", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(EscalationDecision decision) =>
        decision.Escalate
            ? $"it escalates ({Text.Quote(decision.Reason)}), notifying {Text.Quote(decision.NotifyRole)}"
            : "it does not escalate";
}
