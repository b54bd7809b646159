using System.Text;
using System.Text.Json;
using Complaints.Ports;
using Complaints.Storage.Sqlite.Internal;
using Complaints.Workflow.Storage;

namespace Complaints.Storage.Sqlite;

/// <summary>The access audit (table <c>audit</c>): the JSON is the record, the columns filter and order it.</summary>
public sealed partial class SqliteComplaintStore
{
    /// <inheritdoc />
    public async Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit (id, at, actor_id, kind, complaint_id, json) VALUES ($id, $at, $actor, $kind, $complaint, $json)
            ON CONFLICT (id) DO NOTHING;
            """;
        command.Add("$id", record.Id.ToString("D"));
        command.Add("$at", Sql.Time(record.At));
        command.Add("$actor", record.Actor.Value);
        command.Add("$kind", Spelling<AuditKind>.Of(record.Kind));
        command.Add("$complaint", record.ComplaintId is { } id ? Sql.Id(id) : null);
        command.Add("$json", JsonSerializer.Serialize(record, ComplaintsJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AuditPaging.Check(query);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var where = new StringBuilder("1");
        if (query.ComplaintId is { } id)
        {
            where.Append(" AND complaint_id = $complaint");
            command.Add("$complaint", Sql.Id(id));
        }

        if (query.Actor is { } actor)
        {
            where.Append(" AND actor_id = $actor");
            command.Add("$actor", actor.Value);
        }

        if (query.Kind is { } kind)
        {
            where.Append(" AND kind = $kind");
            command.Add("$kind", Spelling<AuditKind>.Of(kind));
        }

        if (query.From is { } from)
        {
            where.Append(" AND at >= $from");
            command.Add("$from", Sql.Time(from));
        }

        if (query.To is { } to)
        {
            where.Append(" AND at < $to");
            command.Add("$to", Sql.Time(to));
        }

        command.CommandText = $"SELECT json FROM audit WHERE {where} ORDER BY at, id LIMIT $take OFFSET $skip;";
        command.Add("$take", query.Take);
        command.Add("$skip", query.Skip);
        var records = new List<AuditRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(JsonSerializer.Deserialize<AuditRecord>(reader.GetString(0), ComplaintsJson.Options)
                ?? throw new InvalidDataException("An audit record in the SQLite store is the JSON null."));
        }

        return records;
    }
}
