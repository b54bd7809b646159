using Complaints.Policy;

namespace Complaints.Analysis;

/// <summary>
/// The figures of a period's cases (the cohort of <see cref="AnalysisQuery"/>): volumes and trend, breakdowns, root
/// causes, recurrence, deadlines kept, time to acknowledge and to resolve, escalations, remedies, satisfaction, rewards
/// and sanctions, and per-department figures for the weekly meeting. Every store computes the same figures
/// (<see cref="IComplaintAnalytics"/>); the XML docs of each figure are its exact definition, and <see cref="Compute"/>
/// is the reference computation. Figures are counts and durations: no complainant's identity is in them.
/// </summary>
public sealed partial record PeriodAnalysis
{
    /// <summary>The period and filter the figures are for.</summary>
    public required AnalysisQuery Query { get; init; }

    /// <summary>How many cases are in the cohort.</summary>
    public required int Received { get; init; }

    /// <summary>How many of them are not in a final state (<see cref="Complaint.IsFinal"/>).</summary>
    public required int Open { get; init; }

    /// <summary>How many of them are <see cref="ComplaintState.Closed"/>.</summary>
    public required int Closed { get; init; }

    /// <summary>
    /// Cases received per bucket of <see cref="AnalysisQuery.Interval"/>: one point per bucket from the one holding
    /// <see cref="AnalysisQuery.From"/> to the one holding the last instant before <see cref="AnalysisQuery.To"/>, empty
    /// buckets included, in time order.
    /// </summary>
    public required IReadOnlyList<TrendPoint> Trend { get; init; }

    /// <summary>Cases by state (the key is the state's name).</summary>
    public required IReadOnlyList<CountRow> ByState { get; init; }

    /// <summary>Cases by category (no key: not classified).</summary>
    public required IReadOnlyList<CountRow> ByCategory { get; init; }

    /// <summary>Cases by department id (no key: not routed).</summary>
    public required IReadOnlyList<CountRow> ByDepartment { get; init; }

    /// <summary>Cases by severity tier name (no key: not classified).</summary>
    public required IReadOnlyList<CountRow> BySeverity { get; init; }

    /// <summary>Cases by channel name.</summary>
    public required IReadOnlyList<CountRow> ByChannel { get; init; }

    /// <summary>Cases by the outcome of their findings (the <see cref="FindingOutcome"/> name; no key: no findings yet).</summary>
    public required IReadOnlyList<CountRow> ByFinding { get; init; }

    /// <summary>
    /// The root-cause Pareto: cases with findings by <see cref="Findings.Cause"/>, causes with at least one case, ordered
    /// by count (descending), then cause name (ordinal).
    /// </summary>
    public required IReadOnlyList<ParetoRow> RootCauses { get; init; }

    /// <summary>Cases that repeat an earlier one.</summary>
    public required RecurrenceFigures Recurrence { get; init; }

    /// <summary>How the cohort's deadlines were kept: one row per <see cref="DeadlineKind"/>, in the enum's order, zeros included.</summary>
    public required IReadOnlyList<DeadlineFigures> Deadlines { get; init; }

    /// <summary>
    /// From receipt to acknowledgement: for each case with a met <see cref="DeadlineKind.Acknowledge"/> deadline, the
    /// earliest such <see cref="Deadline.MetAt"/> minus <see cref="Complaint.ReceivedAt"/>.
    /// </summary>
    public required DurationFigures TimeToAcknowledge { get; init; }

    /// <summary>From receipt to closure: for each <see cref="ComplaintState.Closed"/> case, <see cref="Complaint.ClosedAt"/> minus <see cref="Complaint.ReceivedAt"/>.</summary>
    public required DurationFigures TimeToResolve { get; init; }

    /// <summary>How many cases were escalated at least once (<see cref="Complaint.EscalationLevel"/> above 0).</summary>
    public required int Escalated { get; init; }

    /// <summary>Cases with a remedy on record (<see cref="Complaint.Remedy"/>, approved or not) by kind: kinds with at least one case, in the enum's order.</summary>
    public required IReadOnlyList<RemedyFigures> Remedies { get; init; }

    /// <summary>Satisfaction at follow-up.</summary>
    public required SatisfactionFigures Satisfaction { get; init; }

    /// <summary>Rewards decided for the cohort's reports.</summary>
    public required RewardFigures Rewards { get; init; }

    /// <summary>
    /// Sanctions in force on the cohort's cases, by kind: for each case and each person and misconduct assessed on it,
    /// the sanctions of the last <see cref="Journal.AccountabilityAssessed"/> entry for that person and misconduct that
    /// is in force (<see cref="Journal.AccountabilityAssessed.AwaitingConfirmationBy"/> is <see langword="null"/>), so a
    /// confirmation replaces the proposal it confirms and a reassessment the earlier one, and a proposal still awaiting
    /// confirmation counts nothing (persons compared as <see cref="ActorId"/>, misconduct ordinally). Kinds with at least
    /// one sanction, in the enum's order.
    /// </summary>
    public required IReadOnlyList<SanctionFigures> Sanctions { get; init; }

