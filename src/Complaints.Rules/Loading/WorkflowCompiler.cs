using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Facts;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using RulesWorkflow = RulesEngine.Models.Workflow;

namespace Complaints.Rules.Loading;

/// <summary>
/// Reads one decision point's RulesEngine workflow, compiles every rule with RulesEngine's own expression
/// parser (so the expression language and its results are RulesEngine's), and parses every output.
/// </summary>
internal static partial class WorkflowCompiler
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The settings RulesEngine is used with, here and by anyone checking a pack against RulesEngine itself.</summary>
    public static ReSettings Settings { get; } = new()
    {
        CustomTypes = [typeof(ComplaintFacts), typeof(PersonFacts), typeof(RemedyFacts), typeof(PackFacts), typeof(Text), typeof(Dates), typeof(Amounts)],
    };

    private static readonly RuleExpressionParser Parser = new(Settings);

    public static string FileName(DecisionPoint point) => Names.Of(point) + ".json";

    /// <summary>The inputs a decision point's expressions see, in the order the evaluator passes them.</summary>
    public static RuleParameter[] Parameters(DecisionPoint point) => point switch
    {
        DecisionPoint.Approval => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<RemedyFacts>("remedy")],
        DecisionPoint.Recusal or DecisionPoint.Confidentiality => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<PersonFacts>("person")],
        DecisionPoint.Escalation => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<string>("trigger")],
        DecisionPoint.Penalties => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<PersonFacts>("person"), Param<string>("misconduct")],
        _ => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack")],
    };

    public static CompiledWorkflow? Compile(DecisionPoint point, string origin, string text, PackManifest pack, List<PackProblem> problems)
    {
        var file = FileName(point);
        void Problem(string? rule, string reason) => problems.Add(new PackProblem(origin, file, rule, reason));

        RulesWorkflow? workflow;
        try
        {
            workflow = JsonSerializer.Deserialize<RulesWorkflow>(text, Json);
        }
        catch (JsonException e)
        {
            Problem(null, $"is not a valid RulesEngine workflow: {e.Message}");
            return null;
        }

        if (workflow is null)
        {
            Problem(null, "is empty.");
            return null;
        }

        var expectedName = Names.Of(point);
        if (!string.Equals(workflow.WorkflowName, expectedName, StringComparison.Ordinal))
        {
            Problem(null, $"has WorkflowName '{workflow.WorkflowName}'; it must be '{expectedName}'.");
        }

        if (workflow.GlobalParams?.Any() == true || workflow.WorkflowsToInject?.Any() == true)
        {
            Problem(null, "uses GlobalParams or WorkflowsToInject, which packs do not support; write each condition out in its rule.");
        }

        var parameters = Parameters(point);
        var rules = new List<CompiledRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in workflow.Rules ?? [])
        {
            var name = rule.RuleName;
            if (string.IsNullOrWhiteSpace(name))
            {
                Problem(null, "has a rule without a RuleName; every rule needs a unique name for explanations.");
                continue;
            }

            if (!names.Add(name))
            {
                Problem(name, "is defined twice; rule names must be unique within a workflow.");
            }

            if (rule.Rules?.Any() == true || rule.LocalParams?.Any() == true || rule.Actions is not null || rule.WorkflowsToInject?.Any() == true)
            {
                Problem(name, "uses nested Rules, LocalParams, Actions or WorkflowsToInject, which packs do not support; combine conditions with && and || and put outputs in Properties.");
                continue;
            }

            if (rule.RuleExpressionType != RuleExpressionType.LambdaExpression)
            {
                Problem(name, "must be a LambdaExpression rule.");
                continue;
            }

            if (!rule.Enabled)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                Problem(name, "has no Expression.");
                continue;
            }

            CheckPackReferences(rule.Expression, pack, reason => Problem(name, reason));
            Func<object[], bool>? condition = null;
            Guard[]? guards = null;
            try
            {
                var expressions = parameters.Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();
                var parsed = Parser.Parse(rule.Expression, expressions, typeof(bool));
                guards = Guard.Find(parsed, expressions);
                condition = ConditionCompiler.CompileBound(parsed, expressions) ?? Parser.Compile<bool>(rule.Expression, parameters);
            }
#pragma warning disable CA1031 // Every parser error becomes a problem naming the rule.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Problem(name, $"expression does not compile: {e.Message} (expression: {rule.Expression})");
            }

            var output = OutputParsers.Parse(point, new OutputReader(rule.Properties, reason => Problem(name, reason)), pack);
            if (condition is not null && output is not null)
            {
                rules.Add(new CompiledRule(name, rule.Expression, condition, output, Probes(rule.Expression, parameters), guards));
            }
        }

        return new CompiledWorkflow(point, workflow, rules.ToArray());
    }

    private static void CheckPackReferences(string expression, PackManifest pack, Action<string> problem)
    {
        foreach (Match m in PackCall().Matches(expression))
        {
            var key = m.Groups["key"].Value;
            var known = m.Groups["fn"].Value == "Limit"
                ? pack.Roles.Any(r => r.Id == key && r.ApprovalLimit is not null)
                : pack.Settings.ContainsKey(key);
            if (!known)
            {
                problem(m.Groups["fn"].Value == "Limit"
                    ? $"pack.Limit(\"{key}\") names a role without an approvalLimit in pack.json."
                    : $"pack.Setting(\"{key}\") names no entry of pack.json settings.");
            }
        }
    }

    /// <summary>The values an expression refers to, so a matched rule can say what it saw.</summary>
    private static Probe[] Probes(string expression, RuleParameter[] parameters)
    {
        var probes = new List<Probe>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.Type == typeof(string))
            {
                if (Regex.IsMatch(expression, $@"\b{parameter.Name}\b"))
                {
                    probes.Add(new Probe(parameter.Name, i, null));
                }

                continue;
            }

            if (parameter.Type == typeof(PackFacts))
            {
                continue;
            }

            foreach (Match m in Regex.Matches(expression, $@"\b{parameter.Name}\.(?<member>[A-Za-z]+)\b(?!\s*\()"))
            {
                var property = parameter.Type.GetProperty(m.Groups["member"].Value);
                var label = $"{parameter.Name}.{m.Groups["member"].Value}";
                if (property is not null && probes.All(p => p.Label != label))
                {
                    probes.Add(new Probe(label, i, property));
                }
            }
        }

        return probes.ToArray();
    }

    private static RuleParameter Param<T>(string name) => RuleParameter.Create(name, typeof(T));

    [GeneratedRegex("""pack\.(?<fn>Limit|Setting)\(\s*"(?<key>[^"]*)"\s*\)""")]
    private static partial Regex PackCall();
}
