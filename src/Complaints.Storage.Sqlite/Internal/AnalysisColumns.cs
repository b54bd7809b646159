using System.Globalization;
using Complaints.Analysis;
using Complaints.Journal;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// The columns the period analysis aggregates (schema step 8), computed from the case the same way on every save and
/// in the migration that fills them for older rows. Times are UTC ticks, so durations are exact integer differences;
/// amounts are kept exactly as text and, when they fit, as whole micro-units for exact sums in SQL.
/// </summary>
internal static class AnalysisColumns
{
    /// <summary>The column names, in binding order (see <see cref="Fill"/>).</summary>
    public static readonly string[] Names =
    [
        "received_ticks", "closed_ticks", "acknowledged_ticks", "channel", "complainant_key", "subject_key",
        "finding_outcome", "root_cause", "remedy_kind", "remedy_currency", "remedy_amount", "remedy_units", "satisfaction",
    ];

    /// <summary>How many micro-units make one unit of an amount in <c>remedy_units</c>.</summary>
    public const long UnitsPerAmount = 1_000_000;

    /// <summary>The largest amount kept in micro-units: SQL sums the high and low 32 bits of the units apart, so no sum of a realistic store overflows.</summary>
    private const decimal MaxUnitsAmount = 1_000_000_000_000m;

    /// <summary>Writes the values of <see cref="Names"/> for the case into <paramref name="values"/> from <paramref name="start"/>.</summary>
    public static void Fill(Complaint c, object[] values, int start)
    {
        values[start] = c.ReceivedAt.UtcTicks;
        values[start + 1] = c.ClosedAt is { } closed ? closed.UtcTicks : DBNull.Value;
        values[start + 2] = AcknowledgedAt(c) is { } acknowledged ? acknowledged.UtcTicks : DBNull.Value;
        values[start + 3] = Spelling<Channel>.Of(c.Intake.Channel);
        values[start + 4] = CaseColumns.Nullable(AnalysisKeys.Complainant(c.Intake.Complainant));
        values[start + 5] = AnalysisKeys.Subject(c.Intake.Subject);
        values[start + 6] = c.Findings is { } findings ? Spelling<FindingOutcome>.Of(findings.Outcome) : DBNull.Value;
        values[start + 7] = c.Findings is { } f ? Spelling<RootCause>.Of(f.Cause) : DBNull.Value;
        values[start + 8] = c.Remedy is { } remedy ? Spelling<RemedyKind>.Of(remedy.Kind) : DBNull.Value;
        var amount = c.Remedy?.Amount;
        values[start + 9] = CaseColumns.Nullable(amount?.Currency);
        values[start + 10] = amount is null ? DBNull.Value : Amount(amount.Amount);
        values[start + 11] = amount is not null && Units(amount.Amount) is { } units ? units : DBNull.Value;
        values[start + 12] = LastFollowUp(c) is { } level ? Spelling<Satisfaction>.Of(level) : DBNull.Value;
    }

    /// <summary>How many bits of <c>deadlines_kept</c> hold one count (so one count is at most 15).</summary>
    public const int KeptBits = 4;

    /// <summary>The largest count a field of <c>deadlines_kept</c> holds; a case with more is kept as NULL (read from the deadlines table).</summary>
    public const int MaxKept = (1 << KeptBits) - 1;

    /// <summary>How the deadlines of one kind were kept, in the order of their fields within the kind.</summary>
    public enum Kept
    {
        /// <summary>Met at or before the due time.</summary>
        OnTime,

        /// <summary>Met after the due time.</summary>
        Late,

        /// <summary>Not met (yet): dropped if the case is final, else missed or pending as of the report.</summary>
        NotMet,
    }

    /// <summary>The bit position of the count of <paramref name="kind"/>'s deadlines kept as <paramref name="kept"/> in <c>deadlines_kept</c>.</summary>
    public static int Shift(DeadlineKind kind, Kept kept) => (((int)kind * 3) + (int)kept) * KeptBits;

    /// <summary>The mask of every not-met field of <c>deadlines_kept</c>: non-zero when the case has a deadline not met.</summary>
    public static long NotMetMask { get; } =
        Enum.GetValues<DeadlineKind>().Aggregate(0L, (mask, kind) => mask | ((long)MaxKept << Shift(kind, Kept.NotMet)));

