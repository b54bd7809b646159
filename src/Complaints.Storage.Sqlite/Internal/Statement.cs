namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// A statement of the command path, prepared once per <see cref="Session"/> and reused: preparing (parsing and planning)
/// the case row's 19-column statement cost more than running it. Parameters are bound by position, in
/// <see cref="Parameters"/>' order.
/// </summary>
/// <param name="Slot">The statement's index in a session's cache.</param>
/// <param name="Text">The SQL.</param>
/// <param name="Parameters">The parameter names, in binding order.</param>
internal sealed record Statement(int Slot, string Text, params string[] Parameters)
{
    private const string CaseParameters =
        "$id, $version, $state, $severity, $category, $department, $assignee, $received_by, $escalation_level, $next_due_at, " +
        "$clock_paused_at, $is_final, $pending_approval_role, $pending_approval_role_key, $policy_id, $policy_version, $received_at, $updated_at, $json";

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

    /// <summary>The case row, only from the expected version (else nothing is written: the version check failed).</summary>
    public static readonly Statement UpdateCase = new(
        3,
        $"UPDATE complaints SET {string.Join(", ", CaseNames[1..].Select(n => $"{n[1..]} = {n}"))} WHERE id = $id AND version = $expected;",
        [.. CaseNames, "$expected"]);

    /// <summary>One journal row.</summary>
    public static readonly Statement AppendJournal = new(
        4,
        """
        INSERT INTO journal (complaint_id, sequence, at, actor_id, event_type, from_state, to_state, command_id, json)
        VALUES ($id, $sequence, $at, $actor_id, $event_type, $from_state, $to_state, $command_id, $json);
        """,
        "$id", "$sequence", "$at", "$actor_id", "$event_type", "$from_state", "$to_state", "$command_id", "$json");

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

    /// <summary>One outbox row, unless the message is there already.</summary>
    public static readonly Statement AddOutbox = new(
        8,
        """
        INSERT INTO outbox (id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, json)
        VALUES ($id, $complaint_id, $sequence, $position, $kind, 'pending', 0, $next_attempt_at, $json)
        ON CONFLICT (id) DO NOTHING;
        """,
        "$id", "$complaint_id", "$sequence", "$position", "$kind", "$next_attempt_at", "$json");

    /// <summary>Starts a write transaction, taking the file's write lock at once (waiting up to the busy timeout).</summary>
    public static readonly Statement BeginImmediate = new(9, "BEGIN IMMEDIATE;");

    /// <summary>Commits the transaction.</summary>
    public static readonly Statement Commit = new(10, "COMMIT;");

    /// <summary>Rolls the transaction back.</summary>
    public static readonly Statement Rollback = new(11, "ROLLBACK;");

    /// <summary>How many statements a session caches.</summary>
    public const int Count = 12;
}
