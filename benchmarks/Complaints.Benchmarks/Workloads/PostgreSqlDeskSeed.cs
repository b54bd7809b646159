using System.Text.Json;
using Complaints.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// <see cref="DeskSeed"/>'s cases in PostgreSQL: a schema per size, made by the store and filled once with a binary
/// <c>COPY</c> of the case rows (desk queries read nothing else), then analysed, and kept across runs under a name with
/// the store's schema version and the seed's version.
/// </summary>
public static class PostgreSqlDeskSeed
{
    private const string Columns =
        "id, version, state, severity, category, department, assignee, received_by, escalation_level, pending_approval_role, " +
        "pending_approval_role_key, next_due_at, next_due_ticks, pack_id, pack_version, received_at, received_ticks, updated_at, document";

    /// <summary>The schema holding <paramref name="n"/> cases, built if missing.</summary>
    /// <param name="dataSource">The server.</param>
    /// <param name="n">How many cases.</param>
    /// <returns>The schema's name.</returns>
    public static string Schema(NpgsqlDataSource dataSource, int n)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var schema = $"desk_{n}_v{PostgreSqlComplaintStore.SchemaVersion}_s{DeskSeed.SeedVersion}";
        using (var exists = dataSource.CreateCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema"))
        {
            exists.Parameters.AddWithValue("schema", schema);
            if ((long)exists.ExecuteScalar()! == 1)
            {
                return schema;
            }
        }

        // Built under another name and renamed when complete, so an interrupted build is never taken for a seed.
        var building = schema + "_building";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {building} CASCADE"))
        {
            drop.ExecuteNonQuery();
        }

        using (var store = new PostgreSqlComplaintStore(dataSource, new PostgreSqlStoreOptions { Schema = building }))
        {
            store.MigrateAsync().GetAwaiter().GetResult();
        }

        using (var connection = dataSource.OpenConnection())
        {
            using (var import = connection.BeginBinaryImport($"COPY {building}.complaints ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < n; i++)
                {
                    WriteRow(import, DeskSeed.Case(i, n));
                }

                import.Complete();
            }

            using var analyse = new NpgsqlCommand($"ANALYZE {building}.complaints; ALTER SCHEMA {building} RENAME TO {schema}", connection);
            analyse.ExecuteNonQuery();
        }

        Console.WriteLine($"// Built the {n:N0}-case PostgreSQL desk schema in {clock.Elapsed.TotalSeconds:0.0} s.");
        return schema;
    }

    private static void WriteRow(NpgsqlBinaryImporter import, Complaint c)
    {
        var next = c.NextDeadline;
        var pending = c.PendingApproval?.Role;
        import.StartRow();
        import.Write(c.Id.Value, NpgsqlDbType.Uuid);
        import.Write(c.Version, NpgsqlDbType.Bigint);
        import.Write(RecordedLife.Spell(c.State), NpgsqlDbType.Text);
        Text(import, c.Severity is { } s ? RecordedLife.Spell(s) : null);
        Text(import, c.Category);
        Text(import, c.Department?.Value);
        Text(import, c.Assignee?.Id.Value);
        import.Write(c.ReceivedBy.Id.Value, NpgsqlDbType.Text);
        import.Write(c.EscalationLevel, NpgsqlDbType.Integer);
        Text(import, pending);
        Text(import, pending?.ToUpperInvariant());
        if (next is null)
        {
            import.WriteNull();
            import.WriteNull();
        }
        else
        {
            import.Write(next.DueAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            import.Write(next.DueAt.UtcTicks, NpgsqlDbType.Bigint);
        }

        import.Write(c.Policy.Id, NpgsqlDbType.Text);
        import.Write(c.Policy.Version, NpgsqlDbType.Text);
        import.Write(c.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        import.Write(c.ReceivedAt.UtcTicks, NpgsqlDbType.Bigint);
        import.Write(c.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        import.Write(JsonSerializer.Serialize(c, ComplaintsJson.Options), NpgsqlDbType.Json);
    }

    private static void Text(NpgsqlBinaryImporter import, string? value)
    {
        if (value is null)
        {
            import.WriteNull();
        }
        else
        {
            import.Write(value, NpgsqlDbType.Text);
        }
    }
}
