using Complaints.Notifications;
using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="NoticeDecision"/>: <c>decision.Should().Tell("general-manager", NotificationKind.Alert)</c>.</summary>
public sealed class NoticeDecisionAssertions : PolicyDecisionAssertions<NoticeDecision, NoticeDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public NoticeDecisionAssertions(NoticeDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "notice decision";

    /// <summary>Asserts that a notice of <paramref name="kind"/> goes to <paramref name="to"/> (as the policy spells it: <c>complainant</c>, <c>owner</c>, a role, <c>manager@department</c> …).</summary>
    /// <param name="to">The recipient.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<NoticeDecisionAssertions> Tell(string to, NotificationKind kind, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        return Expect(d => d.Notices.Any(n => n.To == to && n.Kind == kind), $"to tell {Text.Quote(to)} ({kind})", null, because, becauseArgs);
    }

    /// <summary>Asserts that the policy adds no notice.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<NoticeDecisionAssertions> TellNoOne(string because = "", params object[] becauseArgs) =>
        Expect(d => d.Notices.Count == 0, "to tell no one", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(NoticeDecision decision) =>
        decision.Notices.Count == 0 ? "it tells no one" : "it tells " + string.Join(", ", decision.Notices.Select(n => $"{Text.Quote(n.To)} ({n.Kind})"));
}
