using System.Diagnostics.Contracts;
using Complaints.Policy;

namespace Complaints.Testing;

/// <summary>The <c>Should()</c> entry points for policy decisions, in the style of FluentAssertions.</summary>
public static class PolicyDecisionAssertionExtensions
{
    /// <summary>Starts assertions on an admissibility decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static AdmissibilityDecisionAssertions Should(this AdmissibilityDecision decision) => new(decision);

    /// <summary>Starts assertions on a severity decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static SeverityDecisionAssertions Should(this SeverityDecision decision) => new(decision);

    /// <summary>Starts assertions on a routing decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static RoutingDecisionAssertions Should(this RoutingDecision decision) => new(decision);

    /// <summary>Starts assertions on a deadline decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static DeadlineDecisionAssertions Should(this DeadlineDecision decision) => new(decision);

    /// <summary>Starts assertions on an approval decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static ApprovalDecisionAssertions Should(this ApprovalDecision decision) => new(decision);

    /// <summary>Starts assertions on a recusal decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static RecusalDecisionAssertions Should(this RecusalDecision decision) => new(decision);

    /// <summary>Starts assertions on a confidentiality decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static ConfidentialityDecisionAssertions Should(this ConfidentialityDecision decision) => new(decision);

    /// <summary>Starts assertions on an escalation decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static EscalationDecisionAssertions Should(this EscalationDecision decision) => new(decision);

    /// <summary>Starts assertions on a reward decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static RewardDecisionAssertions Should(this RewardDecision decision) => new(decision);

    /// <summary>Starts assertions on a penalty decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static PenaltyDecisionAssertions Should(this PenaltyDecision decision) => new(decision);

    /// <summary>Starts assertions on a guidance decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static GuidanceDecisionAssertions Should(this GuidanceDecision decision) => new(decision);

    /// <summary>Starts assertions on a notice decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static NoticeDecisionAssertions Should(this NoticeDecision decision) => new(decision);

    /// <summary>Starts assertions on any decision (its matched rules and deciding pack), such as a host's own decision type.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The assertions.</returns>
    [Pure]
    public static PolicyDecisionAssertions Should(this PolicyDecision decision) => new(decision);
}
