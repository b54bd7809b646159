using System.Globalization;
using System.Text.Json;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>How values are spelt in columns: times as fixed-width UTC text (so text order is time order), enums as in the JSON.</summary>
internal static class CaseColumns
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>A time as <c>2026-03-02T09:30:00.0000000Z</c>: readable, exact to the tick, and ordered as text.</summary>
    /// <remarks>The round-trip format <c>O</c> of a UTC <see cref="DateTime"/> spells exactly this, on the runtime's fast path (a custom format string is parsed on every call).</remarks>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static object Time(DateTimeOffset? value) => value is { } v ? Time(v) : DBNull.Value;

    public static DateTimeOffset ReadTime(string text) =>
        new(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    /// <summary>An id as its lowercase <c>D</c> text, whose text order is <see cref="Guid.CompareTo(Guid)"/>'s order.</summary>
    public static string Id(ComplaintId id) => id.Value.ToString("D");

    public static object Nullable(string? value) => value is null ? DBNull.Value : value;

    /// <summary>
    /// The form of an approval role that compares as <see cref="StringComparison.OrdinalIgnoreCase"/> does: SQLite's
    /// NOCASE folds ASCII only, so the store keeps the role upper-cased (invariant) and compares keys.
    /// </summary>
    public static string? RoleKey(string? role) => role?.ToUpperInvariant();

    /// <summary>
    /// The products of the case's active holds as a JSON array of distinct strings (for <c>json_each</c>), or
    /// <see cref="DBNull"/> when none is active: the column is NULL for almost every case, so its partial index stays small.
    /// </summary>
    public static object HeldProducts(Complaint c)
    {
        if (!c.HasActiveHold)
        {
            return DBNull.Value;
        }

        var products = c.Holds.Where(h => h.IsActive).Select(h => h.Product).Distinct(StringComparer.Ordinal).ToArray();
        return JsonSerializer.Serialize(products, ComplaintsJson.TypeInfo<string[]>());
    }
}

/// <summary>An enum's values spelt as <see cref="ComplaintsJson.Options"/> writes them (<c>awaiting-approval</c>), both ways.</summary>
internal static class Spelling<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Texts =
        Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonSerializer.Serialize(v, ComplaintsJson.TypeInfo<TEnum>()).Trim('"'));

    private static readonly Dictionary<string, TEnum> Values = Texts.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Of(TEnum value) => Texts[value];

    public static TEnum Parse(string text) =>
        Values.TryGetValue(text, out var value)
            ? value
            : throw new InvalidOperationException($"The database holds '{text}' where a {typeof(TEnum).Name} is expected; it was not written by this store.");
}
