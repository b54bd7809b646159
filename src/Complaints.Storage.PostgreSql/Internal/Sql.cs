namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>
/// Every statement the store runs in one store's schema, by port, besides the schema's own steps
/// (<see cref="PostgreSqlSchema"/>). Built once per store: the same text every time is what lets a prepared statement be
/// found again on a pooled connection (and costs no string per save). The WHERE clauses of desk queries, counts and
/// audit reads are built by <see cref="QuerySql"/>.
/// </summary>
/// <param name="s">The quoted schema name.</param>
internal sealed class Sql(string s)
{
    private readonly string _schema = s;

    // ---- Cases and journals (IComplaintStore) ------------------------------------------------------------------

    private const string CaseColumnList =
        "id, version, state, severity, category, department, assignee, received_by, escalation_level, pending_approval_role, " +
        "pending_approval_role_key, next_due_at, next_due_ticks, pack_id, pack_version, received_at, received_ticks, updated_at, document, held_products, " +
        "channel, closed_ticks, acknowledged_ticks, finding_outcome, root_cause, complainant_key, subject_key, remedy_kind, remedy_amount, " +
        "remedy_currency, last_satisfaction, reward, deadline_kept, complainant_gap, subject_gap, cause_gap";

    /// <summary>The case document by id.</summary>
    public string LoadCase { get; } = $"SELECT document FROM {s}.complaints WHERE id = @id";

    /// <summary>The stored version by id.</summary>
    public string ReadVersion { get; } = $"SELECT version FROM {s}.complaints WHERE id = @id";

    /// <summary>A new case row, unless the id is taken.</summary>
    public string InsertCase { get; } =
        $"INSERT INTO {s}.complaints ({CaseColumnList}) VALUES (@id, @version, @state, @severity, @category, @department, @assignee, @received_by, " +
        "@escalation_level, @pending_approval_role, @pending_approval_role_key, @next_due_at, @next_due_ticks, @pack_id, @pack_version, " +
        "@received_at, @received_ticks, @updated_at, @document, @held_products, @channel, @closed_ticks, @acknowledged_ticks, @finding_outcome, " +
        "@root_cause, @complainant_key, @subject_key, @remedy_kind, @remedy_amount, @remedy_currency, @last_satisfaction, @reward, @deadline_kept, " +
        string.Join(", ", AnalysisSql.Keys.Select(k => AnalysisSql.GapOfWrite(s, k))) + ") ON CONFLICT (id) DO NOTHING";

    /// <summary>The case row, only from the expected version; the reward follows the last closure, so it changes only when the change closes the case.</summary>
    public string UpdateCase { get; } =
        $"UPDATE {s}.complaints SET version = @version, state = @state, severity = @severity, category = @category, department = @department, " +
        "assignee = @assignee, received_by = @received_by, escalation_level = @escalation_level, pending_approval_role = @pending_approval_role, " +
        "pending_approval_role_key = @pending_approval_role_key, next_due_at = @next_due_at, next_due_ticks = @next_due_ticks, pack_id = @pack_id, " +
        "pack_version = @pack_version, received_at = @received_at, received_ticks = @received_ticks, updated_at = @updated_at, document = @document, " +
        "held_products = @held_products, channel = @channel, closed_ticks = @closed_ticks, acknowledged_ticks = @acknowledged_ticks, " +
        "finding_outcome = @finding_outcome, root_cause = @root_cause, complainant_key = @complainant_key, subject_key = @subject_key, " +
        "remedy_kind = @remedy_kind, remedy_amount = @remedy_amount, remedy_currency = @remedy_currency, last_satisfaction = @last_satisfaction, " +
        "deadline_kept = @deadline_kept, " + string.Join(", ", AnalysisSql.Keys.Select(k => $"{k.Gap} = {AnalysisSql.GapOfUpdate(s, k)}")) + ", " +
        "reward = CASE WHEN @closes THEN @reward ELSE reward END WHERE id = @id AND version = @expected";

    /// <summary>The advisory locks on the recurrence keys of the cases a save writes (<see cref="AnalysisSql.LockKeys"/>).</summary>
    public string LockKeys { get; } = AnalysisSql.LockKeys(s);

    /// <summary>The call of <c>keep_gaps</c> every save makes before writing a case (<see cref="AnalysisSql.KeepGapsFunction"/>).</summary>
    public string KeepGaps { get; } = $"SELECT {s}.keep_gaps(@id, @received_ticks, @pack_id, @complainant_key, @subject_key, @department, @root_cause)";

