using System.Text.Json.Nodes;

namespace Complaints.Rules.Loading;

/// <summary>
/// Merges a layer's <c>pack.json</c> (an extension's or an override's) onto the pack's, strictly: a role,
/// department or attribute (by <c>id</c>), a setting or word list (by name) or a category the layer names must
/// exist in the pack, so that a misspelling is an error naming the nearest name rather than a silent addition;
/// a new one is written with a leading <c>+</c> (<c>"+valet"</c>, <c>{ "id": "+parking", … }</c>,
/// <c>"+parkingClaim": 500</c>), which must not already exist. Entries merge field by field; other objects key by
/// key; anything else replaces.
/// </summary>
internal static class StrictMerge
{
    /// <summary>The sections whose entries are named, how each is called in messages, and whether entries are objects with an id.</summary>
    private static readonly (string Field, string Noun, bool ById)[] Named =
    [
        ("roles", "role", true),
        ("departments", "department", true),
        ("attributes", "attribute", true),
        ("categories", "category", false),
        ("settings", "setting", false),
        ("words", "word list", false),
    ];

    public static void Apply(JsonObject target, JsonObject layer, string baseName, Action<string> problem)
    {
        foreach (var (key, value) in layer.ToArray())
        {
            var named = Named.FirstOrDefault(n => string.Equals(n.Field, key, StringComparison.OrdinalIgnoreCase));
            var existing = target.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
            var field = existing.Key ?? key;
            if (named.Field is null)
            {
                if (target[field] is JsonObject to && value is JsonObject from)
                {
                    Merge(to, from);
                }
                else
                {
                    target[field] = value?.DeepClone();
                }

                continue;
            }

            switch (value)
            {
                case JsonArray items when named.Field is "roles" or "departments" or "attributes" or "categories":
                    target[field] = MergeList(target[field] as JsonArray ?? [], items, named, baseName, problem);
                    break;
                case JsonObject entries when named.Field is "settings" or "words":
                    var to = target[field] as JsonObject ?? [];
                    target[field] = to;
                    foreach (var (name, entry) in entries.ToArray())
                    {
                        if (Resolve(name, to.Select(p => p.Key), named.Noun, baseName, problem) is { } resolved)
                        {
                            to[resolved] = entry?.DeepClone();
                        }
                    }

                    break;
                default:
                    problem($"'{key}' must be {(named.Field is "settings" or "words" ? "an object" : "an array")} of the {named.Noun} entries that change (and new ones, marked with a leading '+').");
                    break;
            }
        }
    }

    private static JsonArray MergeList(JsonArray target, JsonArray items, (string Field, string Noun, bool ById) named, string baseName, Action<string> problem)
    {
        string? NameOf(JsonNode? node) => named.ById
            ? node is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null
            : node is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (NameOf(item) is not { } name)
            {
                problem($"'{named.Field}[{i}]' {(named.ById ? "has no string \"id\"" : "is not a string")}; name the {named.Noun} it changes, or the new one with a leading '+'.");
                continue;
            }

            var resolved = Resolve(name, target.Select(NameOf).OfType<string>(), named.Noun, baseName, problem);
            if (resolved is null)
            {
                continue;
            }

            var match = target.FirstOrDefault(t => string.Equals(NameOf(t), resolved, StringComparison.Ordinal));
            if (!named.ById)
            {
                if (match is null)
                {
                    target.Add((JsonNode?)JsonValue.Create(resolved));
                }
            }
            else if (match is JsonObject to)
            {
                var from = item!.DeepClone().AsObject();
                from.Remove("id");
                Merge(to, from);
            }
            else
            {
                var added = item!.DeepClone().AsObject();
                added["id"] = resolved;
                target.Add((JsonNode)added);
            }
        }

        return target;
    }

    /// <summary>The name an entry changes or adds, or <see langword="null"/> (reported) when it is neither an existing name nor a marked new one.</summary>
    private static string? Resolve(string name, IEnumerable<string> existing, string noun, string baseName, Action<string> problem)
    {
        // Names are told apart without regard to case, as the pack's own checks do ("Finance" is department "finance").
        var names = existing.ToArray();
        string? Existing(string n) =>
            names.FirstOrDefault(e => string.Equals(e, n, StringComparison.Ordinal)) ?? names.FirstOrDefault(e => string.Equals(e, n, StringComparison.OrdinalIgnoreCase));
        if (name.StartsWith('+'))
        {
            var added = name[1..];
            if (Existing(added) is { } had)
            {
                problem($"'+{added}' adds {A(noun)} that {baseName} already has ('{had}'); drop the '+' to change it.");
                return null;
            }

            return added;
        }

        if (Existing(name) is { } found)
        {
            return found;
        }

        problem($"'{name}' is not {A(noun)} of {baseName}{Nearest.Hint(name, names)}. To add it, mark it as an addition: '+{name}'.");
        return null;
    }

    private static string A(string noun) => (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun;

    /// <summary>Objects merge key by key; anything else replaces.</summary>
    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToArray())
        {
            if (target[key] is JsonObject to && value is JsonObject from)
            {
                Merge(to, from);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
