using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Complaints.Commands;
using Microsoft.AspNetCore.Http;

namespace Complaints.AspNetCore.Internal;

/// <summary>
/// Reads a command's JSON body with <see cref="ComplaintsJson"/>'s metadata (<c>$type</c> anywhere in the object), and
/// answers what minimal-API binding would not answer well: no or an unknown <c>$type</c>, malformed JSON, the wrong
/// shape — each a <see cref="ComplaintValidationException"/> (400 validation problem) naming the field. The messages
/// never quote the body beyond the <c>$type</c> the client sent.
/// </summary>
internal static class CommandBody
{
    /// <summary>The field a problem with the body as a whole is reported under.</summary>
    public const string Field = "body";

    /// <summary>The discriminator's property name.</summary>
    public const string TypeField = "$type";

    private static readonly JsonSerializerOptions Options = new(ComplaintsJson.Options) { AllowOutOfOrderMetadataProperties = true };

    private static readonly JsonTypeInfo<ComplaintCommand> TypeInfo = (JsonTypeInfo<ComplaintCommand>)Options.GetTypeInfo(typeof(ComplaintCommand));

    /// <summary>Every command's discriminator, as declared on <see cref="ComplaintCommand"/>.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [.. TypeInfo.PolymorphismOptions!.DerivedTypes.Select(d => Convert.ToString(d.TypeDiscriminator, CultureInfo.InvariantCulture)!)];

    /// <summary>The command in <paramref name="request"/>'s body; <see langword="null"/> when the body is not JSON (the caller answers 415).</summary>
    public static async Task<ComplaintCommand?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        if (request.ContentLength == 0)
        {
            throw Invalid(Field, "is required: send one JSON object naming the command in \"$type\".");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw Invalid(Field, e.LineNumber is { } line
                ? $"is not valid JSON (line {line + 1}, byte {e.BytePositionInLine + 1}): send one JSON object naming the command in \"$type\"."
                : "is required: send one JSON object naming the command in \"$type\".");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(Field, "must be a JSON object naming the command in \"$type\".");
            }

            if (!root.TryGetProperty(TypeField, out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw Invalid(TypeField, $"is required: the command's name, one of {string.Join(", ", Known)}.");
            }

            var name = type.GetString()!;
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                var shown = name.Length > 40 ? name[..40] + "…" : name;
                throw Invalid(TypeField, $"unknown command '{shown}'; known: {string.Join(", ", Known)}.");
            }

            try
            {
                return root.Deserialize(TypeInfo) ?? throw Invalid(Field, "must be a JSON object naming the command in \"$type\".");
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or InvalidOperationException)
            {
                var path = (e as JsonException)?.Path;
                throw Invalid(Field, path is null or "$"
                    ? $"does not have the shape of the command '{name}'."
                    : $"does not have the shape of the command '{name}' at {path}.");
            }
        }
    }

    private static ComplaintValidationException Invalid(string field, string message) => new([new ValidationError(field, message)]);
}
