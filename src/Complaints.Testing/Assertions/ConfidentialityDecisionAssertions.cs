using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on a <see cref="ConfidentialityDecision"/>: <c>decision.Should().HideIdentity()</c>.</summary>
public sealed class ConfidentialityDecisionAssertions : PolicyDecisionAssertions<ConfidentialityDecision, ConfidentialityDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public ConfidentialityDecisionAssertions(ConfidentialityDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "confidentiality decision";

    /// <summary>Asserts that the reader may not see the complainant's identity.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<ConfidentialityDecisionAssertions> HideIdentity(string because = "", params object[] becauseArgs) =>
        Expect(d => !d.MaySeeIdentity, "to hide the complainant's identity", null, because, becauseArgs);

    /// <summary>Asserts that the reader may see the complainant's identity.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<ConfidentialityDecisionAssertions> ShowIdentity(string because = "", params object[] becauseArgs) =>
        Expect(d => d.MaySeeIdentity, "to show the complainant's identity", null, because, becauseArgs);

    /// <inheritdoc />
    protected override string Describe(ConfidentialityDecision decision) =>
        decision.MaySeeIdentity ? "it shows the identity" : $"it hides the identity ({Text.Quote(decision.Reason)})";
}
