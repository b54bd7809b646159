namespace Complaints.Ports;

/// <summary>The page bounds every <see cref="IAuditLog"/> store checks alike before reading.</summary>
public static class AuditPaging
{
    /// <summary>The most records one read returns.</summary>
    public const int MaxTake = 1000;

    /// <summary>Checks that <paramref name="query"/> asks for a page the port allows: <c>Take</c> 1 to 1000, <c>Skip</c> 0 or more.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page is out of bounds.</exception>
    public static void Check(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Take is < 1 or > MaxTake)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Take, $"AuditQuery.Take must be between 1 and {MaxTake}; read further pages with Skip.");
        }

        if (query.Skip < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Skip, "AuditQuery.Skip cannot be negative.");
        }
    }
}
