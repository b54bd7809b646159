using System.Globalization;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// Every statement the store runs, by port, besides the schema's own steps (<see cref="Schema"/>). A
/// <see cref="Statement"/> is one of the command path's, prepared once per <see cref="Session"/> and bound by position;
/// a string is run as it is, with parameters by name. The WHERE clauses of desk queries, counts and audit reads are
/// built by <see cref="QuerySql"/>.
/// </summary>
internal static class Sql
{
    // ---- Connections -------------------------------------------------------------------------------------------

    /// <summary>Write-ahead logging for the file: readers do not block the writer. Set once, it stays with the file.</summary>
    public const string JournalModeWal = "PRAGMA journal_mode = WAL;";

    /// <summary>The per-connection settings: the busy timeout, durable commits, enforced references.</summary>
    public static string ConnectionPragmas(int busyTimeoutMilliseconds, bool autoCheckpoint) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = {(autoCheckpoint ? 1000 : 0)};");

    /// <summary>Starts a write transaction, taking the file's write lock at once (waiting up to the busy timeout).</summary>
    public static readonly Statement BeginImmediate = new(9, "BEGIN IMMEDIATE;");

    /// <summary>Commits the transaction.</summary>
    public static readonly Statement Commit = new(10, "COMMIT;");

    /// <summary>Rolls the transaction back.</summary>
    public static readonly Statement Rollback = new(11, "ROLLBACK;");

    /// <summary>Group commit: where one save of a batch begins, so that a save that fails is undone alone.</summary>
    public static readonly Statement Savepoint = new(23, "SAVEPOINT save;");

    /// <summary>Group commit: one save of a batch written; its rows stay in the transaction.</summary>
    public static readonly Statement ReleaseSavepoint = new(24, "RELEASE save;");

    /// <summary>Group commit: undoes one save of a batch (then <see cref="ReleaseSavepoint"/>).</summary>
    public static readonly Statement RollbackToSavepoint = new(25, "ROLLBACK TO save;");

    // ---- Cases and journals (IComplaintStore) ------------------------------------------------------------------

    private const string CaseParameters =
        "$id, $version, $state, $severity, $category, $department, $assignee, $received_by, $escalation_level, $next_due_at, " +
        "$clock_paused_at, $is_final, $pending_approval_role, $pending_approval_role_key, $policy_id, $policy_version, $received_at, $updated_at, $json, " +
        "$held_products, $received_ticks, $closed_ticks, $acknowledged_ticks, $channel, $complainant_key, $subject_key, " +
        "$finding_outcome, $root_cause, $remedy_kind, $remedy_currency, $remedy_amount, $remedy_units, $satisfaction, " +
        "$deadlines_kept, $gap_complainant, $gap_subject, $gap_cause";

    private static readonly string[] CaseNames = CaseParameters.Split(", ");

    /// <summary>The case's JSON by id.</summary>
    public static readonly Statement LoadCase = new(0, "SELECT json FROM complaints WHERE id = $id;", "$id");

    /// <summary>The case's stored version by id (after a failed version check, for the exception).</summary>
    public static readonly Statement ReadVersion = new(1, "SELECT version FROM complaints WHERE id = $id;", "$id");

    /// <summary>A new case row, unless the id is taken (then nothing is written: the version check failed).</summary>
    public static readonly Statement InsertCase = new(
        2,
        $"INSERT INTO complaints ({CaseParameters.Replace("$", "", StringComparison.Ordinal)}) VALUES ({CaseParameters}) ON CONFLICT (id) DO NOTHING;",
        CaseNames);

    /// <summary>How many columns a case row's write binds (<see cref="InsertCase"/>'s parameters), the id first.</summary>
    public static readonly int CaseColumnCount = CaseNames.Length;

    /// <summary>Every column of the case row but the id, as an <see cref="UpdateCase"/> mask.</summary>
    public static readonly ulong AllCaseColumns = (CaseNames.Length >= 64 ? ulong.MaxValue : (1UL << CaseNames.Length) - 1) & ~1UL;

