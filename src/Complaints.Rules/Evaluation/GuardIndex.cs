using System.Collections.Frozen;
using System.Reflection;

namespace Complaints.Rules.Evaluation;

/// <summary>
/// A workflow's rules split for evaluation: those evaluated for every input, and those with a guard, indexed
/// by what the guard reads (one input's string property) and the constant it must equal. Each guarded rule is
/// indexed under one of its guards: the one whose value has the most distinct constants in the workflow.
/// </summary>
internal sealed class GuardIndex
{
    public GuardIndex(CompiledRule[] rules)
    {
        var distinct = rules.SelectMany(r => r.Guards).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Value).Distinct(StringComparer.Ordinal).Count());
        var always = new List<int>();
        MayHideError = new bool[rules.Length];
        var indexed = new Dictionary<(int Input, PropertyInfo? Property), (Guard First, Dictionary<string, List<int>> Rules)>();
        for (var i = 0; i < rules.Length; i++)
        {
            var guard = rules[i].Guards.OrderByDescending(g => distinct[g.Key]).FirstOrDefault();
            if (guard is null)
            {
                always.Add(i);
                continue;
            }

            MayHideError[i] = !guard.First;
            if (!indexed.TryGetValue(guard.Key, out var entry))
            {
                entry = (guard, new Dictionary<string, List<int>>(StringComparer.Ordinal));
                indexed.Add(guard.Key, entry);
            }

            if (!entry.Rules.TryGetValue(guard.Value, out var list))
            {
                entry.Rules.Add(guard.Value, list = []);
            }

            list.Add(i);
        }

        Always = always.ToArray();
        AlwaysBatches = RuleBatch.Of(rules, Always);
        Indexes = indexed.Values
            .Select(e => new Entry(
                e.First.Input,
                e.First.Reader(),
                e.Rules.ToFrozenDictionary(r => r.Key, r => new Candidates(r.Value.ToArray(), Loud(r.Value), RuleBatch.Of(rules, r.Value)), StringComparer.Ordinal),
                Loud(e.Rules.Values.SelectMany(r => r))))
            .ToArray();

        int Loud(IEnumerable<int> indexes) => indexes.Count(i => MayHideError[i]);
    }

    /// <summary>The rules without a guard, in order.</summary>
    public int[] Always { get; }

    /// <summary>The rules without a guard, in batches evaluated together.</summary>
    public RuleBatch[] AlwaysBatches { get; }

    /// <summary>The guarded rules, by what their guard reads.</summary>
    public Entry[] Indexes { get; }

    /// <summary>
    /// By rule: whether skipping it may hide an error — its indexed guard is not its first conjunct, so its
    /// condition may throw before reaching the guard (see <see cref="Guard.First"/>).
    /// </summary>
    public bool[] MayHideError { get; }

    /// <summary>The guarded rules that read one value: by constant, the rules whose guard wants it.</summary>
    /// <param name="Input">The input read.</param>
    /// <param name="Read">Reads the value.</param>
    /// <param name="Rules">
    /// By constant, the rules whose guard wants it: frozen, as the constants are known at load, so that a look-up
    /// compares the value's length and a few characters instead of hashing it whole (one look-up per guarded value
    /// and decision).
    /// </param>
    /// <param name="Loud">How many of all these rules may hide an error when skipped.</param>
    public sealed record Entry(int Input, Func<object, string?> Read, FrozenDictionary<string, Candidates> Rules, int Loud);

    /// <summary>The rules whose guard wants one constant.</summary>
    /// <param name="Rules">Their indexes, in order.</param>
    /// <param name="Loud">How many of them may hide an error when skipped.</param>
    /// <param name="Batches">The same rules in batches evaluated together.</param>
    public sealed record Candidates(int[] Rules, int Loud, RuleBatch[] Batches);
}