    /// <summary>
    /// The <c>deadlines_kept</c> column: for each <see cref="DeadlineKind"/> how many of the case's deadlines were met on
    /// time, met late and not met, <see cref="KeptBits"/> bits each (<see cref="Shift"/>); <see cref="DBNull"/> when a
    /// count exceeds <see cref="MaxKept"/> (the report then reads the case's deadline rows). None of it depends on the
    /// time of a report: whether a deadline not met is missed, pending or dropped is decided when the report is made.
    /// </summary>
    public static object DeadlinesKept(Complaint c)
    {
        Span<int> counts = stackalloc int[Enum.GetValues<DeadlineKind>().Length * 3];
        foreach (var d in c.Deadlines)
        {
            var kept = d.MetAt is { } met ? (met <= d.DueAt ? Kept.OnTime : Kept.Late) : Kept.NotMet;
            counts[((int)d.Kind * 3) + (int)kept]++;
        }

        long packed = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > MaxKept)
            {
                return DBNull.Value;
            }

            packed |= (long)counts[i] << (i * KeptBits);
        }

        return packed;
    }

    /// <summary>
    /// <see cref="DeadlinesKept"/> as an aggregate over one case's rows of the deadlines table (alias
    /// <paramref name="d"/>; times compare as their fixed-width text), for the migration that fills the column.
    /// </summary>
    public static string DeadlinesKeptSql(string d)
    {
        var counts = Enum.GetValues<DeadlineKind>().SelectMany(kind => new[]
        {
            (Shift: Shift(kind, Kept.OnTime), Count: $"COUNT(CASE WHEN {d}.kind = '{Spelling<DeadlineKind>.Of(kind)}' AND {d}.met_at <= {d}.due_at THEN 1 END)"),
            (Shift: Shift(kind, Kept.Late), Count: $"COUNT(CASE WHEN {d}.kind = '{Spelling<DeadlineKind>.Of(kind)}' AND {d}.met_at > {d}.due_at THEN 1 END)"),
            (Shift: Shift(kind, Kept.NotMet), Count: $"COUNT(CASE WHEN {d}.kind = '{Spelling<DeadlineKind>.Of(kind)}' AND {d}.met_at IS NULL THEN 1 END)"),
        }).ToArray();
        return $"CASE WHEN {string.Join(" OR ", counts.Select(c => $"{c.Count} > {MaxKept}"))} THEN NULL " +
            $"ELSE {string.Join(" + ", counts.Select(c => $"({c.Count} << {c.Shift})"))} END";
    }

    /// <summary>An amount as exact invariant text.</summary>
    public static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>The amount in whole micro-units, or <see langword="null"/> if it has finer digits or is too large to sum safely in SQL.</summary>
    public static long? Units(decimal amount)
    {
        if (amount < 0 || amount > MaxUnitsAmount)
        {
            return null;
        }

        var units = amount * UnitsPerAmount;
        return units == decimal.Truncate(units) ? (long)units : null;
    }

    /// <summary>The earliest met <see cref="DeadlineKind.Acknowledge"/> deadline (see <see cref="PeriodAnalysis.TimeToAcknowledge"/>).</summary>
    public static DateTimeOffset? AcknowledgedAt(Complaint c)
    {
        DateTimeOffset? earliest = null;
        foreach (var d in c.Deadlines)
        {
            if (d.Kind == DeadlineKind.Acknowledge && d.MetAt is { } met && (earliest is null || met < earliest))
            {
                earliest = met;
            }
        }

        return earliest;
    }

    /// <summary>The level of the case's last follow-up (the latest; the later in the list on a tie).</summary>
    public static Satisfaction? LastFollowUp(Complaint c)
    {
        FollowUpContact? last = null;
        foreach (var f in c.FollowUps)
        {
            if (last is null || f.At >= last.At)
            {
                last = f;
            }
        }

        return last?.Satisfaction;
    }

    /// <summary>
    /// The reward column after <paramref name="entries"/>: 1 or 0 for the last closure's reward decision (eligible or
    /// not), <see cref="DBNull"/> for a closure without one; <see langword="null"/> when the entries close nothing (the
    /// column keeps its value).
    /// </summary>
    public static object? Reward(IReadOnlyList<JournalEntry> entries)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Event is ComplaintClosed closed)
            {
                return closed.Reward is { } reward ? (reward.Eligible ? 1 : 0) : DBNull.Value;
            }
        }

        return null;
    }
}
