namespace Complaints.Ports;

/// <summary>What <see cref="ComplaintCountQuery"/> groups cases by.</summary>
public enum ComplaintCountGrouping
{
    /// <summary>By <see cref="Complaint.State"/>; the key is the state's name, e.g. <c>AwaitingApproval</c>.</summary>
    State,

    /// <summary>By <see cref="Complaint.Category"/>; no key for cases not yet classified.</summary>
    Category,

    /// <summary>By <see cref="Complaint.Department"/>; the key is the department id, no key for cases not yet routed.</summary>
    Department,

    /// <summary>By <see cref="Complaint.Severity"/>; the key is the tier's name, e.g. <c>Serious</c>, no key for cases not yet classified.</summary>
    Severity,
}

/// <summary>
/// Counts the cases received in a period, grouped by state, category, department or severity: the figures of a
/// complaint desk's weekly or monthly report.
/// </summary>
/// <param name="By">What to group by.</param>
public sealed record ComplaintCountQuery(ComplaintCountGrouping By)
{
    /// <summary>Only cases received at or after this time.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Only cases received before this time.</summary>
    public DateTimeOffset? ReceivedTo { get; init; }

    /// <summary>Whether <paramref name="complaint"/> is in the period (the reference semantics every store must match).</summary>
    /// <param name="complaint">The case.</param>
    /// <returns><see langword="true"/> if it is counted.</returns>
    public bool Includes(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return (ReceivedFrom is not { } from || complaint.ReceivedAt >= from) &&
               (ReceivedTo is not { } to || complaint.ReceivedAt < to);
    }

    /// <summary>The key <paramref name="complaint"/> is counted under (the reference semantics every store must match).</summary>
    /// <param name="complaint">The case.</param>
    /// <returns>The state or severity name, the category or the department id; <see langword="null"/> if the case has none.</returns>
    public string? KeyOf(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return By switch
        {
            ComplaintCountGrouping.State => complaint.State.ToString(),
            ComplaintCountGrouping.Category => complaint.Category,
            ComplaintCountGrouping.Department => complaint.Department?.Value,
            ComplaintCountGrouping.Severity => complaint.Severity?.ToString(),
            _ => throw new InvalidOperationException($"Unknown grouping {By}."),
        };
    }

    /// <summary>
    /// Counts <paramref name="complaints"/> as a store must: the cases in the period grouped by <see cref="KeyOf"/>,
    /// one row per key that has cases, ordered by key (ordinal), the row with no key first.
    /// </summary>
    /// <param name="complaints">Every stored case.</param>
    /// <returns>The counts.</returns>
    public IReadOnlyList<ComplaintCount> CountIn(IEnumerable<Complaint> complaints)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        return complaints
            .Where(Includes)
            .GroupBy(KeyOf, StringComparer.Ordinal)
            .Select(g => new ComplaintCount(g.Key, g.Count()))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToArray();
    }
}

/// <summary>How many cases fall under one key of a <see cref="ComplaintCountQuery"/>.</summary>
/// <param name="Key">The state or severity name, the category or the department id; <see langword="null"/> for the cases that have none.</param>
/// <param name="Count">How many cases.</param>
public sealed record ComplaintCount(string? Key, int Count);
