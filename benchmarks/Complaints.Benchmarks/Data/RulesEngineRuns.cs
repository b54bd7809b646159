using RulesEngine.Models;

namespace Complaints.Benchmarks.Data;

/// <summary>What the workloads do with RulesEngine's own results.</summary>
public static class RulesEngineRuns
{
    /// <summary>RulesEngine completes synchronously for rules without actions; waits properly if it ever does not.</summary>
    /// <param name="pending">The execution.</param>
    /// <returns>Its result trees.</returns>
    public static List<RuleResultTree> Wait(ValueTask<List<RuleResultTree>> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    /// <summary>How many rules matched.</summary>
    /// <param name="results">The result trees.</param>
    /// <returns>The count.</returns>
    public static int Matched(List<RuleResultTree> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var matched = 0;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                matched++;
            }
        }

        return matched;
    }
}
