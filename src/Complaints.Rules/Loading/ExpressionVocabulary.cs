using System.Linq.Expressions;
using System.Reflection;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Loading;

/// <summary>
/// The allow-list of what a pack's expression may use, checked on the tree the parser built, before it is compiled.
/// The parser (System.Linq.Dynamic.Core, through RulesEngine) accepts far more than a policy needs — reflection,
/// the clock, lambdas over text, strings of any size — so everything is refused unless it is listed here, and the
/// list is the one docs/packs.md gives: the members of the inputs, the helpers, a few string members whose cost is
/// proportional to the text, and the operators.
/// </summary>
internal static class ExpressionVocabulary
{
    /// <summary>The inputs' types: their public properties and methods are the vocabulary.</summary>
    private static readonly HashSet<Type> Facts = [typeof(ComplaintFacts), typeof(PersonFacts), typeof(RemedyFacts), typeof(PackFacts), typeof(NoticeFacts)];

    /// <summary>The helpers: their public static methods.</summary>
    private static readonly HashSet<Type> Helpers = [typeof(Text), typeof(Dates), typeof(Amounts)];

    /// <summary>String methods whose time and memory are proportional to the text they are called on.</summary>
    private static readonly HashSet<string> StringMethods =
    [
        nameof(string.Trim), nameof(string.TrimStart), nameof(string.TrimEnd), nameof(string.ToLower), nameof(string.ToUpper),
        nameof(string.ToLowerInvariant), nameof(string.ToUpperInvariant), nameof(string.Substring), nameof(string.StartsWith),
        nameof(string.EndsWith), nameof(string.Contains), nameof(string.IsNullOrEmpty), nameof(string.IsNullOrWhiteSpace),
        nameof(string.Equals),

        // What the parser generates for + (Concat) and for < <= > >= on strings (Compare).
        nameof(string.Concat), nameof(string.Compare),
    ];

    /// <summary>
    /// Calls whose argument at the index is what is searched for or looked up: it must be a literal, so that a search
    /// costs the text's length times the rule's (not the text's length squared) and a name is checked at load.
    /// (<c>Text.IsOneOf</c> compares whole values, in time proportional to its options, so they may come from the case.)
    /// </summary>
    private static readonly Dictionary<(Type Type, string Method), int> LiteralArgument = new()
    {
        [(typeof(Text), nameof(Text.ContainsAny))] = 1,
        [(typeof(PackFacts), nameof(PackFacts.Limit))] = 0,
        [(typeof(PackFacts), nameof(PackFacts.Setting))] = 0,
        [(typeof(string), nameof(string.Contains))] = 0,
        [(typeof(string), nameof(string.StartsWith))] = 0,
        [(typeof(string), nameof(string.EndsWith))] = 0,
    };

    /// <summary>The types of values an expression may hold: literals, the facts' members, conversions between them.</summary>
    private static readonly HashSet<Type> Values =
    [
        typeof(bool), typeof(char), typeof(int), typeof(long), typeof(uint), typeof(ulong), typeof(short), typeof(ushort),
        typeof(byte), typeof(sbyte), typeof(float), typeof(double), typeof(decimal), typeof(string), typeof(DateTimeOffset),
        typeof(object), typeof(StringComparison),
    ];

    private static readonly HashSet<ExpressionType> Operators =
    [
        ExpressionType.Equal, ExpressionType.NotEqual, ExpressionType.LessThan, ExpressionType.LessThanOrEqual,
        ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual, ExpressionType.AndAlso, ExpressionType.OrElse,
        ExpressionType.Add, ExpressionType.AddChecked, ExpressionType.Subtract, ExpressionType.SubtractChecked,
        ExpressionType.Multiply, ExpressionType.MultiplyChecked, ExpressionType.Divide, ExpressionType.Modulo,
        ExpressionType.Not, ExpressionType.Negate, ExpressionType.NegateChecked, ExpressionType.UnaryPlus,
        ExpressionType.Convert, ExpressionType.ConvertChecked,
    ];

