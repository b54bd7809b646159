using Complaints.Policy;

namespace Complaints.Analysis;

/// <summary>How <see cref="PeriodAnalysis.Trend"/> divides a period.</summary>
public enum TrendInterval
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>Weeks from Monday (ISO 8601).</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}

/// <summary>
/// A period and a filter for <see cref="IComplaintAnalytics.AnalyseAsync"/>: the cases received in
/// [<see cref="From"/>, <see cref="To"/>) that meet every filter set — the period's <em>cohort</em>. Every figure of a
/// <see cref="PeriodAnalysis"/> is about that cohort, except recurrence, which looks back before the period for earlier
/// cases.
/// </summary>
public sealed record AnalysisQuery
{
    /// <summary>The most trend buckets a query may ask for.</summary>
    public const int MaxBuckets = 1000;

    /// <summary>The start of the period (inclusive): cases received at or after it.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The end of the period (exclusive): cases received before it.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>
    /// The instant the figures are as of: a deadline not met by then and due before it is <em>missed</em>, one due after
    /// it is <em>pending</em>. Usually the time provider's now; fixed so that a report can be reproduced.
    /// </summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Only cases decided under this policy pack (<see cref="PolicyRef.Id"/>, compared ordinally), any version.</summary>
    public string? Pack { get; init; }

    /// <summary>Only cases routed to this department.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>Only cases of this category (compared ordinally).</summary>
    public string? Category { get; init; }

    /// <summary>Only cases of this severity tier.</summary>
    public Severity? Severity { get; init; }

    /// <summary>Only cases received through this channel.</summary>
    public Channel? Channel { get; init; }

    /// <summary>How the trend divides the period.</summary>
    /// <value>The default value is <see cref="TrendInterval.Week"/>.</value>
    public TrendInterval Interval { get; init; } = TrendInterval.Week;

    /// <summary>
    /// The offset from UTC of the local time in which days, weeks and months begin (e.g. 8 hours for China); trend
    /// buckets start at local midnight.
    /// </summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/> (UTC).</value>
    public TimeSpan Offset { get; init; }

    /// <summary>How far back a case counts as a recurrence of an earlier one (see <see cref="RecurrenceFigures"/>).</summary>
    /// <value>The default value is 90 days.</value>
    public int RecurrenceDays { get; init; } = 90;

    /// <summary>Whether <paramref name="complaint"/> is in the cohort (the reference semantics every store must match).</summary>
    /// <param name="complaint">The case.</param>
    /// <returns><see langword="true"/> if it is received in the period and meets every filter.</returns>
    public bool Includes(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.ReceivedAt >= From && complaint.ReceivedAt < To &&
               (Pack is null || string.Equals(complaint.Policy.Id, Pack, StringComparison.Ordinal)) &&
               (Department is not { } department || complaint.Department == department) &&
               (Category is null || string.Equals(complaint.Category, Category, StringComparison.Ordinal)) &&
               (Severity is not { } severity || complaint.Severity == severity) &&
               (Channel is not { } channel || complaint.Intake.Channel == channel);
    }
}
