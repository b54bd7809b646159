using System.Globalization;
using System.Reflection;
using System.Text;
using Complaints.Policy;

namespace Complaints.Rules.Evaluation;

/// <summary>A rule compiled once at load by RulesEngine's own expression parser, with its parsed output.</summary>
internal sealed class CompiledRule
{
    private readonly Func<object[], bool> _condition;
    private readonly Probe[] _probes;
    private readonly string _described;

    public CompiledRule(string name, string expression, Func<object[], bool> condition, RuleOutput output, Probe[] probes, Guard[]? guards = null, ConditionTree? tree = null)
    {
        Guards = guards ?? [];
        Tree = tree;
        Name = name;
        Expression = expression;
        _condition = condition;
        Output = output;
        _probes = probes;
        _described = output.Describe();
        NotMatched = new RuleTrace(name, false);
    }

    public string Name { get; }

    public string Expression { get; }

    /// <summary>
    /// The condition as compiled (the parser's tree, helper calls bound), over its own parameters: what
    /// <see cref="RuleBatch"/> evaluates together with other rules' conditions. <see langword="null"/> when unknown.
    /// </summary>
    public ConditionTree? Tree { get; }

    public RuleOutput Output { get; }

    /// <summary>The conjuncts that compare a value with a string constant: if one is false, the rule cannot match.</summary>
    public IReadOnlyList<Guard> Guards { get; }

    /// <summary>The values the expression refers to, read for a matched rule's trace.</summary>
    public IReadOnlyList<Probe> Probes => _probes;

    /// <summary>The trace of this rule when it did not match: immutable, so one instance serves every decision.</summary>
    public RuleTrace NotMatched { get; }

    /// <summary>Evaluates the condition. Like RulesEngine, an expression that throws counts as not matched.</summary>
    public bool Matches(object[] inputs, out string? error)
    {
        try
        {
            error = null;
            return _condition(inputs);
        }
#pragma warning disable CA1031 // RulesEngine reports a throwing rule as failed; so do we, with the message.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>The trace of this rule: for a matched rule, what it contributed and the values it saw.</summary>
    public RuleTrace Trace(bool matched, object[] inputs, string? error)
    {
        if (error is not null)
        {
            return new RuleTrace(Name, false, "error: " + error);
        }

        if (!matched)
        {
            return NotMatched;
        }

        if (_probes.Length == 0)
        {
            return new RuleTrace(Name, true, _described);
        }

        var detail = new StringBuilder(_described, _described.Length + (24 * _probes.Length));
        for (var i = 0; i < _probes.Length; i++)
        {
            detail.Append(i == 0 ? " (saw " : ", ").Append(_probes[i].Label).Append('=');
            _probes[i].Append(detail, inputs);
        }

        return new RuleTrace(Name, true, detail.Append(')').ToString());
    }
}

/// <summary>
/// Reads one value an expression refers to (<c>complaint.ClaimAmount</c>, <c>trigger</c>), for explanations,
/// through a getter compiled once at load.
/// </summary>
internal sealed class Probe
{
    private readonly int _input;
    private readonly Func<object, object?>? _getter;

    public Probe(string label, int input, PropertyInfo? property)
    {
        Label = label;
        _input = input;
        Property = property;
        if (property is not null)
        {
            var target = System.Linq.Expressions.Expression.Parameter(typeof(object));
            var read = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(target, property.DeclaringType!), property);
            _getter = System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(System.Linq.Expressions.Expression.Convert(read, typeof(object)), target).Compile();
        }
    }

    public string Label { get; }

    /// <summary>The property read, or <see langword="null"/> for an input read whole.</summary>
    public PropertyInfo? Property { get; }

    /// <summary>The input this probe reads.</summary>
    public int Input => _input;

    public void Append(StringBuilder detail, object[] inputs)
    {
        var value = _getter is null ? inputs[_input] : _getter(inputs[_input]);
        switch (value)
        {
            case null:
                detail.Append("null");
                break;
            case string s:
                detail.Append('"').Append(s).Append('"');
                break;
            case bool b:
                detail.Append(b ? "true" : "false");
                break;
            case decimal d:
                detail.Append(d.ToString(null, CultureInfo.InvariantCulture));
                break;
            case int n:
                detail.Append(n.ToString(CultureInfo.InvariantCulture));
                break;
            case IFormattable f:
                detail.Append(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                detail.Append(value.ToString());
                break;
        }
    }
}

/// <summary>A rule's condition as an expression tree: a <see cref="bool"/> body over its parameters, in input order.</summary>
/// <param name="Body">The body.</param>
/// <param name="Parameters">Its parameters, in input order.</param>
internal sealed record ConditionTree(System.Linq.Expressions.Expression Body, System.Linq.Expressions.ParameterExpression[] Parameters);