    /// <summary>
    /// The columns <see cref="ReadRecurrence"/> reads after its first ten, by their index in the case row: all but the
    /// id and the three every save changes (the version, the update time, the JSON), which are always set.
    /// </summary>
    public static readonly int[] StoredCaseColumns =
        [.. Enumerable.Range(1, CaseNames.Length - 1).Where(i => CaseNames[i] is not ("$version" or "$updated_at" or "$json"))];

    /// <summary>
    /// The case row, only from the expected version (else nothing is written: the version check failed), setting only
    /// the columns in <paramref name="columns"/> (bit <c>i</c> for the row's column <c>i</c>; see
    /// <see cref="CaseWriter.ChangedColumns"/>). Parameters: those columns in order, then <c>$id</c> and <c>$expected</c>.
    /// </summary>
    public static (string Text, string[] Parameters) UpdateCase(ulong columns)
    {
        var set = Enumerable.Range(1, CaseNames.Length - 1).Where(i => (columns & (1UL << i)) != 0).Select(i => CaseNames[i]).ToArray();
        if (set.Length == 0)
        {
            throw new ArgumentException("An update of the case row sets at least one column.", nameof(columns));
        }

        return (
            $"UPDATE complaints SET {string.Join(", ", set.Select(n => $"{n[1..]} = {n}"))} WHERE id = $id AND version = $expected;",
            [.. set, "$id", "$expected"]);
    }

    /// <summary>The reward decision of the case's last closure (analysis), set by a save whose entries close the case.</summary>
    public static readonly Statement SetReward = new(12, "UPDATE complaints SET reward_eligible = $reward WHERE id = $id;", "$id", "$reward");

    // ---- Recurrence gaps (schema step 11; CaseWriter keeps them) -----------------------------------------------------

    /// <summary>The stored row's rowid, recurrence keys, receipt and gaps, then its other columns (<see cref="StoredCaseColumns"/>), before a save changes them.</summary>
    public static readonly Statement ReadRecurrence = new(
        13,
        "SELECT rowid, policy_id, complainant_key, subject_key, department, root_cause, received_ticks, gap_complainant, gap_subject, gap_cause, " +
        string.Join(", ", StoredCaseColumns.Select(i => CaseNames[i][1..])) + " FROM complaints WHERE id = $id;",
        "$id");

    /// <summary>The receipt of the latest case with the complainant key strictly before <c>$r</c>, other than the row <c>$rowid</c>.</summary>
    public static readonly Statement PreviousSameComplainant = new(14, $"SELECT e.received_ticks {SameComplainant("e")} AND e.received_ticks < $r AND e.rowid <> $rowid ORDER BY e.received_ticks DESC LIMIT 1;", "$p", "$k", "$r", "$rowid");

    /// <summary>The receipt of the latest case with the subject key strictly before <c>$r</c>, other than the row <c>$rowid</c>.</summary>
    public static readonly Statement PreviousSameSubject = new(15, $"SELECT e.received_ticks {SameSubject("e")} AND e.received_ticks < $r AND e.rowid <> $rowid ORDER BY e.received_ticks DESC LIMIT 1;", "$p", "$k", "$r", "$rowid");

    /// <summary>The receipt of the latest case with the department and cause strictly before <c>$r</c>, other than the row <c>$rowid</c>.</summary>
    public static readonly Statement PreviousSameCause = new(16, $"SELECT e.received_ticks {SameCause("e")} AND e.received_ticks < $r AND e.rowid <> $rowid ORDER BY e.received_ticks DESC LIMIT 1;", "$p", "$k", "$c", "$r", "$rowid");

    /// <summary>Recomputes the complainant gap of the cases received next after <c>$r</c> with the key (changed only where it differs).</summary>
    public static readonly Statement RefreshNextSameComplainant = new(17, RefreshNext("gap_complainant", SameComplainant), "$p", "$k", "$r");

    /// <summary>Recomputes the subject gap of the cases received next after <c>$r</c> with the key (changed only where it differs).</summary>
    public static readonly Statement RefreshNextSameSubject = new(18, RefreshNext("gap_subject", SameSubject), "$p", "$k", "$r");

    /// <summary>Recomputes the cause gap of the cases received next after <c>$r</c> with the department and cause (changed only where it differs).</summary>
    public static readonly Statement RefreshNextSameCause = new(19, RefreshNext("gap_cause", SameCause), "$p", "$k", "$c", "$r");

