using Complaints.Policy;
using RulesWorkflow = RulesEngine.Models.Workflow;

namespace Complaints.Rules.Evaluation;

/// <summary>One decision point's rules, compiled, with the RulesEngine workflow they came from.</summary>
internal sealed class CompiledWorkflow(DecisionPoint point, RulesWorkflow source, CompiledRule[] rules)
{
    private readonly CompiledRule[] _rules = rules;
    private readonly GuardIndex _index = new(rules);

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
        foreach (var i in _index.Always)
        {
            Evaluate(i, inputs, matches);
        }

        // A rule with a guard is evaluated only when the value its guard reads equals the guard's constant;
        // otherwise its condition is false without being evaluated (its explanation evaluates it, for errors).
        foreach (var index in _index.Indexes)
        {
            if (index.Read(inputs[index.Input]) is { } value && index.Rules.TryGetValue(value, out var candidates))
            {
                foreach (var i in candidates)
                {
                    Evaluate(i, inputs, matches);
                }
            }
        }

        return matches;
    }

    private void Evaluate(int i, object[] inputs, RuleMatches matches)
    {
        if (_rules[i].Matches(inputs, out var error))
        {
            matches.Set(i);
        }
        else if (error is not null)
        {
            matches.Fail(i, error);
        }
    }
}
