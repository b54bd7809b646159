using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Workloads;
using Complaints.Testing;
using Complaints.Storage.PostgreSql;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Npgsql;
using NpgsqlTypes;

namespace Complaints.Benchmarks;

/// <summary>
/// Commands on PostgreSQL with 1, 4 and 8 concurrent writers, each on cases of its own (P5): whole lives
/// (<see cref="CaseLife"/>) through the service on <see cref="PostgreSqlComplaintStore"/> (hand-written policy, so the
/// store shows) against P5's floor, raw Npgsql prepared and batched (<see cref="PreparedPostgreSqlWriter"/>: per command
/// a prepared read of the case, then one prepared batch of the store's own statements and rows, then commit). The
/// earlier floor is kept beside it for comparison: raw Npgsql unprepared, no read, the case row in a round trip of its
/// own (<see cref="RecordedLife"/>: the case row inserted or updated from its expected version, then one batch of the
/// journal rows, the stale-deadline delete, the deadline upserts and the outbox rows, then commit). Needs <c>COMPLAINTS_POSTGRES</c> (an
/// Npgsql connection string of a role that may create schemas); without it every case prints why and does nothing.
/// Times are per command.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in the GlobalCleanup BenchmarkDotNet calls.")]
public class PostgreSqlBenchmarks
{
    /// <summary>Lives each writer runs per operation.</summary>
    public const int LivesPerWriter = 2;

    private readonly BusinessCalendarRegistry _calendars = new(true);
    private readonly BenchClock _clock = new();
    private string? _connectionString;
    private string _schema = null!;
    private NpgsqlDataSource _dataSource = null!;
    private PostgreSqlComplaintStore _store = null!;
    private CaseDriver _driver = null!;
    private RecordedLife _life = null!;
    private PreparedPostgreSqlWriter _prepared = null!;
    private int _next;

    /// <summary>Concurrent writers.</summary>
    [Params(1, 4, 8)]
    public int Writers { get; set; }

    /// <summary>Creates a fresh schema through the store.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _connectionString = Environment.GetEnvironmentVariable("COMPLAINTS_POSTGRES");
        if (string.IsNullOrWhiteSpace(_connectionString))
        {
            Console.WriteLine("// PostgreSqlBenchmarks skipped: COMPLAINTS_POSTGRES is not set (an Npgsql connection string of a role that may create schemas).");
            _connectionString = null;
            return;
        }