    /// <summary>One journal row.</summary>
    public string InsertJournal { get; } =
        $"INSERT INTO {s}.journal (complaint_id, sequence, at, actor_id, from_state, to_state, event_type, command_id, entry) " +
        "VALUES (@id, @sequence, @at, @actor, @from, @to, @event, @command, @entry)";

    /// <summary>A case's journal entries, in order.</summary>
    public string ReadJournal { get; } = $"SELECT entry FROM {s}.journal WHERE complaint_id = @id ORDER BY sequence";

    /// <summary>A page of the cases matching <paramref name="where"/> (<see cref="QuerySql.Where(Complaints.Ports.ComplaintQuery, Npgsql.NpgsqlParameterCollection)"/>), in receipt order.</summary>
    public string QueryCases(string where) =>
        $"SELECT id, document FROM {_schema}.complaints WHERE {where} ORDER BY received_ticks, id LIMIT @take OFFSET @skip";

    /// <summary>
    /// A page of a desk (<see cref="Ports.DeskQuery"/>): by the next deadline's due time, cases without one last, then receipt
    /// time, then id. Each reason (<see cref="QuerySql.DeskReasons"/>) gives its first <c>@reach</c> (skip + take) rows in
    /// that order from its own index; their union, without repeats, is sorted and paged, and only the page's documents are
    /// read. So the cost follows the page, not the number of cases that match.
    /// </summary>
    public string QueryDesk(IReadOnlyList<string> reasons)
    {
        const string Order = "next_due_ticks ASC NULLS LAST, received_ticks, id";
        if (reasons.Count == 0)
        {
            return $"SELECT id, document FROM {_schema}.complaints WHERE FALSE LIMIT @take OFFSET @skip";
        }

        var union = string.Join(" UNION ", reasons.Select(reason =>
            $"(SELECT id, next_due_ticks, received_ticks FROM {_schema}.complaints WHERE {reason} ORDER BY {Order} LIMIT @reach)"));
        return $"SELECT c.id, c.document FROM (SELECT id, next_due_ticks, received_ticks FROM ({union}) u ORDER BY {Order} LIMIT @take OFFSET @skip) p " +
            $"JOIN {_schema}.complaints c ON c.id = p.id ORDER BY p.next_due_ticks ASC NULLS LAST, p.received_ticks, p.id";
    }

    /// <summary>The number of cases matching <paramref name="where"/> per value of <paramref name="column"/>.</summary>
    public string CountCases(string column, string where) =>
        $"SELECT {column}, count(*) FROM {_schema}.complaints WHERE {where} GROUP BY {column}";

    // ---- Deadlines (IDeadlineStore) ----------------------------------------------------------------------------

    /// <summary>The alarm a deadline row is due for at <c>@now</c>.</summary>
    private const string Alarm = "CASE WHEN d.due_ticks <= @now THEN 'breach' ELSE 'warning' END";

    /// <summary>The deadline rows past the case's last deadline.</summary>
    public string DeleteStaleDeadlines { get; } = $"DELETE FROM {s}.deadlines WHERE complaint_id = @id AND slot >= @count";

    /// <summary>
    /// One deadline row by slot. The lease columns are kept across saves (a claim outlives an unrelated command on the
    /// case), unless the slot now holds another kind of deadline.
    /// </summary>
    public string UpsertDeadline { get; } = $"""
        INSERT INTO {s}.deadlines AS d (complaint_id, slot, kind, due_at, due_ticks, warn_at, warn_ticks, met_at, met_ticks, warned_at, breached_at, clock_running, next_alarm_ticks)
        VALUES (@id, @slot, @kind, @due_at, @due_ticks, @warn_at, @warn_ticks, @met_at, @met_ticks, @warned_at, @breached_at, @clock_running, @next_alarm_ticks)
        ON CONFLICT (complaint_id, slot) DO UPDATE SET
            kind = EXCLUDED.kind, due_at = EXCLUDED.due_at, due_ticks = EXCLUDED.due_ticks, warn_at = EXCLUDED.warn_at,
            warn_ticks = EXCLUDED.warn_ticks, met_at = EXCLUDED.met_at, met_ticks = EXCLUDED.met_ticks, warned_at = EXCLUDED.warned_at, breached_at = EXCLUDED.breached_at,
            clock_running = EXCLUDED.clock_running, next_alarm_ticks = EXCLUDED.next_alarm_ticks,
            lease_worker = CASE WHEN d.kind = EXCLUDED.kind THEN d.lease_worker END,
            lease_alarm = CASE WHEN d.kind = EXCLUDED.kind THEN d.lease_alarm END,
            lease_until = CASE WHEN d.kind = EXCLUDED.kind THEN d.lease_until END,
            lease_until_ticks = CASE WHEN d.kind = EXCLUDED.kind THEN d.lease_until_ticks END
        """;

