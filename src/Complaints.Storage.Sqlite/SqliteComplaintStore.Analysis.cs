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
    /// Reads only the analysis columns of the period's cases (schema version 8: receipt and closure as ticks, the keys
    /// recurrence is found by, findings, remedy, last satisfaction, reward), the cohort's deadline rows and its few
    /// accountability journal entries; no case is loaded. The cost grows with the period's cases, not the store's.
    /// </remarks>
    public async Task<PeriodAnalysis> AnalyseAsync(AnalysisQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for every query (WAL: a read transaction sees one state and blocks no writer).
        using var transaction = connection.BeginTransaction(deferred: true);
        var groups = await GroupsAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var (trend, byCategory) = await DaysAndCategoriesAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var remedies = await RemediesAsync(connection, transaction, query, groups, cancellationToken).ConfigureAwait(false);
        var deadlines = await DeadlinesAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var (resolve, departmentMedians) = await TimeToResolveAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var acknowledge = await TimeToAcknowledgeAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        var sanctions = await SanctionsAsync(connection, transaction, query, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var departments = groups.GroupBy(g => g.Department, StringComparer.Ordinal)
            .Select(g =>
            {
                var kept = deadlines.Where(d => string.Equals(d.Department, g.Key, StringComparison.Ordinal)).ToArray();
                int onTime = kept.Sum(k => k.MetOnTime), due = kept.Sum(k => k.MetOnTime + k.MetLate + k.Missed);
                return new DepartmentFigures(
                    g.Key is null ? null : new DepartmentId(g.Key),
                    g.Sum(r => r.Cases),
                    g.Where(r => !IsFinal(r.State)).Sum(r => r.Cases),
                    g.Where(r => r.State == ComplaintState.Closed).Sum(r => r.Cases),
                    g.Sum(r => r.Overdue),
                    due > 0 ? (double)onTime / due : null,
                    departmentMedians.TryGetValue(g.Key ?? NoDepartment, out var median) ? median : null);
            })
            .OrderBy(r => r.Department is null)
            .ThenByDescending(r => r.Received)
            .ThenBy(r => r.Department?.Value, StringComparer.Ordinal)
            .ToArray();

        var withFindings = groups.Where(g => g.Cause is not null).GroupBy(g => g.Cause!.Value)
            .Select(g => (Cause: g.Key, Count: g.Sum(r => r.Cases)))
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

        var surveyed = groups.Where(g => g.Satisfaction is not null).ToArray();
        return new PeriodAnalysis
        {
            Query = query,
            Received = groups.Sum(g => g.Cases),
            Open = groups.Where(g => !IsFinal(g.State)).Sum(g => g.Cases),
            Closed = groups.Where(g => g.State == ComplaintState.Closed).Sum(g => g.Cases),
            Trend = trend,
            ByState = Rows(groups, g => g.State.ToString()),
            ByCategory = byCategory,
            ByDepartment = Rows(groups, g => g.Department),
            BySeverity = Rows(groups, g => g.Severity?.ToString()),
            ByChannel = Rows(groups, g => g.Channel.ToString()),
            ByFinding = Rows(groups, g => g.Finding?.ToString()),
            RootCauses = pareto,
            Recurrence = new RecurrenceFigures(
                query.RecurrenceDays, groups.Sum(g => g.SameComplainant), groups.Sum(g => g.SameSubject), groups.Sum(g => g.SameCause)),
            Deadlines = [.. Enum.GetValues<DeadlineKind>().Select(kind =>
            {
                var kept = deadlines.Where(d => d.Kind == kind).ToArray();
                return new DeadlineFigures(
                    kind, kept.Sum(k => k.MetOnTime), kept.Sum(k => k.MetLate), kept.Sum(k => k.Missed), kept.Sum(k => k.Pending), kept.Sum(k => k.Dropped));
            })],
            TimeToAcknowledge = acknowledge,
            TimeToResolve = resolve,
            Escalated = groups.Where(g => g.Escalated).Sum(g => g.Cases),
            Remedies = remedies,
            Satisfaction = new SatisfactionFigures(
                surveyed.Sum(g => g.Cases),
                [.. Enum.GetValues<Satisfaction>().Select(level => new SatisfactionCount(level, surveyed.Where(g => g.Satisfaction == level).Sum(g => g.Cases)))]),
            Rewards = new RewardFigures(groups.Where(g => g.Reward is not null).Sum(g => g.Cases), groups.Where(g => g.Reward == true).Sum(g => g.Cases)),
            Sanctions = sanctions,
            Departments = departments,
        };
    }

    /// <summary>The key of the cases without a department among the department medians (no department id is NUL).</summary>
    private const string NoDepartment = "\0";

    private static bool IsFinal(ComplaintState state) =>
        state is ComplaintState.Closed or ComplaintState.Rejected or ComplaintState.Redirected or ComplaintState.Withdrawn;

    /// <summary>Count rows as <see cref="CountRow"/> orders them: by count (descending), then key (ordinal), the row without a key last.</summary>
    private static CountRow[] Rows(IEnumerable<AnalysisGroup> groups, Func<AnalysisGroup, string?> key) =>
        [.. groups.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new CountRow(g.Key, g.Sum(r => r.Cases)))
            .OrderBy(r => r.Key is null)
            .ThenByDescending(r => r.Count)
            .ThenBy(r => r.Key, StringComparer.Ordinal)];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, Func<string, string> sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql(AnalysisSql.Cohort(query, command));
        return command;
    }

    private static async Task<List<AnalysisGroup>> GroupsAsync(SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.Groups);
        command.Add("$as_of", CaseColumns.Time(query.AsOf));
        command.Add("$window", query.RecurrenceDays * TimeSpan.TicksPerDay);
        var groups = new List<AnalysisGroup>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            groups.Add(new AnalysisGroup(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                Spelling<ComplaintState>.Parse(reader.GetString(1)),
                reader.IsDBNull(2) ? null : Spelling<Severity>.Parse(reader.GetString(2)),
                Spelling<Channel>.Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : Spelling<FindingOutcome>.Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : Spelling<RootCause>.Parse(reader.GetString(5)),
                reader.IsDBNull(6) ? null : Spelling<Satisfaction>.Parse(reader.GetString(6)),
                reader.IsDBNull(8) ? null : reader.GetInt64(8) != 0,
                reader.GetInt64(9) != 0,
                reader.GetInt32(10),
                reader.GetInt32(11),
                reader.GetInt32(12),
                reader.GetInt32(13),
                reader.GetInt32(14),
                reader.IsDBNull(7) ? null : Spelling<RemedyKind>.Parse(reader.GetString(7))));
        }

        return groups;
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

    private static async Task<RemedyFigures[]> RemediesAsync(
        SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, List<AnalysisGroup> groups, CancellationToken cancellationToken)
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

        // A decimal sum carries the largest scale of its terms (100.50 + 200 is 300.50): so does this one.
        return [.. groups.Where(g => g.Remedy is not null).GroupBy(g => g.Remedy!.Value).OrderBy(g => g.Key)
            .Select(g => new RemedyFigures(
                g.Key,
                g.Sum(r => r.Cases),
                [.. totals.Where(t => t.Key.Kind == g.Key).OrderBy(t => t.Key.Currency, StringComparer.Ordinal)
                    .Select(t => new Money(decimal.Round(t.Value.Sum, t.Value.Scale), t.Key.Currency))]))];
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

    private static async Task<(DurationFigures Overall, Dictionary<string, TimeSpan> DepartmentMedians)> TimeToResolveAsync(
        SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.TimeToResolve);
        var medians = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        int count = 0;
        TimeSpan? median = null, p90 = null;
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var duration = TimeSpan.FromTicks(reader.GetInt64(1));
                long rank = reader.GetInt64(2), total = reader.GetInt64(3);
                count = (int)total;
                if (rank == DurationFigures.NearestRank(count, 50))
                {
                    median = duration;
                }

                if (rank == DurationFigures.NearestRank(count, 90))
                {
                    p90 = duration;
                }

                if (reader.GetInt64(4) == DurationFigures.NearestRank(reader.GetInt32(5), 50))
                {
                    medians[reader.IsDBNull(0) ? NoDepartment : reader.GetString(0)] = duration;
                }
            }
        }

        return (new DurationFigures(count, median, p90), medians);
    }

    private static async Task<DurationFigures> TimeToAcknowledgeAsync(SqliteConnection connection, SqliteTransaction transaction, AnalysisQuery query, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, query, AnalysisSql.TimeToAcknowledge);
        int count = 0;
        TimeSpan? median = null, p90 = null;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var duration = TimeSpan.FromTicks(reader.GetInt64(0));
            count = reader.GetInt32(2);
            if (reader.GetInt64(1) == DurationFigures.NearestRank(count, 50))
            {
                median = duration;
            }

            if (reader.GetInt64(1) == DurationFigures.NearestRank(count, 90))
            {
                p90 = duration;
            }
        }

        return new DurationFigures(count, median, p90);
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
                if (JsonSerializer.Deserialize<JournalEntry>(reader.GetString(1), ComplaintsJson.Options)?.Event is AccountabilityAssessed { AwaitingConfirmationBy: null } assessed)
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

    /// <summary>The cohort's cases with the same value of every small dimension.</summary>
    private sealed record AnalysisGroup(
        string? Department,
        ComplaintState State,
        Severity? Severity,
        Channel Channel,
        FindingOutcome? Finding,
        RootCause? Cause,
        Satisfaction? Satisfaction,
        bool? Reward,
        bool Escalated,
        int Cases,
        int Overdue,
        int SameComplainant,
        int SameSubject,
        int SameCause,
        RemedyKind? Remedy);

    /// <summary>The cohort's deadlines of one kind in one department, by how they were kept.</summary>
    private sealed record KeptRow(string? Department, DeadlineKind Kind, int MetOnTime, int MetLate, int Missed, int Pending, int Dropped);
}
