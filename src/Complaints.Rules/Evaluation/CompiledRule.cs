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

    public CompiledRule(string name, string expression, Func<object[], bool> condition, RuleOutput output, Probe[] probes)
    {
        Name = name;
        Expression = expression;
        _condition = condition;
        Output = output;
        _probes = probes;
    }

    public string Name { get; }

    public string Expression { get; }

    public RuleOutput Output { get; }

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
            return new RuleTrace(Name, false);
        }

        var detail = new StringBuilder(Output.Describe());
        for (var i = 0; i < _probes.Length; i++)
        {
            detail.Append(i == 0 ? " (saw " : ", ").Append(_probes[i].Label).Append('=').Append(_probes[i].Read(inputs));
        }

        if (_probes.Length > 0)
        {
            detail.Append(')');
        }

        return new RuleTrace(Name, true, detail.ToString());
    }
}

/// <summary>Reads one value an expression refers to (<c>complaint.ClaimAmount</c>, <c>trigger</c>), for explanations.</summary>
internal sealed class Probe(string label, int input, PropertyInfo? property)
{
    public string Label { get; } = label;

    public string Read(object[] inputs)
    {
        var value = property is null ? inputs[input] : property.GetValue(inputs[input]);
        return value switch
        {
            null => "null",
            string s => '"' + s + '"',
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
