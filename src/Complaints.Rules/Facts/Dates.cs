namespace Complaints.Rules.Facts;

/// <summary>Date helpers a pack's expressions may call, e.g. <c>Dates.DaysBetween(complaint.OccurredAt, complaint.ReceivedAt) &gt; 365</c>.</summary>
public static class Dates
{
    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (negative if <paramref name="to"/> is earlier).</summary>
    /// <param name="from">The earlier time.</param>
    /// <param name="to">The later time.</param>
    /// <returns>The whole days between them.</returns>
    public static int DaysBetween(DateTimeOffset from, DateTimeOffset to) => (int)Math.Truncate((to - from).TotalDays);
}
