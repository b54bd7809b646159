using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on an <see cref="ApprovalDecision"/>: <c>decision.Should().RequireApprovalBy("general-manager")</c>. Roles compare ignoring case.</summary>
public sealed class ApprovalDecisionAssertions : PolicyDecisionAssertions<ApprovalDecision, ApprovalDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public ApprovalDecisionAssertions(ApprovalDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "approval decision";

    /// <summary>Asserts that <paramref name="role"/> is among the approval steps (others may be too).</summary>
    /// <param name="role">The role.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<ApprovalDecisionAssertions> RequireApprovalBy(string role, string because = "", params object[] becauseArgs) =>
        Expect(d => d.Steps.Contains(role, StringComparer.OrdinalIgnoreCase), $"to require approval by {Text.Quote(role)}", null, because, becauseArgs);

    /// <summary>Asserts the approval steps exactly: these roles, in this order, and no others.</summary>
    /// <param name="roles">The roles, first approver first.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<ApprovalDecisionAssertions> RequireApprovalSteps(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return Expect(
            d => d.Steps.SequenceEqual(roles, StringComparer.OrdinalIgnoreCase),
            roles.Length == 0 ? "to require no approval" : $"to require approval by {string.Join(" then ", roles.Select(Text.Quote))}, exactly",
            null,
            "",
            []);
    }

    /// <summary>Asserts that no approval is needed: the handler may decide alone.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<ApprovalDecisionAssertions> BeWithinHandlerAuthority(string because = "", params object[] becauseArgs) =>
        Expect(d => d.WithinHandlerAuthority, "to be within the handler's authority", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(ApprovalDecision decision) =>
        decision.WithinHandlerAuthority
            ? "it is within the handler's authority (no approval steps)"
            : $"it requires approval by {string.Join(" then ", decision.Steps.Select(Text.Quote))}";
}
