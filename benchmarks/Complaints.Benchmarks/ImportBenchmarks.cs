using BenchmarkDotNet.Attributes;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Workflow.Import;
using Complaints.Workflow.InMemory;
using Microsoft.Data.Sqlite;

namespace Complaints.Benchmarks;

/// <summary>
/// Importing history (<see cref="ComplaintImporter"/> with <see cref="CfpbImport.Mapping"/>): rows of the CFPB 2015 Q1
/// export (the older column set, 28,156 rows in all) read from text, mapped and written — into a fresh in-memory store,
/// and into a SQLite file (WAL, <c>synchronous = FULL</c>, as shipped) batched (500 cases per transaction, the
/// default) and case by case (one transaction each, as for a store without bulk saves). Times are per row; the
/// targets are 10,000 rows/s (100 µs) into memory and 2,000 rows/s (500 µs) into SQLite.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in the GlobalCleanup BenchmarkDotNet calls.")]
public class ImportBenchmarks
{
    /// <summary>Rows per batched operation.</summary>
    public const int Rows = 5_000;

    /// <summary>Rows per case-by-case operation (each a durable commit).</summary>
    public const int RowsOneByOne = 500;

    private static readonly TimeProvider Clock = TimeProvider.System;
    private string _rows = null!;
    private string _fewRows = null!;
    private string _folder = null!;
    private SqliteComplaintStore _sqlite = null!;
    private int _run;

    /// <summary>Reads the rows and creates the SQLite file.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "consumer_complaints_2015q1.csv"));
        _rows = string.Join('\n', lines.Take(Rows + 1)) + "\n";
        _fewRows = string.Join('\n', lines.Take(RowsOneByOne + 1)) + "\n";
        _folder = Path.Combine(Path.GetTempPath(), "complaints-bench", "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _sqlite = new SqliteComplaintStore($"Data Source={Path.Combine(_folder, "complaints.db")}");
        _sqlite.MigrateAsync().GetAwaiter().GetResult();
    }

    /// <summary>Closes the connections and deletes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Into a fresh in-memory store.</summary>
    /// <returns>The rows imported.</returns>
    [Benchmark(OperationsPerInvoke = Rows, Description = "CFPB rows into InMemoryComplaintStore")]
    public int Memory() => Import(new InMemoryComplaintStore(), _rows, 500);

    /// <summary>Into the SQLite file, 500 cases per transaction (each run under a new source name, so every row is new).</summary>
    /// <returns>The rows imported.</returns>
    [Benchmark(OperationsPerInvoke = Rows, Description = "CFPB rows into SqliteComplaintStore, 500 per transaction")]
    public int SqliteBatched() => Import(_sqlite, _rows, 500);

    /// <summary>Into the SQLite file a case per transaction, as a store without <see cref="IBulkComplaintStore"/> is written.</summary>
    /// <returns>The rows imported.</returns>
    [Benchmark(OperationsPerInvoke = RowsOneByOne, Description = "CFPB rows into SqliteComplaintStore, one per transaction")]
    public int SqliteOneByOne() => Import(new OneByOne(_sqlite), _fewRows, 500);

    private int Import(IComplaintStore store, string rows, int batch)
    {
        var mapping = CfpbImport.Mapping with { Source = $"bench-{_run++}" };
        var result = new ComplaintImporter(store, Clock, new ComplaintImportOptions { BatchSize = batch })
            .ImportAsync(new StringReader(rows), mapping).GetAwaiter().GetResult();
        return result.Imported;
    }

    /// <summary>A store seen without its bulk saves.</summary>
    private sealed class OneByOne(IComplaintStore inner) : IComplaintStore
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) => inner.SaveAsync(change, cancellationToken);

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => inner.CountAsync(query, cancellationToken);
    }
}
