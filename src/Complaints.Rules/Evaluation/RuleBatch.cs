using System.Linq.Expressions;

namespace Complaints.Rules.Evaluation;

/// <summary>
/// Up to 64 rules of a workflow evaluated by one delegate, compiled at load from their conditions' trees
/// (<see cref="CompiledRule.Tree"/>): the inputs are converted once, as each rule's own delegate converts them,
/// the conditions follow one another inline, and the delegate returns a bit per matched rule — instead of a
/// delegate call, an input conversion and an exception frame per rule. When anything in it throws (a rule's
/// condition, or an input of the wrong type), the batch is evaluated again rule by rule with each rule's own
/// delegate, which records which rules threw and with what message, as before: the conditions only read immutable
/// facts, so evaluating one again gives the same result.
/// </summary>
internal sealed class RuleBatch
{
    /// <summary>The most rules in one batch: a bit each in the delegate's result.</summary>
    public const int Size = 64;

    private readonly int[] _rules;
    private readonly Func<object[], ulong>? _together;

    private RuleBatch(int[] rules, Func<object[], ulong>? together)
    {
        _rules = rules;
        _together = together;
    }

    /// <summary>Whether the batch's rules are evaluated by one delegate (else one by one).</summary>
    public bool Together => _together is not null;

    /// <summary>The indexes of the batch's rules in the workflow, in order.</summary>
    public IReadOnlyList<int> Rules => _rules;

    /// <summary>Batches of the rules at <paramref name="indexes"/>, in order.</summary>
    /// <param name="rules">The workflow's rules.</param>
    /// <param name="indexes">The rules to evaluate, in order.</param>
    public static RuleBatch[] Of(CompiledRule[] rules, IEnumerable<int> indexes) =>
        indexes.Chunk(Size).Select(batch => new RuleBatch(batch, Compile(rules, batch))).ToArray();

    /// <summary>Evaluates the batch's rules, recording in <paramref name="set"/> which matched and which threw.</summary>
    public void Run(CompiledRule[] rules, object[] inputs, ref MatchSet set)
    {
        if (_together is not null)
        {
            ulong matched;
            try
            {
                matched = _together(inputs);
            }
#pragma warning disable CA1031 // Any exception: the rules are evaluated one by one below, which records it per rule as RulesEngine does.
            catch (Exception)
#pragma warning restore CA1031
            {
                OneByOne(rules, inputs, ref set);
                return;
            }

            set.SetAll(matched, _rules);
            return;
        }

        OneByOne(rules, inputs, ref set);
    }

    private void OneByOne(CompiledRule[] rules, object[] inputs, ref MatchSet set)
    {
        foreach (var i in _rules)
        {
            if (rules[i].Matches(inputs, out var error))
            {
                set.Set(i);
            }
            else if (error is not null)
            {
                set.Fail(i, error);
            }
        }
    }