    /// <summary>Whether <see cref="RefreshNextSameComplainant"/> would change anything: the next receipt, one of its cases' gap, and their gap now.</summary>
    public static readonly Statement CheckNextSameComplainant = new(20, CheckNext("gap_complainant", SameComplainant), "$p", "$k", "$r", "$x");

    /// <summary>Whether <see cref="RefreshNextSameSubject"/> would change anything: the next receipt, one of its cases' gap, and their gap now.</summary>
    public static readonly Statement CheckNextSameSubject = new(21, CheckNext("gap_subject", SameSubject), "$p", "$k", "$r", "$x");

    /// <summary>Whether <see cref="RefreshNextSameCause"/> would change anything: the next receipt, one of its cases' gap, and their gap now.</summary>
    public static readonly Statement CheckNextSameCause = new(22, CheckNext("gap_cause", SameCause), "$p", "$k", "$c", "$r", "$x");

    /// <summary>FROM and WHERE of the cases with the pack <c>$p</c> and complainant key <c>$k</c> (on their index).</summary>
    private static string SameComplainant(string e) =>
        $"FROM complaints AS {e} INDEXED BY ix_complaints_same_complainant WHERE {e}.complainant_key IS NOT NULL AND {e}.policy_id = $p AND {e}.complainant_key = $k";

    /// <summary>FROM and WHERE of the cases with the pack <c>$p</c> and subject key <c>$k</c> (on their index).</summary>
    private static string SameSubject(string e) =>
        $"FROM complaints AS {e} INDEXED BY ix_complaints_same_subject WHERE {e}.policy_id = $p AND {e}.subject_key = $k";

    /// <summary>FROM and WHERE of the cases with the pack <c>$p</c>, department <c>$k</c> and determined root cause <c>$c</c> (on their index).</summary>
    private static string SameCause(string e) =>
        $"FROM complaints AS {e} INDEXED BY ix_complaints_same_cause WHERE {e}.root_cause IS NOT NULL AND {e}.root_cause <> 'undetermined' " +
        $"AND {e}.department IS NOT NULL AND {e}.policy_id = $p AND {e}.department = $k AND {e}.root_cause = $c";

    /// <summary>
    /// Sets <paramref name="column"/> of the cases with the key received first after <c>$r</c> (all of them on a tie) to
    /// the gap to their previous case with the key: the only cases whose previous case changes when one at <c>$r</c>
    /// joins or leaves the key. Tied cases share their receipt and so their gap: it is computed once (the subqueries
    /// refer to no row being updated, so SQLite runs each once), and rows whose gap is already right are not written.
    /// </summary>
    private static string CheckNext(string column, Func<string, string> same)
    {
        var next = $"(SELECT y.received_ticks {same("y")} AND y.received_ticks > $r ORDER BY y.received_ticks LIMIT 1)";
        var gap = $"({next} - (SELECT e.received_ticks {same("e")} AND e.received_ticks < {next} ORDER BY e.received_ticks DESC LIMIT 1))";
        return $"SELECT {next}, (SELECT z.{column} FROM complaints AS z WHERE z.rowid = (SELECT x.rowid {same("x")} AND x.received_ticks = {next} AND x.rowid <> $x LIMIT 1)) IS NOT {gap};";
    }

    private static string RefreshNext(string column, Func<string, string> same)
    {
        var next = $"(SELECT y.received_ticks {same("y")} AND y.received_ticks > $r ORDER BY y.received_ticks LIMIT 1)";
        var gap = $"({next} - (SELECT e.received_ticks {same("e")} AND e.received_ticks < {next} ORDER BY e.received_ticks DESC LIMIT 1))";
        return $"""
            UPDATE complaints AS n SET {column} = {gap}
            WHERE n.rowid IN (SELECT x.rowid {same("x")} AND x.received_ticks = {next})
              AND n.{column} IS NOT {gap};
            """;
    }

    /// <summary>One journal row.</summary>
    public static readonly Statement InsertJournal = new(
        4,
        """
        INSERT INTO journal (complaint_id, sequence, at, actor_id, event_type, from_state, to_state, command_id, json)
        VALUES ($id, $sequence, $at, $actor_id, $event_type, $from_state, $to_state, $command_id, $json);
        """,
        "$id", "$sequence", "$at", "$actor_id", "$event_type", "$from_state", "$to_state", "$command_id", "$json");

