using BenchmarkDotNet.Attributes;
using Complaints.Analysis;
using Complaints.Benchmarks.Workloads;
using Complaints.Improvement;
using Complaints.Storage.Sqlite;
using Complaints.Workflow;
using Complaints.Workflow.Improvement;
using Microsoft.Data.Sqlite;

namespace Complaints.Benchmarks;

/// <summary>
/// The corrective action figures of a quarter (<see cref="ComplaintAnalysis.CorrectiveActionsAsync"/>) over a SQLite store
/// holding 1,000 or 10,000 actions proposed over two years: every action proposed by the as-of time is read through
/// <see cref="ICorrectiveActionStore.QueryAsync"/>, a thousand a page, and the figures computed in memory. Actions are few
/// (hundreds or thousands), so this is the whole cost a report adds for them.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet disposes the store in [GlobalCleanup].
public class CorrectiveActionFiguresBenchmarks
#pragma warning restore CA1001
{
    private static readonly DepartmentId[] Departments = [new("finance"), new("nursing"), new("surgery"), new("service"), new("quality-control")];

    private string _folder = null!;
    private SqliteComplaintStore _store = null!;
    private ComplaintAnalysis _analysis = null!;
    private AnalysisQuery _quarter = null!;

    /// <summary>How many actions are stored.</summary>
    [Params(1_000, 10_000)]
    public int Actions { get; set; }

    /// <summary>Writes the actions (one proposal each, every third awaiting approval) and checks the figures see them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "complaints-bench", "capa-figures-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _store = new SqliteComplaintStore($"Data Source={Path.Combine(_folder, "complaints.db")}");
        var start = BenchClock.Start.AddYears(-2);
        var step = TimeSpan.FromDays(730) / Actions;
        var proposer = new Actor(new ActorId("coordinator"), "Coordinator", [ComplaintRoles.Coordinator]);
        for (var i = 0; i < Actions; i++)
        {
            var at = start + (step * i);
            var terms = CorrectiveActionTerms.Default with { ApprovalRole = i % 3 == 0 ? ComplaintRoles.GeneralManager : null };
            var proposed = new CorrectiveActionProposed(
                CorrectiveActionKind.Corrective, $"Action {i}", (RootCause)(i % 5), "The cause.", [], new ActorId($"owner-{i % 40}"),
                Departments[i % Departments.Length], null, new PolicyRef("hospital", "1"), terms,
                new CorrectiveActionDeadline(CorrectiveActionDeadlineKind.Completion, at.AddDays(14), null, "weekdays"));
            var entry = new CorrectiveActionJournalEntry(
                new CorrectiveActionId(Guid.CreateVersion7(at)), 1, at, proposer, null,
                terms.ApprovalRole is null ? CorrectiveActionState.Open : CorrectiveActionState.AwaitingApproval, proposed);
            _store.SaveAsync(new CorrectiveActionChange(CorrectiveActionReplay.Apply(null, entry), [entry], 0)).GetAwaiter().GetResult();
        }

        var asOf = BenchClock.Start;
        _quarter = new AnalysisQuery { From = asOf.AddMonths(-3), To = asOf, AsOf = asOf };
        _analysis = new ComplaintAnalysis(_store, new BenchClock());
        var figures = Figures();
        Console.WriteLine($"// {Actions:N0} actions: {figures.Proposed:N0} proposed in the quarter, {figures.Open:N0} open, {figures.Overdue:N0} overdue.");
        if (figures.Open != Actions)
        {
            throw new InvalidOperationException($"Expected every one of the {Actions} actions open, got {figures.Open}.");
        }
    }

    /// <summary>Closes and deletes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The quarter's corrective action figures.</summary>
    /// <returns>The figures.</returns>
    [Benchmark(Description = "Corrective action figures (SQLite)")]
    public CorrectiveActionFigures Figures() => _analysis.CorrectiveActionsAsync(_quarter).GetAwaiter().GetResult();
}
