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

    /// <summary>The three recurrence keys, each with the gap column a save keeps for it.</summary>
    public static readonly RecurrenceKey[] Keys =
    [
        new("complainant_gap", ["complainant_key", "pack_id"], "{0}complainant_key IS NOT NULL"),
        new("subject_gap", ["subject_key", "pack_id"], "{0}subject_key IS NOT NULL"),
        new("cause_gap", ["department", "root_cause", "pack_id"], "{0}root_cause IS NOT NULL AND {0}root_cause <> 'undetermined' AND {0}department IS NOT NULL"),
    ];

    /// <summary>How many deadline kinds <c>deadline_kept</c> counts (three counts each).</summary>
    public static readonly int DeadlineKinds = Enum.GetValues<DeadlineKind>().Length;

    /// <summary>
    /// Locks, until the transaction ends, the recurrence keys whose cases a save changes: for each saved case (the
    /// arrays bound to <c>@lock_ids</c>, <c>@lock_received</c>, <c>@lock_packs</c>, <c>@lock_complainants</c>,
    /// <c>@lock_subjects</c>, <c>@lock_departments</c>, <c>@lock_causes</c>) and each kind of key, the key it has now and
    /// the key it had as stored, when the case is new or its key (or receipt) of that kind changes; nothing for a save
    /// that keeps its keys (most saves: a state change). The lock is a transaction-scoped advisory lock on the key's bucket
    /// (<see cref="LockBucket"/>), taken in hash order (no deadlock between two saves), before any statement of the save reads a
    /// neighbour: two saves moving cases of one key run their gap maintenance one after the other, the second seeing the
    /// first's rows (each later statement of a read-committed transaction takes a new snapshot). Keys hashing alike only
    /// wait for each other.
    /// </summary>
    public static string LockKeys(string s)
    {
        static string Complainant(string p) => $"'complainant:' || {p}pack_id || ':' || {p}complainant_key";
        static string Subject(string p) => $"'subject:' || {p}pack_id || ':' || {p}subject_key";
        static string Cause(string p) => $"CASE WHEN {p}root_cause <> 'undetermined' THEN 'cause:' || {p}pack_id || ':' || {p}department || ':' || {p}root_cause END";
        return $"""
            SELECT count(pg_advisory_xact_lock({LockSpace(s)}, l.h)) FROM (
                SELECT DISTINCT {LockBucket("k.k")} AS h
                FROM unnest(@lock_ids, @lock_received, @lock_packs, @lock_complainants, @lock_subjects, @lock_departments, @lock_causes)
                    AS u(id, received_ticks, pack_id, complainant_key, subject_key, department, root_cause)
                LEFT JOIN {s}.complaints o ON o.id = u.id
                CROSS JOIN LATERAL (VALUES ({Complainant("u.")}, {Complainant("o.")}), ({Subject("u.")}, {Subject("o.")}), ({Cause("u.")}, {Cause("o.")}))
                    AS p(new_key, old_key)
                CROSS JOIN LATERAL (VALUES (p.new_key), (p.old_key)) AS k(k)
                WHERE k.k IS NOT NULL AND (p.new_key IS DISTINCT FROM p.old_key OR u.received_ticks IS DISTINCT FROM o.received_ticks)
                ORDER BY 1
            ) l
            """;
    }

    /// <summary>How many lock buckets the recurrence keys hash into: a bulk save of any size holds at most this many locks.</summary>
    public const int LockBuckets = 1024;

    /// <summary>The first key of the gap locks (two-key advisory locks): a hash of the schema, so stores in other schemas never wait for each other.</summary>
    private static string LockSpace(string s) => $"hashtext('{s.Replace("'", "''", StringComparison.Ordinal)}.keep_gaps')";

    /// <summary>
    /// The second key of the gap lock of recurrence key <paramref name="key"/> (an SQL text expression): its 64-bit hash
    /// reduced to one of <see cref="LockBuckets"/> buckets, so the locks of a large bulk save fit PostgreSQL's lock table;
    /// keys sharing a bucket only wait for each other.
    /// </summary>
    private static string LockBucket(string key) => $"(hashtextextended({key}, 0) & {LockBuckets - 1})::integer";

    /// <summary>
    /// Whether the stored row (columns unprefixed) has the same key of this kind, and the same receipt, as the case being
    /// written (the parameters): then its gap, and its neighbours', stay as they are.
    /// </summary>
    private static string Unchanged(RecurrenceKey key) =>
        $"({key.Condition("")} AND {key.Condition("@")} AND {key.Match("", "@")} AND received_ticks = @received_ticks " +
        $"OR NOT ({key.Condition("")}) AND NOT ({key.Condition("@")}) AND received_ticks = @received_ticks)";

    /// <summary>
    /// The gap of the case being written (its parameters: <c>@id</c>, <c>@received_ticks</c> and the key's columns) to the
    /// latest case with the same key received strictly before it, in ticks; null without the key or an earlier case.
    /// </summary>
    public static string GapOfWrite(string s, RecurrenceKey key) => $"""
        CASE WHEN {key.Condition("@")} THEN @received_ticks - (
            SELECT max(e.received_ticks) FROM {s}.complaints e
            WHERE {key.Match("e.", "@")} AND {key.Condition("e.")} AND e.received_ticks < @received_ticks AND e.id <> @id) END
        """;

    /// <summary>
    /// The gap column's value in the update of a stored case: kept when its key and receipt stay (no lock is taken then,
    /// and a neighbour's concurrent save may have just set it), else <see cref="GapOfWrite"/>.
    /// </summary>
    public static string GapOfUpdate(string s, RecurrenceKey key) =>
        $"CASE WHEN {Unchanged(key)} THEN {key.Gap} ELSE {GapOfWrite(s, key)} END";

    /// <summary>
    /// Before a stored case is rewritten with another key (or receipt) than it has: the gap of the next cases with its
    /// old key (those of the earliest receipt after its own) recomputed without it. Changes nothing when the key and the
    /// receipt stay.
    /// </summary>
    public static string Detach(string s, RecurrenceKey key) => $"""
        WITH o AS (
            SELECT {string.Join(", ", key.Columns)}, received_ticks FROM {s}.complaints
            WHERE id = @id AND {key.Condition("")} AND NOT {Unchanged(key)}
        ), n AS (
            SELECT o.*, (SELECT min(e.received_ticks) FROM {s}.complaints e
                         WHERE {key.Match("e.", "o.")} AND {key.Condition("e.")} AND e.received_ticks > o.received_ticks) AS next_ticks
            FROM o
        ), u AS (
            SELECT c.id, c.received_ticks - (
                       SELECT max(e.received_ticks) FROM {s}.complaints e
                       WHERE {key.Match("e.", "c.")} AND {key.Condition("e.")} AND e.received_ticks < c.received_ticks AND e.id <> @id) AS gap
            FROM n JOIN {s}.complaints c ON {key.Match("c.", "n.")} AND {key.Condition("c.")} AND c.received_ticks = n.next_ticks
        )
        UPDATE {s}.complaints c SET {key.Gap} = u.gap FROM u WHERE c.id = u.id AND c.{key.Gap} IS DISTINCT FROM u.gap
        """;

    /// <summary>
    /// Before a case is written with a key (or receipt) it did not have (a new case too): the gap of the next cases with
    /// its new key (those of the earliest receipt after its own) is the time since it. Changes nothing when the key and
    /// the receipt stay, or when they already have it.
    /// </summary>
    public static string Attach(string s, RecurrenceKey key) => $"""
        WITH x AS (
            SELECT 1 WHERE {key.Condition("@")}
              AND NOT EXISTS (SELECT 1 FROM {s}.complaints WHERE id = @id AND {Unchanged(key)})
        ), n AS (
            SELECT min(e.received_ticks) AS next_ticks FROM {s}.complaints e
            WHERE EXISTS (SELECT 1 FROM x) AND {key.Match("e.", "@")} AND {key.Condition("e.")} AND e.received_ticks > @received_ticks AND e.id <> @id
        )
        UPDATE {s}.complaints c SET {key.Gap} = c.received_ticks - @received_ticks
        FROM n
        WHERE {key.Match("c.", "@")} AND {key.Condition("c.")} AND c.received_ticks = n.next_ticks AND c.id <> @id
          AND c.{key.Gap} IS DISTINCT FROM c.received_ticks - @received_ticks
        """;

    /// <summary>
    /// The function every save calls before writing a case (<c>keep_gaps</c>, created by migration 10): for each kind of
    /// recurrence key the case takes or leaves (a new case, findings naming a cause, another department, another
    /// receipt), it locks the old and the new key (<see cref="LockKeys"/>'s locks, in hash order), then updates the gaps
    /// of the next cases of the old key (<see cref="Detach"/>) and of the new key (<see cref="Attach"/>). A case that
    /// keeps its keys costs one primary-key read and takes no lock. Each statement of the (volatile) function takes a
    /// new snapshot, so what follows the lock sees every save that held it before.
    /// </summary>
    public static string KeepGapsFunction(string s)
    {
        static string P(string sql) => sql.Replace("@", "p_", StringComparison.Ordinal);
        static string Complainant(string p) => $"'complainant:' || {p}pack_id || ':' || {p}complainant_key";
        static string Subject(string p) => $"'subject:' || {p}pack_id || ':' || {p}subject_key";
        static string Cause(string p) => $"CASE WHEN {p}root_cause <> 'undetermined' THEN 'cause:' || {p}pack_id || ':' || {p}department || ':' || {p}root_cause END";
        string[] news = [Complainant("p_"), Subject("p_"), Cause("p_")];
        string[] olds = [Complainant("v_row."), Subject("v_row."), Cause("v_row.")];
        var keys = string.Join(", ", Enumerable.Range(0, Keys.Length).SelectMany(k => new[]
        {
            $"CASE WHEN NOT v_kept[{k + 1}] THEN {news[k]} END", $"CASE WHEN NOT v_kept[{k + 1}] AND v_row.stored THEN {olds[k]} END",
        }));
        var steps = string.Join("\n", Keys.Select((key, k) => $"""
                IF NOT v_kept[{k + 1}] THEN
                    {P(Detach(s, key))};
                    {P(Attach(s, key))};
                END IF;
            """));
        return $"""
            CREATE OR REPLACE FUNCTION {s}.keep_gaps(
                p_id uuid, p_received_ticks bigint, p_pack_id text, p_complainant_key text, p_subject_key text, p_department text, p_root_cause text)
            RETURNS void LANGUAGE plpgsql VOLATILE AS $keep_gaps$
            DECLARE
                v_row record;
                v_kept boolean[];
            BEGIN
                SELECT true AS stored, pack_id, complainant_key, subject_key, department, root_cause,
                       ARRAY[{string.Join(", ", Keys.Select(k => P(Unchanged(k))))}] AS unchanged
                INTO v_row FROM {s}.complaints WHERE id = p_id;
                IF NOT FOUND THEN
                    SELECT false AS stored, NULL::text AS pack_id, NULL::text AS complainant_key, NULL::text AS subject_key,
                           NULL::text AS department, NULL::text AS root_cause, ARRAY[false, false, false] AS unchanged INTO v_row;
                END IF;
                v_kept := v_row.unchanged;
                IF v_kept[1] AND v_kept[2] AND v_kept[3] THEN
                    RETURN;
                END IF;
                PERFORM pg_advisory_xact_lock({LockSpace(s)}, l.h) FROM (
                    SELECT DISTINCT {LockBucket("k.k")} AS h FROM unnest(ARRAY[{keys}]) AS k(k) WHERE k.k IS NOT NULL ORDER BY 1
                ) l;
            {steps}
            END
            $keep_gaps$
            """;
    }

    /// <summary>
    /// Fills the recurrence gaps and the kept-deadline counts of every stored case in one statement (the migration that
    /// adds them; bulk loads): per key, the time since the latest earlier receipt in the key's partition (ordered by
    /// receipt, ties excluded), and per deadline kind the deadlines met on time, met late and, for a case in a final
    /// state, never met.
    /// </summary>
    public static string Backfill(string s)
    {
        string Window(RecurrenceKey key) => $"""
            CASE WHEN {key.Condition("x.")} THEN x.received_ticks - max(x.received_ticks) OVER (
                PARTITION BY {string.Join(", ", key.Columns.Select(k => $"x.{k} COLLATE \"C\""))} ORDER BY x.received_ticks
                RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END AS {key.Gap}
            """;
        var counts = Enum.GetValues<DeadlineKind>().SelectMany(kind => new[]
        {
            $"count(*) FILTER (WHERE d.kind = '{CaseColumns.Of(kind)}' AND d.met_ticks <= d.due_ticks)",
            $"count(*) FILTER (WHERE d.kind = '{CaseColumns.Of(kind)}' AND d.met_ticks > d.due_ticks)",
            $"count(*) FILTER (WHERE d.kind = '{CaseColumns.Of(kind)}' AND d.met_ticks IS NULL AND x.state IN {Final})",
        });
        return $"""
            UPDATE {s}.complaints c SET
                {string.Join(", ", Keys.Select(k => $"{k.Gap} = g.{k.Gap}"))},
                deadline_kept = coalesce(k.kept, array_fill(0, ARRAY[{DeadlineKinds * 3}]))
            FROM (
                SELECT x.id, {string.Join(", ", Keys.Select(Window))}
                FROM {s}.complaints x
            ) g
            LEFT JOIN (
                SELECT d.complaint_id, ARRAY[{string.Join(", ", counts)}]::integer[] AS kept
                FROM {s}.deadlines d JOIN {s}.complaints x ON x.id = d.complaint_id
                GROUP BY d.complaint_id
            ) k ON k.complaint_id = g.id
            WHERE c.id = g.id
            """;
    }

    /// <summary>The grouping columns of <see cref="Counts"/>, in the order of its <c>GROUPING()</c> bits (the first is the highest bit).</summary>
    public static readonly string[] CountGroups =
        ["state", "category", "severity", "channel", "finding_outcome", "root_cause", "remedy_kind", "remedy_currency", "last_satisfaction", "day"];

    /// <summary>
    /// The cohort's totals and its departments', in one pass hashed by department and kept-deadline counts (few distinct
    /// arrays: summing them here per row would cost more than grouping by them), with conditional counts: received,
    /// open, closed, escalated, rewards decided and eligible, and the recurrences (a kept gap within the look-back). The
    /// totals are the sums of the rows. Columns: department, deadline_kept, then those in that order.
    /// </summary>
    public static string Totals(string s, string where) => $"""
        SELECT c.department, c.deadline_kept,
               count(*),
               count(*) FILTER (WHERE c.state NOT IN {Final}),
               count(*) FILTER (WHERE c.state = 'closed'),
               count(*) FILTER (WHERE c.escalation_level > 0),
               count(*) FILTER (WHERE c.reward IS NOT NULL),
               count(*) FILTER (WHERE c.reward = '{AnalysisColumns.Eligible}'),
               {string.Join(", ", Keys.Select(k => $"count(*) FILTER (WHERE c.{k.Gap} <= @window)"))}
        FROM {s}.complaints c WHERE {where}
        GROUP BY c.department, c.deadline_kept
        """;

    /// <summary>
    /// The cohort's counts in one pass, by grouping sets: per state, category, severity, channel, finding outcome, root
    /// cause, remedy kind and currency (with the amounts' sum), last satisfaction and local day (received, for the trend).
    /// Columns: grouping, the <see cref="CountGroups"/>, count, amounts' sum.
    /// </summary>
    public static string Counts(string s, string where) => $"""
        SELECT GROUPING({string.Join(", ", CountGroups.Select(g => "c." + g))}),
               {string.Join(", ", CountGroups.Select(g => "c." + g))},
               count(*),
               sum(c.remedy_amount)
        FROM (
            SELECT state, category, severity, channel, finding_outcome, root_cause, remedy_kind, remedy_currency,
                   last_satisfaction, remedy_amount, (received_ticks + @offset) / {TimeSpan.TicksPerDay} AS day
            FROM {s}.complaints c WHERE {where}
        ) c
        GROUP BY GROUPING SETS ((c.state), (c.category), (c.severity), (c.channel), (c.finding_outcome), (c.root_cause),
                                (c.remedy_kind, c.remedy_currency), (c.last_satisfaction), (c.day))
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

    /// <summary>
    /// The deadlines not met of the cohort's cases not in a final state (the only figures that depend on the as-of time),
    /// per department: per <see cref="DeadlineKind"/> (in order) the missed and the pending, then the cases with a missed
    /// one (overdue). A seek per open case into the deadlines not met.
    /// </summary>
    public static string OpenDeadlines(string s, string where)
    {
        var kinds = Enum.GetValues<DeadlineKind>().Select(CaseColumns.Of).ToArray();
        return $"""
            SELECT c.department, {string.Join(", ", Enumerable.Range(0, kinds.Length).Select(k => $"sum(x.missed_{k}), sum(x.pending_{k})"))},
                   count(*) FILTER (WHERE x.overdue)
            FROM {s}.complaints c
            CROSS JOIN LATERAL (
                SELECT {string.Join(", ", kinds.Select((kind, k) =>
                           $"count(*) FILTER (WHERE d.kind = '{kind}' AND d.due_ticks < @as_of) AS missed_{k}, " +
                           $"count(*) FILTER (WHERE d.kind = '{kind}' AND d.due_ticks >= @as_of) AS pending_{k}"))},
                       coalesce(bool_or(d.due_ticks < @as_of), false) AS overdue
                FROM {s}.deadlines d WHERE d.complaint_id = c.id AND d.met_ticks IS NULL
            ) x
            WHERE {where} AND c.state NOT IN {Final}
            GROUP BY c.department
            """;
    }

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

/// <summary>
/// A recurrence key: the columns whose equality (bytewise) makes two cases of the same pack "the same", the condition a
/// case must meet to have the key at all, and the case column keeping the gap to the previous case with it.
/// </summary>
/// <param name="Gap">The gap column.</param>
/// <param name="Columns">The key's columns (the last is the pack), in the order of the key's index.</param>
/// <param name="ConditionFormat">The condition, <c>{0}</c> standing for the column prefix (an alias with its dot, or <c>@</c> for the parameters).</param>
internal sealed record RecurrenceKey(string Gap, string[] Columns, string ConditionFormat)
{
    /// <summary>The condition on the columns prefixed with <paramref name="prefix"/>.</summary>
    public string Condition(string prefix) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ConditionFormat, prefix);

    /// <summary>The key's columns prefixed <paramref name="a"/> equal to those prefixed <paramref name="b"/>, bytewise.</summary>
    public string Match(string a, string b) => string.Join(" AND ", Columns.Select(k => $"{a}{k} COLLATE \"C\" = {b}{k} COLLATE \"C\""));
}
