using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// The database schema, as numbered steps. <c>PRAGMA user_version</c> says how many steps a file has had; opening a
/// file runs the missing ones in one transaction, and refuses a file from a newer version of the store.
/// </summary>
internal static class Schema
{
    /// <summary>The schema version this store writes.</summary>
    public static int Latest => Steps.Length;

    /// <summary>Step <c>i</c> takes a file from version <c>i</c> to <c>i + 1</c>. Never change a released step: add one.</summary>
    private static readonly string[] Steps =
    [
        // 1: cases with the columns desks query, the append-only journal, deadlines and their alarm leases.
        """
        CREATE TABLE complaints (
            id                        TEXT    NOT NULL PRIMARY KEY,
            version                   INTEGER NOT NULL,
            state                     TEXT    NOT NULL,
            department                TEXT,
            assignee                  TEXT,
            received_by               TEXT    NOT NULL,
            escalation_level          INTEGER NOT NULL,
            next_due_at               TEXT,
            clock_paused_at           TEXT,
            is_final                  INTEGER NOT NULL,
            pending_approval_role     TEXT,
            pending_approval_role_key TEXT,
            policy_id                 TEXT    NOT NULL,
            policy_version            TEXT    NOT NULL,
            received_at               TEXT    NOT NULL,
            updated_at                TEXT    NOT NULL,
            json                      TEXT    NOT NULL
        );
        CREATE INDEX ix_complaints_received ON complaints (received_at, id);
        CREATE INDEX ix_complaints_state ON complaints (state, received_at, id);
        CREATE INDEX ix_complaints_assignee ON complaints (assignee, received_at, id) WHERE assignee IS NOT NULL;
        CREATE INDEX ix_complaints_department ON complaints (department, received_at, id) WHERE department IS NOT NULL;
        CREATE INDEX ix_complaints_received_by ON complaints (received_by);
        CREATE INDEX ix_complaints_next_due ON complaints (next_due_at) WHERE next_due_at IS NOT NULL;
        CREATE INDEX ix_complaints_pending_approval ON complaints (pending_approval_role_key) WHERE pending_approval_role_key IS NOT NULL;

        CREATE TABLE journal (
            complaint_id TEXT    NOT NULL REFERENCES complaints (id),
            sequence     INTEGER NOT NULL,
            at           TEXT    NOT NULL,
            actor_id     TEXT    NOT NULL,
            event_type   TEXT    NOT NULL,
            from_state   TEXT    NOT NULL,
            to_state     TEXT    NOT NULL,
            command_id   TEXT    NOT NULL,
            json         TEXT    NOT NULL,
            PRIMARY KEY (complaint_id, sequence)
        ) WITHOUT ROWID;

        CREATE TABLE deadlines (
            complaint_id TEXT    NOT NULL REFERENCES complaints (id),
            position     INTEGER NOT NULL,
            kind         TEXT    NOT NULL,
            due_at       TEXT    NOT NULL,
            warn_at      TEXT,
            met_at       TEXT,
            warned_at    TEXT,
            breached_at  TEXT,
            PRIMARY KEY (complaint_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX ix_deadlines_due ON deadlines (due_at) WHERE met_at IS NULL AND breached_at IS NULL;
        CREATE INDEX ix_deadlines_warn ON deadlines (warn_at) WHERE met_at IS NULL AND breached_at IS NULL AND warned_at IS NULL AND warn_at IS NOT NULL;

        CREATE TABLE deadline_leases (
            complaint_id TEXT NOT NULL,
            kind         TEXT NOT NULL,
            alarm        TEXT NOT NULL,
            worker       TEXT NOT NULL,
            until        TEXT NOT NULL,
            PRIMARY KEY (complaint_id, kind, alarm)
        ) WITHOUT ROWID;
        """,

        // 2: severity and category columns for the desk filters, filled from each case's JSON.
        """
        ALTER TABLE complaints ADD COLUMN severity TEXT;
        ALTER TABLE complaints ADD COLUMN category TEXT;
        UPDATE complaints SET severity = json_extract(json, '$.severity'), category = json_extract(json, '$.category');
        CREATE INDEX ix_complaints_severity ON complaints (severity, received_at, id) WHERE severity IS NOT NULL;
        CREATE INDEX ix_complaints_category ON complaints (category, received_at, id) WHERE category IS NOT NULL;
        """,

        // 3: the outbox of notifications, written with the save that caused them, claimed by dispatchers under leases.
        """
        CREATE TABLE outbox (
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
        CREATE INDEX ix_outbox_pending ON outbox (next_attempt_at) WHERE state = 'pending';
        CREATE INDEX ix_outbox_complaint ON outbox (complaint_id, sequence, position);
        """,

        // 4: desk queries that stay as fast with a million stored cases as with ten thousand. A handler's cases in a
        // state are one index range in receipt order (the assignee index alone scanned all the handler's closed cases).
        // Due-before lists scan the open cases (those with a deadline) in receipt order and test the due time in the
        // index, stopping at the page's end, instead of sorting every match with its JSON.
        """
        CREATE INDEX ix_complaints_assignee_state ON complaints (assignee, state, received_at, id) WHERE assignee IS NOT NULL;
        CREATE INDEX ix_complaints_open ON complaints (received_at, id, next_due_at) WHERE next_due_at IS NOT NULL;
        DROP INDEX ix_complaints_next_due;
        """,

        // 5: the access audit: who read a confidential identity, who was refused. The JSON is the record; the columns filter and order.
        """
        CREATE TABLE audit (
            id           TEXT NOT NULL PRIMARY KEY,
            at           TEXT NOT NULL,
            actor_id     TEXT NOT NULL,
            kind         TEXT NOT NULL,
            complaint_id TEXT,
            json         TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_audit_at ON audit (at, id);
        CREATE INDEX ix_audit_complaint ON audit (complaint_id, at, id) WHERE complaint_id IS NOT NULL;
        CREATE INDEX ix_audit_actor ON audit (actor_id, at, id);
        """,

        // 6: deadline alarms the worker could not record, set aside with their error until an operator releases them.
        """
        CREATE TABLE parked_alarms (
            complaint_id TEXT NOT NULL,
            kind         TEXT NOT NULL,
            alarm        TEXT NOT NULL,
            due_at       TEXT NOT NULL,
            parked_at    TEXT NOT NULL,
            error        TEXT NOT NULL,
            PRIMARY KEY (complaint_id, kind, alarm)
        ) WITHOUT ROWID;
        """,

        // 7: the products of each case's active holds (a JSON array, NULL when none), for the hold filters; the partial
        // index keeps "cases with an active hold" one small range in receipt order. No case held a product before this
        // step (a file at version 6 was only ever written by a store without holds), so there is nothing to fill.
        """
        ALTER TABLE complaints ADD COLUMN held_products TEXT;
        CREATE INDEX ix_complaints_held ON complaints (received_at, id) WHERE held_products IS NOT NULL;
        """,

        // 8: the columns the period analysis aggregates (AnalysisColumns; times as UTC ticks, amounts exact, the
        // complainant as a one-way hash) and the reward of the case's last closure. One covering index in receipt
        // order holds every column a report reads, so a period's report is one index range and never reads a case's
        // JSON; the recurrence look-backs are seeks on (pack, key, receipt). Accountability entries get a small index
        // of their own so a report reads only those journal rows. The columns of existing rows are filled by
        // BackfillAnalysisAsync (in C#, from each case's JSON, as a save writes them) and from each case's journal.
        """
        ALTER TABLE complaints ADD COLUMN received_ticks INTEGER;
        ALTER TABLE complaints ADD COLUMN closed_ticks INTEGER;
        ALTER TABLE complaints ADD COLUMN acknowledged_ticks INTEGER;
        ALTER TABLE complaints ADD COLUMN channel TEXT;
        ALTER TABLE complaints ADD COLUMN complainant_key TEXT;
        ALTER TABLE complaints ADD COLUMN subject_key TEXT;
        ALTER TABLE complaints ADD COLUMN finding_outcome TEXT;
        ALTER TABLE complaints ADD COLUMN root_cause TEXT;
        ALTER TABLE complaints ADD COLUMN remedy_kind TEXT;
        ALTER TABLE complaints ADD COLUMN remedy_currency TEXT;
        ALTER TABLE complaints ADD COLUMN remedy_amount TEXT;
        ALTER TABLE complaints ADD COLUMN remedy_units INTEGER;
        ALTER TABLE complaints ADD COLUMN satisfaction TEXT;
        ALTER TABLE complaints ADD COLUMN reward_eligible INTEGER;
        UPDATE complaints SET reward_eligible = (
            SELECT json_extract(j.json, '$.event.reward.eligible') FROM journal j
            WHERE j.complaint_id = complaints.id AND j.event_type = 'closed' ORDER BY j.sequence DESC LIMIT 1);
        CREATE INDEX ix_complaints_analysis ON complaints (
            received_ticks, policy_id, department, category, severity, channel, state, is_final, escalation_level,
            closed_ticks, acknowledged_ticks, finding_outcome, root_cause, remedy_kind, remedy_currency, remedy_units, remedy_amount,
            satisfaction, reward_eligible, complainant_key, subject_key, id);
        CREATE INDEX ix_complaints_same_complainant ON complaints (policy_id, complainant_key, received_ticks) WHERE complainant_key IS NOT NULL;
        CREATE INDEX ix_complaints_same_subject ON complaints (policy_id, subject_key, received_ticks);
        CREATE INDEX ix_complaints_same_cause ON complaints (policy_id, department, root_cause, received_ticks)
            WHERE root_cause IS NOT NULL AND root_cause <> 'undetermined' AND department IS NOT NULL;
        CREATE INDEX ix_journal_accountability ON journal (complaint_id, sequence) WHERE event_type = 'accountability-assessed';
        """,

        // 9: corrective and preventive actions: one row per action (the query filters and alarm times as columns, the
        // whole action as JSON), its append-only journal, and the action-case links for "actions of this case".
        // next_due_at is the running deadline's due time (the DueBefore filter); next_alarm_at when its next alarm
        // falls due (CorrectiveActionAlarms.NextAt) and breach_at its due time while its breach is unrecorded, for
        // the due-alarm read. The step creates only tables and indexes of its own (IF NOT EXISTS), so it runs the
        // same wherever it stands among the steps.
        """
        CREATE TABLE IF NOT EXISTS corrective_actions (
            id            TEXT    NOT NULL PRIMARY KEY,
            version       INTEGER NOT NULL,
            state         TEXT    NOT NULL,
            kind          TEXT    NOT NULL,
            root_cause    TEXT    NOT NULL,
            owner         TEXT    NOT NULL,
            department    TEXT,
            category      TEXT,
            next_due_at   TEXT,
            next_alarm_at TEXT,
            breach_at     TEXT,
            created_at    TEXT    NOT NULL,
            updated_at    TEXT    NOT NULL,
            json          TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_corrective_actions_created ON corrective_actions (created_at, id);
        CREATE INDEX IF NOT EXISTS ix_corrective_actions_state ON corrective_actions (state, created_at, id);
        CREATE INDEX IF NOT EXISTS ix_corrective_actions_owner ON corrective_actions (owner, created_at, id);
        CREATE INDEX IF NOT EXISTS ix_corrective_actions_department ON corrective_actions (department, created_at, id) WHERE department IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_corrective_actions_root_cause ON corrective_actions (root_cause, created_at, id);
        CREATE INDEX IF NOT EXISTS ix_corrective_actions_running ON corrective_actions (created_at, id, next_due_at) WHERE next_due_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_corrective_actions_alarm ON corrective_actions (next_alarm_at) WHERE next_alarm_at IS NOT NULL;

        CREATE TABLE IF NOT EXISTS corrective_action_journal (
            action_id  TEXT    NOT NULL REFERENCES corrective_actions (id),
            sequence   INTEGER NOT NULL,
            at         TEXT    NOT NULL,
            actor_id   TEXT    NOT NULL,
            event_type TEXT    NOT NULL,
            from_state TEXT,
            to_state   TEXT    NOT NULL,
            json       TEXT    NOT NULL,
            PRIMARY KEY (action_id, sequence)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS corrective_action_cases (
            complaint_id TEXT NOT NULL,
            action_id    TEXT NOT NULL REFERENCES corrective_actions (id),
            PRIMARY KEY (complaint_id, action_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_corrective_action_cases_action ON corrective_action_cases (action_id);
        """,

        // 10: the outbox also holds notifications about corrective actions: complaint_id becomes nullable, a
        // corrective_action_id joins it and a CHECK keeps exactly one of them set. SQLite cannot change a column's
        // constraints in place, so the table is rebuilt by its documented procedure (create the new table, copy the
        // rows, drop the old one, rename, recreate the indexes), inside the migration's transaction; nothing refers to
        // the outbox, so foreign keys need not be switched off. The step touches only the outbox table and its indexes.
        """
        CREATE TABLE outbox_rebuilt (
            id                   TEXT    NOT NULL PRIMARY KEY,
            complaint_id         TEXT    REFERENCES complaints (id),
            corrective_action_id TEXT    REFERENCES corrective_actions (id),
            sequence             INTEGER NOT NULL,
            position             INTEGER NOT NULL,
            kind                 TEXT    NOT NULL,
            state                TEXT    NOT NULL,
            attempts             INTEGER NOT NULL,
            next_attempt_at      TEXT    NOT NULL,
            lease_worker         TEXT,
            lease_until          TEXT,
            last_error           TEXT,
            sent_at              TEXT,
            json                 TEXT    NOT NULL,
            CHECK ((complaint_id IS NULL) <> (corrective_action_id IS NULL))
        ) WITHOUT ROWID;
        INSERT INTO outbox_rebuilt (id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, lease_worker, lease_until, last_error, sent_at, json)
            SELECT id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, lease_worker, lease_until, last_error, sent_at, json FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_rebuilt RENAME TO outbox;
        CREATE INDEX ix_outbox_pending ON outbox (next_attempt_at) WHERE state = 'pending';
        CREATE INDEX ix_outbox_complaint ON outbox (complaint_id, sequence, position) WHERE complaint_id IS NOT NULL;
        CREATE INDEX ix_outbox_corrective_action ON outbox (corrective_action_id, sequence, position) WHERE corrective_action_id IS NOT NULL;
        """,

        // 11: what a period report used to look up per case, kept on the case row instead (AnalysisSql): the gap in
        // ticks to the previous case with the same key (same pack and complainant key, subject key, or department and
        // determined root cause; strictly earlier receipt; NULL when there is none), kept by every save for the case
        // and for the next case in its old and new keys (CaseWriter); and how its deadlines were kept so far, per kind
        // (AnalysisColumns.DeadlinesKept: met on time, met late, not met, four bits each), so only open cases with a
        // deadline not met read the deadlines table. The covering index is rebuilt with them and without the keys, which
        // no report reads any more. The step only adds
        // columns and rebuilds indexes of its own, and fills the columns from the rows and the deadlines table (in
        // SQL, as a save writes them), so it runs the same wherever it stands among the steps.
        $"""
        ALTER TABLE complaints ADD COLUMN deadlines_kept INTEGER;
        ALTER TABLE complaints ADD COLUMN gap_complainant INTEGER;
        ALTER TABLE complaints ADD COLUMN gap_subject INTEGER;
        ALTER TABLE complaints ADD COLUMN gap_cause INTEGER;
        DROP INDEX IF EXISTS ix_complaints_analysis;
        UPDATE complaints SET
            deadlines_kept = (SELECT {AnalysisColumns.DeadlinesKeptSql("d")} FROM deadlines AS d WHERE d.complaint_id = complaints.id),
            gap_complainant = CASE WHEN complainant_key IS NOT NULL THEN received_ticks - (
                SELECT e.received_ticks FROM complaints AS e INDEXED BY ix_complaints_same_complainant
                WHERE e.complainant_key IS NOT NULL AND e.policy_id = complaints.policy_id AND e.complainant_key = complaints.complainant_key
                  AND e.received_ticks < complaints.received_ticks ORDER BY e.received_ticks DESC LIMIT 1) END,
            gap_subject = CASE WHEN subject_key IS NOT NULL THEN received_ticks - (
                SELECT e.received_ticks FROM complaints AS e INDEXED BY ix_complaints_same_subject
                WHERE e.policy_id = complaints.policy_id AND e.subject_key = complaints.subject_key
                  AND e.received_ticks < complaints.received_ticks ORDER BY e.received_ticks DESC LIMIT 1) END,
            gap_cause = CASE WHEN root_cause IS NOT NULL AND root_cause <> 'undetermined' AND department IS NOT NULL THEN received_ticks - (
                SELECT e.received_ticks FROM complaints AS e INDEXED BY ix_complaints_same_cause
                WHERE e.root_cause IS NOT NULL AND e.root_cause <> 'undetermined' AND e.department IS NOT NULL
                  AND e.policy_id = complaints.policy_id AND e.department = complaints.department AND e.root_cause = complaints.root_cause
                  AND e.received_ticks < complaints.received_ticks ORDER BY e.received_ticks DESC LIMIT 1) END;
        CREATE INDEX ix_complaints_analysis ON complaints (
            received_ticks, policy_id, department, category, severity, channel, state, is_final, escalation_level,
            closed_ticks, acknowledged_ticks, finding_outcome, root_cause, remedy_kind, remedy_currency, remedy_units, remedy_amount,
            satisfaction, reward_eligible, deadlines_kept, gap_complainant, gap_subject, gap_cause, id);
        """,

        // 12: one index per reason a case is on a desk, in the desk's order (next deadline, none last; receipt; id), so a
        // desk's page is the first rows of a few ordered index scans whatever the number of cases (QuerySql.DeskReasons).
        // The predicates are the ones the desk query writes out (QuerySql.NotEnded and the like), written here as text
        // because a released step never changes; the desk query names these indexes, so a mismatch fails every desk
        // query (and the plan test) instead of scanning. Only indexes of its own.
        """
        CREATE INDEX IF NOT EXISTS ix_complaints_desk_assigned ON complaints (assignee, next_due_at IS NULL, next_due_at, received_at, id)
            WHERE state NOT IN ('closed', 'rejected', 'redirected', 'withdrawn');
        CREATE INDEX IF NOT EXISTS ix_complaints_desk_approval ON complaints (pending_approval_role_key, next_due_at IS NULL, next_due_at, received_at, id)
            WHERE state = 'awaiting-approval';
        CREATE INDEX IF NOT EXISTS ix_complaints_desk_triage ON complaints (next_due_at IS NULL, next_due_at, received_at, id)
            WHERE state = 'received';
        CREATE INDEX IF NOT EXISTS ix_complaints_desk_overdue ON complaints (department, next_due_at, received_at, id)
            WHERE next_due_at IS NOT NULL;
        """,
    ];