    /// <summary>
    /// The claim, in one statement: due alarms not leased by another worker nor parked, skipping rows another claim or a
    /// save holds, leased to <c>@worker</c>. A row a concurrent claim has just leased is re-checked on its new version and dropped.
    /// </summary>
    public string ClaimDeadlines { get; } = $"""
        WITH due AS (
            SELECT d.complaint_id, d.slot, d.kind,
                   {Alarm} AS alarm,
                   CASE WHEN d.due_ticks <= @now THEN d.due_ticks ELSE d.warn_ticks END AS alarm_ticks
            FROM {s}.deadlines d
            WHERE d.next_alarm_ticks <= @now
              AND (d.lease_until_ticks IS NULL OR d.lease_until_ticks <= @now OR d.lease_worker = @worker
                   OR d.lease_alarm IS DISTINCT FROM {Alarm})
              AND NOT EXISTS (
                   SELECT 1 FROM {s}.parked_alarms p WHERE p.complaint_id = d.complaint_id AND p.kind = d.kind AND p.alarm = {Alarm})
            ORDER BY alarm_ticks, d.complaint_id, d.slot
            LIMIT @max
            FOR UPDATE OF d SKIP LOCKED
        )
        UPDATE {s}.deadlines d
        SET lease_worker = @worker, lease_alarm = due.alarm, lease_until = @until, lease_until_ticks = @until_ticks
        FROM due
        WHERE d.complaint_id = due.complaint_id AND d.slot = due.slot
        RETURNING due.complaint_id, due.kind, due.alarm, due.alarm_ticks
        """;

    // ---- Outbox (IOutboxStore) ---------------------------------------------------------------------------------

    /// <summary>The columns an outbox message is read from (alias <c>o</c>), in the order the store reads them.</summary>
    private const string OutboxColumns = "o.notification, o.state, o.attempts, o.next_attempt_ticks, o.last_error, o.sent_at, o.id, o.complaint_id, o.corrective_action_id";

    /// <summary>One outbox row, unless the message is there already.</summary>
    public string InsertOutbox { get; } =
        $"INSERT INTO {s}.outbox (id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, next_attempt_ticks, notification) " +
        "VALUES (@id, @complaint_id, @sequence, @position, @kind, 'pending', 0, @next, @next_ticks, @notification) ON CONFLICT (id) DO NOTHING";

    /// <summary>One outbox row about a corrective action, unless the message is there already (in the action's save).</summary>
    public string InsertActionOutbox { get; } =
        $"INSERT INTO {s}.outbox (id, corrective_action_id, sequence, position, kind, state, attempts, next_attempt_at, next_attempt_ticks, notification) " +
        "VALUES (@id, @action_id, @sequence, @position, @kind, 'pending', 0, @next, @next_ticks, @notification) ON CONFLICT (id) DO NOTHING";

    /// <summary>
    /// The claim, in one statement: pending messages due and not leased by another worker, skipping rows another claim
    /// holds, leased to <c>@worker</c>.
    /// </summary>
    public string ClaimOutbox { get; } = $"""
        WITH due AS (
            SELECT o.id FROM {s}.outbox o
            WHERE o.state = 'pending' AND o.next_attempt_ticks <= @now
              AND (o.lease_until_ticks IS NULL OR o.lease_until_ticks <= @now OR o.lease_worker = @worker)
            ORDER BY o.next_attempt_ticks, coalesce(o.complaint_id, o.corrective_action_id), o.sequence, o.position
            LIMIT @max
            FOR UPDATE OF o SKIP LOCKED
        )
        UPDATE {s}.outbox o
        SET lease_worker = @worker, lease_until_ticks = @until_ticks
        FROM due
        WHERE o.id = due.id AND o.state = 'pending'
        RETURNING {OutboxColumns}
        """;

    /// <summary>A pending message, sent.</summary>
    public string MarkSent { get; } =
        $"UPDATE {s}.outbox SET state = 'sent', sent_at = @at, lease_worker = NULL, lease_until_ticks = NULL WHERE id = @id AND state = 'pending'";

    /// <summary>A pending message that failed: tried again at <c>@next</c>, or parked if <c>@park</c>.</summary>
    public string MarkFailed { get; } = $"""
        UPDATE {s}.outbox SET attempts = attempts + 1, last_error = @error, lease_worker = NULL, lease_until_ticks = NULL,
            state = CASE WHEN @park THEN 'parked' ELSE 'pending' END,
            next_attempt_at = coalesce(@next, next_attempt_at),
            next_attempt_ticks = coalesce(@next_ticks, next_attempt_ticks)
        WHERE id = @id AND state = 'pending'
        """;

