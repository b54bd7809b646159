using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="RoutingDecision"/>: <c>decision.Should().RouteTo("finance").And.BeHandledBy("handler")</c>.</summary>
public sealed class RoutingDecisionAssertions : PolicyDecisionAssertions<RoutingDecision, RoutingDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public RoutingDecisionAssertions(RoutingDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "routing decision";

    /// <summary>Asserts the responsible department (compared exactly).</summary>
    /// <param name="department">The department's id.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<RoutingDecisionAssertions> RouteTo(string department, string because = "", params object[] becauseArgs) =>
        Expect(d => string.Equals(d.Department.Value, department, StringComparison.Ordinal), $"to route to {Text.Quote(department)}", null, because, becauseArgs);

    /// <summary>Asserts the role that handles the complaint in that department (ignoring case, as roles are matched).</summary>
    /// <param name="role">The role.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<RoutingDecisionAssertions> BeHandledBy(string role, string because = "", params object[] becauseArgs) =>
        Expect(d => string.Equals(d.Role, role, StringComparison.OrdinalIgnoreCase), $"to be handled by role {Text.Quote(role)}", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(RoutingDecision decision) =>
        $"it routes to {Text.Quote(decision.Department.Value)}, handled by role {Text.Quote(decision.Role)}";
}