    /// <summary>A case's journal entries, in order.</summary>
    public const string ReadJournal = "SELECT json FROM journal WHERE complaint_id = $id ORDER BY sequence;";

    /// <summary>A page of the cases matching <paramref name="where"/> (<see cref="QuerySql.Where(Complaints.Ports.ComplaintQuery, Microsoft.Data.Sqlite.SqliteCommand)"/>), in receipt order.</summary>
    public static string QueryCases(string where) =>
        $"SELECT id, json FROM complaints WHERE {where} ORDER BY received_at, id LIMIT $take OFFSET $skip;";

    /// <summary>
    /// A page of a desk (<see cref="Ports.DeskQuery"/>): by the next deadline's due time, cases without one last, then receipt
    /// time, then id. Each reason (<see cref="QuerySql.DeskReasons"/>) gives its first <c>$reach</c> (skip + take) rows in
    /// that order from its own index; their union, without repeats, is sorted and paged, and only the page's documents are
    /// read. So the cost follows the page, not the number of cases that match.
    /// </summary>
    public static string QueryDesk(IReadOnlyList<(string Index, string Where, string Order)> reasons)
    {
        if (reasons.Count == 0)
        {
            return "SELECT id, json FROM complaints WHERE 0 LIMIT $take OFFSET $skip;";
        }

        var union = string.Join(" UNION ", reasons.Select(reason =>
            $"SELECT * FROM (SELECT id, next_due_at IS NULL AS due_none, next_due_at, received_at FROM complaints INDEXED BY {reason.Index} WHERE {reason.Where} ORDER BY {reason.Order} LIMIT $reach)"));
        return $"SELECT c.id, c.json FROM (SELECT id, due_none, next_due_at, received_at FROM ({union}) ORDER BY due_none, next_due_at, received_at, id LIMIT $take OFFSET $skip) AS p " +
            "JOIN complaints AS c ON c.id = p.id ORDER BY p.due_none, p.next_due_at, p.received_at, p.id;";
    }

    /// <summary>The number of cases matching <paramref name="where"/> per value of <paramref name="column"/>.</summary>
    public static string CountCases(string column, string where) =>
        $"SELECT {column}, COUNT(*) FROM complaints WHERE {where} GROUP BY {column};";

    // ---- Deadlines (IDeadlineStore) ----------------------------------------------------------------------------

    /// <summary>
    /// One deadline row by position, rewritten only if it changed: most commands leave most deadlines as they were, and
    /// an unchanged row then costs no writes to the table or its two alarm indexes.
    /// </summary>
    public static readonly Statement UpsertDeadline = new(
        5,
        """
        INSERT INTO deadlines (complaint_id, position, kind, due_at, warn_at, met_at, warned_at, breached_at)
        VALUES ($id, $position, $kind, $due_at, $warn_at, $met_at, $warned_at, $breached_at)
        ON CONFLICT (complaint_id, position) DO UPDATE SET
            kind = excluded.kind, due_at = excluded.due_at, warn_at = excluded.warn_at, met_at = excluded.met_at,
            warned_at = excluded.warned_at, breached_at = excluded.breached_at
        WHERE kind IS NOT excluded.kind OR due_at IS NOT excluded.due_at OR warn_at IS NOT excluded.warn_at
           OR met_at IS NOT excluded.met_at OR warned_at IS NOT excluded.warned_at OR breached_at IS NOT excluded.breached_at;
        """,
        "$id", "$position", "$kind", "$due_at", "$warn_at", "$met_at", "$warned_at", "$breached_at");

    /// <summary>The deadline rows past the case's last deadline.</summary>
    public static readonly Statement DeleteStaleDeadlines = new(
        6, "DELETE FROM deadlines WHERE complaint_id = $id AND position >= $count;", "$id", "$count");

