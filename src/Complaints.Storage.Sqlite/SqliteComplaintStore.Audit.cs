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
        using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.InsertAudit;
        command.Add("$id", record.Id.ToString("D"));
        command.Add("$at", CaseColumns.Time(record.At));
        command.Add("$actor", record.Actor.Value);
        command.Add("$kind", Spelling<AuditKind>.Of(record.Kind));
        command.Add("$complaint", record.ComplaintId is { } id ? CaseColumns.Id(id) : null);
        command.Add("$json", JsonSerializer.Serialize(record, ComplaintsJson.TypeInfo<AuditRecord>()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AuditPaging.Check(query);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.ReadAudit(QuerySql.Where(query, command));
        command.Add("$take", query.Take);
        command.Add("$skip", query.Skip);
        var records = new List<AuditRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(JsonSerializer.Deserialize(reader.GetString(0), ComplaintsJson.TypeInfo<AuditRecord>())
                ?? throw new InvalidDataException("An audit record in the SQLite store is the JSON null."));
        }

        return records;
    }
}
