using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Policy;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Loading;

/// <summary>Reads <c>pack.json</c>, merges an override's <c>pack.json</c> onto it, and checks it.</summary>
internal static class ManifestLoader
{
    public const string FileName = "pack.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static PackManifest? Load(PackFiles pack, PackFiles? overrides, List<PackProblem> problems)
    {
        var origin = pack.Origin;
        if (!pack.Files.TryGetValue(FileName, out var text))
        {
            problems.Add(new PackProblem(origin, FileName, null, "is missing; every pack has a pack.json with its id, version, roles and departments."));
            return null;
        }

        JsonNode? node;
        try
        {
            node = PackFiles.ParseJson(text);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            problems.Add(new PackProblem(origin, FileName, null, $"is not valid: {e.Message}"));
            return null;
        }

        string? overrideVersion = null;
        if (overrides is not null && node is JsonObject target)
        {
            overrideVersion = ApplyOverride(target, overrides, problems);
        }

        if (!ManifestShape.Check(node, reason => problems.Add(new PackProblem(origin, FileName, null, reason))))
        {
            return null;
        }

        PackManifest manifest;
        try
        {
            manifest = node.Deserialize<PackManifest>(Json)!;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            problems.Add(new PackProblem(origin, FileName, null, $"is not valid: {e.Message}"));
            return null;
        }

        if (overrides is not null)
        {
            manifest = manifest with { Version = overrideVersion ?? $"{manifest.Version}+custom.{Hash(overrides)}" };
        }

        Check(manifest, origin, problems);
        return manifest;
    }

    /// <summary>The names of the settings an override's <c>pack.json</c> sets (none if it has no readable one).</summary>
    public static IReadOnlyList<string> SettingsSetBy(PackFiles overrides)
    {
        try
        {
            return overrides.Files.TryGetValue(FileName, out var text) && PackFiles.ParseJson(text) is JsonObject o && o["settings"] is JsonObject settings
                ? settings.Select(p => p.Key).ToArray()
                : [];
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return []; // reported by Load
        }
    }

    private static string? ApplyOverride(JsonObject target, PackFiles overrides, List<PackProblem> problems)
    {
        if (!overrides.Files.TryGetValue(FileName, out var text))
        {
            return null;
        }

        void Problem(string reason) => problems.Add(new PackProblem(overrides.Origin, FileName, null, "(override) " + reason));
        try
        {
            if (PackFiles.ParseJson(text) is not JsonObject patch)
            {
                Problem("must be a JSON object holding only what changes, e.g. { \"settings\": { \"seriousClaim\": 800 } }.");
                return null;
            }

            Merge(target, patch);
            return patch["version"] is JsonValue version && version.TryGetValue<string>(out var value) ? value : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            Problem($"is not valid: {e.Message}");
            return null;
        }
    }

