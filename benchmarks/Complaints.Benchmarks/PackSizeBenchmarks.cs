using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Data;
using Complaints.Rules;

namespace Complaints.Benchmarks;

/// <summary>
/// How cost grows with pack size: the generic pack (<c>Rules = 1</c>×) against a generated copy with 10× the
/// rules in every decision file (<see cref="PackMultiplier"/>: the clones cost what the originals cost and
/// never match, so every decision stays the same). One intake decision set per complaint, as in
/// <see cref="IntakeDecisionBenchmarks"/>; the floor is the hand-written generic policy, whose size does not change.
/// </summary>
[MemoryDiagnoser]
public class PackSizeBenchmarks
{
    private IntakeWorkload _workload = null!;
    private string? _folder;

    /// <summary>The pack's rules as a multiple of the generic pack's.</summary>
    [Params(1, 10)]
    public int Rules { get; set; } = 1;

    /// <summary>
    /// The clones' final test (<see cref="PackMultiplier"/>): an equality the guard index reads, or none it can,
    /// so that every clone's condition is evaluated. Meaningless at <c>Rules = 1</c>, where both rows are the same pack.
    /// </summary>
    [Params(CloneGuard.Equality, CloneGuard.None, CloneGuard.Varied)]
    public CloneGuard Clones { get; set; } = CloneGuard.Equality;

    /// <summary>Loads (or writes and loads) the pack, generates the complaints and stages them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        PolicyPack pack;
        if (Rules == 1)
        {
            pack = PolicyPacks.LoadBuiltIn("generic");
        }
        else
        {
            _folder = PackMultiplier.WriteTemporary("generic", Rules, Clones);
            pack = PolicyPacks.LoadFolder(_folder);
        }

        var generator = new ComplaintGenerator(IntakeDecisionBenchmarks.Seed);
        var complaints = Enumerable.Range(0, IntakeDecisionBenchmarks.Complaints).Select(_ => generator.NextReceived()).ToArray();
        _workload = new IntakeWorkload(pack, complaints);
    }

    /// <summary>Removes the generated pack.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
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

    /// <summary>The pack's typed decisions with explanations: our path.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "PolicyPack")]
    public int PolicyPack()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.ThroughPack(i);
        }

        return sum;
    }

    /// <summary>RulesEngine executing the pack's four workflows itself, engine built once.</summary>
    /// <returns>How many rules matched.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "RulesEngine ExecuteAllRulesAsync")]
    public int RulesEngine()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.ThroughRulesEngine(i);
        }

        return sum;
    }
}
