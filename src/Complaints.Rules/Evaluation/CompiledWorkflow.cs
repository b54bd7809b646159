using Complaints.Policy;
using RulesWorkflow = RulesEngine.Models.Workflow;

namespace Complaints.Rules.Evaluation;

/// <summary>One decision point's rules, compiled, with the RulesEngine workflow they came from.</summary>
internal sealed class CompiledWorkflow(DecisionPoint point, RulesWorkflow source, CompiledRule[] rules)
{
    private readonly CompiledRule[] _rules = rules;

    public DecisionPoint Point { get; } = point;

    public RulesWorkflow Source { get; } = source;

    public IReadOnlyList<CompiledRule> Rules => _rules;

    internal CompiledRule[] RuleArray => _rules;

    /// <summary>
    /// Evaluates every rule (as RulesEngine's ExecuteAllRules does) and records which matched. The explanation
    /// (a trace per rule, with what each matched rule saw) is built from that record when it is first read.
    /// </summary>
    public RuleMatches Run(object[] inputs)
    {
        var matches = new RuleMatches(this, inputs);
        var rules = _rules;
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Matches(inputs, out var error))
            {
                matches.Set(i);
            }
            else if (error is not null)
            {
                matches.Fail(i, error);
            }
        }

        return matches;
    }
}
