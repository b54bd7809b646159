using Complaints.Policy;
using FluentAssertions;

namespace Complaints.Testing;

/// <summary>Assertions on an <see cref="AdmissibilityDecision"/>: <c>decision.Should().BeRedirectedTo("the public security authorities")</c>.</summary>
public sealed class AdmissibilityDecisionAssertions : PolicyDecisionAssertions<AdmissibilityDecision, AdmissibilityDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public AdmissibilityDecisionAssertions(AdmissibilityDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "admissibility decision";

    /// <summary>Asserts that the complaint is ours to handle.</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<AdmissibilityDecisionAssertions> BeAccepted(string because = "", params object[] becauseArgs) =>
        Expect(d => d.Outcome == AdmissibilityOutcome.Accept, "to accept the complaint", null, because, becauseArgs);

    /// <summary>Asserts that the complaint is rejected as not admissible (whatever the reason given).</summary>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<AdmissibilityDecisionAssertions> BeRejected(string because = "", params object[] becauseArgs) =>
        Expect(d => d.Outcome == AdmissibilityOutcome.Reject, "to reject the complaint", null, because, becauseArgs);

    /// <summary>Asserts that the complainant is directed to <paramref name="body"/> (compared exactly).</summary>
    /// <param name="body">Where the complainant should be sent, as the pack words it.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<AdmissibilityDecisionAssertions> BeRedirectedTo(string body, string because = "", params object[] becauseArgs) =>
        Expect(
            d => d.Outcome == AdmissibilityOutcome.Redirect && string.Equals(d.RedirectTo, body, StringComparison.Ordinal),
            $"to redirect the complainant to {Text.Quote(body)}",
            null,
            because,
            becauseArgs);

    /// <inheritdoc />
    protected override string Describe(AdmissibilityDecision decision) => decision.Outcome switch
    {
        AdmissibilityOutcome.Accept => "it accepts the complaint",
        AdmissibilityOutcome.Reject => $"it rejects it ({Text.Quote(decision.Reason)})",
        _ => $"it redirects it to {Text.Quote(decision.RedirectTo)} ({Text.Quote(decision.Reason)})",
    };
}
