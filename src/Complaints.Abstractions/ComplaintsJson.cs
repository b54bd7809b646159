using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Complaints.Analysis;
using Complaints.Commands;
using Complaints.Improvement;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Ports;

namespace Complaints;

/// <summary>The JSON settings stores use to persist cases and journal entries, so every store writes the same shape.</summary>
/// <remarks>
/// The library's own types (cases, journal events, notifications, audit records, corrective actions) are described by
/// source-generated metadata, so the settings work in a trimmed or native AOT application. Where reflection-based
/// serialization is enabled (the default outside trimming and AOT), other types (a host's own) are serialized with
/// reflection as before; under AOT a type the library does not know needs the host's own
/// <see cref="JsonSerializerContext"/> (combine it with <c>JsonTypeInfoResolver.Combine</c> on a copy of these options).
/// </remarks>
public static class ComplaintsJson
{
    /// <summary>camelCase, enums as strings, nulls omitted; events carry a <c>type</c> discriminator.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// The metadata <see cref="Options"/> has for <typeparamref name="T"/>: serialize and deserialize with
    /// <c>JsonSerializer.Serialize(value, ComplaintsJson.TypeInfo&lt;T&gt;())</c>, which needs no reflection (trim- and AOT-safe).
    /// </summary>
    /// <typeparam name="T">A type the library persists (<see cref="Complaint"/>, <see cref="JournalEntry"/>, <see cref="Notification"/>, …).</typeparam>
    /// <returns>The type's metadata under <see cref="Options"/>.</returns>
    /// <exception cref="NotSupportedException">Reflection-based serialization is disabled (trimming, native AOT) and the library has no metadata for <typeparamref name="T"/>.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            TypeInfoResolver = Resolver(),
        };
        options.Converters.Add(new KebabCaseEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The generated metadata, then (where reflection is enabled) reflection for the types it does not cover.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reflection is added only when JsonSerializer.IsReflectionEnabledByDefault, which trimmed and AOT applications turn off; the library's types are covered by the generated context.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above: only when reflection-based serialization is enabled.")]
    private static IJsonTypeInfoResolver Resolver() =>
        JsonSerializer.IsReflectionEnabledByDefault
            ? JsonTypeInfoResolver.Combine(ComplaintsJsonContext.Default, new DefaultJsonTypeInfoResolver())
            : ComplaintsJsonContext.Default;
}

/// <summary>
/// Enums as kebab-case strings (<c>awaiting-approval</c>), integers accepted when reading: JsonStringEnumConverter with
/// <see cref="JsonNamingPolicy.KebabCaseLower"/>, made without dynamic code for the library's enums (a generic converter
/// each); another enum (a host's) gets the non-generic converter where dynamic code is supported.
/// </summary>
internal sealed class KebabCaseEnumConverter : JsonConverterFactory
{
    internal static readonly IReadOnlyDictionary<Type, JsonConverterFactory> Known = new Dictionary<Type, JsonConverterFactory>
    {
        [typeof(AdmissibilityOutcome)] = Kebab<AdmissibilityOutcome>(),
        [typeof(AuditKind)] = Kebab<AuditKind>(),
        [typeof(Channel)] = Kebab<Channel>(),
        [typeof(ClockStart)] = Kebab<ClockStart>(),
        [typeof(ComplaintAction)] = Kebab<ComplaintAction>(),
        [typeof(ComplaintCountGrouping)] = Kebab<ComplaintCountGrouping>(),
        [typeof(ComplaintFlags)] = Kebab<ComplaintFlags>(),
        [typeof(ComplaintKind)] = Kebab<ComplaintKind>(),
        [typeof(ComplaintState)] = Kebab<ComplaintState>(),
        [typeof(ConfidentialParts)] = Kebab<ConfidentialParts>(),
        [typeof(CorrectiveActionDeadlineKind)] = Kebab<CorrectiveActionDeadlineKind>(),
        [typeof(CorrectiveActionKind)] = Kebab<CorrectiveActionKind>(),
        [typeof(CorrectiveActionOperation)] = Kebab<CorrectiveActionOperation>(),
        [typeof(CorrectiveActionState)] = Kebab<CorrectiveActionState>(),
        [typeof(DeadlineAlarm)] = Kebab<DeadlineAlarm>(),
        [typeof(DeadlineKind)] = Kebab<DeadlineKind>(),
        [typeof(DeadlineUnit)] = Kebab<DeadlineUnit>(),
        [typeof(DeskReasons)] = Kebab<DeskReasons>(),
        [typeof(EscalationTrigger)] = Kebab<EscalationTrigger>(),
        [typeof(FindingOutcome)] = Kebab<FindingOutcome>(),
        [typeof(HoldCheckResult)] = Kebab<HoldCheckResult>(),
        [typeof(IntakeAttributeType)] = Kebab<IntakeAttributeType>(),
        [typeof(NotificationKind)] = Kebab<NotificationKind>(),
        [typeof(OutboxState)] = Kebab<OutboxState>(),
        [typeof(ReadBackMethod)] = Kebab<ReadBackMethod>(),
        [typeof(RemedyKind)] = Kebab<RemedyKind>(),
        [typeof(RewardBasis)] = Kebab<RewardBasis>(),
        [typeof(RootCause)] = Kebab<RootCause>(),
        [typeof(SanctionKind)] = Kebab<SanctionKind>(),
        [typeof(Satisfaction)] = Kebab<Satisfaction>(),
        [typeof(Severity)] = Kebab<Severity>(),
        [typeof(SubjectKind)] = Kebab<SubjectKind>(),
        [typeof(TrendInterval)] = Kebab<TrendInterval>(),
    };

    private static readonly JsonConverterFactory? Others = RuntimeFeature.IsDynamicCodeSupported ? new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) : null;

    public override bool CanConvert(Type typeToConvert) => Known.ContainsKey(typeToConvert) || (Others?.CanConvert(typeToConvert) ?? false);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Known.TryGetValue(typeToConvert, out var factory) ? factory.CreateConverter(typeToConvert, options)
        : Others is not null ? Others.CreateConverter(typeToConvert, options)
        : throw new NotSupportedException($"The enum {typeToConvert.Name} is not one of the library's and dynamic code is not supported (native AOT); give it a [JsonConverter(typeof(JsonStringEnumConverter<{typeToConvert.Name}>))].");

    private static JsonStringEnumConverter<TEnum> Kebab<TEnum>()
        where TEnum : struct, Enum => new(JsonNamingPolicy.KebabCaseLower);
}

/// <summary>Generated metadata for everything the library persists or stores read back, and the commands and reads a host sends over HTTP (see <see cref="ComplaintsJson"/>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Complaint))]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(CorrectiveAction))]
[JsonSerializable(typeof(CorrectiveActionJournalEntry))]
[JsonSerializable(typeof(ComplaintIntake))]
[JsonSerializable(typeof(Complainant))]
[JsonSerializable(typeof(ComplaintSubject))]
[JsonSerializable(typeof(Deadline[]))]
[JsonSerializable(typeof(FollowUpContact[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Actor))]
[JsonSerializable(typeof(ComplaintCommand))]
[JsonSerializable(typeof(IReadOnlyList<JournalEntry>))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintAction>))]
[JsonSerializable(typeof(IReadOnlyList<OutboxMessage>))]
[JsonSerializable(typeof(IReadOnlyList<DeskItem>))]
[JsonSerializable(typeof(DeskPage))]
internal sealed partial class ComplaintsJsonContext : JsonSerializerContext;
