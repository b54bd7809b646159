using Complaints.Commands;
using Complaints.Storage.Sqlite;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;
using Microsoft.Data.Sqlite;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// A fresh store (in memory, or a new SQLite file with the shipped settings) holding <c>n</c> received and triaged
/// cases (<see cref="CaseLife"/>'s intake, hand-written policy, so each case's propose deadline warns at 75 % of two
/// working days). Each triage also queued one acknowledgement in the outbox. <see cref="WarningsDue"/> is a time when
/// exactly one alarm per case is due: its propose warning.
/// </summary>
public sealed class AlarmSeed : IDisposable
{
    private static readonly BusinessCalendarRegistry Calendars = new(true);

    private AlarmSeed(object store, ComplaintService service, BenchClock clock, string? folder)
    {
        Store = store;
        Service = service;
        Clock = clock;
        _folder = folder;
    }

    private readonly string? _folder;

    /// <summary>Wednesday 4 March 2026, 08:00 UTC: past every case's propose warning (Tuesday 21:30), before its propose deadline (Wednesday 09:30) and resolve warning.</summary>
    public static DateTimeOffset WarningsDue => BenchClock.Start + TimeSpan.FromHours(46.5);

    /// <summary>The store: an <see cref="InMemoryComplaintStore"/> or a <see cref="SqliteComplaintStore"/>.</summary>
    public object Store { get; }

    /// <summary>The service over it.</summary>
    public ComplaintService Service { get; }

    /// <summary>The clock, at <see cref="BenchClock.Start"/> after seeding.</summary>
    public BenchClock Clock { get; }

    /// <summary>Creates the store and seeds it.</summary>
    /// <param name="kind"><c>memory</c> or <c>sqlite</c>.</param>
    /// <param name="n">How many cases.</param>
    /// <returns>The seeded store.</returns>
    public static AlarmSeed Create(string kind, int n)
    {
        var clock = new BenchClock();
        string? folder = null;
        object store;
        if (kind == "sqlite")
        {
            folder = Path.Combine(Path.GetTempPath(), "complaints-bench", "alarms-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            store = new SqliteComplaintStore($"Data Source={Path.Combine(folder, "complaints.db")}");
        }
        else
        {
            store = new InMemoryComplaintStore();
        }

        var service = CaseLife.Service((Ports.IComplaintStore)store, new HandWrittenComplaintPolicy(), clock, Calendars);
        for (var i = 0; i < n; i++)
        {
            var id = service.ReceiveAsync(CaseLife.Receiver, CaseLife.Intake(i)).GetAwaiter().GetResult().Complaint.Id;
            service.ExecuteAsync(id, CaseLife.Coordinator, new Triage()).GetAwaiter().GetResult();
        }

        return new AlarmSeed(store, service, clock, folder);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        (Store as IDisposable)?.Dispose();
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
