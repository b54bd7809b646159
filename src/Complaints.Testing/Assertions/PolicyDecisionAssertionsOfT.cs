using Complaints.Policy;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace Complaints.Testing;

/// <summary>
/// What every policy decision can be asserted on: the rules that matched and the pack that decided. Each
/// failure message ends with the decision's explanation (the pack version and every matched rule with the values
/// it saw), so a failing test says why the policy decided as it did. Derive from it to assert on a host's own
/// decision types.
/// </summary>
/// <typeparam name="TDecision">The decision type.</typeparam>
/// <typeparam name="TAssertions">The derived assertions type, returned for chaining.</typeparam>
public abstract class PolicyDecisionAssertions<TDecision, TAssertions> : ReferenceTypeAssertions<TDecision, TAssertions>
    where TDecision : PolicyDecision
    where TAssertions : PolicyDecisionAssertions<TDecision, TAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision; may be <see langword="null"/>, which fails every assertion.</param>
    protected PolicyDecisionAssertions(TDecision subject)
        : base(subject)
    {
    }

    /// <summary>Asserts that the rule named <paramref name="rule"/> matched (its condition held).</summary>
    /// <param name="rule">The rule's name in the pack.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<TAssertions> HaveMatched(string rule, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        return Expect(
            d => Find(d, rule) is { Matched: true },
            $"to have matched rule {Text.Quote(rule)}",
            d => Find(d, rule) switch
            {
                null => $"it considered no rule of that name; it considered {Considered(d)}",
                { Detail: { } detail } when Explanations.IsError(detail) => $"the rule failed with an {detail}",
                _ => "the rule did not match",
            },
            because,
            becauseArgs);
    }

    /// <summary>
    /// Asserts that the rule named <paramref name="rule"/> was considered and did not match. A rule the decision
    /// did not consider at all (a typo, or a rule the pack does not have) fails, as does one whose expression
    /// failed with an error, so that the assertion cannot pass by accident.
    /// </summary>
    /// <param name="rule">The rule's name in the pack.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<TAssertions> NotHaveMatched(string rule, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        return Expect(
            d => Find(d, rule) is { Matched: false } trace && !Explanations.IsError(trace.Detail),
            $"not to have matched rule {Text.Quote(rule)}",
            d => Find(d, rule) switch
            {
                null => $"it considered no rule of that name, so the assertion would pass for any case; it considered {Considered(d)}",
                { Matched: true } trace => $"it matched{(trace.Detail is null ? "" : ": " + trace.Detail)}",
                var trace => $"the rule failed with an {trace.Detail}, so it could not have matched whatever the case",
            },
            because,
            becauseArgs);
    }

    /// <summary>Asserts that the decision was made by the pack <paramref name="packId"/> (and version, if given).</summary>
    /// <param name="packId">The pack id, e.g. <c>hospital</c>.</param>
    /// <param name="version">The pack version, or <see langword="null"/> for any.</param>
    /// <param name="because">Why the assertion is needed; may hold <c>{0}</c> placeholders.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    public AndConstraint<TAssertions> BeDecidedBy(string packId, string? version = null, string because = "", params object[] becauseArgs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packId);
        return Expect(
            d => d.Explanation?.Policy is { } p && string.Equals(p.Id, packId, StringComparison.Ordinal) && (version is null || string.Equals(p.Version, version, StringComparison.Ordinal)),
            $"to be decided by {Text.Quote(version is null ? packId : $"{packId}@{version}")}",
            d => $"it was decided by {Text.Quote(d.Explanation?.Policy?.ToString() ?? "an unknown policy")}",
            because,
            becauseArgs);
    }

    /// <summary>The actual outcome of a decision in words, e.g. <c>it routes to "sales" (role "handler")</c>, used after "but" in failure messages.</summary>
    /// <param name="decision">The decision, not <see langword="null"/>.</param>
    /// <returns>The description.</returns>
    protected abstract string Describe(TDecision decision);

    /// <summary>
    /// Fails unless the subject is not <see langword="null"/> and <paramref name="condition"/> holds, with the
    /// message "Expected &lt;subject&gt; &lt;expectation&gt; because …, but &lt;actual&gt;." followed by the explanation.
    /// </summary>
    /// <param name="condition">What must hold of the decision.</param>
    /// <param name="expectation">What was expected, e.g. <c>to route to "finance"</c>.</param>
    /// <param name="actual">What was found instead; <see cref="Describe"/> if <see langword="null"/>.</param>
    /// <param name="because">Why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A constraint to chain further assertions with <c>And</c>.</returns>
    [CustomAssertion]
    protected AndConstraint<TAssertions> Expect(
        Func<TDecision, bool> condition,
        string expectation,
        Func<TDecision, string>? actual,
        string because,
        object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var start = "Expected {context:" + Identifier + "} " + Escape(expectation) + "{reason}, but ";
        var notNull = Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith(start + "found <null>.");
        if (notNull && !condition(Subject!))
        {
            var found = (actual ?? Describe)(Subject!);
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .FailWith(start + Escape(found) + "." + Escape(Environment.NewLine + Explanations.Of(Subject!.Explanation)));
        }

        return new AndConstraint<TAssertions>((TAssertions)this);
    }

    private static RuleTrace? Find(TDecision decision, string rule) =>
        decision.Explanation?.Rules?.FirstOrDefault(r => string.Equals(r.Rule, rule, StringComparison.Ordinal));

    private static string Considered(TDecision decision) =>
        decision.Explanation?.Rules is { Count: > 0 } rules ? string.Join(", ", rules.Select(r => Text.Quote(r.Rule))) : "no rules";

    // FluentAssertions formats the message with string.Format: braces in rule details must not be read as placeholders.
    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
