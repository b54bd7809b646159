using System.Text.Json;
using NpgsqlTypes;

namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>
/// The values of a case row as every save writes them (besides the version check and the reward, which follow the
/// journal entries of the save): the desk-query columns, the analysis columns and the document, in
/// <see cref="Columns"/> order. Bulk loads (the benchmarks' seeds) write the same values.
/// </summary>
internal static class CaseRow
{
    /// <summary>The columns, by parameter name (the column's own name) and type, in the order of <see cref="Values"/>.</summary>
    public static readonly (string Name, NpgsqlDbType Type)[] Columns =
    [
        ("id", NpgsqlDbType.Uuid), ("version", NpgsqlDbType.Bigint), ("state", NpgsqlDbType.Text), ("severity", NpgsqlDbType.Text),
        ("category", NpgsqlDbType.Text), ("department", NpgsqlDbType.Text), ("assignee", NpgsqlDbType.Text), ("received_by", NpgsqlDbType.Text),
        ("escalation_level", NpgsqlDbType.Integer), ("pending_approval_role", NpgsqlDbType.Text), ("pending_approval_role_key", NpgsqlDbType.Text),
        ("next_due_at", NpgsqlDbType.TimestampTz), ("next_due_ticks", NpgsqlDbType.Bigint), ("pack_id", NpgsqlDbType.Text),
        ("pack_version", NpgsqlDbType.Text), ("received_at", NpgsqlDbType.TimestampTz), ("received_ticks", NpgsqlDbType.Bigint),
        ("updated_at", NpgsqlDbType.TimestampTz), ("document", NpgsqlDbType.Json), ("held_products", NpgsqlDbType.Array | NpgsqlDbType.Text),
        ("channel", NpgsqlDbType.Text), ("closed_ticks", NpgsqlDbType.Bigint), ("acknowledged_ticks", NpgsqlDbType.Bigint),
        ("finding_outcome", NpgsqlDbType.Text), ("root_cause", NpgsqlDbType.Text), ("complainant_key", NpgsqlDbType.Text),
        ("subject_key", NpgsqlDbType.Text), ("remedy_kind", NpgsqlDbType.Text), ("remedy_amount", NpgsqlDbType.Numeric),
        ("remedy_currency", NpgsqlDbType.Text), ("last_satisfaction", NpgsqlDbType.Text), ("deadline_kept", NpgsqlDbType.Array | NpgsqlDbType.Integer),
    ];

    /// <summary>
    /// The recurrence gap columns (<see cref="AnalysisSql.Keys"/>), which depend on the other cases with the same key: a
    /// save computes them in the database (<see cref="AnalysisSql.GapOfWrite"/>); a bulk load writes them itself, or
    /// fills them afterwards with <see cref="AnalysisSql.Backfill"/>.
    /// </summary>
    public static readonly (string Name, NpgsqlDbType Type)[] GapColumns = [.. AnalysisSql.Keys.Select(k => (k.Gap, NpgsqlDbType.Bigint))];

    /// <summary>The row of <paramref name="complaint"/>, <see langword="null"/> for SQL NULL.</summary>
    public static object?[] Values(Complaint complaint)
    {
        var next = complaint.NextDeadline;
        var pendingRole = complaint.PendingApproval?.Role;
        var analysis = AnalysisColumns.Of(complaint);
        return
        [
            complaint.Id.Value,
            complaint.Version,
            CaseColumns.Of(complaint.State),
            complaint.Severity is { } severity ? CaseColumns.Of(severity) : null,
            complaint.Category,
            complaint.Department?.Value,
            complaint.Assignee?.Id.Value,
            complaint.ReceivedBy.Id.Value,
            complaint.EscalationLevel,
            pendingRole,
            pendingRole is null ? null : CaseColumns.RoleKey(pendingRole),
            CaseColumns.Utc(next?.DueAt),
            next is null ? null : CaseColumns.Ticks(next.DueAt),
            complaint.Policy.Id,
            complaint.Policy.Version,
            CaseColumns.Utc(complaint.ReceivedAt),
            CaseColumns.Ticks(complaint.ReceivedAt),
            CaseColumns.Utc(complaint.UpdatedAt),
            JsonSerializer.Serialize(complaint, ComplaintsJson.TypeInfo<Complaint>()),
            CaseColumns.HeldProducts(complaint),
            analysis.Channel,
            analysis.ClosedTicks,
            analysis.AcknowledgedTicks,
            analysis.FindingOutcome,
            analysis.RootCause,
            analysis.ComplainantKey,
            analysis.SubjectKey,
            analysis.RemedyKind,
            analysis.RemedyAmount,
            analysis.RemedyCurrency,
            analysis.LastSatisfaction,
            AnalysisColumns.DeadlineKeptOf(complaint),
        ];
    }

    /// <summary>The values of deadline <paramref name="slot"/> of <paramref name="complaint"/> for a bulk load: every column but the leases, in <see cref="DeadlineColumns"/> order.</summary>
    public static object?[] DeadlineValues(Complaint complaint, int slot)
    {
        var d = complaint.Deadlines[slot];
        var nextAlarm = Ports.DeadlineAlarms.Schedule(complaint)[slot].NextAt;
        return
        [
            complaint.Id.Value, slot, CaseColumns.Of(d.Kind), CaseColumns.Utc(d.DueAt), CaseColumns.Ticks(d.DueAt), CaseColumns.Utc(d.WarnAt),
            d.WarnAt is { } warn ? CaseColumns.Ticks(warn) : null, CaseColumns.Utc(d.MetAt), d.MetAt is { } met ? CaseColumns.Ticks(met) : null,
            CaseColumns.Utc(d.WarnedAt), CaseColumns.Utc(d.BreachedAt), Ports.DeadlineAlarms.ClockRuns(complaint),
            nextAlarm is { } next ? CaseColumns.Ticks(next) : null,
        ];
    }

    /// <summary>The deadline columns <see cref="DeadlineValues"/> fills.</summary>
    public static readonly (string Name, NpgsqlDbType Type)[] DeadlineColumns =
    [
        ("complaint_id", NpgsqlDbType.Uuid), ("slot", NpgsqlDbType.Integer), ("kind", NpgsqlDbType.Text), ("due_at", NpgsqlDbType.TimestampTz),
        ("due_ticks", NpgsqlDbType.Bigint), ("warn_at", NpgsqlDbType.TimestampTz), ("warn_ticks", NpgsqlDbType.Bigint), ("met_at", NpgsqlDbType.TimestampTz),
        ("met_ticks", NpgsqlDbType.Bigint), ("warned_at", NpgsqlDbType.TimestampTz), ("breached_at", NpgsqlDbType.TimestampTz),
        ("clock_running", NpgsqlDbType.Boolean), ("next_alarm_ticks", NpgsqlDbType.Bigint),
    ];
}