    /// <summary>Leases on alarms that can no longer fire (recorded, met, breached): they are done with.</summary>
    public static readonly Statement ReleaseLeases = new(
        7,
        """
        DELETE FROM deadline_leases WHERE complaint_id = $id AND NOT EXISTS (
            SELECT 1 FROM deadlines d
            WHERE d.complaint_id = deadline_leases.complaint_id AND d.kind = deadline_leases.kind
              AND d.met_at IS NULL AND d.breached_at IS NULL
              AND (deadline_leases.alarm = 'breach' OR (d.warn_at IS NOT NULL AND d.warned_at IS NULL)));
        """,
        "$id");

    /// <summary>Claim, step 1: the leases that ran out.</summary>
    public const string ExpireDeadlineLeases = "DELETE FROM deadline_leases WHERE until <= $now;";

    /// <summary>Claim, step 2: the due alarms of running clocks, neither leased by another worker nor parked, oldest first.</summary>
    public const string FindDueDeadlines = """
        SELECT complaint_id, kind, alarm, alarm_at FROM (
            SELECT d.complaint_id, d.kind,
                   CASE WHEN d.due_at <= $now THEN 'breach' ELSE 'warning' END AS alarm,
                   CASE WHEN d.due_at <= $now THEN d.due_at ELSE d.warn_at END AS alarm_at
            FROM deadlines d JOIN complaints c ON c.id = d.complaint_id
            WHERE d.met_at IS NULL AND d.breached_at IS NULL
              AND (d.due_at <= $now OR (d.warn_at <= $now AND d.warned_at IS NULL))
              AND c.is_final = 0 AND c.clock_paused_at IS NULL
        ) AS due
        WHERE NOT EXISTS (
            SELECT 1 FROM deadline_leases l
            WHERE l.complaint_id = due.complaint_id AND l.kind = due.kind AND l.alarm = due.alarm AND l.worker <> $worker)
          AND NOT EXISTS (
            SELECT 1 FROM parked_alarms p WHERE p.complaint_id = due.complaint_id AND p.kind = due.kind AND p.alarm = due.alarm)
        ORDER BY alarm_at, complaint_id, kind
        LIMIT $max;
        """;

    /// <summary>Claim, step 3: the lease on one found alarm.</summary>
    public const string LeaseDeadline = """
        INSERT INTO deadline_leases (complaint_id, kind, alarm, worker, until) VALUES ($id, $kind, $alarm, $worker, $until)
        ON CONFLICT (complaint_id, kind, alarm) DO UPDATE SET worker = excluded.worker, until = excluded.until;
        """;

    // ---- Outbox (IOutboxStore) ---------------------------------------------------------------------------------

    /// <summary>The columns an outbox message is read from, in the order the store reads them.</summary>
    private const string OutboxColumns = "json, state, attempts, next_attempt_at, last_error, sent_at, id, complaint_id, corrective_action_id";

    /// <summary>One outbox row, unless the message is there already.</summary>
    public static readonly Statement InsertOutbox = new(
        8,
        """
        INSERT INTO outbox (id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, json)
        VALUES ($id, $complaint_id, $sequence, $position, $kind, 'pending', 0, $next_attempt_at, $json)
        ON CONFLICT (id) DO NOTHING;
        """,
        "$id", "$complaint_id", "$sequence", "$position", "$kind", "$next_attempt_at", "$json");

    /// <summary>Claim, step 1: the pending messages due, not leased by another worker, in sending order.</summary>
    public const string FindDueOutbox = $"""
        SELECT {OutboxColumns} FROM outbox
        WHERE state = 'pending' AND next_attempt_at <= $now
          AND (lease_until IS NULL OR lease_until <= $now OR lease_worker = $worker)
        ORDER BY next_attempt_at, coalesce(complaint_id, corrective_action_id), sequence, position
        LIMIT $max;
        """;

    /// <summary>Claim, step 2: the lease on one found message.</summary>
    public const string LeaseOutbox = "UPDATE outbox SET lease_worker = $worker, lease_until = $until WHERE id = $id;";

    /// <summary>A pending message, sent.</summary>
    public const string MarkSent = "UPDATE outbox SET state = 'sent', sent_at = $at, lease_worker = NULL, lease_until = NULL WHERE id = $id AND state = 'pending';";

