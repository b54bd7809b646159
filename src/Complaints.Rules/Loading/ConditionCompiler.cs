using System.Linq.Expressions;
using System.Reflection;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Loading;

/// <summary>
/// Compiles a condition RulesEngine's parser has parsed, with the helper calls whose argument is a constant bound
/// at load: each <c>Text.ContainsAny(text, "constant|words")</c> to a <see cref="WordList"/> of the pack's
/// <see cref="WordIndex"/> (every list of the pack searched for in one pass over a text), each <c>pack.Setting("name")</c> and <c>pack.Limit("role")</c> to a <see cref="PackValue"/> that keeps
/// the value for the pack's (immutable) facts. Everything else in the expression tree is the parser's, wrapped as
/// RulesEngine wraps it (each input read from the argument array and converted to its type).
/// </summary>
internal static class ConditionCompiler
{
    private static readonly MethodInfo ContainsAny = typeof(Text).GetMethod(nameof(Text.ContainsAny), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo FoundIn = typeof(WordList).GetMethod(nameof(WordList.FoundIn))!;
    private static readonly MethodInfo Setting = typeof(PackFacts).GetMethod(nameof(PackFacts.Setting))!;
    private static readonly MethodInfo Limit = typeof(PackFacts).GetMethod(nameof(PackFacts.Limit))!;
    private static readonly MethodInfo Read = typeof(PackValue).GetMethod(nameof(PackValue.Read))!;

    /// <summary>The compiled condition, or <see langword="null"/> when it calls no such helper with a constant (RulesEngine's own compilation serves).</summary>
    /// <param name="parsed">What the parser returned for the expression with <paramref name="parameters"/>.</param>
    /// <param name="parameters">The parameters it was parsed with, in input order.</param>
    /// <param name="words">The index the condition's word lists join (the pack's); a new one for this condition alone when <see langword="null"/>.</param>
    public static Func<object[], bool>? CompileBound(Expression parsed, ParameterExpression[] parameters, WordIndex? words = null)
    {
        var body = Bind(parsed, words ?? new WordIndex(), out var changed);
        return changed ? Compile(body, parameters) : null;
    }

    /// <summary>The condition's body with its helper calls bound (<see cref="CompileBound"/>), compiled or not.</summary>
    /// <param name="parsed">What the parser returned for the expression.</param>
    /// <param name="words">The index the condition's word lists join.</param>
    /// <param name="changed">Whether a call was bound.</param>
    public static Expression Bind(Expression parsed, WordIndex words, out bool changed)
    {
        var body = parsed is LambdaExpression lambda ? lambda.Body : parsed;
        var rewriter = new Rewriter(words);
        body = rewriter.Visit(body);
        changed = rewriter.Changed;
        return body;
    }

    /// <summary>Compiles a (bound) body over <paramref name="parameters"/>, each read from the argument array as RulesEngine reads it.</summary>
    public static Func<object[], bool> Compile(Expression body, ParameterExpression[] parameters)
    {
        var args = Expression.Parameter(typeof(object[]), "args");
        var assignments = parameters.Select((p, i) => (Expression)Expression.Assign(p, Expression.Convert(Expression.ArrayAccess(args, Expression.Constant(i)), p.Type)));
        var block = Expression.Block(typeof(bool), parameters, assignments.Append(body));
        return Expression.Lambda<Func<object[], bool>>(block, args).Compile();
    }

    private sealed class Rewriter(WordIndex index) : ExpressionVisitor
    {
        public bool Changed { get; private set; }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method == ContainsAny && node.Arguments[1] is ConstantExpression { Value: string words })
            {
                Changed = true;
                return Expression.Call(Expression.Constant(index.Add(words)), FoundIn, Visit(node.Arguments[0]));
            }

            if ((node.Method == Setting || node.Method == Limit) && node.Object is not null && node.Arguments[0] is ConstantExpression { Value: string name })
            {
                Changed = true;
                return Expression.Call(Expression.Constant(new PackValue(node.Method == Limit, name)), Read, Visit(node.Object));
            }

            return base.VisitMethodCall(node);
        }
    }
}
