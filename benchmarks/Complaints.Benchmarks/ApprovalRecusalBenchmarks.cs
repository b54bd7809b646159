using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Complaints.Benchmarks.Data;
using Complaints.Rules;

namespace Complaints.Benchmarks;

/// <summary>
/// The approval decision and the recusal decision alone, on the generic pack, per complaint: through the
/// <see cref="PolicyPack"/> (our path), through RulesEngine executing the same workflow itself (engine reused,
/// <c>ExecuteAllRulesAsync</c>), and through the hand-written floor as the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ApprovalRecusalBenchmarks
{
    private ApprovalRecusalWorkload _workload = null!;

    /// <summary>Loads the generic pack and prepares the complaints, remedies and persons.</summary>
    [GlobalSetup]
    public void Setup() =>
        _workload = new ApprovalRecusalWorkload(PolicyPacks.LoadBuiltIn("generic"), IntakeDecisionBenchmarks.Seed, IntakeDecisionBenchmarks.Complaints);

    /// <summary>Approval, hand-written: the floor.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "Hand-written (floor)")]
    [BenchmarkCategory("Approval")]
    public int ApprovalFloor()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.ApprovalThroughFloor(i);
        }

        return sum;
    }

    /// <summary>Approval through the pack.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "PolicyPack")]
    [BenchmarkCategory("Approval")]
    public int ApprovalPack()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.ApprovalThroughPack(i);
        }

        return sum;
    }

    /// <summary>Approval executed by RulesEngine itself.</summary>
    /// <returns>How many rules matched.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "RulesEngine ExecuteAllRulesAsync")]
    [BenchmarkCategory("Approval")]
    public int ApprovalRulesEngine()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.ApprovalThroughRulesEngine(i);
        }

        return sum;
    }

    /// <summary>Recusal, hand-written: the floor.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "Hand-written (floor)")]
    [BenchmarkCategory("Recusal")]
    public int RecusalFloor()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.RecusalThroughFloor(i);
        }

        return sum;
    }

    /// <summary>Recusal through the pack.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "PolicyPack")]
    [BenchmarkCategory("Recusal")]
    public int RecusalPack()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.RecusalThroughPack(i);
        }

        return sum;
    }

    /// <summary>Recusal executed by RulesEngine itself.</summary>
    /// <returns>How many rules matched.</returns>
    [Benchmark(OperationsPerInvoke = IntakeDecisionBenchmarks.Complaints, Description = "RulesEngine ExecuteAllRulesAsync")]
    [BenchmarkCategory("Recusal")]
    public int RecusalRulesEngine()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.RecusalThroughRulesEngine(i);
        }

        return sum;
    }
}
