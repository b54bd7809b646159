using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Complaints;

/// <summary>Identifies one complaint case. Time-ordered (UUID v7) when created by the workflow.</summary>
/// <param name="Value">The underlying UUID.</param>
[JsonConverter(typeof(ComplaintIdJsonConverter))]
public readonly record struct ComplaintId(Guid Value) : IParsable<ComplaintId>
{
    /// <summary>Creates a new time-ordered id for a case received at <paramref name="receivedAt"/>.</summary>
    /// <param name="receivedAt">The time of receipt, from the injected <see cref="TimeProvider"/>.</param>
    /// <returns>A new id.</returns>
    public static ComplaintId New(DateTimeOffset receivedAt) => new(Guid.CreateVersion7(receivedAt));

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");

    /// <inheritdoc />
    public static ComplaintId Parse(string s, IFormatProvider? provider = null) => new(Guid.Parse(s, provider));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ComplaintId result)
    {
        var ok = Guid.TryParse(s, provider, out var guid);
        result = new ComplaintId(guid);
        return ok;
    }
}

/// <summary>
/// Identifies a person (staff member or system account) in the host's directory. Ids are case-insensitive and
/// ignore surrounding white space: the value is kept trimmed and lower-cased (invariant culture), so <c>"LIN "</c>
/// and <c>"lin"</c> are one person for recusal, the accused check, self-approval, visibility and every store.
/// </summary>
[JsonConverter(typeof(ActorIdJsonConverter))]
public readonly record struct ActorId
{
    /// <summary>Creates an id from the host's identifier for the person.</summary>
    /// <param name="value">The identifier; not empty. Kept trimmed and lower-cased.</param>
    public ActorId(string value) => Value = Ids.Normalize(value);

    /// <summary>The identifier, trimmed and lower-cased.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// Identifies a department (finance, medical affairs, after-sales …) in the host's organisation. Like
/// <see cref="ActorId"/>, case-insensitive and trimmed: the value is kept trimmed and lower-cased (invariant culture).
/// </summary>
[JsonConverter(typeof(DepartmentIdJsonConverter))]
public readonly record struct DepartmentId
{
    /// <summary>Creates an id from the department's code.</summary>
    /// <param name="value">The code; not empty. Kept trimmed and lower-cased.</param>
    public DepartmentId(string value) => Value = Ids.Normalize(value);

    /// <summary>The code, trimmed and lower-cased.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The one rule by which person and department ids are compared: trimmed, lower-cased (invariant).</summary>
internal static class Ids
{
    /// <summary>The id as it is kept; <see langword="null"/> stays <see langword="null"/> so validation can name the field.</summary>
    public static string Normalize(string value) => value?.Trim().ToLowerInvariant()!;
}

internal sealed class ComplaintIdJsonConverter : JsonConverter<ComplaintId>
{
    public override ComplaintId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, ComplaintId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class ActorIdJsonConverter : JsonConverter<ActorId>
{
    public override ActorId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, ActorId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

internal sealed class DepartmentIdJsonConverter : JsonConverter<DepartmentId>
{
    public override DepartmentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, DepartmentId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