    /// <summary>
    /// The batch's conditions in one delegate, each over the same parameters (assigned once from the inputs as
    /// <see cref="Loading.ConditionCompiler.Compile"/> and RulesEngine assign them); <see langword="null"/> for a single
    /// rule or when a rule's tree is unknown or its parameters differ from the others'.
    /// </summary>
    private static Func<object[], ulong>? Compile(CompiledRule[] rules, int[] batch)
    {
        try
        {
            return CompileTogether(rules, batch);
        }
#pragma warning disable CA1031 // Any exception: the batch is an optimisation; its rules are then evaluated one by one, as compiled already.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static Func<object[], ulong>? CompileTogether(CompiledRule[] rules, int[] batch)
    {
        if (batch.Length < 2 || batch.Any(i => rules[i].Tree is null))
        {
            return null;
        }

        var first = rules[batch[0]].Tree!.Parameters;
        if (batch.Any(i => !rules[i].Tree!.Parameters.Select(p => p.Type).SequenceEqual(first.Select(p => p.Type))))
        {
            return null;
        }

        var args = Expression.Parameter(typeof(object[]), "args");
        var shared = first.Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();
        var matched = Expression.Variable(typeof(ulong), "matched");
        var body = new List<Expression>(batch.Length + shared.Length + 2) { Expression.Assign(matched, Expression.Constant(0UL)) };
        body.AddRange(shared.Select((p, i) => Expression.Assign(p, Expression.Convert(Expression.ArrayAccess(args, Expression.Constant(i)), p.Type))));
        var conditions = batch.Select(i => new Renamer(rules[i].Tree!.Parameters, shared).Visit(rules[i].Tree!.Body)).ToArray();
        var attributeVariables = new List<ParameterExpression>();
        var attributeInitial = new List<Expression>();
        conditions = AttributeNames.Rewrite(conditions, shared, attributeVariables, attributeInitial);
        body.AddRange(attributeInitial);
        var reads = new Reads(shared);
        foreach (var condition in conditions)
        {
            reads.Visit(condition);
        }

        var memo = reads.Memo();
        body.AddRange(memo.Values.Select(m => Expression.Assign(m.Read, Expression.Constant(false))));
        for (var j = 0; j < conditions.Length; j++)
        {
            var condition = memo.Count == 0 ? conditions[j] : new Memoizer(memo).Visit(conditions[j]);
            body.Add(Expression.IfThen(condition, Expression.OrAssign(matched, Expression.Constant(1UL << j))));
        }

        body.Add(matched);
        var variables = shared.Append(matched).Concat(memo.Values.SelectMany(m => new[] { m.Read, m.Value })).Concat(attributeVariables);
        return Expression.Lambda<Func<object[], ulong>>(Expression.Block(typeof(ulong), variables, body), args).Compile();
    }

    /// <summary>
    /// Counts the reads of the facts' properties (<c>complaint.Description</c>, <c>complaint.ClaimAmount</c>) in a
    /// batch's conditions: a property read more than once is read once per evaluation, when first needed, and
    /// kept in a local for the other conditions. The facts are immutable, so each condition sees the value it
    /// would have read itself; a read that throws keeps nothing (and the batch is evaluated again rule by rule).
    /// </summary>
    private sealed class Reads(ParameterExpression[] shared) : ExpressionVisitor
    {
        private readonly Dictionary<(ParameterExpression, System.Reflection.PropertyInfo), int> _count = [];

        public Dictionary<(ParameterExpression, System.Reflection.PropertyInfo), (ParameterExpression Read, ParameterExpression Value)> Memo() =>
            _count.Where(c => c.Value > 1).ToDictionary(
                c => c.Key,
                c => (Expression.Variable(typeof(bool), c.Key.Item2.Name + "Read"), Expression.Variable(c.Key.Item2.PropertyType, c.Key.Item2.Name)));

        public static bool IsFactRead(MemberExpression node, ParameterExpression[] shared, out (ParameterExpression, System.Reflection.PropertyInfo) key)
        {
            if (node is { Expression: ParameterExpression p, Member: System.Reflection.PropertyInfo { GetMethod.IsStatic: false } property }
                && Array.IndexOf(shared, p) >= 0 && property.DeclaringType?.Namespace == typeof(Facts.ComplaintFacts).Namespace)
            {
                key = (p, property);
                return true;
            }

            key = default;
            return false;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (IsFactRead(node, shared, out var key))
            {
                _count[key] = _count.GetValueOrDefault(key) + 1;
            }

            return base.VisitMember(node);
        }
    }

    /// <summary>Puts the memoized read (<see cref="Reads"/>) in place of each repeated property read.</summary>
    private sealed class Memoizer(Dictionary<(ParameterExpression, System.Reflection.PropertyInfo), (ParameterExpression Read, ParameterExpression Value)> memo) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node is { Expression: ParameterExpression p, Member: System.Reflection.PropertyInfo property } && memo.TryGetValue((p, property), out var m))
            {
                return Expression.Condition(
                    m.Read,
                    m.Value,
                    Expression.Block(Expression.Assign(m.Value, node), Expression.Assign(m.Read, Expression.Constant(true)), m.Value));
            }

            return base.VisitMember(node);
        }
    }

    /// <summary>Puts the batch's shared parameters in place of one rule's own.</summary>
    private sealed class Renamer(ParameterExpression[] from, ParameterExpression[] to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            Array.IndexOf(from, node) is var i and >= 0 ? to[i] : node;
    }
}