    /// <summary>What a step runs in C# after its SQL, in the same transaction, by the step's index.</summary>
    private static readonly Dictionary<int, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>> Backfills = new()
    {
        [7] = BackfillAnalysisAsync,
    };

    /// <summary>Brings the file up to <see cref="Latest"/>; does nothing if it is there already.</summary>
    /// <exception cref="SqliteSchemaException">The file's schema is newer than this store's.</exception>
    public static async Task MigrateAsync(SqliteConnection connection, string dataSource, CancellationToken cancellationToken)
    {
        var found = await connection.ScalarAsync("PRAGMA user_version;", cancellationToken).ConfigureAwait(false);
        Refuse(found, dataSource);
        if (found == Latest)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        found = await connection.ScalarAsync("PRAGMA user_version;", cancellationToken, transaction).ConfigureAwait(false);
        Refuse(found, dataSource);
        for (var step = (int)found; step < Latest; step++)
        {
            await connection.ExecuteAsync(Steps[step], cancellationToken, transaction).ConfigureAwait(false);
            if (Backfills.TryGetValue(step, out var backfill))
            {
                await backfill(connection, transaction, cancellationToken).ConfigureAwait(false);
            }
        }

        // PRAGMA takes no parameters; Latest is a constant of ours.
        await connection.ExecuteAsync($"PRAGMA user_version = {Latest};", cancellationToken, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks that the file is at <see cref="Latest"/>, changing nothing (the store's <c>MigrateSchema</c> is off).</summary>
    /// <exception cref="SqliteSchemaException">The file has no schema, an older or a newer one.</exception>
    public static async Task CheckAsync(SqliteConnection connection, string dataSource, CancellationToken cancellationToken)
    {
        var found = await connection.ScalarAsync("PRAGMA user_version;", cancellationToken).ConfigureAwait(false);
        if (found != Latest)
        {
            throw new SqliteSchemaException(dataSource, found, Latest);
        }
    }

    /// <summary>
    /// Step 8's backfill: the analysis columns of every stored case, from its JSON, as <see cref="CaseWriter"/> writes
    /// them. The complainant's key is a hash computed in C#, so it cannot be filled in SQL. A case this release cannot
    /// read keeps empty columns (the store's scan for unreadable cases finds it; the analysis leaves it out).
    /// </summary>
    private static async Task BackfillAnalysisAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE complaints SET {string.Join(", ", AnalysisColumns.Names.Select(n => $"{n} = ${n}"))} WHERE id = $id;";
        var parameters = AnalysisColumns.Names.Select(n => update.Parameters.Add(new SqliteParameter("$" + n, DBNull.Value))).ToArray();
        var id = update.Parameters.Add(new SqliteParameter("$id", DBNull.Value));
        var values = new object[AnalysisColumns.Names.Length];

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT rowid, id, json FROM complaints WHERE rowid > $after ORDER BY rowid LIMIT 1000;";
        var after = read.Parameters.AddWithValue("$after", 0L);

        // In batches read before they are updated: a statement should not change the table another is still reading.
        var batch = new List<(string Id, string Json)>(1000);
        while (true)
        {
            batch.Clear();
            using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    after.Value = reader.GetInt64(0);
                    batch.Add((reader.GetString(1), reader.GetString(2)));
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            foreach (var (text, json) in batch)
            {
                Complaint complaint;
                try
                {
                    complaint = Complaints.Ports.StoredRecords.ReadCase(new ComplaintId(Guid.Parse(text)), json);
                }
                catch (UnreadableCaseException)
                {
                    continue;
                }

                AnalysisColumns.Fill(complaint, values, 0);
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i];
                }

                id.Value = text;
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void Refuse(long found, string dataSource)
    {
        if (found > Latest || found < 0)
        {
            throw new SqliteSchemaException(dataSource, found, Latest);
        }
    }
}
