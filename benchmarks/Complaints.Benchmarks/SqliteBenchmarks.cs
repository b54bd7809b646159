using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Workloads;
using Complaints.Testing;
using Complaints.Rules;
using Complaints.Storage.Sqlite;
using Complaints.Workflow.Calendars;
using Microsoft.Data.Sqlite;

namespace Complaints.Benchmarks;

/// <summary>
/// Commands durably committed to SQLite (a file on disk, WAL, <c>synchronous = FULL</c>, as shipped): whole lives
/// (<see cref="CaseLife"/>) through the service on <see cref="SqliteComplaintStore"/>, against the P4 floor — raw
/// Microsoft.Data.Sqlite transactions writing the same rows (<see cref="RecordedLife"/>: per command <c>BEGIN
/// IMMEDIATE</c>, read the version, insert or update the case row, insert the journal rows, replace the deadline rows,
/// insert the outbox rows, commit) with prepared commands on one open connection, to the same file. Times are per
/// command (13 per life).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in the GlobalCleanup BenchmarkDotNet calls.")]
public class SqliteBenchmarks
{
    /// <summary>Lives per operation.</summary>
    public const int Lives = 4;

    private readonly BusinessCalendarRegistry _calendars = new(true);
    private readonly BenchClock _clock = new();
    private string _folder = null!;
    private string _connectionString = null!;
    private SqliteComplaintStore _store = null!;
    private CaseDriver _withPack = null!;
    private CaseDriver _withFloor = null!;
    private RecordedLife _life = null!;
    private RawSqliteWriter _raw = null!;
    private int _next;

    /// <summary>Creates the file with the store's schema, the services and the raw writer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "complaints-bench", "sqlite-commands-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _connectionString = $"Data Source={Path.Combine(_folder, "complaints.db")}";
        _store = new SqliteComplaintStore(_connectionString);
        _store.MigrateAsync().GetAwaiter().GetResult();
        _withPack = CaseLife.Driver(CaseLife.Service(_store, PolicyPacks.LoadBuiltIn("generic"), _clock, _calendars));
        _withFloor = CaseLife.Driver(CaseLife.Service(_store, new HandWrittenComplaintPolicy(), _clock, _calendars));
        _life = RecordedLife.Record();
        _raw = new RawSqliteWriter(_connectionString, _life);
    }

    /// <summary>Closes the connections and deletes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The floor: raw transactions writing the same rows.</summary>
    /// <returns>Rows written.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Lives * CaseLife.Commands, Description = "Raw Microsoft.Data.Sqlite, same rows (P4 floor)")]
    public int Raw()
    {
        var rows = 0;
        for (var i = 0; i < Lives; i++)
        {
            rows += _raw.WriteLife();
        }

        return rows;
    }

    /// <summary>Commands through the service and the store, generic pack.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = Lives * CaseLife.Commands, Description = "ComplaintService + SqliteComplaintStore, generic pack")]
    public long WithPack() => Lives0(_withPack);

    /// <summary>Commands through the service and the store, hand-written policy.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = Lives * CaseLife.Commands, Description = "ComplaintService + SqliteComplaintStore, hand-written policy")]
    public long WithFloor() => Lives0(_withFloor);

    private long Lives0(CaseDriver driver)
    {
        long sum = 0;
        for (var i = 0; i < Lives; i++)
        {
            sum += CaseLife.RunAsync(driver, _next++).GetAwaiter().GetResult();
        }

        return sum;
    }
}

/// <summary>Writes a <see cref="RecordedLife"/>'s rows, under a fresh case id each time, with raw Microsoft.Data.Sqlite: the P4 floor.</summary>
public sealed class RawSqliteWriter : IDisposable
{
    private readonly RecordedLife _life;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _version;
    private readonly SqliteCommand _insertCase;
    private readonly SqliteCommand _updateCase;
    private readonly SqliteCommand _journal;
    private readonly SqliteCommand _clearDeadlines;
    private readonly SqliteCommand _deadline;
    private readonly SqliteCommand _outbox;

    /// <summary>Opens one connection with the store's settings and prepares the statements.</summary>
    /// <param name="connectionString">The file.</param>
    /// <param name="life">The rows.</param>
    public RawSqliteWriter(string connectionString, RecordedLife life)
    {
        _life = life ?? throw new ArgumentNullException(nameof(life));
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            // wal_autocheckpoint set to SQLite's default: the pool may hand over the store's migration connection, on
            // which the store turned automatic checkpoints off (it checkpoints in the background), and a floor whose WAL
            // grows without end would be slower than a raw writer really is.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 1000;";
            pragma.ExecuteNonQuery();
        }

