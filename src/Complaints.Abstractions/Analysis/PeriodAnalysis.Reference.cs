using Complaints.Journal;
using Complaints.Policy;

namespace Complaints.Analysis;

/// <summary>The reference computation: the figures as every store must give them.</summary>
public sealed partial record PeriodAnalysis
{
    /// <summary>
    /// Computes the figures of <paramref name="query"/> over <paramref name="cases"/> as the XML docs of each figure
    /// define them: the reference semantics every <see cref="IComplaintAnalytics"/> must match (the store contract
    /// compares each store with it). It reads every case it is given, so a store over many cases computes the figures in
    /// its database instead.
    /// </summary>
    /// <param name="query">The period and filter; checked with <see cref="AnalysisQuery.Validate"/>.</param>
    /// <param name="cases">
    /// Every stored case: recurrence looks back before the period and outside the filter (other than the pack) for
    /// earlier cases.
    /// </param>
    /// <param name="journal">A case's journal in order; asked only for cohort cases (rewards and sanctions are in it).</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ComplaintValidationException">The query is not valid (the error names the field).</exception>
    public static PeriodAnalysis Compute(AnalysisQuery query, IEnumerable<Complaint> cases, Func<ComplaintId, IReadOnlyList<JournalEntry>> journal)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(journal);
        query.Validate();
        var all = cases as IReadOnlyCollection<Complaint> ?? cases.ToArray();
        var cohort = all.Where(query.Includes).ToArray();