    /// <summary>A pending message that failed: tried again at <c>$next</c>, or parked if that is <see langword="null"/>.</summary>
    public const string MarkFailed = """
        UPDATE outbox SET attempts = attempts + 1, last_error = $error, lease_worker = NULL, lease_until = NULL,
            state = CASE WHEN $next IS NULL THEN 'parked' ELSE 'pending' END,
            next_attempt_at = coalesce($next, next_attempt_at)
        WHERE id = $id AND state = 'pending';
        """;

    /// <summary>A case's messages, in the order they were written.</summary>
    public const string ReadOutbox = $"SELECT {OutboxColumns} FROM outbox WHERE complaint_id = $id ORDER BY sequence, position;";

    /// <summary>A corrective action's messages, in the order they were written.</summary>
    public const string ReadActionOutbox = $"SELECT {OutboxColumns} FROM outbox WHERE corrective_action_id = $id ORDER BY sequence, position;";

    /// <summary>One outbox row about a corrective action, unless the message is there already (written with the action's save).</summary>
    public const string InsertActionOutbox = """
        INSERT INTO outbox (id, corrective_action_id, sequence, position, kind, state, attempts, next_attempt_at, json)
        VALUES ($id, $action_id, $sequence, $position, $kind, 'pending', 0, $next_attempt_at, $json)
        ON CONFLICT (id) DO NOTHING;
        """;

    // ---- Parking (what cannot be read or recorded) -------------------------------------------------------------

    /// <summary>Every case, for the scan for unreadable ones.</summary>
    public const string ReadAllCases = "SELECT id, json FROM complaints ORDER BY id;";

    /// <summary>An alarm set aside with its error, and its lease dropped with it.</summary>
    public const string ParkAlarm = """
        INSERT INTO parked_alarms (complaint_id, kind, alarm, due_at, parked_at, error) VALUES ($id, $kind, $alarm, $due, $at, $error)
        ON CONFLICT (complaint_id, kind, alarm) DO UPDATE SET due_at = excluded.due_at, parked_at = excluded.parked_at, error = excluded.error;
        DELETE FROM deadline_leases WHERE complaint_id = $id AND kind = $kind AND alarm = $alarm;
        """;

    /// <summary>The parked alarms, oldest first.</summary>
    public const string ReadParkedAlarms = "SELECT complaint_id, kind, alarm, due_at, parked_at, error FROM parked_alarms ORDER BY parked_at, complaint_id, kind, alarm;";

    /// <summary>A parked alarm, released: the next claim finds it again if it is still due.</summary>
    public const string ReleaseAlarm = "DELETE FROM parked_alarms WHERE complaint_id = $id AND kind = $kind AND alarm = $alarm;";

    /// <summary>The parked messages, by case (or action) and order.</summary>
    public const string ReadParkedOutbox = """
        SELECT id, complaint_id, sequence, attempts, last_error, json, corrective_action_id FROM outbox WHERE state = 'parked'
        ORDER BY coalesce(complaint_id, corrective_action_id), sequence, position LIMIT $max;
        """;

    /// <summary>A parked message, pending again from <c>$next</c> with its attempts reset.</summary>
    public const string ReleaseParkedOutbox = """
        UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = $next, lease_worker = NULL, lease_until = NULL
        WHERE id = $id AND state = 'parked';
        """;

    /// <summary>A pending message this release cannot read, parked with why.</summary>
    public const string ParkUnreadableOutbox = "UPDATE outbox SET state = 'parked', last_error = $error, lease_worker = NULL, lease_until = NULL WHERE id = $id AND state = 'pending';";

    // ---- Audit (IAuditLog) -------------------------------------------------------------------------------------

    /// <summary>One audit record, unless it is there already.</summary>
    public const string InsertAudit = """
        INSERT INTO audit (id, at, actor_id, kind, complaint_id, json) VALUES ($id, $at, $actor, $kind, $complaint, $json)
        ON CONFLICT (id) DO NOTHING;
        """;

    /// <summary>A page of the audit records matching <paramref name="where"/> (<see cref="QuerySql.Where(Complaints.Ports.AuditQuery, Microsoft.Data.Sqlite.SqliteCommand)"/>), oldest first.</summary>
    public static string ReadAudit(string where) =>
        $"SELECT json FROM audit WHERE {where} ORDER BY at, id LIMIT $take OFFSET $skip;";
}