        _begin = Prepare("BEGIN IMMEDIATE;");
        _commit = Prepare("COMMIT;");
        _version = Prepare("SELECT version FROM complaints WHERE id = $id;", "$id");
        const string caseColumns = "$id, $version, $state, $severity, $category, $department, $assignee, $received_by, $escalation_level, $next_due_at, $clock_paused_at, $is_final, $pending_approval_role, $pending_approval_role_key, $policy_id, $policy_version, $received_at, $updated_at, $json";
        var names = caseColumns.Split(", ");
        _insertCase = Prepare($"INSERT INTO complaints ({caseColumns.Replace("$", "", StringComparison.Ordinal)}) VALUES ({caseColumns});", names);
        _updateCase = Prepare(
            "UPDATE complaints SET " + string.Join(", ", names.Skip(1).Select(n => $"{n[1..]} = {n}")) + " WHERE id = $id;", names);
        _journal = Prepare(
            "INSERT INTO journal (complaint_id, sequence, at, actor_id, event_type, from_state, to_state, command_id, json) VALUES ($id, $sequence, $at, $actor_id, $event_type, $from_state, $to_state, $command_id, $json);",
            "$id", "$sequence", "$at", "$actor_id", "$event_type", "$from_state", "$to_state", "$command_id", "$json");
        _clearDeadlines = Prepare("DELETE FROM deadlines WHERE complaint_id = $id;", "$id");
        _deadline = Prepare(
            "INSERT INTO deadlines (complaint_id, position, kind, due_at, warn_at, met_at, warned_at, breached_at) VALUES ($id, $position, $kind, $due_at, $warn_at, $met_at, $warned_at, $breached_at);",
            "$id", "$position", "$kind", "$due_at", "$warn_at", "$met_at", "$warned_at", "$breached_at");
        _outbox = Prepare(
            "INSERT INTO outbox (id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, json) VALUES ($mid, $id, $sequence, $position, $kind, 'pending', 0, $next, $json);",
            "$mid", "$id", "$sequence", "$position", "$kind", "$next", "$json");
    }

    /// <summary>Writes one life's 13 transactions under a new case id.</summary>
    /// <returns>Rows written.</returns>
    public int WriteLife()
    {
        var id = Guid.NewGuid().ToString("D");
        var rows = 0;
        foreach (var save in _life.Saves)
        {
            _begin.ExecuteNonQuery();
            _version.Parameters[0].Value = id;
            var actual = _version.ExecuteScalar() is long v ? v : 0;
            if (actual != save.ExpectedVersion)
            {
                throw new InvalidOperationException("The raw writer lost its place.");
            }

            var c = save.Case;
            var caseCommand = save.ExpectedVersion == 0 ? _insertCase : _updateCase;
            RecordedLife.BindCaseRow(caseCommand.Parameters, id, c, save.CaseJson);
            rows += caseCommand.ExecuteNonQuery();

            for (var i = 0; i < save.Entries.Count; i++)
            {
                var e = save.Entries[i];
                var j = _journal.Parameters;
                j[0].Value = id;
                j[1].Value = e.Sequence;
                j[2].Value = RecordedLife.Time(e.At);
                j[3].Value = e.Actor.Id.Value;
                j[4].Value = save.EventTypes[i];
                j[5].Value = RecordedLife.Spell(e.From);
                j[6].Value = RecordedLife.Spell(e.To);
                j[7].Value = e.CommandId.ToString("D");
                j[8].Value = save.EntryJson[i];
                rows += _journal.ExecuteNonQuery();
            }

            _clearDeadlines.Parameters[0].Value = id;
            _clearDeadlines.ExecuteNonQuery();
            for (var i = 0; i < c.Deadlines.Count; i++)
            {
                var d = c.Deadlines[i];
                var q = _deadline.Parameters;
                q[0].Value = id;
                q[1].Value = i;
                q[2].Value = RecordedLife.Spell(d.Kind);
                q[3].Value = RecordedLife.Time(d.DueAt);
                q[4].Value = RecordedLife.Time(d.WarnAt);
                q[5].Value = RecordedLife.Time(d.MetAt);
                q[6].Value = RecordedLife.Time(d.WarnedAt);
                q[7].Value = RecordedLife.Time(d.BreachedAt);
                rows += _deadline.ExecuteNonQuery();
            }

            for (var i = 0; i < save.Notifications.Count; i++)
            {
                var n = save.Notifications[i];
                var o = _outbox.Parameters;
                o[0].Value = Guid.NewGuid().ToString("D");
                o[1].Value = id;
                o[2].Value = n.Sequence;
                o[3].Value = i;
                o[4].Value = RecordedLife.Spell(n.Kind);
                o[5].Value = RecordedLife.Time(n.CreatedAt);
                o[6].Value = save.NotificationJson[i];
                rows += _outbox.ExecuteNonQuery();
            }

            _commit.ExecuteNonQuery();
        }

        return rows;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in new[] { _begin, _commit, _version, _insertCase, _updateCase, _journal, _clearDeadlines, _deadline, _outbox })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }
}
