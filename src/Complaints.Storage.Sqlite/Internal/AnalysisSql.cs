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

    /// <summary>The columns a breakdown counts the values of, with the enum's spellings in the order its counts are selected.</summary>
    public sealed record Dimension(string Column, string[] Values, bool Nullable);

    /// <summary>The breakdowns of <see cref="Departments"/>, in the order of their counts after the first two columns.</summary>
    public static readonly Dimension[] Dimensions =
    [
        Of<ComplaintState>("state", nullable: false),
        Of<Severity>("severity", nullable: true),
        Of<Channel>("channel", nullable: false),
        Of<FindingOutcome>("finding_outcome", nullable: true),
        Of<RootCause>("root_cause", nullable: true),
        Of<Satisfaction>("satisfaction", nullable: true),
        Of<RemedyKind>("remedy_kind", nullable: true),
    ];

    /// <summary>How many bits one count takes in a packed sum of <see cref="Departments"/>: three counts to a 64-bit sum.</summary>
    public const int PackedBits = 21;

    /// <summary>The most cases a department row of a packed <see cref="Departments"/> may have (else it is run unpacked).</summary>
    public const long MaxPacked = (1L << PackedBits) - 1;

    /// <summary>How many sums a breakdown takes when each sums <paramref name="perSum"/> counts (its values, and NULL if it may be).</summary>
    public static int SumsOf(Dimension dimension, int perSum) => (dimension.Values.Length + (dimension.Nullable ? 1 : 0) + perSum - 1) / perSum;

    /// <summary>
    /// The cohort by department, one row each (a dozen rows, not one per case): the cases, then for each of
    /// <see cref="Dimensions"/> how many cases have each value (and none, if it may be NULL), as conditional sums in
    /// one pass over the covering index — <paramref name="perSum"/> counts to a sum, <see cref="PackedBits"/> bits each
    /// (fewer sums are cheaper; a count of more than <see cref="MaxPacked"/> would spill, so the caller runs it with one
    /// count to a sum then); then rewards decided (0 or 1), eligible, escalated, overdue (open with a deadline missed
    /// as of <c>$as_of</c>: the only look-up, one seek into the deadlines table per open case with a deadline not met),
    /// and the recurrences (a gap kept on the row within <c>$window</c> ticks: no look-up). Sums over no non-NULL value
    /// are NULL.
    /// </summary>
    public static string Departments(string cohort, int perSum)
    {
        var columns = new List<string> { "c.department", "COUNT(*)" };
        foreach (var dimension in Dimensions)
        {
            var tests = dimension.Values.Select(v => $"c.{dimension.Column} = '{v}'").ToList();
            if (dimension.Nullable)
            {
                tests.Add($"c.{dimension.Column} IS NULL");
            }

            columns.AddRange(tests.Chunk(perSum).Select(chunk =>
                $"SUM(CASE {string.Join(" ", chunk.Select((test, i) => $"WHEN {test} THEN {1L << (i * PackedBits)}"))} END)"));
        }

        columns.Add("SUM(c.reward_eligible IS NOT NULL)");
        columns.Add("SUM(c.reward_eligible = 1)");
        columns.Add("SUM(c.escalation_level > 0)");
        columns.Add($"""
            SUM(CASE WHEN c.is_final = 0 AND (c.deadlines_kept IS NULL OR c.deadlines_kept & {AnalysisColumns.NotMetMask} <> 0) THEN EXISTS (
                SELECT 1 FROM deadlines AS d WHERE d.complaint_id = c.id AND d.met_at IS NULL AND d.due_at < $as_of) ELSE 0 END)
            """);
        columns.Add("SUM(c.gap_complainant <= $window)");
        columns.Add("SUM(c.gap_subject <= $window)");
        columns.Add("SUM(c.gap_cause <= $window)");
        return $"""
            SELECT {string.Join(",\n       ", columns)}
            {From}
            WHERE {cohort}
            GROUP BY 1;
            """;
    }

    /// <summary>
    /// How the cohort's deadlines were kept, from the rows: the cases by department, final or not, and
    /// <c>deadlines_kept</c> (a few dozen distinct values), for the caller to multiply out. Cases without deadlines and
    /// those whose counts did not fit the row are left out (the latter are read by <see cref="Deadlines"/>). Columns:
    /// department, final (0, 1), deadlines kept, cases.
    /// </summary>
    public static string Kept(string cohort) => $"""
        SELECT c.department, c.is_final <> 0, c.deadlines_kept, COUNT(*)
        {From}
        WHERE {cohort} AND c.deadlines_kept <> 0
        GROUP BY 1, 2, 3;
        """;

    private static Dimension Of<TEnum>(string column, bool nullable)
        where TEnum : struct, Enum => new(column, [.. Enum.GetValues<TEnum>().Select(Spelling<TEnum>.Of)], nullable);

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
    /// The deadlines <see cref="Departments"/> cannot count from the row, by department and kind: those not met of open
    /// cases (missed or pending as of <c>$as_of</c>), and all of a case whose counts did not fit the row
    /// (<c>deadlines_kept</c> NULL). Only those cases are joined to the deadlines table (the condition on the case alone
    /// is kept apart, so the others are skipped before any seek). Times compare as their fixed-width text. Columns:
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
        WHERE {cohort} AND (c.deadlines_kept IS NULL OR (c.is_final = 0 AND c.deadlines_kept & {AnalysisColumns.NotMetMask} <> 0))
          AND (c.deadlines_kept IS NULL OR d.met_at IS NULL)
        GROUP BY 1, 2;
        """;

    /// <summary>
    /// The durations the percentiles are taken from, ranked in memory (a sort of a few longs, cheaper than SQL's window
    /// sorts): per cohort case with either, its department, time to resolve (closed cases) and time to acknowledge, in ticks.
    /// </summary>
    public static string Durations(string cohort) => $"""
        SELECT c.department,
               CASE WHEN c.state = 'closed' THEN c.closed_ticks - c.received_ticks END,
               c.acknowledged_ticks - c.received_ticks
        {From}
        WHERE {cohort} AND ((c.state = 'closed' AND c.closed_ticks IS NOT NULL) OR c.acknowledged_ticks IS NOT NULL);
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
