using System.Text.Json;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Testing.Stores;
using Complaints.Testing;
using Complaints.Workflow.InMemory;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The store creates its schema, upgrades an older file in place, and refuses a newer one.</summary>
public sealed class SchemaTests : IDisposable
{
    /// <summary>The version this store migrates to, as <c>PRAGMA user_version</c> reads it.</summary>
    private static readonly string Current = SqliteComplaintStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A version from a later release.</summary>
    private static readonly int Newer = SqliteComplaintStore.SchemaVersion + 1;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task FirstUse_NewFile_CreatesTheSchemaInWalMode()
    {
        var path = _database.NewPath();
        var store = _database.Store(path);

        (await store.LoadAsync(ComplaintId.New(StoreHarness.Start))).Should().BeNull();

        using var connection = Open(path);
        Scalar(connection, "PRAGMA user_version;").Should().Be(SqliteComplaintStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SqliteComplaintStore.SchemaVersion.Should().Be(12);
        Scalar(connection, "PRAGMA journal_mode;").Should().Be("wal");
        Names(connection, "table").Should().BeEquivalentTo(
            "complaints", "journal", "deadlines", "deadline_leases", "outbox", "audit", "parked_alarms",
            "corrective_actions", "corrective_action_journal", "corrective_action_cases");
        Names(connection, "index").Should().Contain(
        [
            "ix_complaints_received", "ix_complaints_state", "ix_complaints_assignee", "ix_complaints_department", "ix_complaints_received_by",
            "ix_complaints_assignee_state", "ix_complaints_open", "ix_complaints_pending_approval", "ix_complaints_severity", "ix_complaints_category",
            "ix_complaints_held", "ix_complaints_analysis", "ix_complaints_same_complainant", "ix_complaints_same_subject", "ix_complaints_same_cause",
            "ix_journal_accountability", "ix_deadlines_due", "ix_deadlines_warn", "ix_outbox_pending", "ix_outbox_complaint", "ix_outbox_corrective_action",
            "ix_corrective_actions_created", "ix_corrective_actions_state", "ix_corrective_actions_owner", "ix_corrective_actions_department",
            "ix_corrective_actions_root_cause", "ix_corrective_actions_running", "ix_corrective_actions_alarm", "ix_corrective_action_cases_action",
            "ix_complaints_desk_assigned", "ix_complaints_desk_approval", "ix_complaints_desk_triage", "ix_complaints_desk_overdue",
        ]);
    }

    /// <summary>Takes a current file back to version 11: without step 12's desk indexes.</summary>
    internal const string UndoStepTwelve = """
        DROP INDEX ix_complaints_desk_assigned;
        DROP INDEX ix_complaints_desk_approval;
        DROP INDEX ix_complaints_desk_triage;
        DROP INDEX ix_complaints_desk_overdue;
        PRAGMA user_version = 11;

        """;

    /// <summary>Takes a current file back to version 10: without step 11's gap and deadline columns, with step 8's covering index.</summary>
    internal const string UndoStepEleven = UndoStepTwelve + """
        DROP INDEX ix_complaints_analysis;
        ALTER TABLE complaints DROP COLUMN deadlines_kept;
        ALTER TABLE complaints DROP COLUMN gap_complainant;
        ALTER TABLE complaints DROP COLUMN gap_subject;
        ALTER TABLE complaints DROP COLUMN gap_cause;
        CREATE INDEX ix_complaints_analysis ON complaints (
            received_ticks, policy_id, department, category, severity, channel, state, is_final, escalation_level,
            closed_ticks, acknowledged_ticks, finding_outcome, root_cause, remedy_kind, remedy_currency, remedy_units, remedy_amount,
            satisfaction, reward_eligible, complainant_key, subject_key, id);
        PRAGMA user_version = 10;

        """;

    /// <summary>Takes a current file back to version 7: without step 8's analysis columns, indexes and journal index.</summary>
    internal const string UndoStepEight = UndoStepEleven + """
        DROP INDEX ix_complaints_analysis;
        DROP INDEX ix_complaints_same_complainant;
        DROP INDEX ix_complaints_same_subject;
        DROP INDEX ix_complaints_same_cause;
        DROP INDEX ix_journal_accountability;
        ALTER TABLE complaints DROP COLUMN received_ticks;
        ALTER TABLE complaints DROP COLUMN closed_ticks;
        ALTER TABLE complaints DROP COLUMN acknowledged_ticks;
        ALTER TABLE complaints DROP COLUMN channel;
        ALTER TABLE complaints DROP COLUMN complainant_key;
        ALTER TABLE complaints DROP COLUMN subject_key;
        ALTER TABLE complaints DROP COLUMN finding_outcome;
        ALTER TABLE complaints DROP COLUMN root_cause;
        ALTER TABLE complaints DROP COLUMN remedy_kind;
        ALTER TABLE complaints DROP COLUMN remedy_currency;
        ALTER TABLE complaints DROP COLUMN remedy_amount;
        ALTER TABLE complaints DROP COLUMN remedy_units;
        ALTER TABLE complaints DROP COLUMN satisfaction;
        ALTER TABLE complaints DROP COLUMN reward_eligible;
        PRAGMA user_version = 7;

        """;

    [Fact]
    public async Task FirstUse_EmptyFileAtVersionZero_CreatesTheSchema()
    {
        var path = _database.NewPath();
        using (var connection = Open(path))
        {
            Execute(connection, "PRAGMA user_version = 0;");
        }

        var h = new StoreHarness(_database.Store(path));
        var id = await h.DriveToAsync(ComplaintState.Assigned, A.Complaint().InCategory("billing"));

        (await h.Store.QueryAsync(new ComplaintQuery { Categories = ["billing"] })).Should().ContainSingle(c => c.Id == id);
    }

    [Fact]
    public async Task FirstUse_VersionOneFile_IsUpgradedInPlaceAndItsCasesKeepWorking()
    {
        // A file as the first schema left it, written here by hand: no severity or category columns.
        var reference = new StoreHarness(new InMemoryComplaintStore());
        var triaged = await reference.DriveToAsync(ComplaintState.Assigned, A.Complaint().InCategory("billing").Claiming(20_000));
        var received = await reference.DriveToAsync(ComplaintState.Received, A.Complaint().InCategory("delivery"));
        var path = _database.NewPath();
        using (var connection = Open(path))
        {
            Execute(connection, VersionOne);
            foreach (var id in new[] { triaged, received })
            {
                InsertVersionOne(connection, await reference.StoredAsync(id), await reference.JournalAsync(id));
            }

            Execute(connection, "PRAGMA user_version = 1;");
        }

        var store = _database.Store(path);
        var h = new StoreHarness(store, reference.Time.GetUtcNow());

        StoreHarness.Json(await store.LoadAsync(triaged)).Should().Be(StoreHarness.Json(await reference.StoredAsync(triaged)));
        (await store.QueryAsync(new ComplaintQuery { Severities = [Severity.Serious] })).Select(c => c.Id).Should().Equal(triaged);
        (await store.QueryAsync(new ComplaintQuery { Categories = ["billing"] })).Select(c => c.Id).Should().Equal(triaged);
        (await store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.Category))).Should().Equal(new ComplaintCount(null, 1), new ComplaintCount("billing", 1));
        await h.DoAsync(triaged, StoreHarness.Handler, new StartInvestigation());
        await h.DoAsync(received, StoreHarness.Coordinator, new Triage());
        (await store.ReadJournalAsync(triaged)).Should().HaveCount((await reference.JournalAsync(triaged)).Count + 1);
        (await store.QueryAsync(new ComplaintQuery { Categories = ["delivery"] })).Select(c => c.Id).Should().Equal(received);
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be(Current);
    }

    [Fact]
    public async Task FirstUse_VersionThreeFile_GetsTheDeskIndexesAndItsQueriesUseThem()
    {
        // A file as version 3 left it: the current schema without step 4's indexes (and the next-due index it dropped)
        // or the tables of steps 5 and 6, or step 7's column.
        var reference = new StoreHarness(new InMemoryComplaintStore());
        var investigating = await reference.DriveToAsync(ComplaintState.Investigating, A.Complaint());
        var received = await reference.DriveToAsync(ComplaintState.Received, A.Complaint());
        var path = _database.NewPath();
        var writer = _database.Store(path);
        foreach (var id in new[] { investigating, received })
        {
            var journal = await reference.JournalAsync(id);
            await writer.SaveAsync(new CaseChange(await reference.StoredAsync(id), journal, 0));
        }

        writer.Dispose();
        SqliteConnection.ClearAllPools();
        using (var connection = Open(path))
        {
            Execute(connection, UndoStepEight + """
                DROP INDEX ix_complaints_held;
                ALTER TABLE complaints DROP COLUMN held_products;
                DROP TABLE audit;
                DROP TABLE parked_alarms;
                DROP INDEX ix_complaints_assignee_state;
                DROP INDEX ix_complaints_open;
                CREATE INDEX ix_complaints_next_due ON complaints (next_due_at) WHERE next_due_at IS NOT NULL;
                PRAGMA user_version = 3;
                """);
        }

        SqliteConnection.ClearAllPools();
        var store = _database.Store(path);
        var assignee = (await reference.StoredAsync(investigating)).Assignee!.Id;
        var byAssignee = new ComplaintQuery { Assignee = assignee, States = [ComplaintState.Investigating] };
        var due = new ComplaintQuery { DueBefore = reference.Time.GetUtcNow() + TimeSpan.FromDays(400) };

        (await store.QueryAsync(byAssignee)).Select(c => c.Id).Should().Equal(investigating);
        (await store.QueryAsync(due)).Select(c => c.Id).Should().Equal(
            (await reference.Store.QueryAsync(due)).Select(c => c.Id), "the store answers as the in-memory reference does");
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be(Current);
        Names(check, "index").Should().Contain(["ix_complaints_assignee_state", "ix_complaints_open"]).And.NotContain("ix_complaints_next_due");
        Plan(check, "SELECT json FROM complaints WHERE state IN ('investigating') AND assignee = 'han' ORDER BY received_at, id LIMIT 50")
            .Should().Contain("ix_complaints_assignee_state").And.NotContain("TEMP B-TREE");
        Plan(check, "SELECT json FROM complaints WHERE next_due_at < '2027-01-01' ORDER BY received_at, id LIMIT 50")
            .Should().Contain("ix_complaints_open").And.NotContain("TEMP B-TREE", "a page of due cases must not sort every match");
    }

    [Fact]
    public async Task QueryDesk_EveryReasonOfAScopedReader_IsReadInDeskOrderFromItsOwnIndex()
    {
        var path = _database.NewPath();
        var store = _database.Store(path);
        (await store.QueryDeskAsync(new DeskQuery { AwaitingTriage = true })).Should().BeEmpty();
        var desk = new DeskQuery
        {
            AssignedTo = new ActorId("han"),
            ApprovalRoles = ["manager"],
            AwaitingTriage = true,
            OverdueIn = new DepartmentId("service"),
            Now = StoreHarness.Start,
            VisibleTo = new CaseVisibility(new ActorId("han"), new DepartmentId("service"), ["manager"]),
        };

        using var check = Open(path);
        using var command = check.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + Storage.Sqlite.Internal.Sql.QueryDesk(Storage.Sqlite.Internal.QuerySql.DeskReasons(desk, command));
        command.Parameters.AddWithValue("$reach", 50);
        command.Parameters.AddWithValue("$take", 50);
        command.Parameters.AddWithValue("$skip", 0);
        var steps = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }
        }

        var plan = string.Join(" | ", steps);
        // Each reason reads its first rows in desk order from its own index: no scan of every case, and no sort of a
        // reason's matches (only the few rows taken from each are sorted, by the outer query).
        plan.Should().Contain("ix_complaints_desk_assigned").And.Contain("ix_complaints_desk_approval")
            .And.Contain("ix_complaints_desk_triage").And.Contain("ix_complaints_desk_overdue");
        steps.Where(step => step.StartsWith("SCAN complaints", StringComparison.Ordinal))
            .Should().OnlyContain(step => step.Contains("USING INDEX ix_complaints_desk_", StringComparison.Ordinal), "no reason scans the table");
        steps.Zip(steps.Skip(1)).Where(pair => pair.First.StartsWith("SEARCH complaints", StringComparison.Ordinal))
            .Should().OnlyContain(pair => !pair.Second.Contains("TEMP B-TREE", StringComparison.Ordinal), "a reason's rows come in desk order, unsorted");
    }

    [Fact]
    public async Task FirstUse_VersionElevenFile_GetsTheDeskIndexesAndItsCaseIsOnTheDesk()
    {
        var (reference, id, path) = await InvestigatingCaseRewoundAsync(A.Complaint(), UndoStepTwelve);
        using (var before = Open(path))
        {
            Names(before, "index").Should().NotContain("ix_complaints_desk_assigned");
        }

        var store = _database.Store(path);
        var stored = await reference.StoredAsync(id);
        var desk = await store.QueryDeskAsync(new DeskQuery { AssignedTo = stored.Assignee!.Id, Now = StoreHarness.Start });

        desk.Should().ContainSingle().Which.Complaint.Id.Should().Be(id);
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be(Current);
        Names(check, "index").Should().Contain(["ix_complaints_desk_assigned", "ix_complaints_desk_approval", "ix_complaints_desk_triage", "ix_complaints_desk_overdue"]);
    }

    [Fact]
    public async Task FirstUse_VersionFourFile_GetsTheAuditAndParkedAlarmTablesAndKeepsItsCases()
    {
        // A file as version 4 left it: the current schema without the audit (step 5), parked alarms (step 6) and held products (step 7).
        var (reference, id, path) = await InvestigatingCaseRewoundAsync(
            A.Complaint(), UndoStepEight + "DROP INDEX ix_complaints_held; ALTER TABLE complaints DROP COLUMN held_products; DROP TABLE audit; DROP TABLE parked_alarms; PRAGMA user_version = 4;");
        var store = _database.Store(path);
        var record = new AuditRecord(Guid.CreateVersion7(StoreHarness.Start), StoreHarness.Start, new ActorId("auditor"), AuditKind.IdentityRead, ComplaintAction.View, id);
        var due = new DueDeadline(id, DeadlineKind.Resolve, DeadlineAlarm.Breach, StoreHarness.Start);

        await store.AppendAuditAsync(record);
        await store.ParkDeadlineAlarmAsync(due, "parked in a test", StoreHarness.Start);

        StoreHarness.Json(await store.LoadAsync(id)).Should().Be(StoreHarness.Json(await reference.StoredAsync(id)));
        (await store.ReadAuditAsync(new AuditQuery())).Should().Equal(record);
        (await store.ReadParkedDeadlineAlarmsAsync()).Should().ContainSingle().Which.Error.Should().Be("parked in a test");
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be(Current);
        Names(check, "table").Should().Contain(["audit", "parked_alarms"]);
    }

    [Fact]
    public async Task FirstUse_VersionSixFile_GetsTheHeldProductsColumnAndItsCasesCanBeHeldAndFound()
    {
        // A file as version 6 left it: the current schema without step 7's column and index.
        var (reference, id, path) = await InvestigatingCaseRewoundAsync(
            A.Complaint().InCategory("food-quality"), UndoStepEight + "DROP INDEX ix_complaints_held; ALTER TABLE complaints DROP COLUMN held_products; PRAGMA user_version = 6;");
        var store = _database.Store(path);
        var h = new StoreHarness(store, reference.Time.GetUtcNow());

        (await store.QueryAsync(new ComplaintQuery { HasActiveHold = false })).Select(c => c.Id).Should().Equal(id);
        (await store.QueryAsync(new ComplaintQuery { HasActiveHold = true })).Should().BeEmpty();
        await h.DoAsync(id, StoreHarness.Coordinator, new PlaceHold("Braised pork", "Sour smell reported."));
        (await store.QueryAsync(new ComplaintQuery { HeldProduct = "Braised pork" })).Select(c => c.Id).Should().Equal(id);
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be(Current);
        Names(check, "index").Should().Contain("ix_complaints_held");
        Plan(check, "SELECT json FROM complaints WHERE held_products IS NOT NULL ORDER BY received_at, id LIMIT 50")
            .Should().Contain("ix_complaints_held").And.NotContain("TEMP B-TREE", "cases with an active hold are one small index range");
    }

    [Fact]
    public async Task FirstUse_FileBeforeCorrectiveActions_GetsTheirTablesKeepsItsCasesAndStoresActions()
    {
        // A file as the step before the corrective actions left it: step 8's schema (step 11's columns undone too).
        var (reference, id, path) = await InvestigatingCaseRewoundAsync(
            A.Complaint(),
            // Version 8: the outbox keeps step 10's shape, which that step (run again) rebuilds the same.
            UndoStepEleven + "DROP TABLE corrective_action_cases; DROP TABLE corrective_action_journal; DROP TABLE corrective_actions; PRAGMA user_version = 8;");
        using (var before = Open(path))
        {
            Names(before, "table").Should().NotContain("corrective_actions");
        }

        var store = _database.Store(path);
        var history = CorrectiveActionHistory.Propose(StoreHarness.Start, cases: [id]).Progress("培训已安排");

        StoreHarness.Json(await store.LoadAsync(id)).Should().Be(StoreHarness.Json(await reference.StoredAsync(id)));
        (await store.ReadJournalAsync(id)).Select(StoreHarness.Json).Should().Equal((await reference.JournalAsync(id)).Select(StoreHarness.Json));
        await history.SaveEachAsync(store);
        (await store.QueryAsync(new Improvement.CorrectiveActionQuery { Case = id })).Select(StoreHarness.Json).Should().Equal(StoreHarness.Json(history.Action));
        (await store.ReadJournalAsync(history.Action.Id)).Should().HaveCount(2);
        (await store.ReadDueAlarmsAsync(history.Action.DueAt, 10)).Should().ContainSingle().Which.ActionId.Should().Be(history.Action.Id);
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be(Current);
        Names(check, "table").Should().Contain(["corrective_actions", "corrective_action_journal", "corrective_action_cases"]);
        Plan(check, "SELECT json FROM corrective_actions WHERE state IN ('open') ORDER BY created_at, id LIMIT 50")
            .Should().Contain("ix_corrective_actions_state").And.NotContain("TEMP B-TREE");
        Plan(check, "SELECT json FROM corrective_actions WHERE next_alarm_at <= '2027-01-01' ORDER BY next_alarm_at, id LIMIT 50")
            .Should().Contain("ix_corrective_actions_alarm", "the due-alarm read walks only actions with an alarm due");
        Plan(check, "SELECT json FROM corrective_actions WHERE id IN (SELECT action_id FROM corrective_action_cases WHERE complaint_id = 'x') ORDER BY created_at, id")
            .Should().Contain("corrective_action_cases USING PRIMARY KEY", "actions of a case are found through the link table's key");
    }

    [Fact]
    public async Task FirstUse_NewerSchema_IsRefusedNamingBothVersionsAndTheFileIsLeftAlone()
    {
        var path = _database.NewPath();
        using (var connection = Open(path))
        {
            Execute(connection, $"CREATE TABLE future (x); PRAGMA user_version = {Newer};");
        }

        var store = _database.Store(path);

        var load = () => store.LoadAsync(ComplaintId.New(StoreHarness.Start));
        var migrate = () => store.MigrateAsync();

        var error = (await load.Should().ThrowAsync<SqliteSchemaException>()).Which;
        error.Message.Should().Contain($"schema version {Newer}").And.Contain($"up to {Current}").And.Contain(path).And.Contain("upgrade Complaints.Storage.Sqlite");
        error.FoundVersion.Should().Be(Newer);
        error.SupportedVersion.Should().Be(SqliteComplaintStore.SchemaVersion);
        error.Should().BeAssignableTo<StoreSchemaException>("both SQL stores refuse a newer schema with the one type a host catches");
        await migrate.Should().ThrowAsync<SqliteSchemaException>("it refuses every time, not only the first");
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be(Newer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Names(check, "table").Should().Equal("future");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MigrateSchemaOff_FileWithoutTheSchema_IsRefusedAndLeftAlone(bool readOnly)
    {
        var path = _database.NewPath();
        using (var connection = Open(path))
        {
            Execute(connection, "CREATE TABLE unrelated (x);");
        }

        using var store = NotMigrating(path, readOnly);

        var load = () => store.QueryAsync(new ComplaintQuery());

        var error = (await load.Should().ThrowAsync<SqliteSchemaException>()).Which;
        error.FoundVersion.Should().Be(0);
        error.Message.Should().Contain(path).And.Contain("no complaints schema").And.Contain("MigrateSchema is off").And.Contain("not changed");
        SqliteConnection.ClearAllPools();
        using var check = Open(path);
        Names(check, "table").Should().Equal("unrelated");
        Scalar(check, "PRAGMA user_version;").Should().Be("0");
        Scalar(check, "PRAGMA journal_mode;").Should().Be("delete", "not even the journal mode is changed");
    }

    [Fact]
    public async Task MigrateSchemaOff_OlderFile_IsRefusedAndNotUpgraded()
    {
        var path = _database.NewPath();
        using (var connection = Open(path))
        {
            Execute(connection, VersionOne);
            Execute(connection, "PRAGMA user_version = 1;");
        }

        using var store = NotMigrating(path, readOnly: true);

        var error = (await ((Func<Task>)(() => store.LoadAsync(ComplaintId.New(StoreHarness.Start)))).Should().ThrowAsync<SqliteSchemaException>()).Which;
        error.FoundVersion.Should().Be(1);
        error.Message.Should().Contain("schema version 1").And.Contain($"needs version {Current}");
        SqliteConnection.ClearAllPools();
        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be("1");
    }

    [Fact]
    public async Task MigrateSchemaOff_ReadOnly_CurrentFile_ReadsItsCasesAndRefusesWrites()
    {
        var path = _database.NewPath();
        var h = new StoreHarness(_database.Store(path));
        var id = await h.DriveToAsync(ComplaintState.Assigned, A.Complaint().InCategory("billing"));

        using var store = NotMigrating(path, readOnly: true);

        StoreHarness.Json(await store.LoadAsync(id)).Should().Be(StoreHarness.Json(await h.Store.LoadAsync(id)));
        (await store.QueryAsync(new ComplaintQuery())).Select(c => c.Id).Should().Equal(id);
        (await store.ReadJournalAsync(id)).Should().NotBeEmpty();
        var write = () => store.AppendAuditAsync(new AuditRecord(Guid.CreateVersion7(StoreHarness.Start), StoreHarness.Start, new ActorId("auditor"), AuditKind.IdentityRead, ComplaintAction.View, id));
        (await write.Should().ThrowAsync<SqliteException>()).Which.SqliteErrorCode.Should().Be(8, "SQLITE_READONLY");
    }

    private static SqliteComplaintStore NotMigrating(string path, bool readOnly) => new(
        new SqliteConnectionStringBuilder { DataSource = path, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate }.ToString(),
        new SqliteStoreOptions { MigrateSchema = false });

    [Fact]
    public async Task Migrate_TwoStoresOnANewFileAtOnce_BothEndUpOnTheCurrentSchema()
    {
        var path = _database.NewPath();
        var stores = Enumerable.Range(0, 4).Select(_ => _database.Store(path)).ToArray();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));

        using var check = Open(path);
        Scalar(check, "PRAGMA user_version;").Should().Be(Current);
    }

    /// <summary>
    /// A new file holding one investigating case written by today's store, then taken back to an older schema by
    /// <paramref name="rewind"/> (the SQL that undoes the later steps and sets the version); the reference harness holds the same case.
    /// </summary>
    private async Task<(StoreHarness Reference, ComplaintId Id, string Path)> InvestigatingCaseRewoundAsync(ComplaintBuilder complaint, string rewind)
    {
        var reference = new StoreHarness(new InMemoryComplaintStore());
        var id = await reference.DriveToAsync(ComplaintState.Investigating, complaint);
        var path = _database.NewPath();
        var writer = _database.Store(path);
        await writer.SaveAsync(new CaseChange(await reference.StoredAsync(id), await reference.JournalAsync(id), 0));
        writer.Dispose();
        SqliteConnection.ClearAllPools();
        using (var connection = Open(path))
        {
            Execute(connection, rewind);
        }

        SqliteConnection.ClearAllPools();
        return (reference, id, path);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>The first schema, as released.</summary>
    private const string VersionOne = """
        CREATE TABLE complaints (
            id TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL, department TEXT, assignee TEXT,
            received_by TEXT NOT NULL, escalation_level INTEGER NOT NULL, next_due_at TEXT, clock_paused_at TEXT, is_final INTEGER NOT NULL,
            pending_approval_role TEXT, pending_approval_role_key TEXT, policy_id TEXT NOT NULL, policy_version TEXT NOT NULL,
            received_at TEXT NOT NULL, updated_at TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX ix_complaints_received ON complaints (received_at, id);
        CREATE INDEX ix_complaints_state ON complaints (state, received_at, id);
        CREATE INDEX ix_complaints_assignee ON complaints (assignee, received_at, id) WHERE assignee IS NOT NULL;
        CREATE INDEX ix_complaints_department ON complaints (department, received_at, id) WHERE department IS NOT NULL;
        CREATE INDEX ix_complaints_received_by ON complaints (received_by);
        CREATE INDEX ix_complaints_next_due ON complaints (next_due_at) WHERE next_due_at IS NOT NULL;
        CREATE INDEX ix_complaints_pending_approval ON complaints (pending_approval_role_key) WHERE pending_approval_role_key IS NOT NULL;
        CREATE TABLE journal (
            complaint_id TEXT NOT NULL REFERENCES complaints (id), sequence INTEGER NOT NULL, at TEXT NOT NULL, actor_id TEXT NOT NULL,
            event_type TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL, command_id TEXT NOT NULL, json TEXT NOT NULL,
            PRIMARY KEY (complaint_id, sequence)) WITHOUT ROWID;
        CREATE TABLE deadlines (
            complaint_id TEXT NOT NULL REFERENCES complaints (id), position INTEGER NOT NULL, kind TEXT NOT NULL, due_at TEXT NOT NULL,
            warn_at TEXT, met_at TEXT, warned_at TEXT, breached_at TEXT, PRIMARY KEY (complaint_id, position)) WITHOUT ROWID;
        CREATE INDEX ix_deadlines_due ON deadlines (due_at) WHERE met_at IS NULL AND breached_at IS NULL;
        CREATE INDEX ix_deadlines_warn ON deadlines (warn_at) WHERE met_at IS NULL AND breached_at IS NULL AND warned_at IS NULL AND warn_at IS NOT NULL;
        CREATE TABLE deadline_leases (
            complaint_id TEXT NOT NULL, kind TEXT NOT NULL, alarm TEXT NOT NULL, worker TEXT NOT NULL, until TEXT NOT NULL,
            PRIMARY KEY (complaint_id, kind, alarm)) WITHOUT ROWID;
        """;

    private static void InsertVersionOne(SqliteConnection connection, Complaint c, IReadOnlyList<JournalEntry> journal)
    {
        static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)!;
        static string Enum<T>(T value) => JsonSerializer.Serialize(value, ComplaintsJson.Options).Trim('"');

        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO complaints VALUES ($id, $version, $state, $department, $assignee, $received_by, $level, $next_due, NULL, 0, NULL, NULL,
                $policy_id, $policy_version, $received_at, $updated_at, $json);
            """;
        command.Parameters.AddWithValue("$id", c.Id.ToString());
        command.Parameters.AddWithValue("$version", c.Version);
        command.Parameters.AddWithValue("$state", Enum(c.State));
        command.Parameters.AddWithValue("$department", (object?)c.Department?.Value ?? DBNull.Value);
        command.Parameters.AddWithValue("$assignee", (object?)c.Assignee?.Id.Value ?? DBNull.Value);
        command.Parameters.AddWithValue("$received_by", c.ReceivedBy.Id.Value);
        command.Parameters.AddWithValue("$level", c.EscalationLevel);
        command.Parameters.AddWithValue("$next_due", (object?)Time(c.NextDeadline?.DueAt) ?? DBNull.Value);
        command.Parameters.AddWithValue("$policy_id", c.Policy.Id);
        command.Parameters.AddWithValue("$policy_version", c.Policy.Version);
        command.Parameters.AddWithValue("$received_at", Time(c.ReceivedAt));
        command.Parameters.AddWithValue("$updated_at", Time(c.UpdatedAt));
        command.Parameters.AddWithValue("$json", StoreHarness.Json(c));
        command.ExecuteNonQuery();

        foreach (var e in journal)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO journal VALUES ($id, $sequence, $at, $actor, 'event', $from, $to, $command, $json);";
            insert.Parameters.AddWithValue("$id", c.Id.ToString());
            insert.Parameters.AddWithValue("$sequence", e.Sequence);
            insert.Parameters.AddWithValue("$at", Time(e.At));
            insert.Parameters.AddWithValue("$actor", e.Actor.Id.Value);
            insert.Parameters.AddWithValue("$from", Enum(e.From));
            insert.Parameters.AddWithValue("$to", Enum(e.To));
            insert.Parameters.AddWithValue("$command", e.CommandId.ToString());
            insert.Parameters.AddWithValue("$json", StoreHarness.Json(e));
            insert.ExecuteNonQuery();
        }

        for (var i = 0; i < c.Deadlines.Count; i++)
        {
            var d = c.Deadlines[i];
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO deadlines VALUES ($id, $position, $kind, $due, $warn, $met, NULL, NULL);";
            insert.Parameters.AddWithValue("$id", c.Id.ToString());
            insert.Parameters.AddWithValue("$position", i);
            insert.Parameters.AddWithValue("$kind", Enum(d.Kind));
            insert.Parameters.AddWithValue("$due", Time(d.DueAt));
            insert.Parameters.AddWithValue("$warn", (object?)Time(d.WarnAt) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$met", (object?)Time(d.MetAt) ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }
    }

    internal static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static string Plan(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(" | ", steps);
    }

    private static List<string> Names(SqliteConnection connection, string type)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = $type AND name NOT LIKE 'sqlite_%' ORDER BY rowid;";
        command.Parameters.AddWithValue("$type", type);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
