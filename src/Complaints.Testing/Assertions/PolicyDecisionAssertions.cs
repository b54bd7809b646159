using Complaints.Policy;

namespace Complaints.Testing;

/// <summary>Assertions on any <see cref="PolicyDecision"/>, including a host's own decision types: matched rules and the deciding pack.</summary>
public sealed class PolicyDecisionAssertions : PolicyDecisionAssertions<PolicyDecision, PolicyDecisionAssertions>
{
    /// <summary>Starts assertions on <paramref name="subject"/>.</summary>
    /// <param name="subject">The decision.</param>
    public PolicyDecisionAssertions(PolicyDecision subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "decision";

    /// <inheritdoc />
    protected override string Describe(PolicyDecision decision) => $"it is a {decision.GetType().Name}";
}