        return new PeriodAnalysis
        {
            Query = query,
            Received = cohort.Length,
            Open = cohort.Count(c => !c.IsFinal),
            Closed = cohort.Count(c => c.State == ComplaintState.Closed),
            Trend = TrendOf(query, cohort),
            ByState = Rows(cohort, c => c.State.ToString()),
            ByCategory = Rows(cohort, c => c.Category),
            ByDepartment = Rows(cohort, c => c.Department?.Value),
            BySeverity = Rows(cohort, c => c.Severity?.ToString()),
            ByChannel = Rows(cohort, c => c.Intake.Channel.ToString()),
            ByFinding = Rows(cohort, c => c.Findings?.Outcome.ToString()),
            RootCauses = Pareto(cohort),
            Recurrence = RecurrenceOf(query, cohort, all),
            Deadlines = [.. Enum.GetValues<DeadlineKind>().Select(kind => DeadlinesOf(query, cohort, kind))],
            TimeToAcknowledge = DurationFigures.Of(cohort.Select(TimeToAcknowledgeOf).OfType<TimeSpan>()),
            TimeToResolve = DurationFigures.Of(cohort.Select(TimeToResolveOf).OfType<TimeSpan>()),
            Escalated = cohort.Count(c => c.EscalationLevel > 0),
            Remedies = RemediesOf(cohort),
            Satisfaction = SatisfactionOf(cohort),
            Rewards = RewardsOf(cohort, journal),
            Sanctions = SanctionsOf(cohort, journal),
            Departments = DepartmentsOf(query, cohort),
        };
    }

    /// <summary>Orders count rows as <see cref="CountRow"/> says: by count (descending), then key (ordinal), the row without a key last.</summary>
    private static CountRow[] Rows(IEnumerable<Complaint> cohort, Func<Complaint, string?> key) =>
        [.. cohort.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new CountRow(g.Key, g.Count()))
            .OrderBy(r => r.Key is null)
            .ThenByDescending(r => r.Count)
            .ThenBy(r => r.Key, StringComparer.Ordinal)];

    private static TrendPoint[] TrendOf(AnalysisQuery query, Complaint[] cohort)
    {
        var counts = cohort.GroupBy(c => query.BucketStart(c.ReceivedAt).UtcTicks).ToDictionary(g => g.Key, g => g.Count());
        return [.. query.BucketStarts().Select(start => new TrendPoint(start, counts.GetValueOrDefault(start.UtcTicks)))];
    }

    private static ParetoRow[] Pareto(Complaint[] cohort)
    {
        var rows = cohort.Where(c => c.Findings is not null)
            .GroupBy(c => c.Findings!.Cause)
            .Select(g => (Cause: g.Key, Count: g.Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Cause.ToString(), StringComparer.Ordinal)
            .ToArray();
        var total = rows.Sum(r => r.Count);
        var running = 0;
        var pareto = new ParetoRow[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            running += rows[i].Count;
            pareto[i] = new ParetoRow(rows[i].Cause, rows[i].Count, (double)rows[i].Count / total, (double)running / total);
        }

        return pareto;
    }

    private static RecurrenceFigures RecurrenceOf(AnalysisQuery query, Complaint[] cohort, IReadOnlyCollection<Complaint> all)
    {
        var window = TimeSpan.FromDays(query.RecurrenceDays);
        var packs = cohort.Select(c => c.Policy.Id).ToHashSet(StringComparer.Ordinal);

        // Only cases of the cohort's packs received in [From - window, To) can be an earlier case of a cohort case.
        var lookBackFrom = query.From - window;
        var candidates = all.Where(c => c.ReceivedAt >= lookBackFrom && c.ReceivedAt < query.To && packs.Contains(c.Policy.Id)).ToArray();
        var byComplainant = Index(candidates, ComplainantKey);
        var bySubject = Index(candidates, SubjectKey);
        var byCause = Index(candidates, CauseKey);

        return new RecurrenceFigures(
            query.RecurrenceDays,
            cohort.Count(c => Repeats(byComplainant, ComplainantKey(c), c.ReceivedAt, window)),
            cohort.Count(c => Repeats(bySubject, SubjectKey(c), c.ReceivedAt, window)),
            cohort.Count(c => Repeats(byCause, CauseKey(c), c.ReceivedAt, window)));
    }

    private static string? ComplainantKey(Complaint c) => AnalysisKeys.Complainant(c.Intake.Complainant) is { } key ? c.Policy.Id + "\n" + key : null;

    private static string SubjectKey(Complaint c) => c.Policy.Id + "\n" + AnalysisKeys.Subject(c.Intake.Subject);

    private static string? CauseKey(Complaint c) =>
        c.Findings is { Cause: not RootCause.Undetermined } findings && c.Department is { } department
            ? c.Policy.Id + "\n" + department.Value + "\n" + findings.Cause
            : null;

    private static Dictionary<string, long[]> Index(Complaint[] candidates, Func<Complaint, string?> key)
    {
        var index = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (key(c) is { } k)
            {
                if (!index.TryGetValue(k, out var times))
                {
                    index[k] = times = [];
                }

                times.Add(c.ReceivedAt.UtcTicks);
            }
        }

        return index.ToDictionary(p => p.Key, p =>
        {
            var times = p.Value.ToArray();
            Array.Sort(times);
            return times;
        }, StringComparer.Ordinal);
    }

    // Whether a case with the key was received strictly before receivedAt and at most the window before it.
    private static bool Repeats(Dictionary<string, long[]> index, string? key, DateTimeOffset receivedAt, TimeSpan window)
    {
        if (key is null || !index.TryGetValue(key, out var times))
        {
            return false;
        }

        var at = receivedAt.UtcTicks;
        var i = Array.BinarySearch(times, at);
        var firstNotBefore = i >= 0 ? FirstOf(times, i) : ~i;
        return firstNotBefore > 0 && at - times[firstNotBefore - 1] <= window.Ticks;
    }

    private static int FirstOf(long[] times, int i)
    {
        while (i > 0 && times[i - 1] == times[i])
        {
            i--;
        }

        return i;
    }

    private enum Kept
    {
        MetOnTime,
        MetLate,
        Missed,
        Pending,
        Dropped,
    }

    private static Kept KeptOf(AnalysisQuery query, Complaint c, Deadline d) =>
        d.MetAt is { } met ? (met <= d.DueAt ? Kept.MetOnTime : Kept.MetLate)
        : c.IsFinal ? Kept.Dropped
        : d.DueAt < query.AsOf ? Kept.Missed
        : Kept.Pending;

    private static DeadlineFigures DeadlinesOf(AnalysisQuery query, Complaint[] cohort, DeadlineKind kind)
    {
        var kept = cohort.SelectMany(c => c.Deadlines.Where(d => d.Kind == kind).Select(d => KeptOf(query, c, d))).ToArray();
        return new DeadlineFigures(
            kind,
            kept.Count(k => k == Kept.MetOnTime),
            kept.Count(k => k == Kept.MetLate),
            kept.Count(k => k == Kept.Missed),
            kept.Count(k => k == Kept.Pending),
            kept.Count(k => k == Kept.Dropped));
    }

    private static TimeSpan? TimeToAcknowledgeOf(Complaint c)
    {
        DateTimeOffset? first = null;
        foreach (var d in c.Deadlines)
        {
            if (d is { Kind: DeadlineKind.Acknowledge, MetAt: { } met } && (first is null || met < first))
            {
                first = met;
            }
        }

        return first - c.ReceivedAt;
    }

    private static TimeSpan? TimeToResolveOf(Complaint c) =>
        c.State == ComplaintState.Closed && c.ClosedAt is { } closed ? closed - c.ReceivedAt : null;

    private static Money[] Totals(IEnumerable<Money?> amounts) =>
        [.. amounts.OfType<Money>()
            .GroupBy(m => m.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Money(g.Sum(m => m.Amount), g.Key))];

    private static RemedyFigures[] RemediesOf(Complaint[] cohort) =>
        [.. cohort.Where(c => c.Remedy is not null)
            .GroupBy(c => c.Remedy!.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new RemedyFigures(g.Key, g.Count(), Totals(g.Select(c => c.Remedy!.Amount))))];

    private static SatisfactionFigures SatisfactionOf(Complaint[] cohort)
    {
        var last = new List<Satisfaction>();
        foreach (var c in cohort)
        {
            FollowUpContact? latest = null;
            foreach (var f in c.FollowUps)
            {
                if (latest is null || f.At >= latest.At)
                {
                    latest = f;
                }
            }

            if (latest is not null)
            {
                last.Add(latest.Satisfaction);
            }
        }

        return new SatisfactionFigures(
            last.Count,
            [.. Enum.GetValues<Satisfaction>().Select(level => new SatisfactionCount(level, last.Count(l => l == level)))]);
    }

    private static RewardFigures RewardsOf(Complaint[] cohort, Func<ComplaintId, IReadOnlyList<JournalEntry>> journal)
    {
        int decided = 0, eligible = 0;
        foreach (var c in cohort)
        {
            var reward = journal(c.Id).Select(e => e.Event).OfType<ComplaintClosed>().LastOrDefault()?.Reward;
            if (reward is not null)
            {
                decided++;
                if (reward.Eligible)
                {
                    eligible++;
                }
            }
        }

        return new RewardFigures(decided, eligible);
    }

    private static SanctionFigures[] SanctionsOf(Complaint[] cohort, Func<ComplaintId, IReadOnlyList<JournalEntry>> journal)
    {
        var sanctions = new List<Sanction>();
        foreach (var c in cohort)
        {
            // Per person and misconduct, the last assessment in force: a confirmation replaces the proposal, a
            // reassessment the earlier one.
            var inForce = new Dictionary<(ActorId Person, string Misconduct), AccountabilityAssessed>();
            foreach (var assessed in journal(c.Id).Select(e => e.Event).OfType<AccountabilityAssessed>())
            {
                if (assessed.AwaitingConfirmationBy is null)
                {
                    inForce[(assessed.Person, assessed.Misconduct)] = assessed;
                }
            }

            sanctions.AddRange(inForce.Values.SelectMany(a => a.Decision.Sanctions));
        }

        return [.. sanctions.GroupBy(s => s.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new SanctionFigures(g.Key, g.Count(), Totals(g.Select(s => s.Amount))))];
    }

    private static DepartmentFigures[] DepartmentsOf(AnalysisQuery query, Complaint[] cohort) =>
        [.. cohort.GroupBy(c => c.Department?.Value, StringComparer.Ordinal)
            .Select(g =>
            {
                var kept = g.SelectMany(c => c.Deadlines.Select(d => KeptOf(query, c, d))).ToArray();
                int onTime = kept.Count(k => k == Kept.MetOnTime), due = kept.Count(k => k is Kept.MetOnTime or Kept.MetLate or Kept.Missed);
                return new DepartmentFigures(
                    g.Key is null ? null : new DepartmentId(g.Key),
                    g.Count(),
                    g.Count(c => !c.IsFinal),
                    g.Count(c => c.State == ComplaintState.Closed),
                    g.Count(c => !c.IsFinal && c.Deadlines.Any(d => KeptOf(query, c, d) == Kept.Missed)),
                    due > 0 ? (double)onTime / due : null,
                    DurationFigures.Of(g.Select(TimeToResolveOf).OfType<TimeSpan>()).Median);
            })
            .OrderBy(r => r.Department is null)
            .ThenByDescending(r => r.Received)
            .ThenBy(r => r.Department?.Value, StringComparer.Ordinal)];
}
