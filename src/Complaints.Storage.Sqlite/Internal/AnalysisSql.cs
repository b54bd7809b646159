using System.Text;
using Complaints.Analysis;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// The aggregate queries of a period report (<see cref="SqliteComplaintStore.AnalyseAsync"/>). Each reads the cohort as
/// one range of the covering index <c>ix_complaints_analysis</c> (receipt ticks first, every filtered and aggregated
/// column in it), so no query reads a case's JSON; recurrence looks back with seeks on the pack-and-key indexes.
/// </summary>
internal static class AnalysisSql
{
    /// <summary>
    /// The cohort's condition on the covering index (alias <c>c</c>), binding the period and filters on
    /// <paramref name="command"/>.
    /// </summary>
    public static string Cohort(AnalysisQuery query, SqliteCommand command)
    {
        var where = new StringBuilder("c.received_ticks >= $from AND c.received_ticks < $to");
        command.Add("$from", query.From.UtcTicks);
        command.Add("$to", query.To.UtcTicks);
        if (query.Pack is { } pack)
        {
            where.Append(" AND c.policy_id = $pack");
            command.Add("$pack", pack);
        }

        if (query.Department is { } department)
        {
            where.Append(" AND c.department = $department");
            command.Add("$department", department.Value);
        }

        if (query.Category is { } category)
        {
            where.Append(" AND c.category = $category");
            command.Add("$category", category);
        }

        if (query.Severity is { } severity)
        {
            where.Append(" AND c.severity = $severity");
            command.Add("$severity", Spelling<Severity>.Of(severity));
        }

        if (query.Channel is { } channel)
        {
            where.Append(" AND c.channel = $channel");
            command.Add("$channel", Spelling<Channel>.Of(channel));
        }

        return where.ToString();
    }

    /// <summary>The cohort's rows, read from the covering index only.</summary>
    public const string From = "FROM complaints AS c INDEXED BY ix_complaints_analysis";

    /// <summary>
    /// The cases by every small dimension at once, with each group's overdue cases (open with a deadline missed as of
    /// <c>$as_of</c>) and recurrences (an earlier case of the same pack, strictly before and at most <c>$window</c>
    /// ticks before, with the same complainant key, subject key, or department and determined root cause).
    /// Columns: department, state, severity, channel, finding outcome, root cause, satisfaction, remedy kind, reward
    /// (NULL, 0, 1), escalated (0, 1), cases, overdue, same complainant, same subject, same cause. Each look-back is one
    /// index seek, and runs only for a case that can match (CASE, not AND: SQLite may evaluate both sides of an AND).
    /// </summary>
    public static string Groups(string cohort) => $"""
        SELECT c.department, c.state, c.severity, c.channel, c.finding_outcome, c.root_cause, c.satisfaction, c.remedy_kind,
               c.reward_eligible, c.escalation_level > 0, COUNT(*),
               SUM(CASE WHEN c.is_final = 0 THEN EXISTS (
                   SELECT 1 FROM deadlines AS d WHERE d.complaint_id = c.id AND d.met_at IS NULL AND d.due_at < $as_of) ELSE 0 END),
               SUM(CASE WHEN c.complainant_key IS NOT NULL THEN EXISTS (
                   SELECT 1 FROM complaints AS e INDEXED BY ix_complaints_same_complainant
                   WHERE e.complainant_key IS NOT NULL AND e.policy_id = c.policy_id AND e.complainant_key = c.complainant_key
                     AND e.received_ticks < c.received_ticks AND e.received_ticks >= c.received_ticks - $window) ELSE 0 END),
               SUM(EXISTS (
                   SELECT 1 FROM complaints AS e INDEXED BY ix_complaints_same_subject
                   WHERE e.policy_id = c.policy_id AND e.subject_key = c.subject_key
                     AND e.received_ticks < c.received_ticks AND e.received_ticks >= c.received_ticks - $window)),
               SUM(CASE WHEN c.root_cause IS NOT NULL AND c.root_cause <> 'undetermined' AND c.department IS NOT NULL THEN EXISTS (
                   SELECT 1 FROM complaints AS e INDEXED BY ix_complaints_same_cause
                   WHERE e.root_cause IS NOT NULL AND e.root_cause <> 'undetermined' AND e.department IS NOT NULL
                     AND e.policy_id = c.policy_id AND e.department = c.department AND e.root_cause = c.root_cause
                     AND e.received_ticks < c.received_ticks AND e.received_ticks >= c.received_ticks - $window) ELSE 0 END)
        {From}
        WHERE {cohort}
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
        """;

