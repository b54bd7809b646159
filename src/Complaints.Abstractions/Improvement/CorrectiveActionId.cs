using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Complaints.Improvement;

/// <summary>Identifies one corrective or preventive action. Time-ordered (UUID v7) when created by the workflow.</summary>
/// <param name="Value">The underlying UUID.</param>
[JsonConverter(typeof(CorrectiveActionIdJsonConverter))]
public readonly record struct CorrectiveActionId(Guid Value) : IParsable<CorrectiveActionId>
{
    /// <summary>Creates a new time-ordered id for an action proposed at <paramref name="proposedAt"/>.</summary>
    /// <param name="proposedAt">The time of the proposal, from the injected <see cref="TimeProvider"/>.</param>
    /// <returns>A new id.</returns>
    public static CorrectiveActionId New(DateTimeOffset proposedAt) => new(Guid.CreateVersion7(proposedAt));

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");

    /// <inheritdoc />
    public static CorrectiveActionId Parse(string s, IFormatProvider? provider = null) => new(Guid.Parse(s, provider));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CorrectiveActionId result)
    {
        var ok = Guid.TryParse(s, provider, out var guid);
        result = new CorrectiveActionId(guid);
        return ok;
    }
}

internal sealed class CorrectiveActionIdJsonConverter : JsonConverter<CorrectiveActionId>
{
    public override CorrectiveActionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, CorrectiveActionId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
