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
        var indexed = new Dictionary<(int Input, PropertyInfo? Property), (Guard First, Dictionary<string, List<int>> Rules)>();
        for (var i = 0; i < rules.Length; i++)
        {
            var guard = rules[i].Guards.OrderByDescending(g => distinct[g.Key]).FirstOrDefault();
            if (guard is null)
            {
                always.Add(i);
                continue;
            }

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
        Indexes = indexed.Values
            .Select(e => new Entry(e.First.Input, e.First.Reader(), e.Rules.ToDictionary(r => r.Key, r => r.Value.ToArray(), StringComparer.Ordinal)))
            .ToArray();
    }

    /// <summary>The rules without a guard, in order.</summary>
    public int[] Always { get; }

    /// <summary>The guarded rules, by what their guard reads.</summary>
    public Entry[] Indexes { get; }

    /// <summary>The guarded rules that read one value: by constant, the rules whose guard wants it.</summary>
    public sealed record Entry(int Input, Func<object, string?> Read, Dictionary<string, int[]> Rules);
}
