using Npgsql;

namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>
/// The store's tables, as numbered migrations recorded in <c>schema_version</c>. A database at an older version is
/// upgraded in place, in one transaction, under an advisory lock so that nodes starting together migrate once; a
/// database at a newer version than this library knows is refused.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The version this library writes and reads.</summary>
    public const int CurrentVersion = 11;

    /// <summary>The migrations, in order; migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    /// <param name="s">The quoted schema name.</param>
    /// <returns>Each migration's description and SQL.</returns>
    public static IReadOnlyList<(string Description, string Sql)> Migrations(string s) =>
    [
        ("cases, journal and deadlines", $"""
            CREATE TABLE {s}.complaints (
                id uuid PRIMARY KEY,
                version bigint NOT NULL CHECK (version > 0),
                state text NOT NULL,
                severity text,
                category text,
                department text,
                assignee text,
                received_by text NOT NULL,
                escalation_level integer NOT NULL,
                pending_approval_role text,
                pending_approval_role_key text,
                next_due_at timestamptz,
                next_due_ticks bigint,
                pack_id text NOT NULL,
                pack_version text NOT NULL,
                received_at timestamptz NOT NULL,
                received_ticks bigint NOT NULL,
                updated_at timestamptz NOT NULL,
                document json NOT NULL
            );
            COMMENT ON TABLE {s}.complaints IS 'One row per case: the desk-query columns and the whole case as JSON (document). Written by Complaints.Storage.PostgreSql.';
            COMMENT ON COLUMN {s}.complaints.received_ticks IS 'received_at in .NET UTC ticks (100 ns), for exact ordering and comparison.';
            COMMENT ON COLUMN {s}.complaints.pending_approval_role_key IS 'The pending approval role upper-cased (invariant), for case-insensitive matching.';
            CREATE INDEX complaints_received ON {s}.complaints (received_ticks, id);
            CREATE INDEX complaints_state ON {s}.complaints (state, received_ticks, id);
            CREATE INDEX complaints_assignee ON {s}.complaints (assignee, received_ticks, id) WHERE assignee IS NOT NULL;
            CREATE INDEX complaints_department ON {s}.complaints (department, received_ticks, id) WHERE department IS NOT NULL;
            CREATE INDEX complaints_received_by ON {s}.complaints (received_by, received_ticks, id);
            CREATE INDEX complaints_awaiting_approval ON {s}.complaints (pending_approval_role_key, received_ticks, id) WHERE state = 'awaiting-approval';
            CREATE INDEX complaints_next_due ON {s}.complaints (next_due_ticks) WHERE next_due_ticks IS NOT NULL;

            CREATE TABLE {s}.journal (
                complaint_id uuid NOT NULL REFERENCES {s}.complaints (id),
                sequence bigint NOT NULL CHECK (sequence > 0),
                at timestamptz NOT NULL,
                actor_id text NOT NULL,
                from_state text NOT NULL,
                to_state text NOT NULL,
                event_type text NOT NULL,
                command_id uuid NOT NULL,
                entry json NOT NULL,
                PRIMARY KEY (complaint_id, sequence)
            );
            COMMENT ON TABLE {s}.journal IS 'Each case''s append-only journal; never updated or deleted.';

            CREATE TABLE {s}.deadlines (
                complaint_id uuid NOT NULL REFERENCES {s}.complaints (id),
                slot integer NOT NULL,
                kind text NOT NULL,
                due_at timestamptz NOT NULL,
                due_ticks bigint NOT NULL,
                warn_at timestamptz,
                warn_ticks bigint,
                met_at timestamptz,
                warned_at timestamptz,
                breached_at timestamptz,
                clock_running boolean NOT NULL,
                next_alarm_ticks bigint,
                lease_worker text,
                lease_alarm text,
                lease_until timestamptz,
                lease_until_ticks bigint,
                PRIMARY KEY (complaint_id, slot)
            );
            COMMENT ON TABLE {s}.deadlines IS 'The deadlines of each case (slot = position on the case), rewritten with the case; the lease columns are the deadline workers'' claims.';
            COMMENT ON COLUMN {s}.deadlines.next_alarm_ticks IS 'When the next warning or breach is due, in .NET UTC ticks; null when none can come (met, breached, case ended, clock paused).';
            CREATE INDEX deadlines_next_alarm ON {s}.deadlines (next_alarm_ticks) WHERE next_alarm_ticks IS NOT NULL;
            """),
        ("indexes for the severity and category desk filters", $"""
            CREATE INDEX complaints_severity ON {s}.complaints (severity, received_ticks, id) WHERE severity IS NOT NULL;
            CREATE INDEX complaints_category ON {s}.complaints (category, received_ticks, id) WHERE category IS NOT NULL;
            """),
        ("the outbox of notifications", $"""
            CREATE TABLE {s}.outbox (
                id uuid PRIMARY KEY,
                complaint_id uuid NOT NULL REFERENCES {s}.complaints (id),
                sequence bigint NOT NULL,
                position integer NOT NULL,
                kind text NOT NULL,
                state text NOT NULL CHECK (state IN ('pending', 'sent', 'parked')),
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_at timestamptz NOT NULL,
                next_attempt_ticks bigint NOT NULL,
                lease_worker text,
                lease_until_ticks bigint,
                last_error text,
                sent_at timestamptz,
                notification json NOT NULL
            );
            COMMENT ON TABLE {s}.outbox IS 'Notifications to send, written in the transaction of the save that caused them; claimed by outbox dispatchers under a lease.';
            CREATE INDEX outbox_pending ON {s}.outbox (next_attempt_ticks) WHERE state = 'pending';
            CREATE INDEX outbox_complaint ON {s}.outbox (complaint_id, sequence, position);
            """),
        ("the access audit", $"""
            CREATE TABLE {s}.audit (
                id uuid PRIMARY KEY,
                at timestamptz NOT NULL,
                at_ticks bigint NOT NULL,
                actor_id text NOT NULL,
                kind text NOT NULL,
                complaint_id uuid,
                record json NOT NULL
            );
            COMMENT ON TABLE {s}.audit IS 'The access audit: who read a confidential identity, who was refused. record is the whole record; the other columns filter and order it.';
            CREATE INDEX audit_at ON {s}.audit (at_ticks, id);
            CREATE INDEX audit_complaint ON {s}.audit (complaint_id, at_ticks, id) WHERE complaint_id IS NOT NULL;
            CREATE INDEX audit_actor ON {s}.audit (actor_id, at_ticks, id);
            """),
        ("parked deadline alarms", $"""
            CREATE TABLE {s}.parked_alarms (
                complaint_id uuid NOT NULL,
                kind text NOT NULL,
                alarm text NOT NULL,
                due_ticks bigint NOT NULL,
                parked_at timestamptz NOT NULL,
                parked_ticks bigint NOT NULL,
                error text NOT NULL,
                PRIMARY KEY (complaint_id, kind, alarm)
            );
            COMMENT ON TABLE {s}.parked_alarms IS 'Deadline alarms the worker could not record, set aside with their error until an operator releases them.';
            """),
        ("the products of active holds, for the hold filters", $"""
            ALTER TABLE {s}.complaints ADD COLUMN held_products text[];
            COMMENT ON COLUMN {s}.complaints.held_products IS 'The distinct products of the case''s active product holds; null when none is active. No case held a product before this migration, so there is nothing to fill.';
            CREATE INDEX complaints_held ON {s}.complaints (received_ticks, id) WHERE held_products IS NOT NULL;
            """),
        (AnalysisStep, $"""
            ALTER TABLE {s}.complaints
                ADD COLUMN channel text,
                ADD COLUMN closed_ticks bigint,
                ADD COLUMN acknowledged_ticks bigint,
                ADD COLUMN finding_outcome text,
                ADD COLUMN root_cause text,
                ADD COLUMN complainant_key text,
                ADD COLUMN subject_key text,
                ADD COLUMN remedy_kind text,
                ADD COLUMN remedy_amount numeric,
                ADD COLUMN remedy_currency text,
                ADD COLUMN last_satisfaction text,
                ADD COLUMN reward text;
            ALTER TABLE {s}.deadlines ADD COLUMN met_ticks bigint;
            COMMENT ON COLUMN {s}.complaints.complainant_key IS 'A one-way hash of the complainant''s customer id, e-mail or phone (AnalysisKeys.Complainant), for recurrence; never the identity in clear.';
            COMMENT ON COLUMN {s}.complaints.subject_key IS 'A 128-bit hash (hex) of the subject''s key (AnalysisKeys.Subject), for recurrence.';
            COMMENT ON COLUMN {s}.complaints.closed_ticks IS 'When the case was last closed, in .NET UTC ticks; acknowledged_ticks: the earliest met acknowledgement deadline, likewise.';
            COMMENT ON COLUMN {s}.complaints.reward IS 'The reward decision of the case''s last closure (eligible, ineligible); null when it carried none.';
            COMMENT ON COLUMN {s}.deadlines.met_ticks IS 'met_at in .NET UTC ticks, for exact on-time comparison with due_ticks.';

            -- What the document holds as plain values; the keys, the ticks and the last satisfaction are filled by the
            -- store in the same transaction (they need the library's own hashing and its exact times).
            UPDATE {s}.complaints SET
                channel = document->'intake'->>'channel',
                finding_outcome = document->'findings'->>'outcome',
                root_cause = document->'findings'->>'cause',
                remedy_kind = document->'remedy'->>'kind',
                remedy_amount = (document->'remedy'->'amount'->>'amount')::numeric,
                remedy_currency = document->'remedy'->'amount'->>'currency';
            UPDATE {s}.complaints c SET reward = r.reward
            FROM (
                SELECT DISTINCT ON (complaint_id) complaint_id,
                       CASE WHEN entry->'event'->'reward' IS NULL OR json_typeof(entry->'event'->'reward') = 'null' THEN NULL
                            WHEN (entry->'event'->'reward'->>'eligible')::boolean THEN '{AnalysisColumns.Eligible}'
                            ELSE '{AnalysisColumns.Ineligible}' END AS reward
                FROM {s}.journal
                WHERE event_type = 'closed'
                ORDER BY complaint_id, sequence DESC
            ) r
            WHERE r.complaint_id = c.id AND r.reward IS NOT NULL;

            CREATE INDEX complaints_analysis ON {s}.complaints (received_ticks) INCLUDE (
                pack_id, department, category, severity, channel, state, escalation_level, finding_outcome, root_cause, remedy_kind, remedy_amount,
                remedy_currency, last_satisfaction, reward, closed_ticks, acknowledged_ticks, complainant_key, subject_key, id);
            COMMENT ON INDEX {s}.complaints_analysis IS 'Covers every column the period analysis reads of a case: a period''s figures are an index-only range scan.';
            -- Recurrence: each key's cases in (key, pack, receipt) order (bytewise, as the analysis partitions them), with
            -- the filter columns, for an index-only ordered pass over a long period.
            CREATE INDEX complaints_recurrence_complainant ON {s}.complaints (complainant_key COLLATE "C", pack_id COLLATE "C", received_ticks)
                INCLUDE (department, category, severity, channel) WHERE complainant_key IS NOT NULL;
            CREATE INDEX complaints_recurrence_subject ON {s}.complaints (subject_key COLLATE "C", pack_id COLLATE "C", received_ticks)
                INCLUDE (department, category, severity, channel);
            CREATE INDEX complaints_recurrence_cause ON {s}.complaints (department COLLATE "C", root_cause COLLATE "C", pack_id COLLATE "C", received_ticks)
                INCLUDE (category, severity, channel) WHERE root_cause IS NOT NULL AND root_cause <> 'undetermined' AND department IS NOT NULL;
            CREATE INDEX deadlines_analysis ON {s}.deadlines (complaint_id) INCLUDE (kind, due_ticks, met_ticks);
            CREATE INDEX journal_accountability ON {s}.journal (complaint_id) WHERE event_type = 'accountability-assessed';
            """),

        // Only tables and indexes of its own (IF NOT EXISTS), so it runs the same wherever it stands among the migrations.
        ("corrective and preventive actions, their journal and their cases", $"""
            CREATE TABLE IF NOT EXISTS {s}.corrective_actions (
                id uuid PRIMARY KEY,
                version bigint NOT NULL CHECK (version > 0),
                state text NOT NULL,
                kind text NOT NULL,
                root_cause text NOT NULL,
                owner_id text NOT NULL,
                department text,
                category text,
                next_due_at timestamptz,
                next_due_ticks bigint,
                next_alarm_ticks bigint,
                breach_ticks bigint,
                created_at timestamptz NOT NULL,
                created_ticks bigint NOT NULL,
                updated_at timestamptz NOT NULL,
                document json NOT NULL
            );
            COMMENT ON TABLE {s}.corrective_actions IS 'One row per corrective or preventive action: the query columns and the whole action as JSON (document). Written by Complaints.Storage.PostgreSql.';
            COMMENT ON COLUMN {s}.corrective_actions.next_due_ticks IS 'The running deadline''s due time in .NET UTC ticks (CorrectiveAction.NextDueAt); null once the action has ended.';
            COMMENT ON COLUMN {s}.corrective_actions.next_alarm_ticks IS 'When the next warning or breach falls due, in .NET UTC ticks (CorrectiveActionAlarms.NextAt); null when none can come.';
            COMMENT ON COLUMN {s}.corrective_actions.breach_ticks IS 'The running deadline''s due time while its breach is unrecorded, in .NET UTC ticks: from then the breach is the alarm due.';
            CREATE INDEX IF NOT EXISTS corrective_actions_created ON {s}.corrective_actions (created_ticks, id);
            CREATE INDEX IF NOT EXISTS corrective_actions_state ON {s}.corrective_actions (state, created_ticks, id);
            CREATE INDEX IF NOT EXISTS corrective_actions_owner ON {s}.corrective_actions (owner_id, created_ticks, id);
            CREATE INDEX IF NOT EXISTS corrective_actions_department ON {s}.corrective_actions (department, created_ticks, id) WHERE department IS NOT NULL;
            CREATE INDEX IF NOT EXISTS corrective_actions_root_cause ON {s}.corrective_actions (root_cause, created_ticks, id);
            CREATE INDEX IF NOT EXISTS corrective_actions_next_due ON {s}.corrective_actions (next_due_ticks) WHERE next_due_ticks IS NOT NULL;
            CREATE INDEX IF NOT EXISTS corrective_actions_next_alarm ON {s}.corrective_actions (next_alarm_ticks) WHERE next_alarm_ticks IS NOT NULL;

            CREATE TABLE IF NOT EXISTS {s}.corrective_action_journal (
                action_id uuid NOT NULL REFERENCES {s}.corrective_actions (id),
                sequence bigint NOT NULL CHECK (sequence > 0),
                at timestamptz NOT NULL,
                actor_id text NOT NULL,
                from_state text,
                to_state text NOT NULL,
                event_type text NOT NULL,
                entry json NOT NULL,
                PRIMARY KEY (action_id, sequence)
            );
            COMMENT ON TABLE {s}.corrective_action_journal IS 'Each corrective action''s append-only journal; never updated or deleted.';

            CREATE TABLE IF NOT EXISTS {s}.corrective_action_cases (
                complaint_id uuid NOT NULL,
                action_id uuid NOT NULL REFERENCES {s}.corrective_actions (id),
                PRIMARY KEY (complaint_id, action_id)
            );
            COMMENT ON TABLE {s}.corrective_action_cases IS 'The cases each corrective action arises from, for the actions of a case.';
            CREATE INDEX IF NOT EXISTS corrective_action_cases_action ON {s}.corrective_action_cases (action_id);
            """),

        // Only the outbox's own column, constraint and index, each written to run again unchanged, so it runs the same
        // wherever it stands among the migrations (after the corrective actions' tables, which it refers to). Existing
        // rows are about cases and keep their complaint_id, so the CHECK holds for them as it is added.
        ("notifications about corrective actions in the outbox", $"""
            ALTER TABLE {s}.outbox ALTER COLUMN complaint_id DROP NOT NULL;
            ALTER TABLE {s}.outbox ADD COLUMN IF NOT EXISTS corrective_action_id uuid REFERENCES {s}.corrective_actions (id);
            ALTER TABLE {s}.outbox DROP CONSTRAINT IF EXISTS outbox_about_one;
            ALTER TABLE {s}.outbox ADD CONSTRAINT outbox_about_one CHECK (num_nonnulls(complaint_id, corrective_action_id) = 1);
            COMMENT ON COLUMN {s}.outbox.corrective_action_id IS 'The corrective action a notification is about (sequence is then the action''s journal entry); exactly one of complaint_id and corrective_action_id is set.';
            CREATE INDEX IF NOT EXISTS outbox_corrective_action ON {s}.outbox (corrective_action_id, sequence, position) WHERE corrective_action_id IS NOT NULL;
            """),

        // Self-contained (IF NOT EXISTS, IF EXISTS), so it runs the same wherever it stands among the migrations.
        ("recurrence gaps and kept deadlines on the case row, for the period analysis", $"""
            ALTER TABLE {s}.complaints
                ADD COLUMN IF NOT EXISTS complainant_gap bigint,
                ADD COLUMN IF NOT EXISTS subject_gap bigint,
                ADD COLUMN IF NOT EXISTS cause_gap bigint,
                ADD COLUMN IF NOT EXISTS deadline_kept integer[];
            COMMENT ON COLUMN {s}.complaints.complainant_gap IS 'Ticks since the latest case of the same pack and complainant key received strictly earlier; null if none (or no key). Kept by every save, under an advisory lock on the key.';
            COMMENT ON COLUMN {s}.complaints.subject_gap IS 'Ticks since the latest case of the same pack and subject key received strictly earlier; null if none.';
            COMMENT ON COLUMN {s}.complaints.cause_gap IS 'Ticks since the latest case of the same pack, department and root cause (not undetermined) received strictly earlier; null if none (or no such key).';
            COMMENT ON COLUMN {s}.complaints.deadline_kept IS 'Per deadline kind (acknowledge, propose, resolve, notify-result, follow-up), three counts: met on time, met late, not met in a final state.';
            {AnalysisSql.Backfill(s)};
            DROP INDEX IF EXISTS {s}.complaints_analysis;
            CREATE INDEX IF NOT EXISTS complaints_period ON {s}.complaints (received_ticks) INCLUDE (
                pack_id, department, category, severity, channel, state, escalation_level, finding_outcome, root_cause, remedy_kind, remedy_amount,
                remedy_currency, last_satisfaction, reward, closed_ticks, acknowledged_ticks, id, complainant_gap, subject_gap, cause_gap, deadline_kept);
            COMMENT ON INDEX {s}.complaints_period IS 'Covers every column the period analysis reads of a case: a period''s figures are an index-only range scan.';
            CREATE INDEX IF NOT EXISTS deadlines_open ON {s}.deadlines (complaint_id) INCLUDE (kind, due_ticks) WHERE met_ticks IS NULL;
            {AnalysisSql.KeepGapsFunction(s)};
            COMMENT ON FUNCTION {s}.keep_gaps(uuid, bigint, text, text, text, text, text) IS 'Called by every save before it writes a case: locks the recurrence keys the case takes or leaves and updates the gaps of their next cases (Complaints.Storage.PostgreSql).';
            """),

        // One index per reason a case is on a desk, in the desk's order (next deadline, receipt, id), so a desk's page is
        // the first rows of a few ordered index scans whatever the number of cases (QuerySql.DeskReasons). Self-contained.
        // The predicates are written out, as the desk query writes them (QuerySql.NotEnded and the like): a migration
        // never changes once released, and a test holds the two equal.
        ("indexes for a whole desk in one query", $"""
            CREATE INDEX IF NOT EXISTS complaints_desk_assigned ON {s}.complaints (assignee, next_due_ticks, received_ticks, id)
                WHERE assignee IS NOT NULL AND state NOT IN ('closed', 'rejected', 'redirected', 'withdrawn');
            CREATE INDEX IF NOT EXISTS complaints_desk_approval ON {s}.complaints (pending_approval_role_key, next_due_ticks, received_ticks, id)
                WHERE state = 'awaiting-approval';
            CREATE INDEX IF NOT EXISTS complaints_desk_triage ON {s}.complaints (next_due_ticks, received_ticks, id)
                WHERE state = 'received';
            CREATE INDEX IF NOT EXISTS complaints_desk_overdue ON {s}.complaints (department, next_due_ticks, received_ticks, id)
                WHERE department IS NOT NULL AND next_due_ticks IS NOT NULL;
            """),
    ];

    /// <summary>The description of the step that adds the analysis columns (and fills them, partly in C#: <see cref="BackfillAnalysisAsync"/>).</summary>
    public const string AnalysisStep = "the columns and indexes of the period analysis";

    /// <summary>Brings the schema to <paramref name="targetVersion"/>, creating it if missing.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="schema">The unquoted schema name.</param>
    /// <param name="targetVersion">The version to reach (tests use older ones).</param>
    /// <param name="cancellationToken">Cancels the migration (nothing is changed).</param>
    /// <returns>A task that completes when the schema is at the version.</returns>
    /// <exception cref="PostgreSqlSchemaException">The schema is newer than <paramref name="targetVersion"/>.</exception>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, int targetVersion, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, null, schema, cancellationToken).ConfigureAwait(false);
        if (version == targetVersion)
        {
            return;
        }

        RefuseNewer(schema, version, targetVersion);
        var s = Quote(schema);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        // Nodes starting together queue here; the first migrates, the others then find the schema current.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('Complaints.Storage.PostgreSql'), hashtext(@schema))", cancellationToken, ("schema", schema))
            .ConfigureAwait(false);
        if (!await SchemaExistsAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA {s}", cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(
            connection,
            transaction,
            $"""
            CREATE TABLE IF NOT EXISTS {s}.schema_version (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            cancellationToken).ConfigureAwait(false);
        version = await ReadVersionAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
        RefuseNewer(schema, version, targetVersion);

        var migrations = Migrations(s);
        for (var next = version + 1; next <= targetVersion; next++)
        {
            var (description, sql) = migrations[next - 1];
            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            if (description == AnalysisStep)
            {
                await BackfillAnalysisAsync(connection, transaction, s, cancellationToken).ConfigureAwait(false);
            }
            await ExecuteAsync(
                connection,
                transaction,
                $"INSERT INTO {s}.schema_version (version, description) VALUES (@version, @description)",
                cancellationToken,
                ("version", next),
                ("description", description)).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Checks, without changing anything, that the schema is at <see cref="CurrentVersion"/>.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="schema">The unquoted schema name.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the check passed.</returns>
    /// <exception cref="PostgreSqlSchemaException">The schema is missing, older or newer.</exception>
    public static async Task CheckAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, null, schema, cancellationToken).ConfigureAwait(false);
        RefuseNewer(schema, version, CurrentVersion);
        if (version < CurrentVersion)
        {
            throw new PostgreSqlSchemaException(schema, version, CurrentVersion);
        }
    }

    /// <summary>The schema's version: 0 if it has no <c>schema_version</c> table (or does not exist).</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <param name="schema">The unquoted schema name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The highest version applied.</returns>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema, CancellationToken cancellationToken)
    {
        var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction);
        await using (exists.ConfigureAwait(false))
        {
            exists.Parameters.AddWithValue("table", $"{Quote(schema)}.schema_version");
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return 0;
            }
        }

        var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Quote(schema)}.schema_version", connection, transaction);
        await using var readScope = read.ConfigureAwait(false);
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Quotes a schema name already checked by <see cref="PostgreSqlStoreOptions.ValidateSchemaName"/>.</summary>
    /// <param name="schema">The name.</param>
    /// <returns>The quoted identifier.</returns>
    public static string Quote(string schema) => $"\"{schema}\"";

    private static void RefuseNewer(string schema, int version, int known)
    {
        if (version > known)
        {
            throw new PostgreSqlSchemaException(schema, version, known);
        }
    }

    /// <summary>
    /// Fills the analysis columns the migration's SQL cannot (<see cref="AnalysisColumns"/>): the complainant's and the
    /// subject's keys, the closing and acknowledgement times in ticks, the last satisfaction and the deadlines' met
    /// ticks, read from each stored case's JSON, a page at a time, in the migration's transaction. A case this release
    /// cannot read keeps them empty (the store reports it as unreadable elsewhere).
    /// </summary>
    private static async Task BackfillAnalysisAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string s, CancellationToken cancellationToken)
    {
        const int Page = 2000;
        var after = Guid.Empty;
        while (true)
        {
            var ids = new List<Guid>(Page);
            var complainantKeys = new List<string?>(Page);
            var subjectKeys = new List<string?>(Page);
            var closed = new List<long?>(Page);
            var acknowledged = new List<long?>(Page);
            var satisfaction = new List<string?>(Page);
            var deadlineIds = new List<Guid>();
            var slots = new List<int>();
            var metTicks = new List<long>();
            var rows = 0;
            var read = new NpgsqlCommand(
                $"""
                SELECT id, document->'intake'->'complainant', document->'intake'->'subject', document->>'closedAt', document->'deadlines', document->'followUps'
                FROM {s}.complaints WHERE id > @after ORDER BY id LIMIT {Page}
                """,
                connection,
                transaction) { CommandTimeout = 0 };
            await using (read.ConfigureAwait(false))
            {
                read.Parameters.AddWithValue("after", after);
                var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = after = reader.GetGuid(0);
                    rows++;
                    try
                    {
                        var complainant = Read<Complainant>(reader, 1);
                        var subject = Read<ComplaintSubject>(reader, 2);
                        var deadlines = Read<Deadline[]>(reader, 4) ?? [];
                        ids.Add(id);
                        complainantKeys.Add(complainant is null ? null : Analysis.AnalysisKeys.Complainant(complainant));
                        subjectKeys.Add(subject is null ? null : AnalysisColumns.SubjectKeyOf(subject));
                        closed.Add(reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture).UtcTicks);
                        acknowledged.Add(AnalysisColumns.AcknowledgedTicksOf(deadlines));
                        satisfaction.Add(AnalysisColumns.LastSatisfactionOf(Read<FollowUpContact[]>(reader, 5) ?? []));
                        for (var slot = 0; slot < deadlines.Length; slot++)
                        {
                            if (deadlines[slot].MetAt is { } met)
                            {
                                deadlineIds.Add(id);
                                slots.Add(slot);
                                metTicks.Add(met.UtcTicks);
                            }
                        }
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        // Unreadable by this release: its analysis columns stay empty, as its other reads fail.
                    }
                }
            }

            if (ids.Count > 0)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"""
                    UPDATE {s}.complaints c SET complainant_key = u.complainant_key, subject_key = u.subject_key, closed_ticks = u.closed_ticks,
                        acknowledged_ticks = u.acknowledged_ticks, last_satisfaction = u.last_satisfaction
                    FROM unnest(@ids, @complainant_keys, @subject_keys, @closed, @acknowledged, @satisfaction)
                        AS u(id, complainant_key, subject_key, closed_ticks, acknowledged_ticks, last_satisfaction)
                    WHERE c.id = u.id
                    """,
                    cancellationToken,
                    ("ids", ids.ToArray()),
                    ("complainant_keys", complainantKeys.ToArray()),
                    ("subject_keys", subjectKeys.ToArray()),
                    ("closed", closed.ToArray()),
                    ("acknowledged", acknowledged.ToArray()),
                    ("satisfaction", satisfaction.ToArray())).ConfigureAwait(false);
            }

            if (deadlineIds.Count > 0)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"""
                    UPDATE {s}.deadlines d SET met_ticks = u.met_ticks
                    FROM unnest(@ids, @slots, @met) AS u(id, slot, met_ticks)
                    WHERE d.complaint_id = u.id AND d.slot = u.slot
                    """,
                    cancellationToken,
                    ("ids", deadlineIds.ToArray()),
                    ("slots", slots.ToArray()),
                    ("met", metTicks.ToArray())).ConfigureAwait(false);
            }

            if (rows < Page)
            {
                return;
            }
        }
    }

    private static T? Read<T>(NpgsqlDataReader reader, int ordinal)
        where T : class =>
        reader.IsDBNull(ordinal) ? null : System.Text.Json.JsonSerializer.Deserialize(reader.GetString(ordinal), ComplaintsJson.TypeInfo<T>());

    private static async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", connection, transaction);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.AddWithValue("schema", schema);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        // No time limit: a step that fills a column of a large table takes as long as it takes (the token still cancels).
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await using var commandScope = command.ConfigureAwait(false);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