    /// <summary>
    /// Per-department figures for the weekly meeting: one row per department with cases in the cohort (no department:
    /// not routed), ordered by cases received (descending), then department id (ordinal), the row without one last.
    /// </summary>
    public required IReadOnlyList<DepartmentFigures> Departments { get; init; }
}

/// <summary>How many cases fall under a key.</summary>
/// <param name="Key">The key; <see langword="null"/> for cases that have none.</param>
/// <param name="Count">How many cases.</param>
/// <remarks>Rows with at least one case, ordered by count (descending), then key (ordinal), the row without a key last.</remarks>
public sealed record CountRow(string? Key, int Count);

/// <summary>Cases received in one trend bucket.</summary>
/// <param name="Start">When the bucket begins, in the query's <see cref="AnalysisQuery.Offset"/>.</param>
/// <param name="Received">How many cohort cases were received in it.</param>
public sealed record TrendPoint(DateTimeOffset Start, int Received);

/// <summary>One root cause of the Pareto.</summary>
/// <param name="Cause">The cause.</param>
/// <param name="Count">How many cases with findings have it.</param>
/// <param name="Share">Its share of the cases with findings (0 to 1).</param>
/// <param name="CumulativeShare">
/// The share of this cause and every cause before it in the Pareto order (0 to 1): their count over the cases with
/// findings, so the last row's is exactly 1.
/// </param>
public sealed record ParetoRow(RootCause Cause, int Count, double Share, double CumulativeShare);

/// <summary>
/// Cohort cases that repeat an earlier case of the same pack (<see cref="PolicyRef.Id"/>), any filter aside: one received
/// strictly before it and at most <see cref="Days"/> days before. A case counts once per kind of recurrence however many
/// earlier cases it repeats.
/// </summary>
/// <param name="Days">The look-back (<see cref="AnalysisQuery.RecurrenceDays"/>).</param>
/// <param name="SameComplainant">Cases whose complainant complained before (<see cref="AnalysisKeys.Complainant"/>; anonymous complainants never match).</param>
/// <param name="SameSubject">Cases about the same subject as an earlier one (<see cref="AnalysisKeys.Subject"/>).</param>
/// <param name="SameCause">Cases whose findings name the same root cause as an earlier case's, in the same department (<see cref="RootCause.Undetermined"/> and cases without a department never match).</param>
public sealed record RecurrenceFigures(int Days, int SameComplainant, int SameSubject, int SameCause);

/// <summary>
/// How the cohort's deadlines of one kind were kept, counting every entry of <see cref="Complaint.Deadlines"/>: met on
/// time (<see cref="Deadline.MetAt"/> at or before <see cref="Deadline.DueAt"/>), met late, and of those not met: dropped
/// (the case reached a final state first), missed (due before <see cref="AnalysisQuery.AsOf"/>) or pending.
/// </summary>
/// <param name="Kind">The deadline kind.</param>
/// <param name="MetOnTime">Met at or before the due time.</param>
/// <param name="MetLate">Met after the due time.</param>
/// <param name="Missed">Not met, the case still open, and due before the as-of time.</param>
/// <param name="Pending">Not met, the case still open, and due at or after the as-of time.</param>
/// <param name="Dropped">Not met, and the case is in a final state.</param>
public sealed record DeadlineFigures(DeadlineKind Kind, int MetOnTime, int MetLate, int Missed, int Pending, int Dropped)
{
    /// <summary>The on-time rate: met on time over met on time, met late and missed; <see langword="null"/> when none of those.</summary>
    public double? OnTimeRate => MetOnTime + MetLate + Missed is var due and > 0 ? (double)MetOnTime / due : null;
}

/// <summary>A distribution of durations.</summary>
/// <param name="Count">How many cases have one.</param>
/// <param name="Median">
/// The nearest-rank median: the value at rank ⌈0.5 × <paramref name="Count"/>⌉ (1-based) in ascending order, the rank
/// computed exactly (<see cref="NearestRank"/>); <see langword="null"/> when none.
/// </param>
/// <param name="P90">
/// The nearest-rank 90th percentile: the value at rank ⌈0.9 × <paramref name="Count"/>⌉, computed exactly
/// (<see cref="NearestRank"/>); <see langword="null"/> when none.
/// </param>
public sealed record DurationFigures(int Count, TimeSpan? Median, TimeSpan? P90)
{
    /// <summary>
    /// The nearest rank of a percentile: ⌈<paramref name="percent"/> × <paramref name="count"/> / 100⌉, computed exactly in
    /// integers (not in floating point, where 0.9 × 20 rounds above 18).
    /// </summary>
    /// <param name="count">How many values; at least 1.</param>
    /// <param name="percent">The percentile, from 1 to 100 (50 for the median, 90 for the 90th percentile).</param>
    /// <returns>The 1-based rank, in ascending order, of the value that is the percentile.</returns>
    public static int NearestRank(int count, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return (int)((((long)count * percent) + 99) / 100);
    }

