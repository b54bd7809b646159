using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Workloads;
using Complaints.Ports;
using Complaints.Storage.PostgreSql;
using Complaints.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Complaints.Benchmarks;

/// <summary>
/// The desks' three queries (P6), first page of 50, at 10,000, 100,000 and 1,000,000 stored cases
/// (<see cref="DeskSeed"/>), on SQLite (a cached file per size), on PostgreSQL (a kept schema per size,
/// <see cref="PostgreSqlDeskSeed"/>; needs <c>COMPLAINTS_POSTGRES</c>, else those cases print why and measure nothing)
/// and in memory: a handler's cases in one state, the cases with a deadline due before a time, and the cases awaiting a
/// role's approval. Times are per query.
/// </summary>
[MemoryDiagnoser]
public class DeskQueryBenchmarks
{
    private IComplaintStore _store = null!;
    private NpgsqlDataSource? _postgres;
    private ComplaintQuery _byAssignee = null!;
    private ComplaintQuery _dueBefore = null!;
    private ComplaintQuery _awaiting = null!;
    private DeskQuery _desk = null!;

    /// <summary>How many cases are stored.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Cases { get; set; }

    /// <summary>
    /// The sizes measured: 10,000, 100,000 and 1,000,000; with <c>--quick</c> only the first two (building and
    /// seeding a million cases takes far longer than the quick run's few minutes); <c>--desk-sizes</c> chooses.
    /// </summary>
    public static IEnumerable<int> Sizes => Program.DeskSizes ?? (Program.Quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);

    /// <summary>Which store.</summary>
    [ParamsSource(nameof(StoreNames))]
    public string Store { get; set; } = "sqlite";

    /// <summary>
    /// The stores measured: sqlite, postgresql and memory, or those <c>COMPLAINTS_BENCH_DESK_STORES</c> names (e.g.
    /// <c>postgresql</c> alone at 10,000,000 cases, which neither fits in memory here nor is built as a SQLite file in hours).
    /// </summary>
    public static IEnumerable<string> StoreNames =>
        Program.Chosen("COMPLAINTS_BENCH_DESK_STORES", ["sqlite", "postgresql", "memory"]);

    /// <summary>
    /// Builds the stored cases of every chosen size and store that are not built yet, outside BenchmarkDotNet
    /// (<c>--desk-seed</c>): 10,000,000 PostgreSQL cases take longer than the in-process toolchain lets a global setup run.
    /// </summary>
    public static void Seed()
    {
        foreach (var cases in Sizes)
        {
            // The memory store keeps nothing between runs, so there is nothing to build in advance.
            foreach (var store in StoreNames.Where(store => store != "memory"))
            {
                var benchmarks = new DeskQueryBenchmarks { Cases = cases, Store = store };
                benchmarks.Setup();
                benchmarks.Cleanup();
            }
        }
    }

    /// <summary>Builds (or reuses) the stored cases and checks each query returns a full page.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Store == "postgresql")
        {
            var connectionString = Environment.GetEnvironmentVariable("COMPLAINTS_POSTGRES");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Console.WriteLine("// DeskQueryBenchmarks on PostgreSQL skipped: COMPLAINTS_POSTGRES is not set (an Npgsql connection string of a role that may create schemas).");
                _store = new Complaints.Workflow.InMemory.InMemoryComplaintStore();
                return;
            }

            _postgres = NpgsqlDataSource.Create(connectionString);
            _store = new PostgreSqlComplaintStore(_postgres, new PostgreSqlStoreOptions { Schema = PostgreSqlDeskSeed.Schema(_postgres, Cases) });
        }
        else
        {
            _store = Store == "sqlite"
                ? new SqliteComplaintStore($"Data Source={DeskSeed.SqliteFile(Cases)}")
                : DeskSeed.InMemory(Cases);
        }

        _byAssignee = new ComplaintQuery { Assignee = new ActorId("handler-15"), States = [ComplaintState.Investigating], Take = 50 };
        _dueBefore = new ComplaintQuery { DueBefore = DeskSeed.Middle, Take = 50 };
        _awaiting = new ComplaintQuery { AwaitingApprovalByRole = ComplaintRoles.Manager, Take = 50 };
        // A manager's whole desk in one query (issue 19): assigned to them, awaiting their approval, awaiting triage, overdue in their department.
        _desk = new DeskQuery
        {
            AssignedTo = new ActorId("handler-15"), ApprovalRoles = [ComplaintRoles.Manager], AwaitingTriage = true,
            OverdueIn = DeskSeed.Case(0, Cases).Department, Now = DeskSeed.Middle, Take = 50,
        };
        foreach (var query in new[] { _byAssignee, _dueBefore, _awaiting })
        {
            var page = _store.QueryAsync(query).GetAwaiter().GetResult();
            if (page.Count == 0 || page.Any(c => !query.Matches(c)))
            {
                throw new InvalidOperationException($"The seed does not serve {query}: {page.Count} cases.");
            }
        }

        var desk = _store.QueryDeskAsync(_desk).GetAwaiter().GetResult();
        if (desk.Count == 0 || desk.Any(item => item.Reasons != _desk.ReasonsFor(item.Complaint)))
        {
            throw new InvalidOperationException($"The seed does not serve the desk query: {desk.Count} cases.");
        }
    }

    /// <summary>Closes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        (_store as IDisposable)?.Dispose();
        _postgres?.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A handler's investigating cases (handler-15: every fifth case is open, and 15 is a multiple of five).</summary>
    /// <returns>How many were returned.</returns>
    [Benchmark(Description = "By assignee and state")]
    public int ByAssigneeAndState() => _store.QueryAsync(_byAssignee).GetAwaiter().GetResult().Count;

    /// <summary>Cases with an unmet deadline due before the middle of the window.</summary>
    /// <returns>How many were returned.</returns>
    [Benchmark(Description = "Due before")]
    public int DueBefore() => _store.QueryAsync(_dueBefore).GetAwaiter().GetResult().Count;

    /// <summary>Cases waiting for a manager's approval.</summary>
    /// <returns>How many were returned.</returns>
    [Benchmark(Description = "Awaiting approver")]
    public int AwaitingApprover() => _store.QueryAsync(_awaiting).GetAwaiter().GetResult().Count;

    /// <summary>A manager's desk: every reason at once (<see cref="IComplaintStore.QueryDeskAsync"/>).</summary>
    /// <returns>How many were returned.</returns>
    [Benchmark(Description = "A whole desk (QueryDeskAsync)")]
    public int Desk() => _store.QueryDeskAsync(_desk).GetAwaiter().GetResult().Count;
}
