using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Testing;
using Complaints.Testing.Stores;
using Complaints.Workflow.InMemory;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>
/// The schema step that lets the outbox hold notifications about corrective actions (the last step): a file from before
/// it keeps its outbox rows, with their states, and then takes action messages; the rebuilt table admits exactly one of
/// a case and an action per row.
/// </summary>
public sealed class OutboxMigrationTests : IDisposable
{
    /// <summary>The outbox as the steps before step 10 left it (complaint_id required, no corrective_action_id), at version 9: step 11 undone too.</summary>
    private static readonly string RewindOutbox = SchemaTests.UndoStepEleven + $"""
        CREATE TABLE outbox_before (
            id              TEXT    NOT NULL PRIMARY KEY,
            complaint_id    TEXT    NOT NULL REFERENCES complaints (id),
            sequence        INTEGER NOT NULL,
            position        INTEGER NOT NULL,
            kind            TEXT    NOT NULL,
            state           TEXT    NOT NULL,
            attempts        INTEGER NOT NULL,
            next_attempt_at TEXT    NOT NULL,
            lease_worker    TEXT,
            lease_until     TEXT,
            last_error      TEXT,
            sent_at         TEXT,
            json            TEXT    NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO outbox_before SELECT id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, lease_worker, lease_until, last_error, sent_at, json FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_before RENAME TO outbox;
        CREATE INDEX ix_outbox_pending ON outbox (next_attempt_at) WHERE state = 'pending';
        CREATE INDEX ix_outbox_complaint ON outbox (complaint_id, sequence, position);
        PRAGMA user_version = 9;
        """;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task FileBeforeActionNotifications_KeepsItsOutboxRowsAndStatesAndTakesActionMessages()
    {
        var reference = new StoreHarness(new InMemoryComplaintStore());
        var id = await reference.DriveToAsync(ComplaintState.Investigating, A.Complaint());
        var notifications = (await ((IOutboxStore)reference.Store).ReadOutboxAsync(id)).Select(m => m.Notification).ToArray();
        notifications.Should().HaveCountGreaterThan(1, "the case's intake and assignment notified someone");
        var old = _database.Store();
        await old.SaveAsync(new CaseChange(await reference.StoredAsync(id), await reference.JournalAsync(id), 0, notifications));
        (await old.MarkSentAsync(notifications[0].Id, StoreHarness.Start.AddHours(1))).Should().BeTrue();
        (await old.MarkFailedAsync(notifications[1].Id, "mailbox full", null)).Should().BeTrue();
        var before = (await old.ReadOutboxAsync(id)).Select(StoreHarness.Json).ToArray();
        var path = _database.PathOf(old);
        old.Dispose();
        SqliteConnection.ClearAllPools();
        _database.Execute(old, RewindOutbox);
        using (var rewound = Open(path))
        {
            Scalar(rewound, "SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'corrective_action_id'").Should().Be(0L);
        }

        var store = _database.Store(path);
        var history = CorrectiveActionHistory.Propose(StoreHarness.Start, approvalRole: "general-manager", cases: [id]);
        await store.SaveAsync(history.LastChange((NotificationKind.ApprovalRequest, Notification.ToRole("general-manager"))));

        (await store.ReadOutboxAsync(id)).Select(StoreHarness.Json).Should().Equal(before, "the rebuilt outbox keeps every row with its state");
        (await store.ReadParkedOutboxAsync()).Should().ContainSingle().Which.ComplaintId.Should().Be(id);
        (await store.ReadOutboxAsync(history.Action.Id)).Should().ContainSingle().Which.Notification.Recipient.Should().Be("role:general-manager");
        SqliteConnection.ClearAllPools();
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be((long)SqliteComplaintStore.SchemaVersion);
        Scalar(check, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('ix_outbox_pending', 'ix_outbox_complaint', 'ix_outbox_corrective_action')")
            .Should().Be(3L, "the rebuild recreates the outbox's indexes");
        Scalar(check, "SELECT count(*) FROM sqlite_schema WHERE name = 'outbox_rebuilt'").Should().Be(0L);
        Scalar(check, "PRAGMA foreign_key_check;").Should().BeNull("every row refers to a stored case or action");
        var neither = () => Scalar(check, "INSERT INTO outbox (id, sequence, position, kind, state, attempts, next_attempt_at, json) VALUES ('n', 1, 0, 'alert', 'pending', 0, 'x', '{}');");
        var both = () => Scalar(check, $"INSERT INTO outbox (id, complaint_id, corrective_action_id, sequence, position, kind, state, attempts, next_attempt_at, json) VALUES ('b', '{id}', '{history.Action.Id}', 1, 0, 'alert', 'pending', 0, 'x', '{{}}');");
        neither.Should().Throw<SqliteException>().WithMessage("*CHECK constraint failed*");
        both.Should().Throw<SqliteException>().WithMessage("*CHECK constraint failed*");
    }

    public void Dispose() => _database.Dispose();

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Foreign Keys=True");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
