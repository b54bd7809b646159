using System.Globalization;
using System.Text.Json;
using Complaints.Improvement;
using Complaints.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite;

/// <summary>
/// Corrective and preventive actions (tables <c>corrective_actions</c>, <c>corrective_action_journal</c>,
/// <c>corrective_action_cases</c>): load, save (one transaction for the whole <see cref="CorrectiveActionChange"/>),
/// read the journal, queries and due alarms.
/// </summary>
public sealed partial class SqliteComplaintStore : ICorrectiveActionStore
{
    /// <inheritdoc />
    public async Task<CorrectiveAction?> LoadAsync(CorrectiveActionId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = ActionSql.Load;
        command.Add("$id", ActionSql.Id(id));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAction(reader.GetString(0)) : null;
    }

    /// <inheritdoc />
    public async Task SaveAsync(CorrectiveActionChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var action = change.Action;
        var id = ActionSql.Id(action.Id);

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: the write lock first, so the version check and the writes after it see one state. The action
        // row is written only from the expected version; if the version moved, nothing is written and all is rolled back.
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var write = connection.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = change.IsNew ? ActionSql.Insert : ActionSql.Update;
            AddActionParameters(write, action, id);
            if (!change.IsNew)
            {
                write.Add("$expected", change.ExpectedVersion);
            }

            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                using var read = connection.CreateCommand();
                read.Transaction = transaction;
                read.CommandText = ActionSql.ReadVersion;
                read.Add("$id", id);
                var stored = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
                transaction.Rollback();
                throw new CorrectiveActionConcurrencyException(action.Id, change.ExpectedVersion, stored);
            }
        }

        using (var journal = connection.CreateCommand())
        {
            journal.Transaction = transaction;
            journal.CommandText = ActionSql.InsertJournal;
            journal.Add("$id", id);
            var sequence = journal.Add("$sequence", null);
            var at = journal.Add("$at", null);
            var actor = journal.Add("$actor_id", null);
            var type = journal.Add("$event_type", null);
            var from = journal.Add("$from_state", null);
            var to = journal.Add("$to_state", null);
            var json = journal.Add("$json", null);
            foreach (var entry in change.Entries)
            {
                sequence.Value = entry.Sequence;
                at.Value = CaseColumns.Time(entry.At);
                actor.Value = entry.Actor.Id.Value;
                type.Value = ActionSql.EventType(entry.Event);
                from.Value = entry.From is { } f ? Spelling<CorrectiveActionState>.Of(f) : DBNull.Value;
                to.Value = Spelling<CorrectiveActionState>.Of(entry.To);
                json.Value = JsonSerializer.Serialize(entry, ComplaintsJson.TypeInfo<CorrectiveActionJournalEntry>());
                await journal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        using (var links = connection.CreateCommand())
        {
            links.Transaction = transaction;
            links.CommandText = ActionSql.LinkCases;
            links.Add("$id", id);
            links.Add("$cases", JsonSerializer.Serialize(action.Cases.Select(CaseColumns.Id).ToArray(), ComplaintsJson.TypeInfo<string[]>()));
            await links.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The notifications the entries cause, in the same transaction: written with the action, or not at all.
        if (change.Notifications.Count > 0)
        {
            using var outbox = connection.CreateCommand();
            outbox.Transaction = transaction;
            outbox.CommandText = Sql.InsertActionOutbox;
            outbox.Add("$action_id", id);
            var notificationId = outbox.Add("$id", null);
            var sequence = outbox.Add("$sequence", null);
            var position = outbox.Add("$position", null);
            var kind = outbox.Add("$kind", null);
            var next = outbox.Add("$next_attempt_at", null);
            var json = outbox.Add("$json", null);
            for (var i = 0; i < change.Notifications.Count; i++)
            {
                var n = change.Notifications[i];
                notificationId.Value = n.Id.ToString("D");
                sequence.Value = n.Sequence;
                position.Value = i;
                kind.Value = Spelling<Notifications.NotificationKind>.Of(n.Kind);
                next.Value = CaseColumns.Time(n.CreatedAt);
                json.Value = JsonSerializer.Serialize(n, ComplaintsJson.TypeInfo<Notifications.Notification>());
                await outbox.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // Past this point the write either commits or the caller sees the failure: never "cancelled" yet written.
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorrectiveActionJournalEntry>> ReadJournalAsync(CorrectiveActionId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = ActionSql.ReadJournal;
        command.Add("$id", ActionSql.Id(id));
        var entries = new List<CorrectiveActionJournalEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(JsonSerializer.Deserialize(reader.GetString(0), ComplaintsJson.TypeInfo<CorrectiveActionJournalEntry>())
                ?? throw new InvalidDataException($"A journal entry of corrective action {id} in the SQLite store is the JSON null."));
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

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = ActionSql.Query(ActionSql.Where(query, command));
        command.Add("$take", query.Take);
        command.Add("$skip", Math.Max(0, query.Skip));
        return await ReadActionsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueCorrectiveActionAlarm>> ReadDueAlarmsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        if (max <= 0)
        {
            return [];
        }

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = ActionSql.DueAlarms;
        command.Add("$now", CaseColumns.Time(now));
        command.Add("$max", max);

        // The columns pick and order the due actions; the alarm itself is the one rule's (CorrectiveActionAlarms.Due).
        var actions = await ReadActionsAsync(command, cancellationToken).ConfigureAwait(false);
        return [.. actions.Select(a => CorrectiveActionAlarms.Due(a, now)).OfType<DueCorrectiveActionAlarm>()];
    }

    private static void AddActionParameters(SqliteCommand command, CorrectiveAction action, string id)
    {
        command.Add("$id", id);
        command.Add("$version", action.Version);
        command.Add("$state", Spelling<CorrectiveActionState>.Of(action.State));
        command.Add("$kind", Spelling<CorrectiveActionKind>.Of(action.Kind));
        command.Add("$root_cause", Spelling<RootCause>.Of(action.RootCause));
        command.Add("$owner", action.Owner.Value);
        command.Add("$department", action.Department?.Value);
        command.Add("$category", action.Category);
        command.Add("$next_due_at", CaseColumns.Time(action.NextDueAt));
        command.Add("$next_alarm_at", CaseColumns.Time(CorrectiveActionAlarms.NextAt(action)));
        command.Add("$breach_at", CaseColumns.Time(ActionSql.BreachAt(action)));
        command.Add("$created_at", CaseColumns.Time(action.CreatedAt));
        command.Add("$updated_at", CaseColumns.Time(action.UpdatedAt));
        command.Add("$json", JsonSerializer.Serialize(action, ComplaintsJson.TypeInfo<CorrectiveAction>()));
    }

    private static async Task<IReadOnlyList<CorrectiveAction>> ReadActionsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var actions = new List<CorrectiveAction>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            actions.Add(ReadAction(reader.GetString(0)));
        }

        return actions;
    }

    private static CorrectiveAction ReadAction(string json) =>
        JsonSerializer.Deserialize(json, ComplaintsJson.TypeInfo<CorrectiveAction>())
            ?? throw new InvalidDataException("A corrective action in the SQLite store is the JSON null.");
}
