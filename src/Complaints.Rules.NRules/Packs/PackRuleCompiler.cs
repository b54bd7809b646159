using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using Complaints.Rules.Evaluation;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Complaints.Rules.NRules.Packs;

/// <summary>
/// Compiles a loaded pack's rules to NRules rule definitions (<see cref="RuleBuilder"/>), one rule set per decision
/// point, each compiled into a session factory of its own. Each definition is named after the pack rule, described by its
/// expression and output, prioritised in the file's order, matches its point's request type on the pack rule's
/// compiled condition (the pack's own, so the semantics are the pack's), and its action records the match.
/// </summary>
internal static class PackRuleCompiler
{
    /// <summary>The name of the pattern every rule declares: the request.</summary>
    public const string RequestName = "request";

    private static readonly MethodInfo HoldsMethod = typeof(PackRequest).GetMethod(nameof(PackRequest.Holds))!;
    private static readonly MethodInfo IsMethod = typeof(PackRequest).GetMethod(nameof(PackRequest.Is))!;
    private static readonly MethodInfo MatchedMethod = typeof(PackRequest).GetMethod(nameof(PackRequest.Matched))!;

    /// <summary>The rule sets of a pack: one per decision point with rules, named after its file, in the points' order.</summary>
    /// <param name="pack">The pack (its own evaluator's compiled rules are used).</param>
    /// <returns>The rule sets.</returns>
    public static IReadOnlyList<IRuleSet> RuleSets(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var sets = new List<IRuleSet>();
        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            var workflow = pack.Compiled(point);
            if (workflow.RuleArray.Length == 0)
            {
                continue;
            }

            var set = new RuleSet(FileName(point));
            var readers = new Dictionary<(int Input, PropertyInfo? Property), Func<object, string?>>();
            for (var i = 0; i < workflow.RuleArray.Length; i++)
            {
                set.Add(Definition(point, workflow.RuleArray, i, readers));
            }

            sets.Add(set);
        }

        return sets;
    }

    /// <summary>Compiles each decision point's rules into a session factory of its own.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="elapsed">How long NRules' compilation took (building the definitions excluded).</param>
    /// <returns>The session factories, by the point's value; <see langword="null"/> for a point without rules.</returns>
    /// <exception cref="PolicyPackException">NRules could not compile a rule; the problem names the rule and its file.</exception>
    public static ISessionFactory?[] Compile(PolicyPack pack, out TimeSpan elapsed)
    {
        var sets = RuleSets(pack);
        var factories = new ISessionFactory?[PackRequest.Types.Length];
        var clock = Stopwatch.StartNew();
        foreach (var set in sets)
        {
            var point = Enum.GetValues<DecisionPoint>().First(p => FileName(p) == set.Name);
            try
            {
                factories[(int)point] = new RuleCompiler().Compile([set]);
            }
            catch (RuleCompilationException e)
            {
                throw new PolicyPackException([new PackProblem(pack.Identity.Id, set.Name, e.RuleName,
                    $"NRules could not compile this rule ({e.InnerException?.Message ?? e.Message}); run the pack on its own evaluator (without OnNRules) and report the rule.")]);
            }
        }

        elapsed = clock.Elapsed;
        return factories;
    }

    /// <summary>The file (and rule set) name of a decision point, e.g. <c>approval.json</c>.</summary>
    /// <param name="point">The decision point.</param>
    /// <returns>The name.</returns>
    public static string FileName(DecisionPoint point) => Loading.WorkflowCompiler.FileName(point);

    private static IRuleDefinition Definition(DecisionPoint point, CompiledRule[] rules, int index, Dictionary<(int, PropertyInfo?), Func<object, string?>> readers)
    {
        var rule = rules[index];
        var type = PackRequest.Types[(int)point];
        var builder = new RuleBuilder();
        builder.Name(rule.Name);
        builder.Description($"{FileName(point)}: when {rule.Expression} then {rule.Output.Describe()}");
        builder.Priority(rules.Length - index);
        builder.Tag(FileName(point));
        builder.Property("point", point);
        builder.Property("index", index);

        var pattern = builder.LeftHandSide().Pattern(type, RequestName);
        var request = Expression.Parameter(type, RequestName);

        // A first conjunct value == "constant" is tested alone first, as the pack's guard index does: a cheap alpha node
        // that keeps the whole condition from being evaluated when it is false (and it then cannot throw).
        if (rule.Guards.FirstOrDefault(g => g.First) is { } guard)
        {
            if (!readers.TryGetValue(guard.Key, out var read))
            {
                readers.Add(guard.Key, read = guard.Reader());
            }

            pattern.Condition(Expression.Lambda(
                Expression.Call(IsMethod, Expression.Constant(read), Expression.Constant(guard.Input), Expression.Constant(guard.Value), request),
                request));
        }

        pattern.Condition(Expression.Lambda(
            Expression.Call(HoldsMethod, Expression.Constant(rule), Expression.Constant(index), request),
            request));

        var context = Expression.Parameter(typeof(IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(request, MatchedMethod, Expression.Constant(index)),
            context,
            request));
        return builder.Build();
    }
}
