using Complaints.Rules.Evaluation;

namespace Complaints.Rules.NRules.Packs;

/// <summary>
/// The fact a pack's compiled rules match in an NRules session: one decision point's inputs, as the pack's own
/// evaluator receives them (<c>complaint</c>, <c>pack</c>, then <c>remedy</c>, <c>person</c>, <c>trigger</c> …), and
/// which rules matched or threw, recorded by the rules themselves. One subtype per decision point, so a point's rules
/// see only its own requests. A request serves one decision.
/// </summary>
internal abstract class PackRequest
{
    private MatchSet _set;
    private object[] _inputs;

    /// <summary>Creates the request.</summary>
    /// <param name="inputs">The inputs, kept (the caller gives a copy of its own).</param>
    /// <param name="rules">How many rules the decision point has.</param>
    protected PackRequest(object[] inputs, int rules)
    {
        _inputs = inputs;
        _set = new MatchSet(rules);
    }

    /// <summary>The inputs, in the order of the decision point's parameters; none once <see cref="Release"/>d.</summary>
    public object[] Inputs => _inputs;

    /// <summary>
    /// Drops the inputs and the outcome (whose errors may quote the case) once the request is fired and its outcome
    /// taken, so that a session keeping the request keeps nothing of the case.
    /// </summary>
    public void Release()
    {
        _inputs = [];
        _set = Released;
    }

    private static readonly MatchSet Released = new(0);

    /// <summary>Which rules matched (their actions fired) and which threw.</summary>
    public MatchSet Matches => _set;

    /// <summary>The action of rule <paramref name="index"/>: it matched.</summary>
    /// <param name="index">The rule's index in its decision file.</param>
    public void Matched(int index) => _set.Set(index);

    /// <summary>
    /// The condition of a pack rule: its compiled condition, with the pack's semantics — a condition that throws does
    /// not match, and its message is kept for the explanation.
    /// </summary>
    /// <param name="rule">The compiled rule.</param>
    /// <param name="index">The rule's index in its decision file.</param>
    /// <param name="request">The request.</param>
    /// <returns>Whether the condition holds.</returns>
    public static bool Holds(CompiledRule rule, int index, PackRequest request)
    {
        if (rule.Matches(request.Inputs, out var error))
        {
            return true;
        }

        if (error is not null)
        {
            request._set.Fail(index, error);
        }

        return false;
    }

    /// <summary>
    /// A rule's first conjunct of the form <c>value == "constant"</c>, tested on its own before the whole condition: when
    /// it is false the condition is false without evaluating anything that could throw (as the pack's own guard index skips it).
    /// </summary>
    /// <param name="read">Reads the value.</param>
    /// <param name="input">The input read.</param>
    /// <param name="value">The constant.</param>
    /// <param name="request">The request.</param>
    /// <returns>Whether the value equals the constant (ordinal, as the expression's <c>==</c>).</returns>
    public static bool Is(Func<object, string?> read, int input, string value, PackRequest request) =>
        string.Equals(read(request.Inputs[input]), value, StringComparison.Ordinal);

    /// <summary>The request type of each decision point, by the point's value.</summary>
    public static readonly Type[] Types =
    [
        typeof(AdmissibilityRequest), typeof(SeverityRequest), typeof(RoutingRequest), typeof(DeadlinesRequest),
        typeof(ApprovalRequest), typeof(RecusalRequest), typeof(ConfidentialityRequest), typeof(EscalationRequest),
        typeof(RewardsRequest), typeof(PenaltiesRequest), typeof(GuidanceRequest), typeof(NoticesRequest),
    ];

    /// <summary>A request of <paramref name="point"/>'s type.</summary>
    /// <param name="point">The decision point.</param>
    /// <param name="inputs">The inputs (a copy the request keeps).</param>
    /// <param name="rules">How many rules the point has.</param>
    /// <returns>The request.</returns>
    public static PackRequest For(DecisionPoint point, object[] inputs, int rules) => point switch
    {
        DecisionPoint.Admissibility => new AdmissibilityRequest(inputs, rules),
        DecisionPoint.Severity => new SeverityRequest(inputs, rules),
        DecisionPoint.Routing => new RoutingRequest(inputs, rules),
        DecisionPoint.Deadlines => new DeadlinesRequest(inputs, rules),
        DecisionPoint.Approval => new ApprovalRequest(inputs, rules),
        DecisionPoint.Recusal => new RecusalRequest(inputs, rules),
        DecisionPoint.Confidentiality => new ConfidentialityRequest(inputs, rules),
        DecisionPoint.Escalation => new EscalationRequest(inputs, rules),
        DecisionPoint.Rewards => new RewardsRequest(inputs, rules),
        DecisionPoint.Penalties => new PenaltiesRequest(inputs, rules),
        DecisionPoint.Guidance => new GuidanceRequest(inputs, rules),
        DecisionPoint.Notices => new NoticesRequest(inputs, rules),
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, "A decision point without an NRules request type."),
    };
}

/// <summary>An admissibility decision's inputs: <c>complaint</c>, <c>pack</c>.</summary>
internal sealed class AdmissibilityRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A severity decision's inputs: <c>complaint</c>, <c>pack</c>.</summary>
internal sealed class SeverityRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A routing decision's inputs: <c>complaint</c>, <c>pack</c>.</summary>
internal sealed class RoutingRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A deadlines decision's inputs: <c>complaint</c>, <c>pack</c>.</summary>
internal sealed class DeadlinesRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>An approval decision's inputs: <c>complaint</c>, <c>pack</c>, <c>remedy</c>.</summary>
internal sealed class ApprovalRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A recusal decision's inputs: <c>complaint</c>, <c>pack</c>, <c>person</c>.</summary>
internal sealed class RecusalRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A confidentiality decision's inputs: <c>complaint</c>, <c>pack</c>, <c>person</c> (the reader).</summary>
internal sealed class ConfidentialityRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>An escalation decision's inputs: <c>complaint</c>, <c>pack</c>, <c>trigger</c>.</summary>
internal sealed class EscalationRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A reward decision's inputs: <c>complaint</c>, <c>pack</c>.</summary>
internal sealed class RewardsRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A penalty decision's inputs: <c>complaint</c>, <c>pack</c>, <c>person</c>, <c>misconduct</c>.</summary>
internal sealed class PenaltiesRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A guidance decision's inputs: <c>complaint</c>, <c>pack</c>.</summary>
internal sealed class GuidanceRequest(object[] inputs, int rules) : PackRequest(inputs, rules);

/// <summary>A notice decision's inputs: <c>complaint</c>, <c>pack</c>, <c>notice</c> (the event).</summary>
internal sealed class NoticesRequest(object[] inputs, int rules) : PackRequest(inputs, rules);
