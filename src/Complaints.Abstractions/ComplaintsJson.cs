using System.Text.Json;
using System.Text.Json.Serialization;

namespace Complaints;

/// <summary>The JSON settings stores use to persist cases and journal entries, so every store writes the same shape.</summary>
public static class ComplaintsJson
{
    /// <summary>camelCase, enums as strings, nulls omitted; events carry a <c>type</c> discriminator.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
