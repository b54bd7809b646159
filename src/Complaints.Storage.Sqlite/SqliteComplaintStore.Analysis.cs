using System.Globalization;
using System.Text.Json;
using Complaints.Analysis;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite;

/// <summary>
/// The period analysis, computed in the database: a handful of aggregate queries over the cohort's range of one covering
/// index (<see cref="AnalysisSql"/>), in one read transaction; ordering, shares and rates as the figures' docs say.
/// </summary>
public sealed partial class SqliteComplaintStore : IComplaintAnalytics
{
    /// <inheritdoc />
    /// <remarks>
    /// Reads only the analysis columns of the period's cases (schema versions 8 and 11: receipt and closure as ticks,
    /// findings, remedy, last satisfaction, reward, the gaps to the previous case with the same key, how the deadlines
    /// were kept), the deadline rows of the cohort's open cases with a deadline not met, and its few accountability
    /// journal entries; no case is loaded. The cost grows with the period's cases, not the store's: each query is one
    /// pass over the cohort's range of the covering index, grouped by department at most.
    /// </remarks>
    public async Task<PeriodAnalysis> AnalyseAsync(AnalysisQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for every query (WAL: a read transaction sees one state and blocks no writer).
        using var transaction = connection.BeginTransaction(deferred: true);
        var rows = await DepartmentsAsync(connection, transaction, query, CountsPerSum, cancellationToken).ConfigureAwait(false);
        if (CountsPerSum > 1 && rows.Any(r => r.Cases > AnalysisSql.MaxPacked))
        {
            // So many cases in a department that a count could spill into the next: one count to a sum.
            rows = await DepartmentsAsync(connection, transaction, query, 1, cancellationToken).ConfigureAwait(false);
        }

        var (trend, byCategory) = await DaysAndCategoriesAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var totals = await RemedyTotalsAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var deadlines = await DeadlinesAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        await KeptAsync(connection, transaction, query, deadlines, cancellationToken).ConfigureAwait(false);
        var (resolve, acknowledge, departmentMedians) = await DurationsAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var sanctions = await SanctionsAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var departments = rows
            .Select(row =>
            {
                var kept = deadlines.Where(d => string.Equals(d.Department, row.Department, StringComparison.Ordinal)).ToArray();
                int onTime = kept.Sum(k => k.MetOnTime), due = kept.Sum(k => k.MetOnTime + k.MetLate + k.Missed);
                return new DepartmentFigures(
                    row.Department is null ? null : new DepartmentId(row.Department),
                    row.Cases,
                    States.Where(s => !IsFinal(s.State)).Sum(s => row.Counts[s.Index]),
                    row.Counts[ClosedIndex],
                    row.Overdue,
                    due > 0 ? (double)onTime / due : null,
                    departmentMedians.TryGetValue(row.Department ?? NoDepartment, out var median) ? median : null);
            })
            .OrderBy(r => r.Department is null)
            .ThenByDescending(r => r.Received)
            .ThenBy(r => r.Department?.Value, StringComparer.Ordinal)
            .ToArray();

        var withFindings = Enum.GetValues<RootCause>()
            .Select(cause => (Cause: cause, Count: Total(rows, Breakdown.RootCause, (int)cause)))
            .Where(r => r.Count > 0)
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Cause.ToString(), StringComparer.Ordinal)
            .ToArray();
        var findings = withFindings.Sum(r => r.Count);
        var running = 0;
        var pareto = new ParetoRow[withFindings.Length];
        for (var i = 0; i < withFindings.Length; i++)
        {
            running += withFindings[i].Count;
            pareto[i] = new ParetoRow(withFindings[i].Cause, withFindings[i].Count, (double)withFindings[i].Count / findings, (double)running / findings);
        }

