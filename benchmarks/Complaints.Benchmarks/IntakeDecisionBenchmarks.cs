using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Data;
using Complaints.Rules;
using Complaints.Rules.NRules;

namespace Complaints.Benchmarks;

/// <summary>
/// One complete intake decision set (admissibility, severity, routing, deadlines) per complaint, for each
/// built-in pack, over a fixed set of <see cref="Complaints"/> seeded random complaints: through the
/// <see cref="PolicyPack"/> (our path), through the same pack on NRules (its rules compiled to NRules rule definitions,
/// matched in the thread's session of the pack's session factory, or in a new session per decision), through RulesEngine
/// executing the same four workflows itself, and through the hand-written floor — the generic pack's decisions in plain
/// C# — as the baseline. Times and allocations are per complaint.
/// <para>
/// The descriptions (<see cref="Texts"/>) are the generator's 3–10 words, or real complaint text (<see cref="RealTexts"/>):
/// CFPB narratives and issue texts in English, Chinese complaint prose, at about 50, 1,000 and 20,000 characters. Set
/// <c>COMPLAINTS_BENCH_TEXTS</c> to a comma-separated list (e.g. <c>en-1k,zh-1k</c>) to run only those.
/// </para>
/// <para>Each pack is measured against its own hand-written floor (<see cref="Floors.IntakeFloors"/>).</para>
/// </summary>
[MemoryDiagnoser]
public class IntakeDecisionBenchmarks
{
    /// <summary>How many complaints one operation decides.</summary>
    public const int Complaints = 1000;

    /// <summary>The seed of the complaint set.</summary>
    public const int Seed = 20250303;

    private IntakeWorkload _workload = null!;
    private IntakeWorkload _onNRules = null!;
    private IntakeWorkload _onNRulesNewSessions = null!;

    /// <summary>The built-in pack.</summary>
    [ParamsSource(nameof(Packs))]
    public string Pack { get; set; } = "generic";

    /// <summary>The built-in packs.</summary>
    public static IEnumerable<string> Packs => PolicyPacks.BuiltIn;

    /// <summary>Where the descriptions come from: "generated", or real text such as "en-1k" or "zh-20k" (<see cref="RealTexts.Sources"/>).</summary>
    [ParamsSource(nameof(TextSources))]
    public string Texts { get; set; } = "generated";

    /// <summary>The description sources: all of <see cref="RealTexts.Sources"/>, or those <c>COMPLAINTS_BENCH_TEXTS</c> names.</summary>
    public static IEnumerable<string> TextSources =>
        Program.Chosen("COMPLAINTS_BENCH_TEXTS", RealTexts.Sources);

    /// <summary>Loads the pack, generates the complaints and stages them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var generator = new ComplaintGenerator(Seed);
        var complaints = RealTexts.Describe(Enumerable.Range(0, Complaints).Select(_ => generator.NextReceived()), Texts, Seed);
        var pack = PolicyPacks.LoadBuiltIn(Pack);
        _workload = new IntakeWorkload(pack, complaints);
        _onNRules = new IntakeWorkload(pack.OnNRules(), complaints);
        _onNRulesNewSessions = new IntakeWorkload(pack.OnNRulesWithSessionPerDecision(), complaints);
    }

    /// <summary>The pack's hand-written policy: the floor.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Complaints, Description = "Hand-written (floor)")]
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
    [Benchmark(OperationsPerInvoke = Complaints, Description = "PolicyPack")]
    public int PolicyPack()
    {
        var sum = 0;
        for (var i = 0; i < _workload.Count; i++)
        {
            sum += _workload.ThroughPack(i);
        }

        return sum;
    }

    /// <summary>The pack's typed decisions with explanations, its rules matched on NRules (the thread's session reused, the request retracted after each decision).</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = Complaints, Description = "PolicyPack on NRules")]
    public int OnNRules()
    {
        var sum = 0;
        for (var i = 0; i < _onNRules.Count; i++)
        {
            sum += _onNRules.ThroughPack(i);
        }

        return sum;
    }

    /// <summary>The same on NRules with a new session created for every decision.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(OperationsPerInvoke = Complaints, Description = "PolicyPack on NRules, a session per decision")]
    public int OnNRulesNewSessions()
    {
        var sum = 0;
        for (var i = 0; i < _onNRulesNewSessions.Count; i++)
        {
            sum += _onNRulesNewSessions.ThroughPack(i);
        }

        return sum;
    }

    /// <summary>RulesEngine executing the pack's four workflows itself, engine built once.</summary>
    /// <returns>How many rules matched.</returns>
    [Benchmark(OperationsPerInvoke = Complaints, Description = "RulesEngine ExecuteAllRulesAsync")]
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
