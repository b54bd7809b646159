using Complaints.Commands;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing.Stores;
using Complaints.Testing;
using Npgsql;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>The store creates its schema, upgrades an older one in place and refuses a newer one.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class SchemaTests : IAsyncDisposable
{
    private static readonly string[] DeskIndexes =
    [
        "complaints_received", "complaints_state", "complaints_assignee", "complaints_department", "complaints_received_by",
        "complaints_awaiting_approval", "complaints_next_due", "complaints_severity", "complaints_category", "deadlines_next_alarm",
        "complaints_period", "deadlines_open", "complaints_recurrence_complainant", "complaints_recurrence_subject", "complaints_recurrence_cause", "journal_accountability", "deadlines_analysis",
        "corrective_actions_created", "corrective_actions_state", "corrective_actions_owner", "corrective_actions_department",
        "corrective_actions_root_cause", "corrective_actions_next_due", "corrective_actions_next_alarm", "corrective_action_cases_action",
        "complaints_desk_assigned", "complaints_desk_approval", "complaints_desk_triage", "complaints_desk_overdue",
    ];

    /// <summary>The version this library migrates to.</summary>
    private const int Current = PostgreSqlComplaintStore.SchemaVersion;

    /// <summary>The version that added the corrective actions.</summary>
    private const int CorrectiveActionsVersion = 8;

    /// <summary>The migration that lets the outbox hold notifications about corrective actions.</summary>
    private const int ActionNotificationsVersion = 9;

    /// <summary>A version from a later release.</summary>
    private const int Newer = Current + 1;

    /// <summary>Every version up to the current one, as <c>schema_version</c> lists them once migrated.</summary>
    private static readonly int[] AllVersions = [.. Enumerable.Range(1, Current)];

    private readonly TestSchemas _schemas = new();

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();

    [Fact]
    public async Task FirstUse_CreatesTheSchemaAtTheCurrentVersionWithTheDeskQueryIndexes()
    {
        var store = await _schemas.NewStoreAsync();

        (await store.LoadAsync(ComplaintId.New(StoreHarness.Start))).Should().BeNull();

        (await Versions(store.Schema)).Should().Equal(Enumerable.Range(1, PostgreSqlComplaintStore.SchemaVersion));
        (await Indexes(store.Schema)).Should().Contain(DeskIndexes);
    }

    [Fact]
    public async Task WholeDesk_EachReasonIsReadFromItsOwnIndex_SoTheMigrationsPredicatesMatchTheQuerys()
    {
        var store = await _schemas.NewStoreAsync();
        await store.MigrateAsync();
        var desk = new DeskQuery
        {
            AssignedTo = new ActorId("han"), ApprovalRoles = ["manager"], AwaitingTriage = true,
            OverdueIn = new DepartmentId("service"), Now = StoreHarness.Start,
        };

        await using var connection = new NpgsqlConnection(await _schemas.ConnectionStringAsync());
        await connection.OpenAsync();
        // An empty table: without these the planner would rightly read it whole. With them, a reason whose condition
        // does not imply its partial index's predicate would be read through another index and sorted.
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand { Connection = connection };
        explain.CommandText = "EXPLAIN " + new Sql(PostgreSqlSchema.Quote(store.Schema)).QueryDesk(QuerySql.DeskReasons(desk, explain.Parameters));
        explain.Parameters.AddWithValue("reach", 50L);
        explain.Parameters.AddWithValue("take", 50);
        explain.Parameters.AddWithValue("skip", 0);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        string.Join("\n", plan).Should().Contain("complaints_desk_assigned").And.Contain("complaints_desk_approval")
            .And.Contain("complaints_desk_triage").And.Contain("complaints_desk_overdue");
    }

    [Fact]
    public async Task OlderSchema_IsUpgradedInPlaceKeepingItsCases()
    {
        var old = await _schemas.NewStoreAsync();
        var h = new StoreHarness(old);
        var id = await h.DriveToAsync(ComplaintState.Investigating, A.Complaint().InCategory("billing"));
        var before = StoreHarness.Json(await h.StoredAsync(id));
        // Back to version 1, as a node of an early release left it.
        await _schemas.ScalarAsync(AnalysisTests.DowngradeToVersion6(old.Schema));
        await _schemas.ScalarAsync($"""
            ALTER TABLE "{old.Schema}".complaints DROP COLUMN held_products;
            DROP TABLE "{old.Schema}".parked_alarms; DROP TABLE "{old.Schema}".audit;
            DROP TABLE "{old.Schema}".outbox; DROP INDEX "{old.Schema}".complaints_severity; DROP INDEX "{old.Schema}".complaints_category;
            DELETE FROM "{old.Schema}".schema_version WHERE version > 1
            """);
        (await Versions(old.Schema)).Should().Equal(1);

        var upgraded = await _schemas.NewStoreAsync(old.Schema);
        var loaded = await upgraded.LoadAsync(id);

        StoreHarness.Json(loaded).Should().Be(before);
        (await Versions(old.Schema)).Should().Equal(AllVersions);
        (await Indexes(old.Schema)).Should().Contain(DeskIndexes);
        (await upgraded.QueryAsync(new Ports.ComplaintQuery { Categories = ["billing"] })).Should().ContainSingle();
    }

    [Fact]
    public async Task SchemaAtVersion3_IsUpgradedWithTheAuditAndTheParkedAlarms()
    {
        var schema = await _schemas.NewSchemaAsync();
        await using (var dataSource = NpgsqlDataSource.Create(await _schemas.ConnectionStringAsync()))
        {
            await PostgreSqlSchema.MigrateAsync(dataSource, schema, 3, CancellationToken.None);
        }

        (await Versions(schema)).Should().Equal(1, 2, 3);
        var store = await _schemas.NewStoreAsync(schema);
        var h = new StoreHarness(store);
        var id = await h.DriveToAsync(ComplaintState.Investigating);
        var record = new Ports.AuditRecord(Guid.CreateVersion7(StoreHarness.Start), StoreHarness.Start, new ActorId("auditor"), Ports.AuditKind.IdentityRead, Commands.ComplaintAction.View, id);
        var due = new Ports.DueDeadline(id, DeadlineKind.Resolve, Ports.DeadlineAlarm.Breach, StoreHarness.Start);

        await store.AppendAuditAsync(record);
        await store.ParkDeadlineAlarmAsync(due, "parked in a test", StoreHarness.Start);

        (await Versions(schema)).Should().Equal(AllVersions);
        (await store.ReadAuditAsync(new Ports.AuditQuery())).Should().Equal(record);
        (await store.ReadParkedDeadlineAlarmsAsync()).Should().ContainSingle().Which.Error.Should().Be("parked in a test");
    }

    [Fact]
    public async Task SchemaAtVersion1_IsUpgradedByTheStore()
    {
        var schema = await _schemas.NewSchemaAsync();
        await using (var dataSource = NpgsqlDataSource.Create(await _schemas.ConnectionStringAsync()))
        {
            await PostgreSqlSchema.MigrateAsync(dataSource, schema, 1, CancellationToken.None);
        }

        (await Versions(schema)).Should().Equal(1);

        var store = await _schemas.NewStoreAsync(schema);
        var id = await new StoreHarness(store).ReceiveAsync();

        (await store.LoadAsync(id)).Should().NotBeNull();
        (await Versions(schema)).Should().Equal(AllVersions);
    }

    [Fact]
    public async Task SchemaBeforeCorrectiveActions_GetsTheirTablesKeepsItsCasesAndStoresActions()
    {
        var old = await _schemas.NewStoreAsync();
        var h = new StoreHarness(old);
        var id = await h.DriveToAsync(ComplaintState.Investigating, A.Complaint().InCategory("billing"));
        var before = StoreHarness.Json(await h.StoredAsync(id));
        var journal = (await h.JournalAsync(id)).Select(StoreHarness.Json).ToArray();
        // Back to the version before the corrective actions (8, then the outbox's notifications about them), as a node of
        // an earlier release left it.
        await _schemas.ScalarAsync(UndoActionNotifications(old.Schema));
        await _schemas.ScalarAsync($"""
            DROP TABLE "{old.Schema}".corrective_action_cases; DROP TABLE "{old.Schema}".corrective_action_journal; DROP TABLE "{old.Schema}".corrective_actions;
            DELETE FROM "{old.Schema}".schema_version WHERE version >= {CorrectiveActionsVersion}
            """);
        (await Versions(old.Schema)).Should().Equal(AllVersions[..(CorrectiveActionsVersion - 1)]);

        var upgraded = await _schemas.NewStoreAsync(old.Schema);
        var history = CorrectiveActionHistory.Propose(StoreHarness.Start, cases: [id]).Progress("培训已安排");

        StoreHarness.Json(await upgraded.LoadAsync(id)).Should().Be(before);
        (await upgraded.ReadJournalAsync(id)).Select(StoreHarness.Json).Should().Equal(journal);
        await history.SaveEachAsync(upgraded);
        (await Versions(old.Schema)).Should().Equal(AllVersions);
        (await Indexes(old.Schema)).Should().Contain(DeskIndexes);
        (await upgraded.QueryAsync(new Improvement.CorrectiveActionQuery { Case = id })).Select(StoreHarness.Json).Should().Equal(StoreHarness.Json(history.Action));
        (await upgraded.ReadJournalAsync(history.Action.Id)).Should().HaveCount(2);
        (await upgraded.ReadDueAlarmsAsync(history.Action.DueAt, 10)).Should().ContainSingle().Which.ActionId.Should().Be(history.Action.Id);
        (await upgraded.QueryAsync(new Ports.ComplaintQuery { Categories = ["billing"] })).Should().ContainSingle();
    }

    /// <summary>Takes a current schema's outbox back to before notifications about corrective actions (migration 9; migration 10, the analysis columns, is undone in the versions only: it runs again unchanged).</summary>
    internal static string UndoActionNotifications(string schema) => $"""
        ALTER TABLE "{schema}".outbox DROP CONSTRAINT outbox_about_one;
        ALTER TABLE "{schema}".outbox DROP COLUMN corrective_action_id;
        ALTER TABLE "{schema}".outbox ALTER COLUMN complaint_id SET NOT NULL;
        DELETE FROM "{schema}".schema_version WHERE version >= {ActionNotificationsVersion}
        """;

    [Fact]
    public async Task SchemaBeforeActionNotifications_KeepsItsOutboxRowsAndStatesAndTakesActionMessages()
    {
        var old = await _schemas.NewStoreAsync();
        var h = new StoreHarness(old);
        var id = await h.DriveToAsync(ComplaintState.Investigating, A.Complaint());
        var written = await old.ReadOutboxAsync(id);
        written.Should().HaveCountGreaterThan(1, "the case's intake and assignment notified someone");
        (await old.MarkSentAsync(written[0].Notification.Id, StoreHarness.Start.AddHours(1))).Should().BeTrue();
        (await old.MarkFailedAsync(written[1].Notification.Id, "mailbox full", null)).Should().BeTrue();
        var before = (await old.ReadOutboxAsync(id)).Select(StoreHarness.Json).ToArray();
        await _schemas.ScalarAsync(UndoActionNotifications(old.Schema));
        (await Versions(old.Schema)).Should().Equal(AllVersions[..(ActionNotificationsVersion - 1)]);

        var upgraded = await _schemas.NewStoreAsync(old.Schema);
        var history = CorrectiveActionHistory.Propose(StoreHarness.Start, approvalRole: "general-manager", cases: [id]);
        await upgraded.SaveAsync(history.LastChange((Notifications.NotificationKind.ApprovalRequest, Notifications.Notification.ToRole("general-manager"))));

        (await Versions(old.Schema)).Should().Equal(AllVersions);
        (await upgraded.ReadOutboxAsync(id)).Select(StoreHarness.Json).Should().Equal(before, "the migration keeps every row with its state");
        (await upgraded.ReadParkedOutboxAsync()).Should().ContainSingle().Which.ComplaintId.Should().Be(id);
        (await upgraded.ReadOutboxAsync(history.Action.Id)).Should().ContainSingle().Which.Notification.Recipient.Should().Be("role:general-manager");
        (await Indexes(old.Schema)).Should().Contain(["outbox_pending", "outbox_complaint", "outbox_corrective_action"]);
        var neither = () => _schemas.ScalarAsync(
            $"INSERT INTO \"{old.Schema}\".outbox (id, sequence, position, kind, state, next_attempt_at, next_attempt_ticks, notification) VALUES (gen_random_uuid(), 1, 0, 'alert', 'pending', now(), 0, '{{}}')");
        (await neither.Should().ThrowAsync<PostgresException>()).Which.ConstraintName.Should().Be("outbox_about_one");
    }

    [Fact]
    public async Task CorrectiveActionRows_HoldTheQueryColumnsTheJournalAndTheCaseLinks()
    {
        var store = await _schemas.NewStoreAsync();
        var cases = new[] { ComplaintId.New(StoreHarness.Start), ComplaintId.New(StoreHarness.Start) };
        var history = CorrectiveActionHistory.Propose(StoreHarness.Start, approvalRole: "general-manager", cases: cases).Approve().Warn();
        await history.SaveEachAsync(store);
        var a = history.Action;

        var row = await _schemas.RowAsync($"SELECT *, pg_typeof(document)::text AS document_type FROM \"{store.Schema}\".corrective_actions WHERE id = '{a.Id}'");
        var journal = await _schemas.ColumnAsync<string>($"SELECT event_type FROM \"{store.Schema}\".corrective_action_journal WHERE action_id = '{a.Id}' ORDER BY sequence");
        var linked = await _schemas.ColumnAsync<Guid>($"SELECT complaint_id FROM \"{store.Schema}\".corrective_action_cases WHERE action_id = '{a.Id}' ORDER BY complaint_id");

        row["version"].Should().Be(3L);
        row["state"].Should().Be("open");
        row["kind"].Should().Be("corrective");
        row["root_cause"].Should().Be("process-gap");
        row["owner_id"].Should().Be(a.Owner.Value);
        row["department"].Should().Be(a.Department!.Value.Value);
        row["next_due_ticks"].Should().Be(a.DueAt.UtcTicks);
        row["next_alarm_ticks"].Should().Be(a.DueAt.UtcTicks, "the warning is recorded: the breach is the next alarm");
        row["breach_ticks"].Should().Be(a.DueAt.UtcTicks);
        row["created_ticks"].Should().Be(StoreHarness.Start.UtcTicks);
        row["document_type"].Should().Be("json");
        journal.Should().Equal("proposed", "approved", "deadline-warned");
        linked.Should().BeEquivalentTo(cases.Select(c => c.Value));
    }

    [Fact]
    public async Task NewerSchema_IsRefusedWithAClearMessageAndLeftAlone()
    {
        var current = await _schemas.NewStoreAsync();
        await current.MigrateAsync();
        await _schemas.ScalarAsync($"INSERT INTO \"{current.Schema}\".schema_version (version, description) VALUES ({Newer}, 'from a later release')");
        var older = await _schemas.NewStoreAsync(current.Schema);

        var load = () => older.LoadAsync(ComplaintId.New(StoreHarness.Start));
        var migrate = () => older.MigrateAsync();

        var error = (await load.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage($"*schema \"{current.Schema}\" is at version {Newer}, newer than version {Current}*run that release*on every node*not changed*").Which;
        error.Should().BeOfType<PostgreSqlSchemaException>().Which.Should().Match<PostgreSqlSchemaException>(
            e => e.Schema == current.Schema && e.FoundVersion == Newer && e.SupportedVersion == Current, "both SQL stores refuse a newer schema with a StoreSchemaException naming both versions");
        await migrate.Should().ThrowAsync<InvalidOperationException>().WithMessage($"*version {Newer}*");
        (await Versions(current.Schema)).Should().Equal([.. AllVersions, Newer]);
    }

    [Fact]
    public async Task MigrationOff_OnAMissingSchema_SaysHowToMigrate_AndWorksOnceMigrated()
    {
        var schema = await _schemas.NewSchemaAsync();
        var restricted = await _schemas.NewStoreAsync(schema, migrate: false);

        var load = () => restricted.LoadAsync(ComplaintId.New(StoreHarness.Start));

        (await load.Should().ThrowAsync<PostgreSqlSchemaException>().WithMessage($"*version 0*needs version {Current}*MigrateAsync*")).Which.FoundVersion.Should().Be(0);
        (await _schemas.ScalarAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'")).Should().Be(0L, "nothing was created");

        await (await _schemas.NewStoreAsync(schema)).MigrateAsync();

        (await restricted.LoadAsync(ComplaintId.New(StoreHarness.Start))).Should().BeNull();
    }

    [Fact]
    public async Task NodesStartingTogether_MigrateOnce()
    {
        var schema = await _schemas.NewSchemaAsync();
        var nodes = new List<PostgreSqlComplaintStore>();
        for (var i = 0; i < 6; i++)
        {
            nodes.Add(await _schemas.NewStoreAsync(schema));
        }

        await Task.WhenAll(nodes.Select(n => Task.Run(() => n.MigrateAsync())));

        (await Versions(schema)).Should().Equal(AllVersions);
    }

    [Fact]
    public async Task CaseRow_HoldsTheDeskQueryColumnsAndTheWholeCaseAsJson()
    {
        var store = await _schemas.NewStoreAsync();
        var h = new StoreHarness(store);
        var id = await h.DriveToAsync(ComplaintState.AwaitingApproval, A.Complaint().InCategory("billing").Claiming(8_000), StoreHarness.Handler, A.Remedy(RemedyKind.Compensation, 8_000));
        await h.DoAsync(id, StoreHarness.Coordinator, new Escalate("The customer asked for a manager."));
        var c = await h.StoredAsync(id);

        var row = await _schemas.RowAsync($"SELECT *, pg_typeof(document)::text AS document_type FROM \"{store.Schema}\".complaints WHERE id = '{id}'");
        var deadlines = await _schemas.ColumnAsync<string>($"SELECT kind FROM \"{store.Schema}\".deadlines WHERE complaint_id = '{id}' ORDER BY slot");
        var journal = await _schemas.ColumnAsync<string>($"SELECT event_type FROM \"{store.Schema}\".journal WHERE complaint_id = '{id}' ORDER BY sequence");

        row["version"].Should().Be(c.Version);
        row["state"].Should().Be("awaiting-approval");
        row["severity"].Should().Be(c.Severity!.Value.ToString().ToLowerInvariant());
        row["category"].Should().Be("billing");
        row["department"].Should().Be(c.Department!.Value.Value);
        row["assignee"].Should().Be(StoreHarness.Handler.Id.Value);
        row["escalation_level"].Should().Be(c.EscalationLevel).And.Be(1);
        row["pending_approval_role"].Should().Be(c.PendingApproval!.Role);
        row["pack_id"].Should().Be(c.Policy.Id);
        row["pack_version"].Should().Be(c.Policy.Version);
        ((DateTime)row["received_at"]!).Should().Be(c.ReceivedAt.UtcDateTime);
        ((DateTime)row["next_due_at"]!).Should().Be(c.NextDeadline!.DueAt.UtcDateTime);
        row["document_type"].Should().Be("json", "json keeps the text as written (jsonb would reorder the event type discriminator)");
        deadlines.Should().Equal(c.Deadlines.Select(d => CaseColumns.Of(d.Kind)));
        journal.Should().HaveCount((int)c.Version).And.Contain("received", "triaged", "escalated");
    }

    private Task<IReadOnlyList<int>> Versions(string schema) =>
        _schemas.ColumnAsync<int>($"SELECT version FROM \"{schema}\".schema_version ORDER BY version");

    private Task<IReadOnlyList<string>> Indexes(string schema) =>
        _schemas.ColumnAsync<string>($"SELECT indexname::text FROM pg_indexes WHERE schemaname = '{schema}'");
}