    /// <summary>A case's messages, in the order they were written.</summary>
    public string ReadOutbox { get; } = $"SELECT {OutboxColumns} FROM {s}.outbox o WHERE o.complaint_id = @id ORDER BY o.sequence, o.position";

    /// <summary>A corrective action's messages, in the order they were written.</summary>
    public string ReadActionOutbox { get; } = $"SELECT {OutboxColumns} FROM {s}.outbox o WHERE o.corrective_action_id = @id ORDER BY o.sequence, o.position";

    // ---- Parking (what cannot be read or recorded) -------------------------------------------------------------

    /// <summary>Every case, for the scan for unreadable ones.</summary>
    public string ReadAllCases { get; } = $"SELECT id, document FROM {s}.complaints ORDER BY id";

    /// <summary>An alarm set aside with its error (with <see cref="UnleaseAlarm"/>, in one batch).</summary>
    public string ParkAlarm { get; } = $"""
        INSERT INTO {s}.parked_alarms (complaint_id, kind, alarm, due_ticks, parked_at, parked_ticks, error)
        VALUES (@id, @kind, @alarm, @due_ticks, @at, @at_ticks, @error)
        ON CONFLICT (complaint_id, kind, alarm) DO UPDATE SET
            due_ticks = EXCLUDED.due_ticks, parked_at = EXCLUDED.parked_at, parked_ticks = EXCLUDED.parked_ticks, error = EXCLUDED.error
        """;

    /// <summary>The lease on a parked alarm, dropped.</summary>
    public string UnleaseAlarm { get; } = $"""
        UPDATE {s}.deadlines SET lease_worker = NULL, lease_alarm = NULL, lease_until = NULL, lease_until_ticks = NULL
        WHERE complaint_id = @id AND kind = @kind AND lease_alarm = @alarm
        """;

    /// <summary>The parked alarms, oldest first.</summary>
    public string ReadParkedAlarms { get; } =
        $"SELECT complaint_id, kind, alarm, due_ticks, parked_ticks, error FROM {s}.parked_alarms ORDER BY parked_ticks, complaint_id, kind, alarm";

    /// <summary>A parked alarm, released: the next claim finds it again if it is still due.</summary>
    public string ReleaseAlarm { get; } = $"DELETE FROM {s}.parked_alarms WHERE complaint_id = @id AND kind = @kind AND alarm = @alarm";

    /// <summary>The parked messages, by case (or action) and order.</summary>
    public string ReadParkedOutbox { get; } =
        $"SELECT id, complaint_id, sequence, attempts, last_error, notification, corrective_action_id FROM {s}.outbox WHERE state = 'parked' " +
        "ORDER BY coalesce(complaint_id, corrective_action_id), sequence, position LIMIT @max";

    /// <summary>A parked message, pending again from <c>@next</c> with its attempts reset.</summary>
    public string ReleaseParkedOutbox { get; } = $"""
        UPDATE {s}.outbox SET state = 'pending', attempts = 0, next_attempt_at = @next, next_attempt_ticks = @next_ticks,
            lease_worker = NULL, lease_until_ticks = NULL
        WHERE id = @id AND state = 'parked'
        """;

    /// <summary>A pending message this release cannot read, parked with why.</summary>
    public string ParkUnreadableOutbox { get; } =
        $"UPDATE {s}.outbox SET state = 'parked', last_error = @error, lease_worker = NULL, lease_until_ticks = NULL WHERE id = @id AND state = 'pending'";

    // ---- Audit (IAuditLog) -------------------------------------------------------------------------------------

    /// <summary>One audit record, unless it is there already.</summary>
    public string InsertAudit { get; } = $"""
        INSERT INTO {s}.audit (id, at, at_ticks, actor_id, kind, complaint_id, record)
        VALUES (@id, @at, @at_ticks, @actor, @kind, @complaint, @record)
        ON CONFLICT (id) DO NOTHING
        """;

    /// <summary>A page of the audit records matching <paramref name="where"/> (<see cref="QuerySql.Where(Complaints.Ports.AuditQuery, Npgsql.NpgsqlParameterCollection)"/>), oldest first.</summary>
    public string ReadAudit(string where) =>
        $"SELECT record FROM {_schema}.audit WHERE {where} ORDER BY at_ticks, id LIMIT @take OFFSET @skip";
}
