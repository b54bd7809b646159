using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            string? overrideVersion = null;
            if (overrides is not null)
            {
                overrideVersion = ApplyOverride(node, overrides, problems);
            }

            var manifest = node.Deserialize<PackManifest>(Json)!;
            if (overrides is not null)
            {
                manifest = manifest with { Version = overrideVersion ?? $"{manifest.Version}+custom.{Hash(overrides)}" };
            }

            Check(manifest, origin, problems);
            return manifest;
        }
        catch (JsonException e)
        {
            problems.Add(new PackProblem(origin, FileName, null, $"is not valid: {e.Message}"));
            return null;
        }
    }

    private static string? ApplyOverride(JsonObject target, PackFiles overrides, List<PackProblem> problems)
    {
        if (!overrides.Files.TryGetValue(FileName, out var text))
        {
            return null;
        }

        try
        {
            var patch = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            var version = patch["version"]?.GetValue<string>();
            Merge(target, patch);
            return version;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            problems.Add(new PackProblem(overrides.Origin, FileName, null, $"(override) is not valid: {e.Message}"));
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
            else if (existing is JsonArray toArray && value is JsonArray fromArray && fromArray.All(v => v is JsonObject o && o["id"] is not null))
            {
                foreach (var item in fromArray.Select(v => v!.AsObject()))
                {
                    var id = item["id"]!.GetValue<string>();
                    var match = toArray.OfType<JsonObject>().FirstOrDefault(o => o["id"]?.GetValue<string>() == id);
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
    }
}
