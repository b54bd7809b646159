using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RulesEngine.Models;
using RulesWorkflow = RulesEngine.Models.Workflow;

namespace Complaints.Rules.Loading;

/// <summary>
/// The JSON settings a pack's files are read with (and the diff writes with), each resolving its types from generated
/// metadata, so that loading a pack needs no reflection-based serialization (trimmed and native AOT applications).
/// </summary>
internal static class PackJson
{
    /// <summary><c>pack.json</c>: camelCase, unknown members refused, comments and trailing commas allowed.</summary>
    public static JsonSerializerOptions Manifest { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        TypeInfoResolver = ManifestJsonContext.Default,
    };

    /// <summary>A decision's RulesEngine workflow: RulesEngine's own (PascalCase, case-insensitive) names, unknown members refused.</summary>
    public static JsonSerializerOptions Workflow { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter<RuleExpressionType>() },
        TypeInfoResolver = JsonTypeInfoResolver.Combine(new RulesEngineContracts(), WorkflowJsonContext.Default),
    };

    /// <summary>What <see cref="PackDiff"/> compares items and rules as: their JSON (nulls left out, text unescaped).</summary>
    public static JsonSerializerOptions Diff { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<RuleExpressionType>() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(new RulesEngineContracts(), WorkflowJsonContext.Default),
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PackManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

/// <summary>Everything a RulesEngine workflow holds except <see cref="Rule"/> and <see cref="RulesWorkflow"/> themselves (<see cref="RulesEngineContracts"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ScopedParam))]
[JsonSerializable(typeof(RuleActions))]
[JsonSerializable(typeof(IEnumerable<ScopedParam>))]
[JsonSerializable(typeof(IEnumerable<string>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(RuleExpressionType))]
[JsonSerializable(typeof(PackRole))]
[JsonSerializable(typeof(PackDepartment))]
[JsonSerializable(typeof(PackAttributeDefinition))]
[JsonSerializable(typeof(PackLifecycle))]
[JsonSerializable(typeof(PackImprovement))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class WorkflowJsonContext : JsonSerializerContext;

/// <summary>The typed metadata of a type under a set of options.</summary>
internal static class JsonOptionsExtensions
{
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> GetTypeInfo<T>(this JsonSerializerOptions options) =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}

/// <summary>
/// RulesEngine's <see cref="Rule"/> and <see cref="RulesWorkflow"/> described by hand, as the source generator would describe
/// them (the same members, in the same order), except that <c>RuleExpressionType</c> reads and writes with the generic
/// <see cref="JsonStringEnumConverter{TEnum}"/>: RulesEngine marks it with the non-generic converter, which needs dynamic
/// code (the generator would emit it, and native AOT could not run it).
/// </summary>
internal sealed class RulesEngineContracts : IJsonTypeInfoResolver
{

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(Rule))
        {
            return Object(options, () => new Rule(),
            [
                Property<Rule, string>(options, "RuleName", r => r.RuleName, (r, v) => r.RuleName = v),
                Property<Rule, Dictionary<string, object>>(options, "Properties", r => r.Properties, (r, v) => r.Properties = v),
                Property<Rule, string>(options, "Operator", r => r.Operator, (r, v) => r.Operator = v),
                Property<Rule, string>(options, "ErrorMessage", r => r.ErrorMessage, (r, v) => r.ErrorMessage = v),
                Property<Rule, bool>(options, "Enabled", r => r.Enabled, (r, v) => r.Enabled = v),
                Property<Rule, RuleExpressionType>(options, "RuleExpressionType", r => r.RuleExpressionType, (r, v) => r.RuleExpressionType = v, EnumAsString(options)),
                Property<Rule, IEnumerable<string>>(options, "WorkflowsToInject", r => r.WorkflowsToInject, (r, v) => r.WorkflowsToInject = v),
                Property<Rule, IEnumerable<Rule>>(options, "Rules", r => r.Rules, (r, v) => r.Rules = v),
                Property<Rule, IEnumerable<ScopedParam>>(options, "LocalParams", r => r.LocalParams, (r, v) => r.LocalParams = v),
                Property<Rule, string>(options, "Expression", r => r.Expression, (r, v) => r.Expression = v),
                Property<Rule, RuleActions>(options, "Actions", r => r.Actions, (r, v) => r.Actions = v),
                Property<Rule, string>(options, "SuccessEvent", r => r.SuccessEvent, (r, v) => r.SuccessEvent = v),
            ]);
        }

        if (type == typeof(RulesWorkflow))
        {
            return Object(options, () => new RulesWorkflow(),
            [
                Property<RulesWorkflow, string>(options, "WorkflowName", w => w.WorkflowName, (w, v) => w.WorkflowName = v),
                #pragma warning disable CS0618 // RulesEngine reads its deprecated spelling of WorkflowsToInject (write-only); so do we, to refuse it as before.
                Property<RulesWorkflow, IEnumerable<string>>(options, "WorkflowRulesToInject", null, (w, v) => w.WorkflowRulesToInject = v),
#pragma warning restore CS0618
                Property<RulesWorkflow, IEnumerable<string>>(options, "WorkflowsToInject", w => w.WorkflowsToInject, (w, v) => w.WorkflowsToInject = v),
                Property<RulesWorkflow, RuleExpressionType>(options, "RuleExpressionType", w => w.RuleExpressionType, (w, v) => w.RuleExpressionType = v),
                Property<RulesWorkflow, IEnumerable<ScopedParam>>(options, "GlobalParams", w => w.GlobalParams, (w, v) => w.GlobalParams = v),
                Property<RulesWorkflow, IEnumerable<Rule>>(options, "Rules", w => w.Rules, (w, v) => w.Rules = v),
            ]);
        }

        if (type == typeof(IEnumerable<Rule>))
        {
            return JsonMetadataServices.CreateIEnumerableInfo<IEnumerable<Rule>, Rule>(options, new JsonCollectionInfoValues<IEnumerable<Rule>>());
        }

        return null;
    }

    private static JsonConverter<RuleExpressionType> EnumAsString(JsonSerializerOptions options) =>
        (JsonConverter<RuleExpressionType>)new JsonStringEnumConverter<RuleExpressionType>().CreateConverter(typeof(RuleExpressionType), options);

    private static JsonTypeInfo<T> Object<T>(JsonSerializerOptions options, Func<T> create, JsonPropertyInfo[] properties)
        where T : class =>
        JsonMetadataServices.CreateObjectInfo(options, new JsonObjectInfoValues<T>
        {
            ObjectCreator = create,
            PropertyMetadataInitializer = _ => properties,
        });

    private static JsonPropertyInfo Property<TOwner, TValue>(JsonSerializerOptions options, string name, Func<TOwner, TValue?>? get, Action<TOwner, TValue> set, JsonConverter<TValue>? converter = null) =>
        JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<TValue>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = typeof(TOwner),
            Converter = converter,
            Getter = get is null ? null : owner => get((TOwner)owner)!,
            Setter = (owner, value) => set((TOwner)owner, value!),
            PropertyName = name,
        });
}
