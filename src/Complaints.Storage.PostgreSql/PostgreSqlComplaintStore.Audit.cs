using System.Text.Json;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Complaints.Workflow.Storage;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql;

/// <summary>The access audit (table <c>audit</c>): <c>record</c> is the whole record, the columns filter and order it.</summary>
public sealed partial class PostgreSqlComplaintStore
{
    /// <inheritdoc />
    public async Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(_sql.InsertAudit);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, record.Id));
        command.Parameters.Add(Parameter("at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(record.At)));
        command.Parameters.Add(Parameter("at_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(record.At)));
        command.Parameters.Add(Parameter("actor", NpgsqlDbType.Text, record.Actor.Value));
        command.Parameters.Add(Parameter("kind", NpgsqlDbType.Text, CaseColumns.Of(record.Kind)));
        command.Parameters.Add(Parameter("complaint", NpgsqlDbType.Uuid, record.ComplaintId?.Value));
        command.Parameters.Add(Parameter("record", NpgsqlDbType.Json, JsonSerializer.Serialize(record, ComplaintsJson.TypeInfo<AuditRecord>())));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AuditPaging.Check(query);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = _sql.ReadAudit(QuerySql.Where(query, command.Parameters));
        command.Parameters.Add(Parameter("take", NpgsqlDbType.Integer, query.Take));
        command.Parameters.Add(Parameter("skip", NpgsqlDbType.Integer, query.Skip));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(JsonSerializer.Deserialize(reader.GetString(0), ComplaintsJson.TypeInfo<AuditRecord>())
                ?? throw new InvalidDataException("An audit record in the PostgreSQL store is the JSON null."));
        }

        return records;
    }
}
