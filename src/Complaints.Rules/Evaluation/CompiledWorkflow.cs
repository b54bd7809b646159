using Complaints.Policy;
using RulesWorkflow = RulesEngine.Models.Workflow;

namespace Complaints.Rules.Evaluation;

/// <summary>One decision point's rules, compiled, with the RulesEngine workflow they came from.</summary>
internal sealed class CompiledWorkflow
{
    private readonly CompiledRule[] _rules;
    private readonly GuardIndex _index;
    private readonly RuleMatches _noneMatched;

    public CompiledWorkflow(DecisionPoint point, RulesWorkflow source, CompiledRule[] rules)
    {
        Point = point;
        Source = source;
        _rules = rules;
        _index = new GuardIndex(rules);
        _noneMatched = RuleMatches.NoneMatched(this);
    }

    public DecisionPoint Point { get; }

    public RulesWorkflow Source { get; }

    public IReadOnlyList<CompiledRule> Rules => _rules;

    internal CompiledRule[] RuleArray => _rules;

    /// <summary>Whether skipping the rule at <paramref name="index"/> for its guard may hide an error its condition throws.</summary>
    public bool MayHideError(int index) => _index.MayHideError[index];

    /// <summary>
    /// The one outcome shared by every evaluation in which all rules were evaluated and none matched or threw
    /// (<see cref="Run"/> returns it then): its explanation does not depend on the inputs.
    /// </summary>
    public RuleMatches NoneMatched => _noneMatched;

    /// <summary>
    /// Evaluates every rule (as RulesEngine's ExecuteAllRules does) and records which matched. The explanation
    /// (a trace per rule, with what each matched rule saw) is built from that record when it is first read.
    /// </summary>
    /// <param name="inputs">
    /// The inputs, in the order of the decision point's parameters. The caller may reuse the array after the call: an
    /// outcome that needs the inputs for its explanation keeps them in its own fields, and <see cref="NoneMatched"/> none.
    /// </param>
    /// <returns>Which rules matched, and the explanation built from that on first read.</returns>
    public RuleMatches Run(object[] inputs)
    {
        var set = new MatchSet(_rules.Length);
        var loudSkipped = 0;
        foreach (var batch in _index.AlwaysBatches)
        {
            batch.Run(_rules, inputs, ref set);
        }

        // A rule with a guard is evaluated only when the value its guard reads equals the guard's constant;
        // otherwise its condition is false without being evaluated (its explanation evaluates it, for errors).
        foreach (var index in _index.Indexes)
        {
            if (index.Read(inputs[index.Input]) is { } value && index.Rules.TryGetValue(value, out var candidates))
            {
                loudSkipped += index.Loud - candidates.Loud;
                foreach (var batch in candidates.Batches)
                {
                    batch.Run(_rules, inputs, ref set);
                }
            }
            else
            {
                loudSkipped += index.Loud;
            }
        }

        // Each rule is indexed once. A rule skipped for a guard that is its first conjunct could not have thrown;
        // any other skipped rule must be evaluated for its error when the explanation is read, from the inputs.
        if (loudSkipped == 0 && set.IsEmpty)
        {
            return _noneMatched;
        }

        // The outcome keeps the inputs in its own fields: the caller may reuse its array.
        return new RuleMatches(this, inputs, set);
    }
}
