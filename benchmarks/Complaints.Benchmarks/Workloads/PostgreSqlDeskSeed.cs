using System.Text.Json;
using Complaints.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// <see cref="DeskSeed"/>'s cases in PostgreSQL: a schema per size, made by the store and filled once with a binary
/// <c>COPY</c> of the case rows (desk queries read nothing else) with the store's own indexes dropped during the copy and
/// built again from their definitions after it, then vacuumed and analysed, and kept across runs under a name with
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
        string NameOf(int version) => $"desk_{n}_v{version}_s{DeskSeed.SeedVersion}";
        bool Exists(string name)
        {
            using var exists = dataSource.CreateCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema");
            exists.Parameters.AddWithValue("schema", name);
            return (long)exists.ExecuteScalar()! == 1;
        }

        var schema = NameOf(PostgreSqlComplaintStore.SchemaVersion);
        if (Exists(schema))
        {
            return schema;
        }

        // A schema built under an older version is migrated in place by the store, as a deployed database would be.
        for (var older = PostgreSqlComplaintStore.SchemaVersion - 1; older > 0; older--)
        {
            if (Exists(NameOf(older)))
            {
                var migrated = System.Diagnostics.Stopwatch.StartNew();
                using (var store = new PostgreSqlComplaintStore(dataSource, new PostgreSqlStoreOptions { Schema = NameOf(older) }))
                {
                    store.MigrateAsync().GetAwaiter().GetResult();
                }

                Execute(dataSource, $"VACUUM (ANALYZE) {NameOf(older)}.complaints");
                Execute(dataSource, $"ALTER SCHEMA {NameOf(older)} RENAME TO {schema}");
                Console.WriteLine($"// Migrated the {n:N0}-case PostgreSQL desk schema from version {older} to {PostgreSqlComplaintStore.SchemaVersion} in {migrated.Elapsed.TotalSeconds:0.0} s.");
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
            // The store's indexes on the case table (not those behind constraints) are dropped while the rows are copied
            // and built again from their own definitions afterwards: at 10M cases, one sort per index instead of ten
            // million random inserts into each.
            var indexes = new List<(string Name, string Definition)>();
            using (var list = new NpgsqlCommand(
                """
                SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
                WHERE s.nspname = @schema AND t.relname = 'complaints'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                """, connection))
            {
                list.Parameters.AddWithValue("schema", building);
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            Execute(connection, string.Concat(indexes.Select(index => $"DROP INDEX {index.Name};")));
            using (var import = connection.BeginBinaryImport($"COPY {building}.complaints ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < n; i++)
                {
                    WriteRow(import, DeskSeed.Case(i, n));
                    if (i > 0 && i % 1_000_000 == 0)
                    {
                        Console.WriteLine($"// {i:N0} of {n:N0} cases copied in {clock.Elapsed.TotalSeconds:0} s.");
                    }
                }

                import.Complete();
            }

            foreach (var index in indexes)
            {
                Execute(connection, index.Definition);
            }

            // Vacuumed as well as analysed: the table at rest, as autovacuum leaves it, not in the state right after a bulk load.
            Execute(connection, $"VACUUM (ANALYZE) {building}.complaints");
            Execute(connection, $"ALTER SCHEMA {building} RENAME TO {schema}");
        }

        Console.WriteLine($"// Built the {n:N0}-case PostgreSQL desk schema in {clock.Elapsed.TotalSeconds:0.0} s.");
        return schema;
    }

    private static void Execute(NpgsqlDataSource dataSource, string sql)
    {
        using var connection = dataSource.OpenConnection();
        Execute(connection, sql);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        if (sql.Length == 0)
        {
            return;
        }

        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
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