    /// <summary>Objects merge key by key; arrays of objects with an <c>id</c> merge by id; anything else replaces.</summary>
    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToArray())
        {
            var existing = target[key];
            if (existing is JsonObject to && value is JsonObject from)
            {
                Merge(to, from);
            }
            else if (existing is JsonArray toArray && value is JsonArray fromArray && fromArray.All(v => IdOf(v) is not null))
            {
                foreach (var item in fromArray.Select(v => v!.AsObject()))
                {
                    var id = IdOf(item);
                    var match = toArray.OfType<JsonObject>().FirstOrDefault(o => IdOf(o) == id);
                    if (match is null)
                    {
                        toArray.Add(item.DeepClone());
                    }
                    else
                    {
                        Merge(match, item);
                    }
                }
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>The string <c>id</c> of an array entry, or <see langword="null"/> (not an object, no id, an id that is not a string).</summary>
    private static string? IdOf(JsonNode? node) =>
        node is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var value) ? value : null;

    private static string Hash(PackFiles overrides)
    {
        var all = string.Join("\n", overrides.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\n" + f.Value));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..8];
    }

    private static void Check(PackManifest m, string origin, List<PackProblem> problems)
    {
        void Problem(string reason) => problems.Add(new PackProblem(m.Id.Length > 0 ? m.Id : origin, FileName, null, reason));

        if (string.IsNullOrWhiteSpace(m.Id))
        {
            Problem("'id' is required.");
        }

        if (string.IsNullOrWhiteSpace(m.Version))
        {
            Problem("'version' is required, e.g. \"1.0.0\"; cases record the version they were decided under.");
        }

        if (m.Currency is not { Length: 3 } || !m.Currency.All(char.IsAsciiLetterUpper))
        {
            Problem($"'currency' is '{m.Currency}'; use an ISO 4217 code such as CNY.");
        }

        if (m.Roles.Count == 0)
        {
            Problem("'roles' is empty; list the roles in ladder order, lowest authority first.");
        }

        foreach (var duplicate in m.Roles.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem($"role '{duplicate.Key}' is declared twice.");
        }

        foreach (var duplicate in m.Departments.GroupBy(d => d.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem($"department '{duplicate.Key}' is declared twice.");
        }

        if (!m.Departments.Any(d => string.Equals(d.Id, m.DefaultDepartment, StringComparison.OrdinalIgnoreCase)))
        {
            Problem($"'defaultDepartment' is '{m.DefaultDepartment}', which is not one of the declared departments.");
        }

        if (!m.Roles.Any(r => string.Equals(r.Id, m.DefaultHandlerRole, StringComparison.OrdinalIgnoreCase)))
        {
            Problem($"'defaultHandlerRole' is '{m.DefaultHandlerRole}', which is not one of the declared roles.");
        }

        if (!Names.TryParse<Severity>(m.DefaultTier, out _))
        {
            Problem($"'defaultTier' is '{m.DefaultTier}'; use one of {Names.List<Severity>()}.");
        }

        foreach (var role in m.Roles.Where(r => r.ApprovalLimit is < 0))
        {
            Problem($"role '{role.Id}' has a negative approvalLimit.");
        }

        foreach (var duplicate in (m.Attributes ?? []).GroupBy(a => a.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem($"attribute '{duplicate.Key}' is declared twice.");
        }

        foreach (var attribute in m.Attributes ?? [])
        {
            if (!Names.TryParse<IntakeAttributeType>(attribute.Type, out var type))
            {
                Problem($"attribute '{attribute.Id}' has type '{attribute.Type}'; use one of {Names.List<IntakeAttributeType>()}.");
            }
            else if (type == IntakeAttributeType.OneOf && attribute.Values is not { Count: > 0 })
            {
                Problem($"attribute '{attribute.Id}' is one-of but lists no 'values'; list the values it may take.");
            }
            else if (type != IntakeAttributeType.OneOf && attribute.Values is not null)
            {
                Problem($"attribute '{attribute.Id}' lists 'values' but is of type '{attribute.Type}'; only one-of attributes have values.");
            }
        }
        if (m.Lifecycle is { } lifecycle)
        {
            CheckLifecycle(lifecycle, m, Problem);
        }
    }

    /// <summary>The <c>lifecycle</c> section's values: known tiers and kinds, declared roles, each wrong one named with the nearest valid value.</summary>
    private static void CheckLifecycle(PackLifecycle lifecycle, PackManifest m, Action<string> problem)
    {
        void Enum<TEnum>(string path, string value)
            where TEnum : struct, System.Enum
        {
            if (!Names.TryParse<TEnum>(value, out _))
            {
                var valid = Names.List<TEnum>().Split(", ");
                problem($"'{path}' is '{value}'{Nearest.Hint(value, valid)}; use one of {Names.List<TEnum>()}.");
            }
        }

        void Role(string path, string value)
        {
            if (!m.Roles.Any(r => string.Equals(r.Id, value, StringComparison.OrdinalIgnoreCase)))
            {
                var valid = m.Roles.Select(r => r.Id).ToArray();
                problem($"'{path}' is '{value}', which is not one of the declared roles{Nearest.Hint(value, valid)}; the roles are {string.Join(", ", valid)}.");
            }
        }

        void Each(string path, IReadOnlyList<string>? values, Action<string, string> check)
        {
            for (var i = 0; values is not null && i < values.Count; i++)
            {
                check($"{path}[{i}]", values[i]);
            }
        }

        Each("lifecycle.emergencyMeetingTiers", lifecycle.EmergencyMeetingTiers, Enum<Severity>);
        if (lifecycle.OnSpotUpTo is { } upTo)
        {
            Enum<Severity>("lifecycle.onSpotUpTo", upTo);
        }

        Each("lifecycle.triageRoles", lifecycle.TriageRoles, Role);
        if (lifecycle.TriageRoles is { Count: 0 })
        {
            problem("'lifecycle.triageRoles' is empty, so nobody could triage; name at least one role, or leave the setting out for the workflow's rule.");
        }

        Each("lifecycle.rewardKinds", lifecycle.RewardKinds, Enum<ComplaintKind>);
        if (lifecycle.PenaltiesConfirmedBy is { } confirmer)
        {
            Role("lifecycle.penaltiesConfirmedBy", confirmer);
        }
    }

    /// <summary>The lifecycle settings <paramref name="m"/> gives, after <see cref="Check"/> found no problem: the default for each field left out.</summary>
    public static Complaints.Policy.LifecycleSettings Lifecycle(PackManifest m)
    {
        var defaults = Complaints.Policy.LifecycleSettings.Default;
        if (m.Lifecycle is not { } l)
        {
            return defaults;
        }

        static TEnum Parse<TEnum>(string text)
            where TEnum : struct, System.Enum => Names.TryParse<TEnum>(text, out var value) ? value : default;

        string Declared(string role) => m.Roles.First(r => string.Equals(r.Id, role, StringComparison.OrdinalIgnoreCase)).Id;

        return new Complaints.Policy.LifecycleSettings
        {
            EmergencyMeetingTiers = l.EmergencyMeetingTiers is { } tiers ? tiers.Select(Parse<Severity>).Distinct().ToArray() : defaults.EmergencyMeetingTiers,
            OnSpotUpTo = l.OnSpotUpTo is { } upTo ? Parse<Severity>(upTo) : defaults.OnSpotUpTo,
            TriageRoles = l.TriageRoles?.Select(Declared).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            RewardKinds = l.RewardKinds is { } kinds ? kinds.Select(Parse<ComplaintKind>).Distinct().ToArray() : defaults.RewardKinds,
            PenaltiesConfirmedBy = l.PenaltiesConfirmedBy is { } confirmer ? Declared(confirmer) : null,
        };
    }
}