        _schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        _store = new PostgreSqlComplaintStore(_dataSource, new PostgreSqlStoreOptions { Schema = _schema });
        _store.MigrateAsync().GetAwaiter().GetResult();
        _driver = CaseLife.Driver(CaseLife.Service(_store, new HandWrittenComplaintPolicy(), _clock, _calendars));
        _life = RecordedLife.Record();
        _prepared = new PreparedPostgreSqlWriter(_life, Complaints.Storage.PostgreSql.Internal.PostgreSqlSchema.Quote(_schema));
    }

    /// <summary>Drops the schema.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_connectionString is null)
        {
            return;
        }

        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        using (var drop = _dataSource.CreateCommand($"DROP SCHEMA {_schema} CASCADE"))
        {
            drop.ExecuteNonQuery();
        }

        _dataSource.Dispose();
    }

    /// <summary>P5's floor: raw Npgsql, prepared and batched, the store's statements and rows.</summary>
    /// <returns>Rows written.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = LivesPerWriter * CaseLife.Commands, Description = "Raw Npgsql, prepared and batched (P5 floor)")]
    public int RawPrepared() => _connectionString is null ? 0 : EveryWriter(() => _prepared.WriteLifeAsync(_dataSource));

    /// <summary>The earlier floor: raw Npgsql, unprepared, the case row apart, no read.</summary>
    /// <returns>Rows written.</returns>
    [Benchmark(OperationsPerInvoke = LivesPerWriter * CaseLife.Commands, Description = "Raw Npgsql, unprepared, case row apart (earlier floor)")]
    public int Raw() => _connectionString is null ? 0 : EveryWriter(WriteRawLifeAsync);

    private int EveryWriter(Func<Task<int>> life)
    {
        var tasks = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            var rows = 0;
            for (var i = 0; i < LivesPerWriter; i++)
            {
                rows += await life().ConfigureAwait(false);
            }

            return rows;
        })).ToArray();
        return Task.WhenAll(tasks).GetAwaiter().GetResult().Sum();
    }

    /// <summary>Commands through the service and the store.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = LivesPerWriter * CaseLife.Commands, Description = "ComplaintService + PostgreSqlComplaintStore")]
    public long Store()
    {
        if (_connectionString is null)
        {
            return 0;
        }

        var tasks = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            long sum = 0;
            for (var i = 0; i < LivesPerWriter; i++)
            {
                sum += await CaseLife.RunAsync(_driver, Interlocked.Increment(ref _next)).ConfigureAwait(false);
            }

            return sum;
        })).ToArray();
        return Task.WhenAll(tasks).GetAwaiter().GetResult().Sum();
    }

    private async Task<int> WriteRawLifeAsync()
    {
        var id = Guid.NewGuid();
        var rows = 0;
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        foreach (var save in _life.Saves)
        {
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            var c = save.Case;
            var sql = save.ExpectedVersion == 0
                ? $"INSERT INTO {_schema}.complaints (id, version, state, severity, category, department, assignee, received_by, escalation_level, pending_approval_role, pending_approval_role_key, next_due_at, next_due_ticks, pack_id, pack_version, received_at, received_ticks, updated_at, document) VALUES (@id, @version, @state, @severity, @category, @department, @assignee, @received_by, @escalation_level, @pending_approval_role, @pending_approval_role_key, @next_due_at, @next_due_ticks, @pack_id, @pack_version, @received_at, @received_ticks, @updated_at, @document) ON CONFLICT (id) DO NOTHING"
                : $"UPDATE {_schema}.complaints SET version = @version, state = @state, severity = @severity, category = @category, department = @department, assignee = @assignee, received_by = @received_by, escalation_level = @escalation_level, pending_approval_role = @pending_approval_role, pending_approval_role_key = @pending_approval_role_key, next_due_at = @next_due_at, next_due_ticks = @next_due_ticks, pack_id = @pack_id, pack_version = @pack_version, received_at = @received_at, received_ticks = @received_ticks, updated_at = @updated_at, document = @document WHERE id = @id AND version = @expected";
            await using (var write = new NpgsqlCommand(sql, connection, transaction))
            {
                var next = c.NextDeadline;
                var pending = c.PendingApproval?.Role;
                var p = write.Parameters;
                p.Add(P("id", NpgsqlDbType.Uuid, id));
                p.Add(P("version", NpgsqlDbType.Bigint, c.Version));
                p.Add(P("state", NpgsqlDbType.Text, RecordedLife.Spell(c.State)));
                p.Add(P("severity", NpgsqlDbType.Text, c.Severity is { } s ? RecordedLife.Spell(s) : null));
                p.Add(P("category", NpgsqlDbType.Text, c.Category));
                p.Add(P("department", NpgsqlDbType.Text, c.Department?.Value));
                p.Add(P("assignee", NpgsqlDbType.Text, c.Assignee?.Id.Value));
                p.Add(P("received_by", NpgsqlDbType.Text, c.ReceivedBy.Id.Value));
                p.Add(P("escalation_level", NpgsqlDbType.Integer, c.EscalationLevel));
                p.Add(P("pending_approval_role", NpgsqlDbType.Text, pending));
                p.Add(P("pending_approval_role_key", NpgsqlDbType.Text, pending?.ToUpperInvariant()));
                p.Add(P("next_due_at", NpgsqlDbType.TimestampTz, next?.DueAt.ToUniversalTime()));
                p.Add(P("next_due_ticks", NpgsqlDbType.Bigint, next?.DueAt.UtcTicks));
                p.Add(P("pack_id", NpgsqlDbType.Text, c.Policy.Id));
                p.Add(P("pack_version", NpgsqlDbType.Text, c.Policy.Version));
                p.Add(P("received_at", NpgsqlDbType.TimestampTz, c.ReceivedAt.ToUniversalTime()));
                p.Add(P("received_ticks", NpgsqlDbType.Bigint, c.ReceivedAt.UtcTicks));
                p.Add(P("updated_at", NpgsqlDbType.TimestampTz, c.UpdatedAt.ToUniversalTime()));
                p.Add(P("document", NpgsqlDbType.Json, save.CaseJson));
                p.Add(P("expected", NpgsqlDbType.Bigint, save.ExpectedVersion));
                rows += await write.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                for (var i = 0; i < save.Entries.Count; i++)
                {
                    var e = save.Entries[i];
                    var command = new NpgsqlBatchCommand($"INSERT INTO {_schema}.journal (complaint_id, sequence, at, actor_id, from_state, to_state, event_type, command_id, entry) VALUES (@id, @sequence, @at, @actor, @from, @to, @event, @command, @entry)");
                    command.Parameters.Add(P("id", NpgsqlDbType.Uuid, id));
                    command.Parameters.Add(P("sequence", NpgsqlDbType.Bigint, e.Sequence));
                    command.Parameters.Add(P("at", NpgsqlDbType.TimestampTz, e.At.ToUniversalTime()));
                    command.Parameters.Add(P("actor", NpgsqlDbType.Text, e.Actor.Id.Value));
                    command.Parameters.Add(P("from", NpgsqlDbType.Text, RecordedLife.Spell(e.From)));
                    command.Parameters.Add(P("to", NpgsqlDbType.Text, RecordedLife.Spell(e.To)));
                    command.Parameters.Add(P("event", NpgsqlDbType.Text, save.EventTypes[i]));
                    command.Parameters.Add(P("command", NpgsqlDbType.Uuid, e.CommandId));
                    command.Parameters.Add(P("entry", NpgsqlDbType.Json, save.EntryJson[i]));
                    batch.BatchCommands.Add(command);
                }

                var stale = new NpgsqlBatchCommand($"DELETE FROM {_schema}.deadlines WHERE complaint_id = @id AND slot >= @count");
                stale.Parameters.Add(P("id", NpgsqlDbType.Uuid, id));
                stale.Parameters.Add(P("count", NpgsqlDbType.Integer, c.Deadlines.Count));
                batch.BatchCommands.Add(stale);
                for (var slot = 0; slot < c.Deadlines.Count; slot++)
                {
                    var d = c.Deadlines[slot];
                    var command = new NpgsqlBatchCommand($"INSERT INTO {_schema}.deadlines (complaint_id, slot, kind, due_at, due_ticks, warn_at, warn_ticks, met_at, warned_at, breached_at, clock_running, next_alarm_ticks) VALUES (@id, @slot, @kind, @due_at, @due_ticks, @warn_at, @warn_ticks, @met_at, @warned_at, @breached_at, @clock_running, @next_alarm_ticks) ON CONFLICT (complaint_id, slot) DO UPDATE SET kind = EXCLUDED.kind, due_at = EXCLUDED.due_at, due_ticks = EXCLUDED.due_ticks, warn_at = EXCLUDED.warn_at, warn_ticks = EXCLUDED.warn_ticks, met_at = EXCLUDED.met_at, warned_at = EXCLUDED.warned_at, breached_at = EXCLUDED.breached_at, clock_running = EXCLUDED.clock_running, next_alarm_ticks = EXCLUDED.next_alarm_ticks");
                    var runs = !c.IsFinal && c.ClockPausedAt is null;
                    command.Parameters.Add(P("id", NpgsqlDbType.Uuid, id));
                    command.Parameters.Add(P("slot", NpgsqlDbType.Integer, slot));
                    command.Parameters.Add(P("kind", NpgsqlDbType.Text, RecordedLife.Spell(d.Kind)));
                    command.Parameters.Add(P("due_at", NpgsqlDbType.TimestampTz, d.DueAt.ToUniversalTime()));
                    command.Parameters.Add(P("due_ticks", NpgsqlDbType.Bigint, d.DueAt.UtcTicks));
                    command.Parameters.Add(P("warn_at", NpgsqlDbType.TimestampTz, d.WarnAt?.ToUniversalTime()));
                    command.Parameters.Add(P("warn_ticks", NpgsqlDbType.Bigint, d.WarnAt?.UtcTicks));
                    command.Parameters.Add(P("met_at", NpgsqlDbType.TimestampTz, d.MetAt?.ToUniversalTime()));
                    command.Parameters.Add(P("warned_at", NpgsqlDbType.TimestampTz, d.WarnedAt?.ToUniversalTime()));
                    command.Parameters.Add(P("breached_at", NpgsqlDbType.TimestampTz, d.BreachedAt?.ToUniversalTime()));
                    command.Parameters.Add(P("clock_running", NpgsqlDbType.Boolean, runs));
                    command.Parameters.Add(P("next_alarm_ticks", NpgsqlDbType.Bigint, runs && d.MetAt is null && d.BreachedAt is null ? d.DueAt.UtcTicks : null));
                    batch.BatchCommands.Add(command);
                }

                for (var i = 0; i < save.Notifications.Count; i++)
                {
                    var n = save.Notifications[i];
                    var command = new NpgsqlBatchCommand($"INSERT INTO {_schema}.outbox (id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, next_attempt_ticks, notification) VALUES (@id, @complaint_id, @sequence, @position, @kind, 'pending', 0, @next, @next_ticks, @notification) ON CONFLICT (id) DO NOTHING");
                    command.Parameters.Add(P("id", NpgsqlDbType.Uuid, Guid.NewGuid()));
                    command.Parameters.Add(P("complaint_id", NpgsqlDbType.Uuid, id));
                    command.Parameters.Add(P("sequence", NpgsqlDbType.Bigint, n.Sequence));
                    command.Parameters.Add(P("position", NpgsqlDbType.Integer, i));
                    command.Parameters.Add(P("kind", NpgsqlDbType.Text, n.Kind.ToString()));
                    command.Parameters.Add(P("next", NpgsqlDbType.TimestampTz, n.CreatedAt.ToUniversalTime()));
                    command.Parameters.Add(P("next_ticks", NpgsqlDbType.Bigint, n.CreatedAt.UtcTicks));
                    command.Parameters.Add(P("notification", NpgsqlDbType.Json, save.NotificationJson[i]));
                    batch.BatchCommands.Add(command);
                }

                rows += await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }

        return rows;
    }

    private static NpgsqlParameter P(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };
}
