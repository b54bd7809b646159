using System.Globalization;
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

    /// <summary>
    /// Checks the query as every store must before computing anything: <see cref="From"/> before <see cref="To"/>, both
    /// from the year 100 to 9900; <see cref="RecurrenceDays"/> from 1 to 3650;
    /// <see cref="Interval"/>, <see cref="Severity"/> and <see cref="Channel"/> defined values; <see cref="Offset"/> a
    /// whole number of minutes within ±14 hours; <see cref="Pack"/> and <see cref="Category"/> not blank; a
    /// <see cref="Department"/> with a value; and at most <see cref="MaxBuckets"/> trend buckets.
    /// </summary>
    /// <exception cref="ComplaintValidationException">The query is not valid; each error names the field and what to do.</exception>
    public void Validate()
    {
        var errors = new List<ValidationError>();
        if (From >= To)
        {
            errors.Add(new("AnalysisQuery.To", "The end of the period must be after its start: set To later than From (To is exclusive)."));
        }

        if (RecurrenceDays is < 1 or > MaxRecurrenceDays)
        {
            errors.Add(new("AnalysisQuery.RecurrenceDays", $"The look-back for recurrence must be from 1 to {MaxRecurrenceDays} days; it is {RecurrenceDays}."));
        }

        if (!Enum.IsDefined(Interval))
        {
            errors.Add(new("AnalysisQuery.Interval", $"The trend interval {(int)Interval} is not defined: use Day, Week or Month."));
        }

        var offsetValid = Offset.Ticks % TimeSpan.TicksPerMinute == 0 && Offset.Duration() <= MaxOffset;
        if (!offsetValid)
        {
            errors.Add(new("AnalysisQuery.Offset", "The offset from UTC must be a whole number of minutes from -14:00 to +14:00 (e.g. 08:00 for China)."));
        }

        if (Severity is { } severity && !Enum.IsDefined(severity))
        {
            errors.Add(new("AnalysisQuery.Severity", $"The severity {(int)severity} is not defined: use a Severity value, or leave it unset for every tier."));
        }

        if (Channel is { } channel && !Enum.IsDefined(channel))
        {
            errors.Add(new("AnalysisQuery.Channel", $"The channel {(int)channel} is not defined: use a Channel value, or leave it unset for every channel."));
        }

        if (Pack is not null && string.IsNullOrWhiteSpace(Pack))
        {
            errors.Add(new("AnalysisQuery.Pack", "The pack id is blank: name a pack (e.g. hospital), or leave it null for every pack."));
        }

        if (Category is not null && string.IsNullOrWhiteSpace(Category))
        {
            errors.Add(new("AnalysisQuery.Category", "The category is blank: name a category, or leave it null for every category."));
        }

        if (Department is { } department && department.Value is null)
        {
            errors.Add(new("AnalysisQuery.Department", "The department has no id: name a department, or leave it null for every department."));
        }

        if (!Representable(From))
        {
            errors.Add(new("AnalysisQuery.From", "The start of the period is too near the ends of the calendar: choose an instant from the year 100 to 9900."));
        }

        if (!Representable(To))
        {
            errors.Add(new("AnalysisQuery.To", "The end of the period is too near the ends of the calendar: choose an instant from the year 100 to 9900."));
        }

        if (errors.Count == 0 && BucketCount() is var buckets and > MaxBuckets)
        {
            errors.Add(new(
                "AnalysisQuery.Interval",
                string.Create(CultureInfo.InvariantCulture, $"The period spans {buckets} trend buckets of a {Interval.ToString().ToLowerInvariant()}; at most {MaxBuckets} are allowed: choose a longer interval or a shorter period.")));
        }

        if (errors.Count > 0)
        {
            throw new ComplaintValidationException(errors);
        }
    }

    /// <summary>
    /// The start of the trend bucket holding <paramref name="instant"/>: in local time (UTC plus <see cref="Offset"/>), the
    /// midnight that begins its day (<see cref="TrendInterval.Day"/>), the Monday midnight that begins its week
    /// (<see cref="TrendInterval.Week"/>) or the midnight that begins the first of its month
    /// (<see cref="TrendInterval.Month"/>), carrying <see cref="Offset"/>.
    /// </summary>
    /// <param name="instant">Any instant of the period.</param>
    /// <returns>The bucket's start.</returns>
    /// <remarks>Call it on a valid query (<see cref="Validate"/>).</remarks>
    public DateTimeOffset BucketStart(DateTimeOffset instant) => new(LocalBucketStart(Local(instant)), Offset);

    /// <summary>
    /// The starts of the trend buckets of the period (<see cref="PeriodAnalysis.Trend"/>): from the bucket holding
    /// <see cref="From"/> to the one holding the last instant before <see cref="To"/>, in time order.
    /// </summary>
    /// <returns>The bucket starts, carrying <see cref="Offset"/>.</returns>
    /// <exception cref="ComplaintValidationException">The query is not valid.</exception>
    public IReadOnlyList<DateTimeOffset> BucketStarts()
    {
        Validate();
        var starts = new List<DateTimeOffset>();
        var start = LocalBucketStart(Local(From));
        var last = LocalBucketStart(Local(To.AddTicks(-1)));
        while (true)
        {
            starts.Add(new DateTimeOffset(start, Offset));
            if (start >= last)
            {
                return starts;
            }

            start = Next(start);
        }
    }

    private const int MaxRecurrenceDays = 3650;

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    // Far enough from both ends of the calendar that local time, the look-back and the last bucket never overflow.
    private static readonly DateTimeOffset Earliest = new(100, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(9900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static bool Representable(DateTimeOffset instant) => instant >= Earliest && instant <= Latest;

    private long BucketCount()
    {
        var first = LocalBucketStart(Local(From));
        var last = LocalBucketStart(Local(To.AddTicks(-1)));
        return Interval switch
        {
            TrendInterval.Day => ((last - first).Ticks / TimeSpan.TicksPerDay) + 1,
            TrendInterval.Week => ((last - first).Ticks / (TimeSpan.TicksPerDay * 7)) + 1,
            _ => ((last.Year - first.Year) * 12L) + last.Month - first.Month + 1,
        };
    }

    private DateTime Local(DateTimeOffset instant) => new(instant.UtcTicks + Offset.Ticks, DateTimeKind.Unspecified);

    private DateTime LocalBucketStart(DateTime local) => Interval switch
    {
        TrendInterval.Day => local.Date,
        TrendInterval.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        _ => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
    };

    private DateTime Next(DateTime start) => Interval switch
    {
        TrendInterval.Day => start.AddDays(1),
        TrendInterval.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };
}
