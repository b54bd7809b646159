using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Complaints.Journal;
using Complaints.Workflow;

namespace Complaints.AspNetCore.Internal;

/// <summary>Generated metadata for what the endpoints write beyond what ComplaintsJson covers (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ComplainantAccess))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long))]
internal sealed partial class ComplaintsHttpJsonContext : JsonSerializerContext;

/// <summary>
/// The contract of <see cref="CommandResult"/> (written, never read): made here because its <see cref="Complaint"/>
/// has metadata only in ComplaintsJson, which a source generator outside Complaints.Abstractions cannot reach.
/// </summary>
internal sealed class CommandResultContract : IJsonTypeInfoResolver
{
    public static CommandResultContract Instance { get; } = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        type == typeof(CommandResult)
            ? JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<CommandResult>
            {
                PropertyMetadataInitializer = _ =>
                [
                    Property(options, "Complaint", static r => r.Complaint, JsonIgnoreCondition.Never),
                    Property(options, "Entries", static r => r.Entries, JsonIgnoreCondition.Never),
                    Property(options, "ComplainantAccess", static r => r.ComplainantAccess, JsonIgnoreCondition.WhenWritingNull),
                ],
            })
            : null;

    private static JsonPropertyInfo Property<T>(JsonSerializerOptions options, string name, Func<CommandResult, T?> get, JsonIgnoreCondition ignore) =>
        JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<T>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(CommandResult),
            PropertyName = name,
            JsonPropertyName = JsonNamingPolicy.CamelCase.ConvertName(name),
            Getter = o => get((CommandResult)o),
            IgnoreCondition = ignore,
        });
}

/// <summary>ComplaintsJson's enum converter for the library's enums only, so a host's own enums keep the host's JSON settings.</summary>
internal sealed class LibraryEnumConverter(JsonConverterFactory inner) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.Assembly == typeof(ComplaintsJson).Assembly && inner.CanConvert(typeToConvert);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => inner.CreateConverter(typeToConvert, options);
}
