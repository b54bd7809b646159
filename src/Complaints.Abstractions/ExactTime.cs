namespace Complaints;

/// <summary>Comparing times as stored: the instant and the offset.</summary>
internal static class ExactTime
{
    /// <summary>Whether two optional times are the same, offset included (<c>==</c> compares the instant only).</summary>
    public static bool Same(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x ? b is { } y && x.EqualsExact(y) : b is null;
}
