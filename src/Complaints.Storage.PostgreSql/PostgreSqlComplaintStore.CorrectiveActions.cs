using System.Text.Json;
using Complaints.Improvement;
using Complaints.Storage.PostgreSql.Internal;
using Npgsql;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql;

/// <summary>
/// Corrective and preventive actions (tables <c>corrective_actions</c>, <c>corrective_action_journal</c>,
/// <c>corrective_action_cases</c>): load, save (one transaction, one round trip, for the whole
/// <see cref="CorrectiveActionChange"/>), read the journal, queries and due alarms.
/// </summary>
public sealed partial class PostgreSqlComplaintStore : ICorrectiveActionStore
{
    private ActionSql? _actionSql;

    // Built on first use (a benign race: every copy is the same), so the store's constructor is the complaints' alone.
    private ActionSql Actions => _actionSql ??= new ActionSql(PostgreSqlSchema.Quote(Schema));

    /// <inheritdoc />
    public async Task<CorrectiveAction?> LoadAsync(CorrectiveActionId id, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(Actions.Load);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id.Value));
        var actions = await ReadActionsAsync(command, cancellationToken).ConfigureAwait(false);
        return actions.Count == 0 ? null : actions[0];
    }

    /// <inheritdoc />
    public async Task SaveAsync(CorrectiveActionChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var action = change.Action;
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        // One round trip: the action row, its journal rows, its case links, its outbox rows. The version check is the action row's own
        // write, as for cases: a new action is inserted unless its id exists, a stored one updated only from the expected
        // version (a racing writer blocks on the row until the first commits, then finds the version moved). The journal's
        // key (action, sequence) refuses a second entry with the same number, and its reference an action never stored.
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            var write = new NpgsqlBatchCommand(change.IsNew ? Actions.Insert : Actions.Update);
            AddActionParameters(write.Parameters, action);
            write.Parameters.Add(Parameter("expected", NpgsqlDbType.Bigint, change.ExpectedVersion));
            batch.BatchCommands.Add(write);
            foreach (var entry in change.Entries)
            {
                batch.BatchCommands.Add(ActionJournalInsert(entry));
            }

            var cases = action.Cases.Select(c => c.Value).Distinct().ToArray();
            foreach (var text in new[] { Actions.LinkCases, Actions.UnlinkOtherCases })
            {
                var link = new NpgsqlBatchCommand(text);
                link.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, action.Id.Value));
                link.Parameters.Add(Parameter("cases", NpgsqlDbType.Array | NpgsqlDbType.Uuid, cases));
                batch.BatchCommands.Add(link);
            }

            // The notifications the entries cause, in the same transaction: written with the action, or not at all.
            for (var position = 0; position < change.Notifications.Count; position++)
            {
                batch.BatchCommands.Add(ActionOutboxInsert(change.Notifications[position], position));
            }

            if (_prepare)
            {
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                var actual = await ReadActionVersionAsync(connection, action.Id, cancellationToken).ConfigureAwait(false);
                if (actual != change.ExpectedVersion)
                {
                    throw new CorrectiveActionConcurrencyException(action.Id, change.ExpectedVersion, actual);
                }

                throw;
            }

            if (write.RecordsAffected == 0)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                var actual = await ReadActionVersionAsync(connection, action.Id, cancellationToken).ConfigureAwait(false);
                throw new CorrectiveActionConcurrencyException(action.Id, change.ExpectedVersion, actual);
            }
        }

        // Past this point the write either commits or the caller sees the failure: never "cancelled" yet written.
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorrectiveActionJournalEntry>> ReadJournalAsync(CorrectiveActionId id, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(Actions.ReadJournal);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id.Value));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var entries = new List<CorrectiveActionJournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(JsonSerializer.Deserialize(reader.GetString(0), ComplaintsJson.TypeInfo<CorrectiveActionJournalEntry>())
                ?? throw new InvalidDataException($"A journal entry of corrective action {id} in the PostgreSQL store is null."));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorrectiveAction>> QueryAsync(CorrectiveActionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Take <= 0)
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = Actions.Query(Actions.Where(query, command.Parameters));
        command.Parameters.Add(Parameter("take", NpgsqlDbType.Integer, query.Take));
        command.Parameters.Add(Parameter("skip", NpgsqlDbType.Integer, Math.Max(0, query.Skip)));
        return await ReadActionsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueCorrectiveActionAlarm>> ReadDueAlarmsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        if (max <= 0)
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(Actions.DueAlarms);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("now", NpgsqlDbType.Bigint, CaseColumns.Ticks(now)));
        command.Parameters.Add(Parameter("max", NpgsqlDbType.Integer, max));

        // The columns pick and order the due actions; the alarm itself is the one rule's (CorrectiveActionAlarms.Due).
        var actions = await ReadActionsAsync(command, cancellationToken).ConfigureAwait(false);
        return [.. actions.Select(a => CorrectiveActionAlarms.Due(a, now)).OfType<DueCorrectiveActionAlarm>()];
    }

    private static void AddActionParameters(NpgsqlParameterCollection parameters, CorrectiveAction action)
    {
        var nextDue = action.NextDueAt;
        var nextAlarm = CorrectiveActionAlarms.NextAt(action);
        var breach = ActionSql.BreachAt(action);
        parameters.Add(Parameter("id", NpgsqlDbType.Uuid, action.Id.Value));
        parameters.Add(Parameter("version", NpgsqlDbType.Bigint, action.Version));
        parameters.Add(Parameter("state", NpgsqlDbType.Text, CaseColumns.Of(action.State)));
        parameters.Add(Parameter("kind", NpgsqlDbType.Text, CaseColumns.Of(action.Kind)));
        parameters.Add(Parameter("root_cause", NpgsqlDbType.Text, CaseColumns.Of(action.RootCause)));
        parameters.Add(Parameter("owner_id", NpgsqlDbType.Text, action.Owner.Value));
        parameters.Add(Parameter("department", NpgsqlDbType.Text, action.Department?.Value));
        parameters.Add(Parameter("category", NpgsqlDbType.Text, action.Category));
        parameters.Add(Parameter("next_due_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(nextDue)));
        parameters.Add(Parameter("next_due_ticks", NpgsqlDbType.Bigint, nextDue is { } d ? CaseColumns.Ticks(d) : null));
        parameters.Add(Parameter("next_alarm_ticks", NpgsqlDbType.Bigint, nextAlarm is { } a ? CaseColumns.Ticks(a) : null));
        parameters.Add(Parameter("breach_ticks", NpgsqlDbType.Bigint, breach is { } b ? CaseColumns.Ticks(b) : null));
        parameters.Add(Parameter("created_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(action.CreatedAt)));
        parameters.Add(Parameter("created_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(action.CreatedAt)));
        parameters.Add(Parameter("updated_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(action.UpdatedAt)));
        parameters.Add(Parameter("document", NpgsqlDbType.Json, JsonSerializer.Serialize(action, ComplaintsJson.TypeInfo<CorrectiveAction>())));
    }

    private NpgsqlBatchCommand ActionJournalInsert(CorrectiveActionJournalEntry entry)
    {
        var command = new NpgsqlBatchCommand(Actions.InsertJournal);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, entry.ActionId.Value));
        command.Parameters.Add(Parameter("sequence", NpgsqlDbType.Bigint, entry.Sequence));
        command.Parameters.Add(Parameter("at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(entry.At)));
        command.Parameters.Add(Parameter("actor", NpgsqlDbType.Text, entry.Actor.Id.Value));
        command.Parameters.Add(Parameter("from", NpgsqlDbType.Text, entry.From is { } from ? CaseColumns.Of(from) : null));
        command.Parameters.Add(Parameter("to", NpgsqlDbType.Text, CaseColumns.Of(entry.To)));
        command.Parameters.Add(Parameter("event", NpgsqlDbType.Text, ActionSql.EventType(entry.Event)));
        command.Parameters.Add(Parameter("entry", NpgsqlDbType.Json, JsonSerializer.Serialize(entry, ComplaintsJson.TypeInfo<CorrectiveActionJournalEntry>())));
        return command;
    }

    private async Task<long> ReadActionVersionAsync(NpgsqlConnection connection, CorrectiveActionId id, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(Actions.ReadVersion, connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id.Value));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private static async Task<IReadOnlyList<CorrectiveAction>> ReadActionsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var actions = new List<CorrectiveAction>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            actions.Add(JsonSerializer.Deserialize(reader.GetString(0), ComplaintsJson.TypeInfo<CorrectiveAction>())
                ?? throw new InvalidDataException("A corrective action in the PostgreSQL store is the JSON null."));
        }

        return actions;
    }
}
