using Complaints.Analysis;
using Npgsql;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>
/// The statements of one period analysis, sent as one batch: each aggregates the cohort (the cases received in the
/// period that meet the filter) over the indexed analysis columns; nothing reads a case's JSON. Every statement has the
/// same parameters (bound once per statement).
/// </summary>
internal static class AnalysisSql
{
    /// <summary>The stored names of the final states.</summary>
    public const string Final = "('closed', 'rejected', 'redirected', 'withdrawn')";

    /// <summary>The grouping columns of <see cref="Cohort"/>, in the order of its <c>GROUPING()</c> bits (the first is the highest bit).</summary>
    public static readonly string[] CohortGroups =
        ["state", "category", "department", "severity", "channel", "finding_outcome", "root_cause", "remedy_kind", "remedy_currency", "last_satisfaction", "day"];

    /// <summary>
    /// The cohort's counts in one pass, by grouping sets: per state, category, department (with its open and closed
    /// cases), severity, channel, finding outcome, root cause, remedy kind and currency (with the amounts' sum), last
    /// satisfaction, local day (received, for the trend), and the totals (received, open, closed, escalated, rewards).
    /// </summary>
    public static string Cohort(string s, string where) => $"""
        SELECT GROUPING({string.Join(", ", CohortGroups.Select(g => "c." + g))}),
               {string.Join(", ", CohortGroups.Select(g => "c." + g))},
               count(*),
               count(*) FILTER (WHERE c.state NOT IN {Final}),
               count(*) FILTER (WHERE c.state = 'closed'),
               count(*) FILTER (WHERE c.escalation_level > 0),
               count(*) FILTER (WHERE c.reward IS NOT NULL),
               count(*) FILTER (WHERE c.reward = '{AnalysisColumns.Eligible}'),
               sum(c.remedy_amount)
        FROM (
            SELECT state, category, department, severity, channel, finding_outcome, root_cause, remedy_kind, remedy_currency,
                   last_satisfaction, escalation_level, reward, remedy_amount, (received_ticks + @offset) / {TimeSpan.TicksPerDay} AS day
            FROM {s}.complaints c WHERE {where}
        ) c
        GROUP BY GROUPING SETS ((c.state), (c.category), (c.department), (c.severity), (c.channel), (c.finding_outcome), (c.root_cause),
                                (c.remedy_kind, c.remedy_currency), (c.last_satisfaction), (c.day), ())
        """;

    /// <summary>
    /// Time to acknowledge and to resolve, overall and per department: counts and nearest-rank percentiles
    /// (<c>percentile_disc(p)</c> is the value at rank ⌈p·n⌉, nulls left out).
    /// </summary>
    public static string Durations(string s, string where) => $"""
        SELECT GROUPING(c.department), c.department,
               count(c.ack), percentile_disc(0.5) WITHIN GROUP (ORDER BY c.ack), percentile_disc(0.9) WITHIN GROUP (ORDER BY c.ack),
               count(c.resolve), percentile_disc(0.5) WITHIN GROUP (ORDER BY c.resolve), percentile_disc(0.9) WITHIN GROUP (ORDER BY c.resolve)
        FROM (
            SELECT department, acknowledged_ticks - received_ticks AS ack,
                   CASE WHEN state = 'closed' THEN closed_ticks - received_ticks END AS resolve
            FROM {s}.complaints c WHERE {where}
        ) c
        GROUP BY GROUPING SETS ((), (c.department))
        """;

    /// <summary>The cohort's deadlines kept, per kind and per department.</summary>
    public static string Deadlines(string s, string where) => $"""
        SELECT GROUPING(d.kind, c.department), d.kind, c.department,
               count(*) FILTER (WHERE d.met_ticks <= d.due_ticks),
               count(*) FILTER (WHERE d.met_ticks > d.due_ticks),
               count(*) FILTER (WHERE d.met_ticks IS NULL AND c.state NOT IN {Final} AND d.due_ticks < @as_of),
               count(*) FILTER (WHERE d.met_ticks IS NULL AND c.state NOT IN {Final} AND d.due_ticks >= @as_of),
               count(*) FILTER (WHERE d.met_ticks IS NULL AND c.state IN {Final})
        FROM {s}.complaints c JOIN {s}.deadlines d ON d.complaint_id = c.id
        WHERE {where}
        GROUP BY GROUPING SETS ((d.kind), (c.department))
        """;

    /// <summary>Open cohort cases with a missed deadline, per department.</summary>
    public static string Overdue(string s, string where) => $"""
        SELECT c.department, count(*)
        FROM {s}.complaints c
        WHERE {where} AND c.state NOT IN {Final}
          AND EXISTS (SELECT 1 FROM {s}.deadlines d WHERE d.complaint_id = c.id AND d.met_ticks IS NULL AND d.due_ticks < @as_of)
        GROUP BY c.department
        """;

