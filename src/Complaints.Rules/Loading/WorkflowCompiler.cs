using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// <summary>The settings RulesEngine is used with, here and by anyone checking a pack against RulesEngine itself.</summary>
    /// <remarks>
    /// Where dynamic code is not supported (native AOT), RulesEngine's conditions are compiled with .NET's own expression
    /// compiler, which interprets the tree there, instead of FastExpressionCompiler, which emits IL (docs/aot.md).
    /// </remarks>
    public static ReSettings Settings { get; } = WithoutEmitWhereUnsupported(new()
    {
        CustomTypes = [typeof(ComplaintFacts), typeof(PersonFacts), typeof(RemedyFacts), typeof(PackFacts), typeof(NoticeFacts), typeof(Text), typeof(Dates), typeof(Amounts)],
    });

    private static ReSettings WithoutEmitWhereUnsupported(ReSettings settings)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            settings.UseFastExpressionCompiler = false;
        }

        return settings;
    }

    private static readonly RuleExpressionParser Parser = new(Settings);

    public static string FileName(DecisionPoint point) => Names.Of(point) + ".json";

    /// <summary>The inputs a decision point's expressions see, in the order the evaluator passes them.</summary>
    /// <remarks>
    /// The expression parser finds the facts' and helpers' members by reflection, by the names a pack's expressions use:
    /// the dependencies keep them in a trimmed or native AOT application (which would otherwise drop what no code calls),
    /// with the operators of decimal and DateTimeOffset that comparisons bind to.
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicMethods, typeof(ComplaintFacts))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicMethods, typeof(PersonFacts))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicMethods, typeof(RemedyFacts))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicMethods, typeof(PackFacts))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicMethods, typeof(NoticeFacts))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Text))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Dates))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Amounts))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicMethods, typeof(string))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicMethods, typeof(DateTimeOffset))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(decimal))]
    // The parser resolves operators by overload resolution over these interfaces' methods (System.Linq.Dynamic.Core's own).
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IAddSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IArithmeticSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IEqualitySignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.ILogicalSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.INegationSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.INotSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IRelationalSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IShiftSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, "System.Linq.Dynamic.Core.Parser.SupportedOperands.ISubtractSignatures", "System.Linq.Dynamic.Core")]
    public static RuleParameter[] Parameters(DecisionPoint point) => point switch
    {
        DecisionPoint.Approval => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<RemedyFacts>("remedy")],
        DecisionPoint.Recusal or DecisionPoint.Confidentiality => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<PersonFacts>("person")],
        DecisionPoint.Escalation => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<string>("trigger")],
        DecisionPoint.Notices => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<NoticeFacts>("notice")],
        DecisionPoint.Penalties => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack"), Param<PersonFacts>("person"), Param<string>("misconduct")],
        _ => [Param<ComplaintFacts>("complaint"), Param<PackFacts>("pack")],
    };

    /// <summary>
    /// Compiles one decision file, adding every problem found to <paramref name="problems"/>. <paramref name="pack"/>
    /// is <see langword="null"/> when <c>pack.json</c> could not be read: outputs are then checked for shape only.
    /// <paramref name="settingsRead"/> collects the settings the rules read (in conditions and outputs), so that the
    /// loader can report settings nothing reads. <paramref name="words"/> is the index the conditions' constant word
    /// lists join, shared by every decision point of a pack so that a description is searched once for all of them.
    /// </summary>
    public static CompiledWorkflow? Compile(DecisionPoint point, string origin, string text, PackManifest? pack, List<PackProblem> problems, ISet<string>? settingsRead = null, WordIndex? words = null)
    {
        var file = FileName(point);
        void Problem(string? rule, string reason) => problems.Add(new PackProblem(origin, file, rule, reason));

        var workflow = Read(text, Problem);
        if (workflow is null)
        {
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
        foreach (var rule in workflow.Rules)
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

            var condition = CompileCondition(rule.Expression, parameters, pack, settingsRead, words ??= new WordIndex(), reason => Problem(name, reason), out var guards, out var tree);
            var output = OutputParsers.Parse(point, new OutputReader(rule.Properties, reason => Problem(name, reason), pack?.Settings, settingsRead), pack);
            if (condition is not null && output is not null)
            {
                rules.Add(new CompiledRule(name, rule.Expression, condition, output, Probes(rule.Expression, parameters), guards, tree));
            }
        }

        return new CompiledWorkflow(point, workflow, rules.ToArray());
    }

    /// <summary>
    /// The workflow, read rule by rule so that one malformed rule (null, a field of the wrong type) is named and the
    /// others are still checked. Its <c>Rules</c> are the rules that could be read.
    /// </summary>
    private static RulesWorkflow? Read(string text, Action<string?, string> problem)
    {
        JsonObject? root;
        try
        {
            root = PackFiles.ParseJson(text) as JsonObject;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            problem(null, $"is not a valid RulesEngine workflow: {e.Message}");
            return null;
        }

        if (root is null)
        {
            problem(null, "is not a valid RulesEngine workflow: it must be a JSON object, e.g. { \"WorkflowName\": \"rewards\", \"Rules\": [] }.");
            return null;
        }

        var rules = root.FirstOrDefault(p => string.Equals(p.Key, nameof(RulesWorkflow.Rules), StringComparison.OrdinalIgnoreCase));
        if (rules.Key is not null)
        {
            root.Remove(rules.Key);
        }

        RulesWorkflow? workflow;
        try
        {
            workflow = root.Deserialize(PackJson.Workflow.GetTypeInfo<RulesWorkflow>())!;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            problem(null, $"is not a valid RulesEngine workflow: {e.Message}");
            return null;
        }

        var read = new List<Rule>();
        if (rules.Value is not (null or JsonArray))
        {
            problem(null, "has 'Rules' that is not an array; list the rules as [ { \"RuleName\": …, \"Expression\": …, \"Properties\": { … } } ].");
        }

        var index = 0;
        foreach (var item in rules.Value as JsonArray ?? [])
        {
            if (item is not JsonObject)
            {
                problem(null, $"Rules[{index}] is {(item is null ? "null" : "not an object")}; each rule is an object with a RuleName, an Expression and Properties.");
            }
            else
            {
                try
                {
                    read.Add(item.Deserialize(PackJson.Workflow.GetTypeInfo<Rule>())!);
                }
                catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
                {
                    var name = item[nameof(Rule.RuleName)] is JsonValue v && v.TryGetValue<string>(out var s) ? s : $"Rules[{index}]";
                    problem(name, $"is not a valid RulesEngine rule: {e.Message}");
                }
            }

            index++;
        }

        workflow.Rules = read;
        return workflow;
    }

    /// <summary>
    /// The rule's condition, compiled once its size has been checked without recursion (a deeply nested expression
    /// would overflow the parser's stack) and its parsed tree against the vocabulary; or <see langword="null"/> with
    /// every reason reported.
    /// </summary>
    private static Func<object[], bool>? CompileCondition(string expression, RuleParameter[] parameters, PackManifest? pack, ISet<string>? settingsRead, WordIndex words, Action<string> problem, out Guard[]? guards, out ConditionTree? tree)
    {
        guards = null;
        tree = null;
        var tooBig = ExpressionLimits.Check(expression).ToList();
        tooBig.ForEach(problem);
        if (tooBig.Count > 0)
        {
            return null;
        }

        if (pack is not null)
        {
            CheckPackReferences(expression, pack, settingsRead, problem);
        }

        try
        {
            var inputs = parameters.Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();
            var parsed = Parser.Parse(expression, inputs, typeof(bool));
            var refused = ExpressionVocabulary.Check(parsed, inputs);
            if (refused.Count > 0)
            {
                problem($"expression uses what packs do not allow: {string.Join("; ", refused)}. {ExpressionVocabulary.Advice}");
                return null;
            }

            NoticeNames.Check(parsed, problem);
            guards = Guard.Find(parsed, inputs);
            var body = ConditionCompiler.Bind(parsed, words, out var bound);
            tree = new ConditionTree(body, inputs);
            return bound ? ConditionCompiler.Compile(body, inputs) : Parser.Compile<bool>(expression, parameters);
        }
#pragma warning disable CA1031 // Every parser error becomes a problem naming the rule.
        catch (Exception e)
#pragma warning restore CA1031
        {
            problem($"expression does not compile: {e.Message} (expression: {expression})");
            return null;
        }
    }

    private static void CheckPackReferences(string expression, PackManifest pack, ISet<string>? settingsRead, Action<string> problem)
    {
        foreach (Match m in PackCall().Matches(expression))
        {
            var key = m.Groups["key"].Value;
            var isLimit = m.Groups["fn"].Value == "Limit";
            var known = isLimit
                ? pack.Roles.Any(r => r.Id == key && r.ApprovalLimit is not null)
                : pack.Settings.ContainsKey(key);
            if (!isLimit && known)
            {
                settingsRead?.Add(key);
            }

            if (!known)
            {
                problem(isLimit
                    ? $"pack.Limit(\"{key}\") names a role without an approvalLimit in pack.json."
                    : $"pack.Setting(\"{key}\") names no entry of pack.json settings{Nearest.Hint(key, pack.Settings.Keys)}.");
            }
        }

        // A pack that declares its intake attributes reads only those: a misspelt name would never match.
        if (pack.Attributes is { } attributes)
        {
            foreach (Match m in AttributeCall().Matches(expression))
            {
                var key = m.Groups["key"].Value;
                if (!attributes.Any(a => string.Equals(a.Id, key, StringComparison.Ordinal)))
                {
                    problem($"complaint.{m.Groups["fn"].Value}(\"{key}\") names no attribute declared in pack.json attributes{Nearest.Hint(key, attributes.Select(a => a.Id))}; declare it (with its type) or correct the name.");
                }
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
                var property = FactProperty(parameter.Type, m.Groups["member"].Value);
                var label = $"{parameter.Name}.{m.Groups["member"].Value}";
                if (property is not null && probes.All(p => p.Label != label))
                {
                    probes.Add(new Probe(label, i, property));
                }
            }
        }

        return probes.ToArray();
    }

    /// <summary>A facts type's public property (the inputs are the facts types <see cref="Parameters"/> lists), found without reflection over an unknown type.</summary>
    private static System.Reflection.PropertyInfo? FactProperty(Type type, string name) =>
        type == typeof(ComplaintFacts) ? typeof(ComplaintFacts).GetProperty(name)
        : type == typeof(PersonFacts) ? typeof(PersonFacts).GetProperty(name)
        : type == typeof(RemedyFacts) ? typeof(RemedyFacts).GetProperty(name)
        : type == typeof(NoticeFacts) ? typeof(NoticeFacts).GetProperty(name)
        : type == typeof(PackFacts) ? typeof(PackFacts).GetProperty(name)
        : null;

    private static RuleParameter Param<T>(string name) => RuleParameter.Create(name, typeof(T));

    [GeneratedRegex("""pack\.(?<fn>Limit|Setting)\(\s*"(?<key>[^"]*)"\s*\)""")]
    private static partial Regex PackCall();

    [GeneratedRegex("""complaint\.(?<fn>HasAttribute|Attribute)\(\s*"(?<key>[^"]*)"\s*\)""")]
    private static partial Regex AttributeCall();
}
