using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Data;
using Complaints.Rules;
using Complaints.Rules.Facts;

namespace Complaints.Benchmarks;

/// <summary>
/// Where the PolicyPack's time goes on the generic pack, one intake decision set per complaint, in layers:
/// only building the four <see cref="ComplaintFacts"/> the pack builds; those plus evaluating every rule's
/// compiled condition (<see cref="PolicyPack.Evaluate"/>, which also allocates its small result array); and
/// the full typed decisions with their explanations. The differences between the layers are the costs of
/// evaluation and of building decisions and explanations. The hand-written floor is the baseline.
/// </summary>
[MemoryDiagnoser]
public class PolicyPackCostBenchmarks
{
    private IntakeWorkload _workload = null!;
    private PackFacts _pack = null!;

    /// <summary>Loads the generic pack, generates the complaints and stages them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var generator = new ComplaintGenerator(IntakeDecisionBenchmarks.Seed);
        var complaints = Enumerable.Range(0, IntakeDecisionBenchmarks.Complaints).Select(_ => generator.NextReceived()).ToArray();
        _workload = new IntakeWorkload(PolicyPacks.LoadBuiltIn("generic"), complaints);
        _pack = _workload.Pack.Facts;
    }

    /// <summary>The hand-written generic policy: the floor.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "Hand-written (floor)")]
    public int HandWritten()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.ThroughFloor(i);
        }

        return sum;
    }

    /// <summary>Only the facts: four <see cref="ComplaintFacts"/> per complaint, as the pack builds one per decision.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "Facts only (4× ComplaintFacts)")]
    public int FactsOnly()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += new ComplaintFacts(_workload.Received[i]).TierRank
                + new ComplaintFacts(_workload.Received[i]).TierRank
                + new ComplaintFacts(_workload.Classified[i]).TierRank
                + new ComplaintFacts(_workload.Routed[i]).TierRank;
        }

        return sum;
    }

    /// <summary>The facts and every rule's compiled condition, without decisions or explanations.</summary>
    /// <returns>How many rules matched.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "Facts + conditions (Evaluate)")]
    public int Conditions()
    {
        var pack = _workload.Pack;
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += Matched(pack.Evaluate(DecisionPoint.Admissibility, [new ComplaintFacts(_workload.Received[i]), _pack]))
                + Matched(pack.Evaluate(DecisionPoint.Severity, [new ComplaintFacts(_workload.Received[i]), _pack]))
                + Matched(pack.Evaluate(DecisionPoint.Routing, [new ComplaintFacts(_workload.Classified[i]), _pack]))
                + Matched(pack.Evaluate(DecisionPoint.Deadlines, [new ComplaintFacts(_workload.Routed[i]), _pack]));
        }

        return sum;
    }

    /// <summary>The pack's typed decisions with explanations: our path.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "PolicyPack (decisions + explanations)")]
    public int PolicyPack()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.ThroughPack(i);
        }

        return sum;
    }

    private static int Matched(IReadOnlyList<(string Rule, bool Matched)> results)
    {
        var matched = 0;
        for (var i = 0; i < results.Count; i++)
        {
            matched += results[i].Matched ? 1 : 0;
        }

        return matched;
    }
}
