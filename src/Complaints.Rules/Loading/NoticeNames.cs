using System.Linq.Expressions;
using Complaints.Policy;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Loading;

/// <summary>
/// Checks at load that a notice rule compares <c>notice.Event</c> and <c>notice.Deadline</c> only with names that
/// exist (<c>notice.Event == "triaged"</c>): a misspelt event would make the rule never match, silently.
/// </summary>
internal static class NoticeNames
{
    private static readonly HashSet<string> Deadlines = Enum.GetValues<DeadlineKind>().Select(Names.Of).Append("").ToHashSet(StringComparer.Ordinal);

    /// <summary>Reports every comparison of <c>notice.Event</c> or <c>notice.Deadline</c> with a literal that names nothing.</summary>
    public static void Check(Expression parsed, Action<string> problem)
    {
        // An explicit stack, not recursion: the tree is as deep as the expression is long.
        var pending = new Stack<Expression>();
        pending.Push(parsed is LambdaExpression lambda ? lambda.Body : parsed);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case BinaryExpression binary:
                    if (binary.NodeType is ExpressionType.Equal or ExpressionType.NotEqual)
                    {
                        Compare(binary.Left, binary.Right, problem);
                        Compare(binary.Right, binary.Left, problem);
                    }

                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    break;
                case UnaryExpression unary:
                    pending.Push(unary.Operand);
                    break;
                case ConditionalExpression conditional:
                    pending.Push(conditional.IfFalse);
                    pending.Push(conditional.IfTrue);
                    pending.Push(conditional.Test);
                    break;
                case MethodCallExpression call:
                    if (call.Object is { } target && call.Method.Name == nameof(string.Equals) && call.Arguments.Count >= 1)
                    {
                        Compare(target, call.Arguments[0], problem);
                        Compare(call.Arguments[0], target, problem);
                    }

                    for (var i = call.Arguments.Count - 1; i >= 0; i--)
                    {
                        pending.Push(call.Arguments[i]);
                    }

                    if (call.Object is not null)
                    {
                        pending.Push(call.Object);
                    }

                    break;
            }
        }
    }

    private static void Compare(Expression member, Expression other, Action<string> problem)
    {
        if (Strip(member) is not MemberExpression { Member.DeclaringType: var type, Member.Name: var name } || type != typeof(NoticeFacts)
            || Strip(other) is not ConstantExpression { Value: string literal })
        {
            return;
        }

        if (name == nameof(NoticeFacts.Event) && !NoticeEvent.Names.Contains(literal, StringComparer.Ordinal))
        {
            problem($"notice.Event is compared with \"{literal}\", which is no event; use one of {string.Join(", ", NoticeEvent.Names)}.");
        }
        else if (name == nameof(NoticeFacts.Deadline) && !Deadlines.Contains(literal))
        {
            problem($"notice.Deadline is compared with \"{literal}\", which is no deadline; use one of {Names.List<DeadlineKind>()}.");
        }
    }

    private static Expression Strip(Expression e)
    {
        while (e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            e = convert.Operand;
        }

        return e;
    }
}