    /// <summary>The distribution of <paramref name="durations"/>: their count, nearest-rank median and 90th percentile.</summary>
    /// <param name="durations">The durations, in any order.</param>
    /// <returns>The figures.</returns>
    public static DurationFigures Of(IEnumerable<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var sorted = durations.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0
            ? new DurationFigures(0, null, null)
            : new DurationFigures(sorted.Length, sorted[NearestRank(sorted.Length, 50) - 1], sorted[NearestRank(sorted.Length, 90) - 1]);
    }
}

/// <summary>Remedies of one kind.</summary>
/// <param name="Kind">The remedy kind.</param>
/// <param name="Count">How many cases have a remedy of this kind.</param>
/// <param name="Totals">
/// The sum of their amounts per currency: one entry per currency of at least one amount, in ordinal currency order;
/// remedies without an amount add nothing.
/// </param>
public sealed record RemedyFigures(RemedyKind Kind, int Count, IReadOnlyList<Money> Totals);

/// <summary>Satisfaction at follow-up: for each cohort case with a follow-up, its last one (<see cref="FollowUpContact.At"/>; the later in the list on a tie).</summary>
/// <param name="Surveyed">How many cases had a follow-up.</param>
/// <param name="ByLevel">Cases per level of their last follow-up: one row per <see cref="Satisfaction"/> value, in the enum's order, zeros included.</param>
public sealed record SatisfactionFigures(int Surveyed, IReadOnlyList<SatisfactionCount> ByLevel)
{
    /// <summary>
    /// Satisfied or very satisfied over those reached (surveyed but not <see cref="Complaints.Satisfaction.Unreachable"/>);
    /// <see langword="null"/> when none was reached.
    /// </summary>
    public double? SatisfiedShare
    {
        get
        {
            int reached = 0, satisfied = 0;
            foreach (var row in ByLevel)
            {
                if (row.Level != Complaints.Satisfaction.Unreachable)
                {
                    reached += row.Count;
                }

                if (row.Level is Complaints.Satisfaction.Satisfied or Complaints.Satisfaction.VerySatisfied)
                {
                    satisfied += row.Count;
                }
            }

            return reached > 0 ? (double)satisfied / reached : null;
        }
    }
}

/// <summary>How many cases' last follow-up was at one level.</summary>
/// <param name="Level">The level.</param>
/// <param name="Count">How many cases.</param>
public sealed record SatisfactionCount(Satisfaction Level, int Count);

/// <summary>Rewards decided: for each cohort case, the reward of its last <see cref="Journal.ComplaintClosed"/> entry, if any.</summary>
/// <param name="Decided">Cases whose closure carried a reward decision.</param>
/// <param name="Eligible">Of those, the cases whose decision found the reporter eligible.</param>
public sealed record RewardFigures(int Decided, int Eligible);

/// <summary>Sanctions of one kind.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many sanctions.</param>
/// <param name="Totals">
/// The sum of their amounts per currency: one entry per currency of at least one amount, in ordinal currency order;
/// sanctions without an amount add nothing.
/// </param>
public sealed record SanctionFigures(SanctionKind Kind, int Count, IReadOnlyList<Money> Totals);

/// <summary>One department's figures.</summary>
/// <param name="Department">The department; <see langword="null"/> for cases not routed.</param>
/// <param name="Received">Its cohort cases.</param>
/// <param name="Open">Of those, not in a final state.</param>
/// <param name="Closed">Of those, <see cref="ComplaintState.Closed"/>.</param>
/// <param name="Overdue">Of those, open with at least one missed deadline (see <see cref="DeadlineFigures"/>).</param>
/// <param name="OnTimeRate">The on-time rate of its cases' deadlines of every kind (see <see cref="DeadlineFigures.OnTimeRate"/>).</param>
/// <param name="MedianTimeToResolve">The nearest-rank median time to resolve of its closed cases (see <see cref="PeriodAnalysis.TimeToResolve"/>).</param>
public sealed record DepartmentFigures(
    DepartmentId? Department,
    int Received,
    int Open,
    int Closed,
    int Overdue,
    double? OnTimeRate,
    TimeSpan? MedianTimeToResolve);

/// <summary>Computes the period figures of the cases of a store: the port the SQL stores implement in the database.</summary>
public interface IComplaintAnalytics
{
    /// <summary>
    /// Computes the figures of the cases <paramref name="query"/> selects: equal to <see cref="PeriodAnalysis.Compute"/>
    /// over every case of the store and their journals, after checking the query with <see cref="AnalysisQuery.Validate"/>.
    /// </summary>
    /// <param name="query">The period and filter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ComplaintValidationException">The query is not valid (the error names the field).</exception>
    Task<PeriodAnalysis> AnalyseAsync(AnalysisQuery query, CancellationToken cancellationToken = default);
}
