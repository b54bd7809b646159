using Complaints.Policy;
using RulesWorkflow = RulesEngine.Models.Workflow;

namespace Complaints.Rules.Evaluation;

/// <summary>One decision point's rules, compiled, with the RulesEngine workflow they came from.</summary>
internal sealed class CompiledWorkflow(DecisionPoint point, RulesWorkflow source, CompiledRule[] rules)
{
    public DecisionPoint Point { get; } = point;

    public RulesWorkflow Source { get; } = source;

    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    /// <summary>Evaluates every rule (as RulesEngine's ExecuteAllRules does) and returns the matched ones with the explanation.</summary>
    public (List<CompiledRule> Matched, PolicyExplanation Explanation) Run(object[] inputs, PolicyRef policy)
    {
        var matched = new List<CompiledRule>(4);
        var traces = new RuleTrace[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var ok = rule.Matches(inputs, out var error);
            if (ok)
            {
                matched.Add(rule);
            }

            traces[i] = rule.Trace(ok, inputs, error);
        }

        return (matched, new PolicyExplanation(policy, traces));
    }
}