    /// <summary>
    /// Cohort cases repeating an earlier case of the same pack within the look-back, by one key. Two plans, the same
    /// count: for a period shorter than the look-back, an index seek per cohort case into the key's
    /// <c>(key, pack, received)</c> index for an earlier case within the look-back; otherwise one ordered pass over the
    /// period and the look-back before it (any filter aside), each case with the latest receipt strictly before its own
    /// in its (key, pack) partition, partitioned bytewise.
    /// </summary>
    /// <param name="s">The quoted schema.</param>
    /// <param name="where">The cohort filter.</param>
    /// <param name="keys">The key columns, compared for equality (bytewise).</param>
    /// <param name="condition">What a case must meet to have the key at all (on alias <c>c</c>).</param>
    /// <param name="seek">Whether to seek per cohort case rather than pass over the period in order.</param>
    public static string Recurrence(string s, string where, string[] keys, string condition, bool seek) => seek
        ? $"""
            SELECT count(*)
            FROM {s}.complaints c
            WHERE {where} AND {condition}
              AND EXISTS (
                  SELECT 1 FROM {s}.complaints e
                  WHERE {string.Join(" AND ", keys.Append("pack_id").Select(k => $"e.{k} COLLATE \"C\" = c.{k} COLLATE \"C\""))}
                    AND {condition.Replace("c.", "e.", StringComparison.Ordinal)}
                    AND e.received_ticks < c.received_ticks AND e.received_ticks >= c.received_ticks - @window)
            """
        : $"""
            SELECT count(*)
            FROM (
                SELECT c.*, max(c.received_ticks) OVER (
                           PARTITION BY {string.Join(", ", keys.Append("pack_id").Select(k => $"c.{k} COLLATE \"C\""))} ORDER BY c.received_ticks
                           RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_ticks
                FROM (
                    SELECT received_ticks, pack_id, department, category, severity, channel, {string.Join(", ", keys.Where(k => k != "department"))}
                    FROM {s}.complaints c
                    WHERE c.received_ticks >= @from - @window AND c.received_ticks < @to AND {condition}
                ) c
            ) c
            WHERE {where} AND c.previous_ticks >= c.received_ticks - @window
            """;

    /// <summary>
    /// The sanctions in force on the cohort's cases, per kind and currency, read from the journal: per case, person and
    /// misconduct, those of the last accountability entry in force (not awaiting confirmation).
    /// </summary>
    public static string Sanctions(string s, string where) => $"""
        WITH assessed AS MATERIALIZED (
            SELECT j.complaint_id, j.sequence, j.entry::jsonb -> 'event' AS event
            FROM {s}.complaints c
            JOIN {s}.journal j ON j.complaint_id = c.id AND j.event_type = 'accountability-assessed'
            WHERE {where}
        )
        SELECT x.sanction->>'kind', x.sanction->'amount'->>'currency', count(*), sum((x.sanction->'amount'->>'amount')::numeric)
        FROM (
            SELECT DISTINCT ON (a.complaint_id, a.event->>'person', a.event->>'misconduct') a.event->'decision'->'sanctions' AS sanctions
            FROM assessed a
            WHERE a.event->>'awaitingConfirmationBy' IS NULL
            ORDER BY a.complaint_id, a.event->>'person', a.event->>'misconduct', a.sequence DESC
        ) a
        CROSS JOIN LATERAL jsonb_array_elements(a.sanctions) AS x(sanction)
        GROUP BY 1, 2
        """;

    /// <summary>The cohort filter on the case table aliased <c>c</c>, with its parameters added to <paramref name="parameters"/>.</summary>
    public static string Where(AnalysisQuery query, NpgsqlParameterCollection parameters)
    {
        var where = new List<string> { "c.received_ticks >= @from", "c.received_ticks < @to" };
        parameters.Add(Parameter("from", NpgsqlDbType.Bigint, query.From.UtcTicks));
        parameters.Add(Parameter("to", NpgsqlDbType.Bigint, query.To.UtcTicks));
        parameters.Add(Parameter("as_of", NpgsqlDbType.Bigint, query.AsOf.UtcTicks));
        parameters.Add(Parameter("offset", NpgsqlDbType.Bigint, query.Offset.Ticks));
        parameters.Add(Parameter("window", NpgsqlDbType.Bigint, query.RecurrenceDays * TimeSpan.TicksPerDay));
        if (query.Pack is { } pack)
        {
            where.Add("c.pack_id = @pack");
            parameters.Add(Parameter("pack", NpgsqlDbType.Text, pack));
        }

        if (query.Department is { } department)
        {
            where.Add("c.department = @department");
            parameters.Add(Parameter("department", NpgsqlDbType.Text, department.Value));
        }

        if (query.Category is { } category)
        {
            where.Add("c.category = @category");
            parameters.Add(Parameter("category", NpgsqlDbType.Text, category));
        }

        if (query.Severity is { } severity)
        {
            where.Add("c.severity = @severity");
            parameters.Add(Parameter("severity", NpgsqlDbType.Text, CaseColumns.Of(severity)));
        }

        if (query.Channel is { } channel)
        {
            where.Add("c.channel = @channel");
            parameters.Add(Parameter("channel", NpgsqlDbType.Text, CaseColumns.Of(channel)));
        }

        return string.Join(" AND ", where);
    }
}
