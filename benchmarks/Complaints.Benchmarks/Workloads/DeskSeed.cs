using System.Text.Json;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Workflow.InMemory;
using Microsoft.Data.Sqlite;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// Stored cases for the desk queries: <c>n</c> cases received evenly over two years, 80 % closed and the rest spread
/// over the eleven open states of <see cref="CaseLife"/> (the case after each of its commands), with one of 100
/// handlers each (<c>handler-0</c> … <c>handler-99</c>) and their deadlines moved with their receipt. Every fraction is
/// the same at every size, so a query's matches grow with <c>n</c>; only the first page (50) is read.
/// </summary>
public static class DeskSeed
{
    /// <summary>The handlers the cases are spread over.</summary>
    public const int Handlers = 100;

    /// <summary>The span the receipts are spread over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(730);

    /// <summary>The bump that invalidates cached files when the seed itself changes.</summary>
    internal const int SeedVersion = 1;

    private static readonly Lazy<(Complaint[] Open, Complaint Closed, JournalEntry Receipt)> Templates = new(() =>
    {
        var saves = RecordedLife.Record().Saves;
        return (saves.Skip(1).Take(11).Select(s => s.Case).ToArray(), saves[^1].Case, saves[0].Entries[0]);
    });

    /// <summary>The middle of the window: open cases received before it have deadlines before it.</summary>
    public static DateTimeOffset Middle => BenchClock.Start + (Window / 2);

    /// <summary>Case number <paramref name="i"/> of <paramref name="n"/>.</summary>
    /// <param name="i">Which.</param>
    /// <param name="n">How many in all.</param>
    /// <returns>The case, at version 1 (its receipt) whatever its state, so a store accepts it with one journal entry.</returns>
    public static Complaint Case(int i, int n)
    {
        var (open, closed, _) = Templates.Value;
        var template = i % 5 == 0 ? open[(i / 5) % open.Length] : closed;
        var shift = TimeSpan.FromTicks(Window.Ticks / n * i);
        var handler = new Actor(new ActorId($"handler-{i % Handlers}"), $"Handler {i % Handlers}", [ComplaintRoles.Handler], new DepartmentId("service"));
        return template with
        {
            Id = new ComplaintId(IdOf(i)),
            Version = 1,
            ReceivedAt = template.ReceivedAt + shift,
            UpdatedAt = template.UpdatedAt + shift,
            ClosedAt = template.ClosedAt + shift,
            Assignee = template.Assignee is null ? null : handler,
            Deadlines = template.Deadlines.Select(d => d with
            {
                DueAt = d.DueAt + shift,
                WarnAt = d.WarnAt + shift,
                MetAt = d.MetAt + shift,
                ExtendableTo = d.ExtendableTo + shift,
            }).ToArray(),
        };
    }

    /// <summary>An in-memory store holding <paramref name="n"/> cases.</summary>
    /// <param name="n">How many.</param>
    /// <returns>The store.</returns>
    public static InMemoryComplaintStore InMemory(int n)
    {
        var store = new InMemoryComplaintStore();
        var receipt = Templates.Value.Receipt;
        for (var i = 0; i < n; i++)
        {
            var c = Case(i, n);
            store.SaveAsync(new CaseChange(c, [receipt with { ComplaintId = c.Id, At = c.ReceivedAt }], 0)).GetAwaiter().GetResult();
        }

        return store;
    }

    /// <summary>
    /// A SQLite file holding <paramref name="n"/> cases, built once and kept in the temp folder under a name with the
    /// store's schema version (an older file is migrated by the store like any other). Only case rows are written:
    /// desk queries read nothing else. The store's indexes are built after the rows.
    /// </summary>
    /// <param name="n">How many.</param>
    /// <returns>The file's path.</returns>
    public static string SqliteFile(int n)
    {
        var folder = Path.Combine(Path.GetTempPath(), "complaints-bench");
        Directory.CreateDirectory(folder);
        string PathOf(int schema) => Path.Combine(folder, $"desk-{n}-schema{schema}-seed{SeedVersion}.db");
        var path = PathOf(SqliteComplaintStore.SchemaVersion);
        if (File.Exists(path))
        {
            return path;
        }

        // A file built under an older schema is migrated in place by the store, as a deployed file would be.
        for (var older = SqliteComplaintStore.SchemaVersion - 1; older > 0; older--)
        {
            if (File.Exists(PathOf(older)))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                using (var store = new SqliteComplaintStore($"Data Source={PathOf(older)}"))
                {
                    store.MigrateAsync().GetAwaiter().GetResult();
                }

                Console.WriteLine($"// Migrated the {n:N0}-case desk file from schema {older} to {SqliteComplaintStore.SchemaVersion} in {clock.Elapsed.TotalSeconds:0.0} s.");
                SqliteConnection.ClearAllPools();
                File.Move(PathOf(older), path);
                return path;
            }
        }

        var building = path + ".building";
        var built = System.Diagnostics.Stopwatch.StartNew();
        foreach (var stale in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(stale);
        }

        using (var store = new SqliteComplaintStore($"Data Source={building}"))
        {
            store.MigrateAsync().GetAwaiter().GetResult();
        }

        using (var connection = new SqliteConnection($"Data Source={building};Pooling=False"))
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous = OFF;";
                pragma.ExecuteNonQuery();
            }

            // The store's indexes on the case table are dropped while the rows go in and built again from their own
            // definitions afterwards: one sort per index instead of a million random inserts into each.
            var indexes = new List<(string Name, string Definition)>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'complaints' AND sql IS NOT NULL;";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var index in indexes)
            {
                using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP INDEX {index.Name};";
                drop.ExecuteNonQuery();
            }

            const string columns = "$id, $version, $state, $severity, $category, $department, $assignee, $received_by, $escalation_level, $next_due_at, $clock_paused_at, $is_final, $pending_approval_role, $pending_approval_role_key, $policy_id, $policy_version, $received_at, $updated_at, $json";
            var names = columns.Split(", ");
            for (var start = 0; start < n; start += 50_000)
            {
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO complaints ({columns.Replace("$", "", StringComparison.Ordinal)}) VALUES ({columns});";
                var p = names.Select(name => insert.Parameters.Add(new SqliteParameter(name, null))).ToArray();
                insert.Prepare();
                for (var i = start; i < Math.Min(n, start + 50_000); i++)
                {
                    var c = Case(i, n);
                    RecordedLife.BindCaseRow(p, c.Id.Value.ToString("D"), c, JsonSerializer.Serialize(c, ComplaintsJson.Options));
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            foreach (var index in indexes)
            {
                using var create = connection.CreateCommand();
                create.CommandText = index.Definition + ";";
                create.ExecuteNonQuery();
            }

            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        File.Move(building, path);
        Console.WriteLine($"// Built the {n:N0}-case desk file in {built.Elapsed.TotalSeconds:0.0} s.");
        return path;
    }

    private static Guid IdOf(int i)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, i * 2654435761u);
        BitConverter.TryWriteBytes(bytes[4..], i);
        bytes[7] = 0x70;
        bytes[8] = 0x80;
        return new Guid(bytes);
    }
}