    private static readonly HashSet<string> SizedStringBuilders = ["PadLeft", "PadRight", "Replace", "Insert", "Join", "Repeat", "Format", "Create", "Concat"];

    private static readonly HashSet<string> ClockAndChance = ["DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Guid.NewGuid"];

    /// <summary>What to do about a refusal, said once after all of an expression's refusals.</summary>
    public const string Advice = "A pack's expressions may use only what docs/packs.md lists under 'Limits and the expression vocabulary'.";

    /// <summary>Everything in the parsed expression that is outside the vocabulary, each said once.</summary>
    /// <param name="parsed">The parser's tree.</param>
    /// <param name="inputs">The decision point's input parameters: the only parameters an expression may read.</param>
    public static IReadOnlyList<string> Check(Expression parsed, IReadOnlyCollection<ParameterExpression> inputs)
    {
        var refusals = new List<string>();
        void Refuse(string reason)
        {
            if (!refusals.Contains(reason))
            {
                refusals.Add(reason);
            }
        }

        // An explicit stack, not recursion: the tree is as deep as the expression is long. Left before right, so
        // that refusals are listed in the order they appear in the expression.
        var pending = new Stack<Expression>();
        pending.Push(parsed is LambdaExpression lambda ? lambda.Body : parsed);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case ConstantExpression constant:
                    if (constant.Value is Type or MemberInfo)
                    {
                        Refuse("typeof is reflection, which packs do not allow");
                    }
                    else if (constant.Value is not null && !IsValue(constant.Type))
                    {
                        Refuse($"a constant of type {constant.Type.Name} is not in the vocabulary");
                    }

                    break;

                case ParameterExpression parameter when inputs.Contains(parameter):
                    break;

                case MemberExpression member:
                    if (!IsAllowed(member))
                    {
                        Refuse(Refusal($"{member.Member.DeclaringType?.Name}.{member.Member.Name}", member.Member));
                    }

                    Push(pending, member.Expression);
                    break;

                case MethodCallExpression call:
                    var name = $"{call.Method.DeclaringType?.Name}.{call.Method.Name}";
                    if (!IsAllowed(call.Method))
                    {
                        Refuse(Refusal(name, call.Method));
                    }
                    else if (LiteralArgument.TryGetValue((call.Method.DeclaringType!, call.Method.Name), out var index)
                        && call.Arguments.Count > index && call.Arguments[index] is not ConstantExpression { Value: not null })
                    {
                        Refuse($"{name}'s {call.Method.GetParameters()[index].Name} must be a string literal such as \"late|delay\", not a value computed from the case " +
                               "(what is searched for or looked up is part of the policy: checked at load, and its cost bounded by it)");
                    }

                    for (var i = call.Arguments.Count - 1; i >= 0; i--)
                    {
                        pending.Push(call.Arguments[i]);
                    }

                    Push(pending, call.Object);
                    break;

                case LambdaExpression or UnaryExpression { NodeType: ExpressionType.Quote }:
                    Refuse("a lambda (x => …), as Any, All, Count or Where over text or a list use, costs time that grows with the input " +
                           "(a nested Any over the description runs for minutes at every decision), so packs do not allow it: " +
                           "search text with Text.ContainsAny(text, \"word|word\")");
                    break;

                case BinaryExpression binary:
                    if (!Operators.Contains(binary.NodeType) || !IsOperatorMethod(binary.Method))
                    {
                        Refuse($"{Describe(node)} is not in the vocabulary");
                    }

                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    break;

                case UnaryExpression unary:
                    if (!Operators.Contains(unary.NodeType) || !IsOperatorMethod(unary.Method) || !IsValue(unary.Type))
                    {
                        Refuse($"{Describe(node)} is not in the vocabulary");
                    }

                    pending.Push(unary.Operand);
                    break;

                case NewExpression when node.Type == typeof(string):
                    Refuse("string(c, n) builds a string of a size the expression chooses, which packs do not allow");
                    break;

                default:
                    Refuse($"{Describe(node)} is not in the vocabulary");
                    break;
            }
        }

        return refusals;
    }

    private static void Push(Stack<Expression> pending, Expression? node)
    {
        if (node is not null)
        {
            pending.Push(node);
        }
    }

    private static bool IsAllowed(MemberExpression member) => member.Member switch
    {
        PropertyInfo p when Facts.Contains(p.DeclaringType!) => member.Expression is not null,
        PropertyInfo { Name: nameof(string.Length) } p when p.DeclaringType == typeof(string) => true,
        FieldInfo { IsStatic: true, Name: nameof(string.Empty) } f when f.DeclaringType == typeof(string) => true,
        FieldInfo { IsStatic: true, Name: nameof(DateTimeOffset.MinValue) or nameof(DateTimeOffset.MaxValue) } f when f.DeclaringType == typeof(DateTimeOffset) => true,
        _ => false,
    };

    private static bool IsAllowed(MethodInfo method)
    {
        var type = method.DeclaringType!;
        if (Facts.Contains(type))
        {
            // Declared by the facts type itself: not an override of object's ToString, Equals or GetHashCode.
            return !method.IsStatic && !method.IsSpecialName && method.GetBaseDefinition() == method;
        }

        if (Helpers.Contains(type))
        {
            return method.IsStatic && method.IsPublic;
        }

        return type == typeof(string) && StringMethods.Contains(method.Name)
            && method.GetParameters().All(p => IsValue(p.ParameterType) || p.ParameterType == typeof(char[]));
    }

    /// <summary>A user-defined operator the parser chose for a value type (decimal arithmetic, DateTimeOffset comparison), or none.</summary>
    private static bool IsOperatorMethod(MethodInfo? method) =>
        method is null
        || (method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal) && IsValue(method.DeclaringType!))
        || IsAllowed(method);

    private static bool IsValue(Type type) =>
        Values.Contains(Nullable.GetUnderlyingType(type) ?? type) || Facts.Contains(type) || (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    private static string Refusal(string name, MemberInfo member)
    {
        if (member.DeclaringType == typeof(string) && SizedStringBuilders.Contains(member.Name))
        {
            return $"{name} builds a string of a size the expression chooses (PadLeft(1000000000) allocates 2 GB at every decision), which packs do not allow";
        }

        if (member.Name == nameof(GetType) || typeof(MemberInfo).IsAssignableFrom(member.DeclaringType) || member.DeclaringType?.Namespace == "System.Reflection")
        {
            return $"{name} is reflection, which packs do not allow";
        }

        if (ClockAndChance.Contains(name) || member.DeclaringType == typeof(Random) || member.DeclaringType == typeof(Environment))
        {
            return $"{name} reads the clock, chance or the machine, but a decision must follow from the case and the pack alone (use complaint.ReceivedAt)";
        }

        return $"{name} is not in the vocabulary";
    }

    private static string Describe(Expression node) => node.NodeType switch
    {
        ExpressionType.Conditional => "the conditional operator (?: or iif)",
        ExpressionType.Coalesce => "the ?? operator",
        ExpressionType.New => $"creating a {node.Type.Name}",
        ExpressionType.NewArrayInit or ExpressionType.NewArrayBounds or ExpressionType.ListInit or ExpressionType.MemberInit => "creating an array, list or object",
        ExpressionType.ArrayIndex or ExpressionType.Index => "indexing ([…])",
        ExpressionType.TypeIs or ExpressionType.TypeAs or ExpressionType.TypeEqual => "a type test (is, as)",
        ExpressionType.Parameter => $"'{((ParameterExpression)node).Name}'",
        ExpressionType.Convert or ExpressionType.ConvertChecked => $"a conversion to {node.Type.Name}",
        _ => $"the {node.NodeType} operation",
    };
}
