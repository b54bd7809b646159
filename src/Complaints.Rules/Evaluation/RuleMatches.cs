using System.Collections;
using Complaints.Policy;

namespace Complaints.Rules.Evaluation;

/// <summary>
/// Which rules of one decision point matched for one set of inputs, and — as the
/// <see cref="PolicyExplanation.Rules"/> of the decision — the trace of every rule, built on first read from
/// the inputs kept with it (the facts are immutable, so the traces are the ones an eager evaluation would
/// have built). Reading, enumerating or serializing it gives the complete explanation.
/// </summary>
internal sealed class RuleMatches : IReadOnlyList<RuleTrace>
{
    private readonly CompiledWorkflow _workflow;
    private readonly object? _input0;
    private readonly object? _input1;
    private readonly object? _input2;
    private readonly object? _input3;
    private readonly int _inputCount;
    private readonly MatchSet _set;
    private RuleTrace[]? _traces;

    /// <summary>
    /// An outcome that keeps the inputs (at most four: a decision point has no more) in its own fields, so that the
    /// caller may reuse its array after the call; nothing is allocated and copied for them unless the explanation is read.
    /// </summary>
    /// <exception cref="ArgumentException">More than four inputs.</exception>
    public RuleMatches(CompiledWorkflow workflow, ReadOnlySpan<object> inputs, MatchSet set)
    {
        _workflow = workflow;
        _set = set;
        _inputCount = inputs.Length;
        switch (inputs.Length)
        {
            case 4:
                (_input0, _input1, _input2, _input3) = (inputs[0], inputs[1], inputs[2], inputs[3]);
                break;
            case 3:
                (_input0, _input1, _input2) = (inputs[0], inputs[1], inputs[2]);
                break;
            case 2:
                (_input0, _input1) = (inputs[0], inputs[1]);
                break;
            case 1:
                _input0 = inputs[0];
                break;
            case 0:
                break;
            default:
                throw new ArgumentException($"A decision point has at most four inputs; {inputs.Length} were given.", nameof(inputs));
        }
    }

    private RuleMatches(CompiledWorkflow workflow)
    {
        _workflow = workflow;
        _set = new MatchSet(workflow.RuleArray.Length);
        _traces = Array.ConvertAll(workflow.RuleArray, r => r.NotMatched);
    }

    /// <summary>The workflow whose rules these are.</summary>
    public CompiledWorkflow Workflow => _workflow;

    /// <summary>How many rules the decision point has (the explanation's length).</summary>
    public int Count => _workflow.RuleArray.Length;

    /// <summary>Whether any rule matched.</summary>
    public bool Any => Next(-1) >= 0;

    public RuleTrace this[int index] => Traces()[index];

    /// <summary>
    /// The outcome of a workflow in which every rule was evaluated and none matched or threw: every trace is
    /// the rule's shared <see cref="CompiledRule.NotMatched"/>, whatever the inputs, so one instance (keeping no
    /// inputs) serves every such evaluation.
    /// </summary>
    public static RuleMatches NoneMatched(CompiledWorkflow workflow) => new(workflow);

    /// <summary>The index of the first matched rule after <paramref name="after"/>, or -1.</summary>
    public int Next(int after) => _set.Next(after);

    /// <summary>The rule at <paramref name="index"/>.</summary>
    public CompiledRule Rule(int index) => _workflow.RuleArray[index];

    /// <summary>The first matched rule, or <see langword="null"/>.</summary>
    public CompiledRule? FirstMatched => Next(-1) is var i and >= 0 ? _workflow.RuleArray[i] : null;

    public IEnumerator<RuleTrace> GetEnumerator() => ((IEnumerable<RuleTrace>)Traces()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether the rule at <paramref name="index"/> matched.</summary>
    public bool IsMatched(int index) => _set.IsMatched(index);

    private RuleTrace[] Traces()
    {
        if (Volatile.Read(ref _traces) is { } built)
        {
            return built;
        }

        var rules = _workflow.RuleArray;
        var inputs = Inputs();
        var traces = new RuleTrace[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            var matched = IsMatched(i);
            var error = _set.Error(i);
            if (!matched && error is null && _workflow.MayHideError(i))
            {
                // Its guard may have kept it from being evaluated: evaluate it now for the error RulesEngine would
                // report if its condition throws before reaching the guard. It cannot match (its guard is false).
                rules[i].Matches(inputs, out error);
            }

            traces[i] = rules[i].Trace(matched, inputs, error);
        }

        // Two readers may build it at once; both build the same traces, and the first one stays.
        return Interlocked.CompareExchange(ref _traces, traces, null) ?? traces;
    }

    /// <summary>The inputs, in a new array.</summary>
    private object[] Inputs()
    {
        var inputs = new object[_inputCount];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (i switch { 0 => _input0, 1 => _input1, 2 => _input2, _ => _input3 })!;
        }

        return inputs;
    }
}