        var levels = Enum.GetValues<Satisfaction>();
        return new PeriodAnalysis
        {
            Query = query,
            Received = rows.Sum(r => r.Cases),
            Open = States.Where(s => !IsFinal(s.State)).Sum(s => rows.Sum(r => r.Counts[s.Index])),
            Closed = rows.Sum(r => r.Counts[ClosedIndex]),
            Trend = trend,
            ByState = Rows<ComplaintState>(rows, Breakdown.State),
            ByCategory = byCategory,
            ByDepartment = CountRows(rows.Select(r => new CountRow(r.Department, r.Cases))),
            BySeverity = Rows<Severity>(rows, Breakdown.Severity),
            ByChannel = Rows<Channel>(rows, Breakdown.Channel),
            ByFinding = Rows<FindingOutcome>(rows, Breakdown.Finding),
            RootCauses = pareto,
            Recurrence = new RecurrenceFigures(
                query.RecurrenceDays, rows.Sum(r => r.SameComplainant), rows.Sum(r => r.SameSubject), rows.Sum(r => r.SameCause)),
            Deadlines = [.. Enum.GetValues<DeadlineKind>().Select(kind =>
            {
                var kept = deadlines.Where(d => d.Kind == kind).ToArray();
                return new DeadlineFigures(
                    kind, kept.Sum(k => k.MetOnTime), kept.Sum(k => k.MetLate), kept.Sum(k => k.Missed), kept.Sum(k => k.Pending), kept.Sum(k => k.Dropped));
            })],
            TimeToAcknowledge = acknowledge,
            TimeToResolve = resolve,
            Escalated = rows.Sum(r => r.Escalated),
            Remedies = Remedies(rows, totals),
            Satisfaction = new SatisfactionFigures(
                levels.Sum(level => Total(rows, Breakdown.Satisfaction, (int)level)),
                [.. levels.Select(level => new SatisfactionCount(level, Total(rows, Breakdown.Satisfaction, (int)level)))]),
            Rewards = new RewardFigures(rows.Sum(r => r.RewardDecided), rows.Sum(r => r.RewardEligible)),
            Sanctions = sanctions,
            Departments = departments,
        };
    }

    /// <summary>The key of the cases without a department among the department medians (no department id is NUL).</summary>
    private const string NoDepartment = "\0";

    private static bool IsFinal(ComplaintState state) =>
        state is ComplaintState.Closed or ComplaintState.Rejected or ComplaintState.Redirected or ComplaintState.Withdrawn;

    /// <summary>The breakdowns of <see cref="AnalysisSql.Dimensions"/>, by their index there.</summary>
    private enum Breakdown
    {
        State,
        Severity,
        Channel,
        Finding,
        RootCause,
        Satisfaction,
        Remedy,
    }

    /// <summary>Where each breakdown's counts start in <see cref="DepartmentRow.Counts"/> (the NULL count, if any, after the values').</summary>
    private static readonly int[] Offsets = [.. AnalysisSql.Dimensions.Select((d, i) => AnalysisSql.Dimensions.Take(i).Sum(e => e.Values.Length + (e.Nullable ? 1 : 0)))];

    private static readonly (ComplaintState State, int Index)[] States =
        [.. Enum.GetValues<ComplaintState>().Select(s => (s, Offsets[(int)Breakdown.State] + Array.IndexOf(Enum.GetValues<ComplaintState>(), s)))];

    private static readonly int ClosedIndex = States.Single(s => s.State == ComplaintState.Closed).Index;

    /// <summary>The cohort's cases with the <paramref name="value"/>-th value (in enum order) of a breakdown.</summary>
    private static int Total(List<DepartmentRow> rows, Breakdown breakdown, int value) =>
        rows.Sum(r => r.Counts[Offsets[(int)breakdown] + value]);

    /// <summary>A breakdown's count rows, keyed by the enum's names (no key for the cases without a value).</summary>
    private static CountRow[] Rows<TEnum>(List<DepartmentRow> rows, Breakdown breakdown)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var counted = values.Select((v, i) => new CountRow(v.ToString(), Total(rows, breakdown, i)));
        if (AnalysisSql.Dimensions[(int)breakdown].Nullable)
        {
            counted = counted.Append(new CountRow(null, Total(rows, breakdown, values.Length)));
        }

        return CountRows(counted);
    }

    /// <summary>Count rows with a case, as <see cref="CountRow"/> orders them: by count (descending), then key (ordinal), the row without a key last.</summary>
    private static CountRow[] CountRows(IEnumerable<CountRow> rows) =>
        [.. rows.Where(r => r.Count > 0)
            .OrderBy(r => r.Key is null)
            .ThenByDescending(r => r.Count)
            .ThenBy(r => r.Key, StringComparer.Ordinal)];

    /// <summary>The remedies by kind (those with a case), with the amounts' totals per currency.</summary>
    private static RemedyFigures[] Remedies(List<DepartmentRow> rows, Dictionary<(RemedyKind Kind, string Currency), (decimal Sum, int Scale)> totals) =>
        [.. Enum.GetValues<RemedyKind>().Select((kind, i) => (Kind: kind, Count: Total(rows, Breakdown.Remedy, i)))
            .Where(r => r.Count > 0)
            .OrderBy(r => r.Kind)
            .Select(r => new RemedyFigures(
                r.Kind,
                r.Count,

                // A decimal sum carries the largest scale of its terms (100.50 + 200 is 300.50): so does this one.
                [.. totals.Where(t => t.Key.Kind == r.Kind).OrderBy(t => t.Key.Currency, StringComparer.Ordinal)
                    .Select(t => new Money(decimal.Round(t.Value.Sum, t.Value.Scale), t.Key.Currency))]))];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, Func<string, string> sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql(AnalysisSql.Cohort(query, command));
        return command;
    }

    /// <summary>
    /// How many counts the department pass packs into one sum (<see cref="AnalysisSql.Departments"/>): 3, or 1 to check
    /// the packed figures against (tests). A department with more than <see cref="AnalysisSql.MaxPacked"/> cases is
    /// counted with 1 whatever this says.
    /// </summary>
    internal int CountsPerSum { get; init; } = 3;

    private static async Task<List<DepartmentRow>> DepartmentsAsync(
        SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, int perSum, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, cohort => AnalysisSql.Departments(cohort, perSum));
        command.Add("$as_of", CaseColumns.Time(query.AsOf));
        command.Add("$window", query.RecurrenceDays * TimeSpan.TicksPerDay);
        var rows = new List<DepartmentRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long Long(int i) => reader.IsDBNull(i) ? 0 : reader.GetInt64(i);
            var cases = reader.GetInt32(1);
            var counts = new int[Offsets[^1] + AnalysisSql.Dimensions[^1].Values.Length + (AnalysisSql.Dimensions[^1].Nullable ? 1 : 0)];
            var column = 2;
            for (var d = 0; d < AnalysisSql.Dimensions.Length; d++)
            {
                var dimension = AnalysisSql.Dimensions[d];
                var values = dimension.Values.Length + (dimension.Nullable ? 1 : 0);
                for (var v = 0; v < values; v++)
                {
                    var sum = Long(column + (v / perSum));
                    counts[Offsets[d] + v] = (int)((sum >> ((v % perSum) * AnalysisSql.PackedBits)) & AnalysisSql.MaxPacked);
                }

                column += AnalysisSql.SumsOf(dimension, perSum);

                // A value no enum of this store spells is counted under none of its values: refuse it, as reading it would.
                if (counts.AsSpan(Offsets[d], values).ToArray().Sum() != cases)
                {
                    throw new InvalidOperationException($"The database holds a {dimension.Column} value this store does not know; it was not written by this store.");
                }
            }

            rows.Add(new DepartmentRow(
                reader.IsDBNull(0) ? null : reader.GetString(0), cases, counts,
                (int)Long(column), (int)Long(column + 1), (int)Long(column + 2), (int)Long(column + 3), (int)Long(column + 4), (int)Long(column + 5), (int)Long(column + 6)));
        }

        return rows;
    }

    /// <summary>Adds to <paramref name="kept"/> the deadlines counted from the rows (<see cref="AnalysisSql.Kept"/>).</summary>
    private static async Task KeptAsync(SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, List<KeptRow> kept, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.Kept);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var department = reader.IsDBNull(0) ? null : reader.GetString(0);
            var final = reader.GetInt64(1) != 0;
            var packed = reader.GetInt64(2);
            var cases = reader.GetInt32(3);
            int Count(DeadlineKind kind, AnalysisColumns.Kept how) => cases * (int)((packed >> AnalysisColumns.Shift(kind, how)) & AnalysisColumns.MaxKept);
            foreach (var kind in Enum.GetValues<DeadlineKind>())
            {
                // Not met by a final case: dropped. Not met by an open one: missed or pending, read by DeadlinesAsync.
                kept.Add(new KeptRow(
                    department, kind, Count(kind, AnalysisColumns.Kept.OnTime), Count(kind, AnalysisColumns.Kept.Late), 0, 0,
                    final ? Count(kind, AnalysisColumns.Kept.NotMet) : 0));
            }
        }
    }

    private static async Task<(TrendPoint[] Trend, CountRow[] ByCategory)> DaysAndCategoriesAsync(
        SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.DaysAndCategories);
        command.Add("$offset", query.Offset.Ticks);
        var buckets = new Dictionary<long, int>();
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var uncategorised = 0;
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Buckets are whole local days, so a day's cases share its bucket.
                var day = new DateTimeOffset(reader.GetInt64(0) * TimeSpan.TicksPerDay, query.Offset);
                var bucket = query.BucketStart(day).UtcTicks;
                var count = reader.GetInt32(2);
                buckets[bucket] = buckets.GetValueOrDefault(bucket) + count;
                if (reader.IsDBNull(1))
                {
                    uncategorised += count;
                }
                else
                {
                    categories[reader.GetString(1)] = categories.GetValueOrDefault(reader.GetString(1)) + count;
                }
            }
        }

        var byCategory = categories.Select(p => new CountRow(p.Key, p.Value))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        if (uncategorised > 0)
        {
            byCategory.Add(new CountRow(null, uncategorised));
        }

        return ([.. query.BucketStarts().Select(start => new TrendPoint(start, buckets.GetValueOrDefault(start.UtcTicks)))], [.. byCategory]);
    }

    private static async Task<Dictionary<(RemedyKind Kind, string Currency), (decimal Sum, int Scale)>> RemedyTotalsAsync(
        SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.RemedyTotals);
        var totals = new Dictionary<(RemedyKind Kind, string Currency), (decimal Sum, int Scale)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = (Spelling<RemedyKind>.Parse(reader.GetString(0)), reader.GetString(1));
                decimal sum;
                if (!reader.IsDBNull(2))
                {
                    // Amounts too large or too fine for micro-units, summed here from their exact text.
                    sum = decimal.Parse(reader.GetString(2), NumberStyles.Number, CultureInfo.InvariantCulture) * reader.GetInt32(3);
                }
                else
                {
                    sum = ((decimal)reader.GetInt64(4) * 4294967296m + reader.GetInt64(5)) / AnalysisColumns.UnitsPerAmount;
                }

                var (before, scale) = totals.GetValueOrDefault(key);
                totals[key] = (before + sum, Math.Max(scale, reader.GetInt32(6)));
            }
        }

        return totals;
    }

    private static async Task<List<KeptRow>> DeadlinesAsync(SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.Deadlines);
        command.Add("$as_of", CaseColumns.Time(query.AsOf));
        var rows = new List<KeptRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new KeptRow(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                Spelling<DeadlineKind>.Parse(reader.GetString(1)),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                reader.GetInt32(6)));
        }

        return rows;
    }

    private static async Task<(DurationFigures Resolve, DurationFigures Acknowledge, Dictionary<string, TimeSpan> DepartmentMedians)> DurationsAsync(
        SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.Durations);
        var resolve = new List<long>();
        var acknowledge = new List<long>();
        var byDepartment = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            List<long>? current = null;
            string? currentDepartment = null;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!reader.IsDBNull(1))
                {
                    var ticks = reader.GetInt64(1);
                    resolve.Add(ticks);
                    var department = reader.IsDBNull(0) ? NoDepartment : reader.GetString(0);
                    if (current is null || !string.Equals(department, currentDepartment, StringComparison.Ordinal))
                    {
                        if (!byDepartment.TryGetValue(department, out current))
                        {
                            byDepartment[department] = current = [];
                        }

                        currentDepartment = department;
                    }

                    current.Add(ticks);
                }

                if (!reader.IsDBNull(2))
                {
                    acknowledge.Add(reader.GetInt64(2));
                }
            }
        }

        return (Percentiles(resolve), Percentiles(acknowledge), byDepartment.ToDictionary(p => p.Key, p => Percentiles(p.Value).Median!.Value, StringComparer.Ordinal));
    }

    /// <summary>The nearest-rank median and 90th percentile of the durations (ticks), sorting them in place.</summary>
    private static DurationFigures Percentiles(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return new DurationFigures(0, null, null);
        }

        ticks.Sort();
        return new DurationFigures(
            ticks.Count,
            TimeSpan.FromTicks(ticks[DurationFigures.NearestRank(ticks.Count, 50) - 1]),
            TimeSpan.FromTicks(ticks[DurationFigures.NearestRank(ticks.Count, 90) - 1]));
    }

    private static async Task<SanctionFigures[]> SanctionsAsync(SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.Accountability);
        var sanctions = new List<Sanction>();
        string? current = null;
        var inForce = new Dictionary<(ActorId Person, string Misconduct), AccountabilityAssessed>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                if (!string.Equals(id, current, StringComparison.Ordinal))
                {
                    sanctions.AddRange(inForce.Values.SelectMany(a => a.Decision.Sanctions));
                    inForce.Clear();
                    current = id;
                }

                // Per person and misconduct, the last assessment in force: a confirmation replaces the proposal, a
                // reassessment the earlier one; a proposal awaiting confirmation counts nothing.
                if (JsonSerializer.Deserialize(reader.GetString(1), ComplaintsJson.TypeInfo<JournalEntry>())?.Event is AccountabilityAssessed { AwaitingConfirmationBy: null } assessed)
                {
                    inForce[(assessed.Person, assessed.Misconduct)] = assessed;
                }
            }
        }

        sanctions.AddRange(inForce.Values.SelectMany(a => a.Decision.Sanctions));
        return [.. sanctions.GroupBy(s => s.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new SanctionFigures(
                g.Key,
                g.Count(),
                [.. g.Select(s => s.Amount).OfType<Money>()
                    .GroupBy(m => m.Currency, StringComparer.Ordinal)
                    .OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => new Money(m.Sum(x => x.Amount), m.Key))]))];
    }

    /// <summary>The cohort's cases of one department, counted by <see cref="AnalysisSql.Departments"/>.</summary>
    private sealed record DepartmentRow(
        string? Department,
        int Cases,
        int[] Counts,
        int RewardDecided,
        int RewardEligible,
        int Escalated,
        int Overdue,
        int SameComplainant,
        int SameSubject,
        int SameCause);

    /// <summary>The cohort's deadlines of one kind in one department, by how they were kept.</summary>
    private sealed record KeptRow(string? Department, DeadlineKind Kind, int MetOnTime, int MetLate, int Missed, int Pending, int Dropped);
}