    /// <summary>The cases by local day (days since 0001-01-01 at <c>$offset</c> ticks from UTC) and category.</summary>
    public static string DaysAndCategories(string cohort) => $"""
        SELECT (c.received_ticks + $offset) / {TimeSpan.TicksPerDay}, c.category, COUNT(*)
        {From}
        WHERE {cohort}
        GROUP BY 1, 2;
        """;

    /// <summary>
    /// The remedy amounts by kind and currency, summed exactly: the high and low 32 bits of the micro-units apart (no
    /// 64-bit overflow), with the largest scale of the amounts' text; amounts without micro-units grouped by their text.
    /// Columns: kind, currency, text (only for amounts without units), amounts, high sum, low sum, scale.
    /// </summary>
    public static string RemedyTotals(string cohort) => $"""
        SELECT c.remedy_kind, c.remedy_currency, CASE WHEN c.remedy_units IS NULL THEN c.remedy_amount END, COUNT(*),
               SUM(c.remedy_units >> 32), SUM(c.remedy_units & 4294967295),
               MAX(CASE WHEN instr(c.remedy_amount, '.') > 0 THEN length(c.remedy_amount) - instr(c.remedy_amount, '.') ELSE 0 END)
        {From}
        WHERE {cohort} AND c.remedy_currency IS NOT NULL
        GROUP BY 1, 2, 3;
        """;

    /// <summary>
    /// The cohort's deadlines kept, by department and kind (times compare as their fixed-width text). Columns:
    /// department, kind, met on time, met late, missed, pending, dropped.
    /// </summary>
    public static string Deadlines(string cohort) => $"""
        SELECT c.department, d.kind,
               COUNT(CASE WHEN d.met_at <= d.due_at THEN 1 END),
               COUNT(CASE WHEN d.met_at > d.due_at THEN 1 END),
               COUNT(CASE WHEN d.met_at IS NULL AND c.is_final = 0 AND d.due_at < $as_of THEN 1 END),
               COUNT(CASE WHEN d.met_at IS NULL AND c.is_final = 0 AND d.due_at >= $as_of THEN 1 END),
               COUNT(CASE WHEN d.met_at IS NULL AND c.is_final <> 0 THEN 1 END)
        {From}
        JOIN deadlines AS d ON d.complaint_id = c.id
        WHERE {cohort}
        GROUP BY 1, 2;
        """;

    /// <summary>
    /// The nearest-rank median and 90th percentile of time to resolve (closed cases), and each department's median, by
    /// window functions over the cohort's closed cases. Columns: department, duration ticks, overall rank, count,
    /// department rank, department count.
    /// </summary>
    public static string TimeToResolve(string cohort) => $"""
        SELECT department, duration, overall, total, ranked, counted FROM (
            SELECT c.department, c.closed_ticks - c.received_ticks AS duration,
                   ROW_NUMBER() OVER (ORDER BY c.closed_ticks - c.received_ticks) AS overall,
                   COUNT(*) OVER () AS total,
                   ROW_NUMBER() OVER (PARTITION BY c.department ORDER BY c.closed_ticks - c.received_ticks) AS ranked,
                   COUNT(*) OVER (PARTITION BY c.department) AS counted
            {From}
            WHERE {cohort} AND c.state = 'closed' AND c.closed_ticks IS NOT NULL)
        WHERE overall = (total * 50 + 99) / 100 OR overall = (total * 90 + 99) / 100 OR ranked = (counted * 50 + 99) / 100;
        """;

    /// <summary>The nearest-rank median and 90th percentile of time to acknowledge. Columns: duration ticks, rank, count.</summary>
    public static string TimeToAcknowledge(string cohort) => $"""
        SELECT duration, overall, total FROM (
            SELECT c.acknowledged_ticks - c.received_ticks AS duration,
                   ROW_NUMBER() OVER (ORDER BY c.acknowledged_ticks - c.received_ticks) AS overall,
                   COUNT(*) OVER () AS total
            {From}
            WHERE {cohort} AND c.acknowledged_ticks IS NOT NULL)
        WHERE overall = (total * 50 + 99) / 100 OR overall = (total * 90 + 99) / 100;
        """;

    /// <summary>
    /// The accountability entries of the cohort's cases, by case and sequence: for each cohort case (from the covering
    /// index) a seek into the small partial index of accountability entries, so the cost follows the period's cases,
    /// not the store's entries; only the few entries found are read.
    /// </summary>
    public static string Accountability(string cohort) => $"""
        SELECT j.complaint_id, j.json
        {From}
        CROSS JOIN journal AS j INDEXED BY ix_journal_accountability
        WHERE {cohort} AND j.complaint_id = c.id AND j.event_type = 'accountability-assessed'
        ORDER BY j.complaint_id, j.sequence;
        """;
}
