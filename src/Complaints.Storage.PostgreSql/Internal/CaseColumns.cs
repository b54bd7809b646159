using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Complaints.Journal;
using Complaints.Ports;

namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>How cases map to the columns desk queries and deadline claims read.</summary>
internal static class CaseColumns
{
    private static readonly FrozenDictionary<ComplaintState, string> StateNames =
        Enum.GetValues<ComplaintState>().ToFrozenDictionary(s => s, s => Name(s));

    private static readonly FrozenDictionary<string, ComplaintState> StatesByName =
        Enum.GetValues<ComplaintState>().ToFrozenDictionary(Name, s => s, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Severity, string> SeverityNames =
        Enum.GetValues<Severity>().ToFrozenDictionary(s => s, s => Name(s));

    private static readonly FrozenDictionary<string, Severity> SeveritiesByName =
        Enum.GetValues<Severity>().ToFrozenDictionary(Name, s => s, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> EventTypes = typeof(ComplaintEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Where(a => a.TypeDiscriminator is string)
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>An event's type as its JSON discriminator names it (<c>triaged</c>, <c>remedy-approved</c> …), for the journal's <c>event_type</c> column.</summary>
    public static string EventType(ComplaintEvent @event) =>
        EventTypes.TryGetValue(@event.GetType(), out var name) ? name : @event.GetType().Name;

    /// <summary>The stored name of a state: kebab-case, as in the JSON (<c>awaiting-approval</c>).</summary>
    public static string Of(ComplaintState state) => StateNames.TryGetValue(state, out var name) ? name : Name(state);

    /// <summary>The stored name of a severity tier: kebab-case, as in the JSON.</summary>
    public static string Of(Severity severity) => SeverityNames.TryGetValue(severity, out var name) ? name : Name(severity);

    /// <summary>The stored name of a deadline kind or alarm: kebab-case, as in the JSON.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.Of.TryGetValue(value, out var name) ? name : Name(value);

    /// <summary>The enum name (<c>AwaitingApproval</c>) of a stored state name, as count keys give it.</summary>
    public static string StateKey(string stored) =>
        StatesByName.TryGetValue(stored, out var state) ? state.ToString() : stored;

    /// <summary>The enum name (<c>Serious</c>) of a stored severity name, as count keys give it.</summary>
    public static string SeverityKey(string stored) =>
        SeveritiesByName.TryGetValue(stored, out var severity) ? severity.ToString() : stored;

    /// <summary>The key a role is matched on: <see cref="StringComparison.OrdinalIgnoreCase"/> as an equality of upper-cased strings.</summary>
    public static string RoleKey(string role) => role.ToUpperInvariant();

    /// <summary>The distinct products of the case's active holds, or <see langword="null"/> (a NULL column) when none is active.</summary>
    public static string[]? HeldProducts(Complaint complaint) =>
        complaint.HasActiveHold ? [.. complaint.Holds.Where(h => h.IsActive).Select(h => h.Product).Distinct(StringComparer.Ordinal)] : null;

    /// <summary>A time as UTC ticks, which order and compare exactly as <see cref="DateTimeOffset"/> does (PostgreSQL keeps microseconds only).</summary>
    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    /// <summary>A time as PostgreSQL's <c>timestamptz</c> wants it from Npgsql: in UTC.</summary>
    public static DateTimeOffset? Utc(DateTimeOffset? time) => time?.ToUniversalTime();

    /// <summary>The alarm named in the store.</summary>
    public static DeadlineAlarm Alarm(string stored) => stored == Of(DeadlineAlarm.Breach) ? DeadlineAlarm.Breach : DeadlineAlarm.Warning;

    /// <summary>The deadline kind named in the store.</summary>
    public static DeadlineKind Kind(string stored) => Enum.Parse<DeadlineKind>(stored.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    /// <summary>An enum's stored names, built once (naming a value on every save cost a string each time).</summary>
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Of = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Name(v));
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
