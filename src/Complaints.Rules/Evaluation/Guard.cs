using System.Linq.Expressions;
using System.Reflection;

namespace Complaints.Rules.Evaluation;

/// <summary>
/// A conjunct of a rule's condition that compares a string input or a string property of an input with a
/// constant (<c>complaint.Category == "billing"</c>, <c>trigger == "customer-rejected"</c>): when it is false
/// the whole condition is false, so a rule whose guard fails need not be evaluated. Found at load in the
/// expression tree RulesEngine's parser builds; the comparison is the expression's own (ordinal <c>==</c>).
/// </summary>
internal sealed class Guard
{
    private Guard(int input, PropertyInfo? property, string value, bool first)
    {
        Input = input;
        Property = property;
        Value = value;
        First = first;
    }

    /// <summary>The input read.</summary>
    public int Input { get; }

    /// <summary>The property read, or <see langword="null"/> for a string input itself.</summary>
    public PropertyInfo? Property { get; }

    /// <summary>The constant the value must equal.</summary>
    public string Value { get; }

    /// <summary>
    /// Whether this is the condition's first conjunct, evaluated before anything else: when it is false the
    /// condition is false without evaluating anything that could throw, so a rule skipped for it has no error.
    /// </summary>
    public bool First { get; }

    /// <summary>What is read: the same input and property make one index.</summary>
    public (int Input, PropertyInfo? Property) Key => (Input, Property);

    /// <summary>The guards of a condition: its top-level <c>&amp;&amp;</c> conjuncts of the form value == "constant".</summary>
    /// <param name="parsed">What RulesEngine's parser returned for the expression with <paramref name="parameters"/> (its body).</param>
    /// <param name="parameters">The parameters the expression was parsed with, in input order.</param>
    public static Guard[] Find(Expression parsed, ParameterExpression[] parameters)
    {
        var guards = new List<Guard>();
        Collect(parsed, parameters, guards, first: true);
        return guards.ToArray();
    }

    /// <summary>A compiled reader of the value the guard compares.</summary>
    public Func<object, string?> Reader()
    {
        if (Property is null)
        {
            return static input => input as string;
        }

        var target = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(target, Property.DeclaringType!), Property);
        return Expression.Lambda<Func<object, string?>>(read, target).Compile();
    }

    private static void Collect(Expression e, ParameterExpression[] parameters, List<Guard> guards, bool first)
    {
        if (e is BinaryExpression { NodeType: ExpressionType.AndAlso } and)
        {
            Collect(and.Left, parameters, guards, first);
            Collect(and.Right, parameters, guards, first: false);
            return;
        }

        if (e is BinaryExpression { NodeType: ExpressionType.Equal } equal && IsStringEquality(equal) &&
            (equal.Left is ConstantExpression ? Of(equal.Right, equal.Left, parameters, first) : Of(equal.Left, equal.Right, parameters, first)) is { } guard)
        {
            guards.Add(guard);
        }
    }

    // string's own ==, which the parser gives every comparison of two strings (its operands are then strings).
    private static bool IsStringEquality(BinaryExpression equal) =>
        equal.Method is { Name: "op_Equality" } method && method.DeclaringType == typeof(string);

    private static Guard? Of(Expression operand, Expression constant, ParameterExpression[] parameters, bool first)
    {
        if (constant is not ConstantExpression { Value: string value })
        {
            return null;
        }

        return operand switch
        {
            ParameterExpression p when Array.IndexOf(parameters, p) is var i and >= 0 => new Guard(i, null, value, first),
            MemberExpression { Expression: ParameterExpression p, Member: PropertyInfo { CanRead: true } property }
                when Array.IndexOf(parameters, p) is var i and >= 0 && property.GetMethod is { IsStatic: false } => new Guard(i, property, value, first),
            _ => null,
        };
    }
}
