using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Complaints.Benchmarks.Data;
using Complaints.Rules;

namespace Complaints.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/Complaints.Benchmarks -- [--quick] [BenchmarkDotNet options]</c>.
/// <c>--quick</c> is a short job (one launch, three warmups, three iterations) for a look; without it
/// BenchmarkDotNet decides how long to measure. <c>--inprocess</c> runs every benchmark in this process (no generated
/// project to build). Filter with <c>--filter '*Intake*'</c>; with no filter it asks
/// which to run. <c>--desk-sizes 10000,1000000</c> sets the desk queries' sizes (by default 10k, 100k and 1M; 10k and
/// 100k with <c>--quick</c>); <c>--desk-seed</c> only builds their stored cases (kept for later runs) outside
/// BenchmarkDotNet, whose in-process toolchain stops a global setup that runs past its 30 minutes. <c>--profile SECONDS [PACK]</c> instead runs the PolicyPack intake path in a loop, for a
/// profiler (<c>dotnet-trace collect -- …</c>).
/// </summary>
public static class Program
{
    /// <summary>Whether this run is the short one (<c>--quick</c>): some groups measure fewer sizes.</summary>
    public static bool Quick { get; private set; }

    /// <summary>The desk query sizes <c>--desk-sizes 10000,1000000</c> asked for, if any (e.g. a quick run at 1M).</summary>
    public static IReadOnlyList<int>? DeskSizes { get; private set; }

    /// <summary>The store size of <see cref="AnalysisBenchmarks"/> (<c>--analysis-cases n</c>); 1,000,000 when not given.</summary>
    public static int? AnalysisCases { get; private set; }

    /// <summary>The values a benchmark parameter takes: those the environment variable lists (comma-separated), else <paramref name="all"/>.</summary>
    /// <param name="variable">The environment variable, e.g. <c>COMPLAINTS_BENCH_TEXTS</c>.</param>
    /// <param name="all">The values when it is not set.</param>
    /// <returns>The values to run.</returns>
    public static IEnumerable<string> Chosen(string variable, IEnumerable<string> all) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } chosen
            ? chosen.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : all;

    /// <summary>The entry point.</summary>
    /// <param name="args">The options.</param>
    public static void Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var profile = Array.IndexOf(args, "--profile");
        if (profile >= 0)
        {
            var seconds = args.Length > profile + 1 ? int.Parse(args[profile + 1], CultureInfo.InvariantCulture) : 10;
            Profile(TimeSpan.FromSeconds(seconds), args.Length > profile + 2 ? args[profile + 2] : "generic");
            return;
        }

        var packSize = Array.IndexOf(args, "--pack-size-minimum");
        if (packSize >= 0)
        {
            PackSizeMinimum(args.Length > packSize + 1 ? int.Parse(args[packSize + 1], CultureInfo.InvariantCulture) : 200);
            return;
        }

        var quick = Quick = args.Contains("--quick", StringComparer.Ordinal);
        var deskSizes = Array.IndexOf(args, "--desk-sizes");
        if (deskSizes >= 0)
        {
            DeskSizes = args[deskSizes + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
            args = [.. args[..deskSizes], .. args[(deskSizes + 2)..]];
        }

        var analysisCases = Array.IndexOf(args, "--analysis-cases");
        if (analysisCases >= 0)
        {
            AnalysisCases = int.Parse(args[analysisCases + 1], CultureInfo.InvariantCulture);
            args = [.. args[..analysisCases], .. args[(analysisCases + 2)..]];
        }

        if (args.Contains("--desk-seed", StringComparer.Ordinal))
        {
            DeskQueryBenchmarks.Seed();
            return;
        }

        var job = quick ? Job.ShortRun.WithId("Quick") : Job.Default.WithId("Full");
        if (args.Contains("--inprocess", StringComparer.Ordinal))
        {
            // No generated project to build (builds time out on a loaded machine); every benchmark in this process.
            job = job.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true));
        }

        var config = DefaultConfig.Instance
            .AddJob(job.AsDefault())
            .AddColumn(StatisticColumn.Median)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args.Where(a => a is not "--quick" and not "--inprocess").ToArray(), config);
    }

    /// <summary>
    /// The generic pack and its 10× copies (<see cref="PackSizeBenchmarks"/>), timed in turn, one pass over the
    /// 1,000 complaints each, <paramref name="rounds"/> times: the fastest pass of each is what the machine gives
    /// when nothing else runs, which a loaded machine's means and medians do not show.
    /// </summary>
    private static void PackSizeMinimum(int rounds)
    {
        var generator = new ComplaintGenerator(IntakeDecisionBenchmarks.Seed);
        var complaints = Enumerable.Range(0, IntakeDecisionBenchmarks.Complaints).Select(_ => generator.NextReceived()).ToArray();
        var folders = new List<string>();
        var packs = new List<(string Name, IntakeWorkload Workload)> { ("1x", new IntakeWorkload(PolicyPacks.LoadBuiltIn("generic"), complaints)) };
        foreach (var clones in Enum.GetValues<CloneGuard>())
        {
            folders.Add(PackMultiplier.WriteTemporary("generic", 10, clones));
            packs.Add(($"10x {clones}", new IntakeWorkload(PolicyPacks.LoadFolder(folders[^1]), complaints)));
        }

        var best = packs.Select(_ => double.MaxValue).ToArray();
        var sum = 0;
        for (var round = 0; round < rounds; round++)
        {
            for (var p = 0; p < packs.Count; p++)
            {
                var workload = packs[p].Workload;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < workload.Count; i++)
                {
                    sum += workload.ThroughPack(i);
                }

                best[p] = Math.Min(best[p], clock.Elapsed.TotalNanoseconds / workload.Count);
            }
        }

        for (var p = 0; p < packs.Count; p++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{packs[p].Name,-14} {best[p],8:0} ns per intake set (fastest of {rounds} passes), {best[p] / best[0]:0.00}x the 1x pack"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(checksum {sum})"));
        folders.ForEach(f => Directory.Delete(f, recursive: true));
    }

    private static void Profile(TimeSpan duration, string packId)
    {
        var generator = new ComplaintGenerator(IntakeDecisionBenchmarks.Seed);
        var complaints = Enumerable.Range(0, IntakeDecisionBenchmarks.Complaints).Select(_ => generator.NextReceived()).ToArray();
        var workload = new IntakeWorkload(PolicyPacks.LoadBuiltIn(packId), complaints);
        var clock = Stopwatch.StartNew();
        long sets = 0;
        var sum = 0;
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < workload.Count; i++)
            {
                sum += workload.ThroughPack(i);
            }

            sets += workload.Count;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sets} intake decision sets of pack {packId} in {clock.Elapsed.TotalSeconds:0.0} s: {clock.Elapsed.TotalNanoseconds / sets:0} ns each (checksum {sum})."));
    }
}
