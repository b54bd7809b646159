using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Evaluation;

/// <summary>
/// The attribute names a batch's conditions ask about with <c>complaint.HasAttribute("constant")</c>, a bit each:
/// the batch reads the case's attributes once (<see cref="Mask"/>), when first asked, and each call becomes a test
/// of its bit — instead of a look-up of the name in the case's dictionary per call. A case has a few attributes and
/// a pack may ask about many names, so the case's entries are looked up among the names rather than each name among
/// the entries. The mask is what each call would have returned; whenever one of the calls would throw, computing the
/// mask throws (and the batch is evaluated again rule by rule, which reports each rule's own error).
/// </summary>
internal sealed class AttributeNames
{
    /// <summary>The most names one mask holds.</summary>
    public const int Most = 64;

    private static readonly MethodInfo HasAttribute = typeof(ComplaintFacts).GetMethod(nameof(ComplaintFacts.HasAttribute))!;
    private static readonly MethodInfo MaskMethod = typeof(AttributeNames).GetMethod(nameof(Mask))!;

    private readonly string[] _names;
    private readonly FrozenDictionary<string, ulong> _bits;

    private AttributeNames(string[] names)
    {
        _names = names;
        _bits = names.Select((n, i) => (n, Bit: 1UL << i)).ToFrozenDictionary(x => x.n, x => x.Bit, StringComparer.Ordinal);
    }

    /// <summary>The names, in the order of their bits.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// Each name's bit set if <see cref="ComplaintFacts.HasAttribute"/> would return <see langword="true"/> for it;
    /// throws if it would throw for one of them.
    /// </summary>
    /// <param name="facts">The case's facts.</param>
    /// <returns>The mask.</returns>
    public ulong Mask(ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var attributes = facts.Attributes;
        if (attributes is null)
        {
            return 0;
        }

        // A dictionary that compares keys ordinally finds a name exactly when one of its keys is that name: its
        // entries are looked up among the names. Any other dictionary is asked for each name, as HasAttribute asks.
        ulong mask = 0;
        if (attributes is Dictionary<string, string> entries && entries.Count < _names.Length && IsOrdinal(entries.Comparer))
        {
            foreach (var (key, value) in entries)
            {
                if (_bits.TryGetValue(key, out var bit) && value.Length > 0)
                {
                    mask |= bit;
                }
            }

            return mask;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (facts.HasAttribute(_names[i]))
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    /// <summary>
    /// The conditions with each <c>HasAttribute("constant")</c> call on one of <paramref name="shared"/> (the
    /// complaint's facts) replaced by a test of its bit in a mask computed once, when first needed; unchanged when
    /// fewer than two names are asked about.
    /// </summary>
    /// <param name="conditions">The batch's conditions, over <paramref name="shared"/>.</param>
    /// <param name="shared">The batch's parameters.</param>
    /// <param name="variables">The variables the rewritten conditions use, to declare in the batch's block.</param>
    /// <param name="initial">Their initial assignments, to run before the conditions.</param>
    /// <returns>The conditions.</returns>
    public static Expression[] Rewrite(Expression[] conditions, ParameterExpression[] shared, List<ParameterExpression> variables, List<Expression> initial)
    {
        var calls = new Calls(shared);
        foreach (var condition in conditions)
        {
            calls.Visit(condition);
        }

        foreach (var (facts, names) in calls.Names)
        {
            if (names.Count < 2)
            {
                continue;
            }

            var known = names.Take(Most).ToArray();
            var table = new AttributeNames(known);
            var read = Expression.Variable(typeof(bool), "attributesRead");
            var mask = Expression.Variable(typeof(ulong), "attributes");
            variables.Add(read);
            variables.Add(mask);
            initial.Add(Expression.Assign(read, Expression.Constant(false)));
            initial.Add(Expression.Assign(mask, Expression.Constant(0UL)));
            var value = Expression.Condition(
                read,
                mask,
                Expression.Block(
                    Expression.Assign(mask, Expression.Call(Expression.Constant(table), MaskMethod, facts)),
                    Expression.Assign(read, Expression.Constant(true)),
                    mask));
            conditions = conditions.Select(c => new Replacer(facts, table._bits, value).Visit(c)).ToArray();
        }

        return conditions;
    }

    private static bool IsOrdinal(IEqualityComparer<string> comparer) =>
        ReferenceEquals(comparer, EqualityComparer<string>.Default) || ReferenceEquals(comparer, StringComparer.Ordinal);

    private static bool IsCall(MethodCallExpression node, ParameterExpression[] shared, out ParameterExpression facts, out string name)
    {
        if (node.Method == HasAttribute && node.Object is ParameterExpression p && Array.IndexOf(shared, p) >= 0
            && node.Arguments[0] is ConstantExpression { Value: string constant })
        {
            (facts, name) = (p, constant);
            return true;
        }

        (facts, name) = (null!, null!);
        return false;
    }

    /// <summary>Finds the distinct names asked about, by the facts asked, in order.</summary>
    private sealed class Calls(ParameterExpression[] shared) : ExpressionVisitor
    {
        public Dictionary<ParameterExpression, List<string>> Names { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (IsCall(node, shared, out var facts, out var name))
            {
                if (!Names.TryGetValue(facts, out var names))
                {
                    Names.Add(facts, names = []);
                }

                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }

            return base.VisitMethodCall(node);
        }
    }

    /// <summary>Puts the test of a name's bit in place of its call.</summary>
    private sealed class Replacer(ParameterExpression facts, FrozenDictionary<string, ulong> bits, Expression mask) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (IsCall(node, [facts], out _, out var name) && bits.TryGetValue(name, out var bit))
            {
                return Expression.NotEqual(Expression.And(mask, Expression.Constant(bit)), Expression.Constant(0UL));
            }

            return base.VisitMethodCall(node);
        }
    }
}
