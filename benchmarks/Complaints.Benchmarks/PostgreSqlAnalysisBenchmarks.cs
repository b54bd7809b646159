using BenchmarkDotNet.Attributes;
using Complaints.Analysis;
using Complaints.Benchmarks.Workloads;
using Complaints.Storage.PostgreSql;
using Npgsql;

namespace Complaints.Benchmarks;

/// <summary>
/// One period's analysis report in PostgreSQL (P8: under a second over 1M cases, growing no faster than the period's
/// cases): <see cref="PostgreSqlComplaintStore.AnalyseAsync"/> over <see cref="PostgreSqlAnalysisSeed"/>'s 1,000,000 cases
/// received over two years, for the last month (~42k cases), quarter (~126k), year (~500k) and both years (1M), every
/// figure included (recurrence over 90 days). Needs <c>COMPLAINTS_POSTGRES</c>; without it every case prints why and
/// measures nothing. The seed is built once (several minutes) and kept in the database.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in the GlobalCleanup BenchmarkDotNet calls.")]
public class PostgreSqlAnalysisBenchmarks
{
    /// <summary>How many cases the database holds.</summary>
    public const int Cases = 1_000_000;

    private NpgsqlDataSource? _dataSource;
    private PostgreSqlComplaintStore? _store;
    private AnalysisQuery _query = null!;

    /// <summary>The period reported: the last month, quarter or year of the two, or all of it.</summary>
    [Params("month", "quarter", "year", "all")]
    public string Period { get; set; } = "month";

    /// <summary>Builds (once) or finds the seed, and the query.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var connectionString = Environment.GetEnvironmentVariable("COMPLAINTS_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.WriteLine("// PostgreSqlAnalysisBenchmarks skipped: COMPLAINTS_POSTGRES is not set (an Npgsql connection string of a role that may create schemas).");
            return;
        }

        _dataSource = NpgsqlDataSource.Create(connectionString);
        _store = new PostgreSqlComplaintStore(_dataSource, new PostgreSqlStoreOptions { Schema = PostgreSqlAnalysisSeed.Schema(_dataSource, Cases) });
        var end = PostgreSqlAnalysisSeed.End;
        var (from, interval) = Period switch
        {
            "month" => (end.AddMonths(-1), TrendInterval.Day),
            "quarter" => (end.AddMonths(-3), TrendInterval.Week),
            "year" => (end.AddYears(-1), TrendInterval.Month),
            _ => (PostgreSqlAnalysisSeed.Start, TrendInterval.Month),
        };
        _query = new AnalysisQuery { From = from, To = end, AsOf = end, Interval = interval, Offset = TimeSpan.FromHours(8) };
        var report = _store.AnalyseAsync(_query).GetAwaiter().GetResult();
        Console.WriteLine($"// {Period}: {report.Received:N0} cases, {report.Recurrence.SameComplainant:N0}/{report.Recurrence.SameSubject:N0}/{report.Recurrence.SameCause:N0} recurrences, {report.Departments.Count} departments.");
    }

    /// <summary>Disposes of the store.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _dataSource?.Dispose();
    }

    /// <summary>The whole report of the period.</summary>
    /// <returns>The cases received in it.</returns>
    [Benchmark(Description = "PostgreSqlComplaintStore.AnalyseAsync")]
    public int Analyse() => _store is null ? 0 : _store.AnalyseAsync(_query).GetAwaiter().GetResult().Received;
}
