using BenchmarkDotNet.Attributes;
using Complaints.Analysis;
using Complaints.Benchmarks.Workloads;
using Complaints.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Complaints.Benchmarks;

/// <summary>
/// One full period report (P8) over 1,000,000 stored cases received over two years (<see cref="AnalysisSeed"/>, a cached
/// SQLite file): a month, a quarter, a year and the whole two years, every figure of <see cref="PeriodAnalysis"/>. The
/// target is under a second for a period and a cost that grows with the period's cases, not the store's.
/// <c>--analysis-cases</c> chooses another store size.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet disposes the store in [GlobalCleanup].
public class AnalysisBenchmarks
#pragma warning restore CA1001
{
    private SqliteComplaintStore _store = null!;
    private AnalysisQuery _query = null!;

    /// <summary>How many cases are stored.</summary>
    public static int Cases => Program.AnalysisCases ?? 1_000_000;

    /// <summary>The period reported on, ending at the middle of the two years.</summary>
    [Params("month", "quarter", "year", "all")]
    public string Period { get; set; } = "month";

    /// <summary>Builds (or reuses) the file and checks the report covers the period's cases.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = new SqliteComplaintStore($"Data Source={AnalysisSeed.SqliteFile(Cases)}");
        var start = BenchClock.Start.AddDays(-1);
        var middle = start + AnalysisSeed.Window / 2;
        var (from, to, interval) = Period switch
        {
            "month" => (middle, middle.AddMonths(1), TrendInterval.Week),
            "quarter" => (middle, middle.AddMonths(3), TrendInterval.Week),
            "year" => (middle.AddMonths(-6), middle.AddMonths(6), TrendInterval.Month),
            _ => (start, start + AnalysisSeed.Window + TimeSpan.FromDays(2), TrendInterval.Month),
        };
        _query = new AnalysisQuery { From = from, To = to, AsOf = start + AnalysisSeed.Window, Interval = interval };
        Report();

        // On a shared machine the wall time includes waiting for a core; the process's CPU time for one report does not.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var report = Report();
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(
            $"// {Period}: {report.Received:N0} cases, {report.Recurrence.SameComplainant:N0} repeat complainants, {report.RootCauses.Count} causes, " +
            $"{report.Departments.Count} departments; one report {wall.Elapsed.TotalMilliseconds:N0} ms wall, {used.TotalMilliseconds:N0} ms CPU.");
        if (report.Received == 0)
        {
            throw new InvalidOperationException($"The seed has no case in the {Period}.");
        }
    }

    /// <summary>Closes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The period's report.</summary>
    /// <returns>The figures.</returns>
    [Benchmark(Description = "Period report (SQLite)")]
    public PeriodAnalysis Report() => _store.AnalyseAsync(_query).GetAwaiter().GetResult();
}
