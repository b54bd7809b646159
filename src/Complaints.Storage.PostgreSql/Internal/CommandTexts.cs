namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>
/// The command path's SQL in one store's schema, built once: the same text every time is what lets a prepared
/// statement be found again on a pooled connection (and costs no string per save).
/// </summary>
/// <param name="s">The quoted schema name.</param>
internal sealed class CommandTexts(string s)
{
    private const string CaseColumnList =
        "id, version, state, severity, category, department, assignee, received_by, escalation_level, pending_approval_role, " +
        "pending_approval_role_key, next_due_at, next_due_ticks, pack_id, pack_version, received_at, received_ticks, updated_at, document";

    /// <summary>The case document by id.</summary>
    public string LoadCase { get; } = $"SELECT document FROM {s}.complaints WHERE id = @id";

    /// <summary>The stored version by id.</summary>
    public string ReadVersion { get; } = $"SELECT version FROM {s}.complaints WHERE id = @id";

    /// <summary>A new case row, unless the id is taken.</summary>
    public string InsertCase { get; } =
        $"INSERT INTO {s}.complaints ({CaseColumnList}) VALUES (@id, @version, @state, @severity, @category, @department, @assignee, @received_by, " +
        "@escalation_level, @pending_approval_role, @pending_approval_role_key, @next_due_at, @next_due_ticks, @pack_id, @pack_version, " +
        "@received_at, @received_ticks, @updated_at, @document) ON CONFLICT (id) DO NOTHING";

    /// <summary>The case row, only from the expected version.</summary>
    public string UpdateCase { get; } =
        $"UPDATE {s}.complaints SET version = @version, state = @state, severity = @severity, category = @category, department = @department, " +
        "assignee = @assignee, received_by = @received_by, escalation_level = @escalation_level, pending_approval_role = @pending_approval_role, " +
        "pending_approval_role_key = @pending_approval_role_key, next_due_at = @next_due_at, next_due_ticks = @next_due_ticks, pack_id = @pack_id, " +
        "pack_version = @pack_version, received_at = @received_at, received_ticks = @received_ticks, updated_at = @updated_at, document = @document " +
        "WHERE id = @id AND version = @expected";

    /// <summary>One journal row.</summary>
    public string InsertJournal { get; } =
        $"INSERT INTO {s}.journal (complaint_id, sequence, at, actor_id, from_state, to_state, event_type, command_id, entry) " +
        "VALUES (@id, @sequence, @at, @actor, @from, @to, @event, @command, @entry)";

    /// <summary>The deadline rows past the case's last deadline.</summary>
    public string DeleteStaleDeadlines { get; } = $"DELETE FROM {s}.deadlines WHERE complaint_id = @id AND slot >= @count";

    /// <summary>
    /// One deadline row by slot. The lease columns are kept across saves (a claim outlives an unrelated command on the
    /// case), unless the slot now holds another kind of deadline.
    /// </summary>
    public string UpsertDeadline { get; } = $"""
        INSERT INTO {s}.deadlines AS d (complaint_id, slot, kind, due_at, due_ticks, warn_at, warn_ticks, met_at, warned_at, breached_at, clock_running, next_alarm_ticks)
        VALUES (@id, @slot, @kind, @due_at, @due_ticks, @warn_at, @warn_ticks, @met_at, @warned_at, @breached_at, @clock_running, @next_alarm_ticks)
        ON CONFLICT (complaint_id, slot) DO UPDATE SET
            kind = EXCLUDED.kind, due_at = EXCLUDED.due_at, due_ticks = EXCLUDED.due_ticks, warn_at = EXCLUDED.warn_at,
            warn_ticks = EXCLUDED.warn_ticks, met_at = EXCLUDED.met_at, warned_at = EXCLUDED.warned_at, breached_at = EXCLUDED.breached_at,
            clock_running = EXCLUDED.clock_running, next_alarm_ticks = EXCLUDED.next_alarm_ticks,
            lease_worker = CASE WHEN d.kind = EXCLUDED.kind THEN d.lease_worker END,
            lease_alarm = CASE WHEN d.kind = EXCLUDED.kind THEN d.lease_alarm END,
            lease_until = CASE WHEN d.kind = EXCLUDED.kind THEN d.lease_until END,
            lease_until_ticks = CASE WHEN d.kind = EXCLUDED.kind THEN d.lease_until_ticks END
        """;

    /// <summary>One outbox row, unless the message is there already.</summary>
    public string InsertOutbox { get; } =
        $"INSERT INTO {s}.outbox (id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, next_attempt_ticks, notification) " +
        "VALUES (@id, @complaint_id, @sequence, @position, @kind, 'pending', 0, @next, @next_ticks, @notification) ON CONFLICT (id) DO NOTHING";
}
