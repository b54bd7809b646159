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

/// <summary>
/// What <c>AddComplaintsJson</c> puts in the host's resolver chain, scoped to the library's types: ComplaintsJson's
/// resolver answers only for them (so its reflection fallback never takes a host's type from the host's own
/// resolvers), and their null properties are omitted as <see cref="ComplaintsJson.Options"/> omits them — without
/// changing the host's <see cref="JsonSerializerOptions.DefaultIgnoreCondition"/>.
/// </summary>
internal sealed class LibraryTypesResolver(IJsonTypeInfoResolver inner, bool libraryTypesOnly) : IJsonTypeInfoResolver
{
    private static readonly System.Reflection.Assembly[] Assemblies =
        [typeof(ComplaintsJson).Assembly, typeof(CommandResult).Assembly, typeof(LibraryTypesResolver).Assembly];

    /// <summary>The resolvers <c>AddComplaintsJson</c> inserts, in order.</summary>
    public static IReadOnlyList<IJsonTypeInfoResolver> Chain { get; } =
    [
        new LibraryTypesResolver(ComplaintsHttpJsonContext.Default, libraryTypesOnly: false),
        CommandResultContract.Instance,
        new LibraryTypesResolver(ComplaintsJson.Options.TypeInfoResolver!, libraryTypesOnly: true),
    ];

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (libraryTypesOnly && !IsLibraryType(type))
        {
            return null;
        }

        var info = inner.GetTypeInfo(type, options);
        if (info is { Kind: JsonTypeInfoKind.Object } && IsLibraryType(type))
        {
            foreach (var property in info.Properties)
            {
                // A property without its own [JsonIgnore] condition: omitted when null, as ComplaintsJson.Options writes it.
                if (property.ShouldSerialize is null && (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null))
                {
                    property.ShouldSerialize = static (_, value) => value is not null;
                }
            }
        }

        return info;
    }

    /// <summary>One of the library's types, or an array or generic of them (<c>IReadOnlyList&lt;JournalEntry&gt;</c>).</summary>
    public static bool IsLibraryType(Type type) =>
        Assemblies.Contains(type.Assembly)
        || (type.IsArray && IsLibraryType(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsLibraryType));
}
