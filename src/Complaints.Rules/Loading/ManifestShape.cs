using System.Text.Json;
using System.Text.Json.Nodes;

namespace Complaints.Rules.Loading;

/// <summary>
/// Checks the shape of <c>pack.json</c> field by field before it is deserialized, so that every null, unknown
/// field and value of the wrong type is named with its path (<c>roles[2].id</c>), not just the first one the
/// deserializer stops at, and nothing null reaches the code that reads the manifest.
/// </summary>
internal static partial class ManifestShape
{
    private static readonly string[] Texts = ["id", "version", "name", "description", "industry", "calendar", "culture", "currency", "defaultDepartment", "defaultHandlerRole", "defaultCategory", "defaultTier", "extends"];
    private static readonly string[] Lists = ["sources", "categories", "roles", "departments", "settings", "attributes", "lifecycle", "words", "improvement"];

    /// <summary>The fields of the <c>lifecycle</c> section: the lists, then the texts.</summary>
    internal static readonly string[] LifecycleLists = ["emergencyMeetingTiers", "triageRoles", "rewardKinds"];

    internal static readonly string[] LifecycleTexts = ["onSpotUpTo", "penaltiesConfirmedBy"];

    /// <summary>The fields of the <c>improvement</c> section: the whole numbers, then the texts.</summary>
    internal static readonly string[] ImprovementNumbers = ["dueWorkingDays", "warningWorkingDays", "verifyAfterWorkingDays", "recurrenceCount", "recurrenceDays"];

    internal static readonly string[] ImprovementTexts = ["approvalRole", "requiredFromTier", "basis"];

    /// <summary>Reports every problem of shape; <see langword="true"/> when there is none.</summary>
    public static bool Check(JsonNode? root, Action<string> problem)
    {
        if (root is not JsonObject manifest)
        {
            problem($"must be a JSON object such as {{ \"id\": \"my-pack\", \"version\": \"1.0.0\", … }}; it is {Kind(root)}.");
            return false;
        }

        var count = 0;
        void Problem(string reason)
        {
            count++;
            problem(reason);
        }

        foreach (var (key, value) in manifest)
        {
            var field = Texts.Concat(Lists).FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase));
            switch (field)
            {
                case null:
                    Problem($"'{key}' is not a pack.json field; the fields are {string.Join(", ", Texts.Concat(Lists))}.");
                    break;
                case "sources" or "categories":
                    Items(field, value, Problem, (path, item) => Text(path, item, Problem));
                    break;
                case "roles":
                    Items(field, value, Problem, (path, item) => Entry(path, item, Problem, allowLimit: true));
                    break;
                case "departments":
                    Items(field, value, Problem, (path, item) => Entry(path, item, Problem, allowLimit: false));
                    break;
                case "attributes":
                    Items(field, value, Problem, (path, item) => Attribute(path, item, Problem));
                    break;
                case "settings":
                    if (Object(field, value, Problem) is { } settings)
                    {
                        foreach (var (name, number) in settings)
                        {
                            Number($"settings.{name}", number, Problem, nullable: false);
                        }
                    }

                    break;
                case "lifecycle":
                    Lifecycle(value, Problem);
                    break;
                case "improvement":
                    Improvement(value, Problem);
                    break;
                case "words":
                    Words(value, Problem);
                    break;
                default:
                    Text(field, value, Problem);
                    break;
            }
        }

        return count == 0;
    }

    /// <summary>The <c>lifecycle</c> section: an object of known fields, lists of strings and strings.</summary>
    private static void Lifecycle(JsonNode? node, Action<string> problem)
    {
        if (Object("lifecycle", node, problem) is not { } lifecycle)
        {
            return;
        }

        foreach (var (key, value) in lifecycle)
        {
            var path = $"lifecycle.{key}";
            if (LifecycleLists.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase)) is not null)
            {
                Items(path, value, problem, (itemPath, item) => Text(itemPath, item, problem));
            }
            else if (LifecycleTexts.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase)) is not null)
            {
                Text(path, value, problem);
            }
            else
            {
                var fields = LifecycleLists.Concat(LifecycleTexts).ToArray();
                problem($"'{path}' is not a lifecycle setting{Nearest.Hint(key, fields)}; the settings are {string.Join(", ", fields)}.");
            }
        }
    }

    /// <summary>The <c>improvement</c> section: an object of known fields, whole numbers and strings.</summary>
    private static void Improvement(JsonNode? node, Action<string> problem)
    {
        if (Object("improvement", node, problem) is not { } improvement)
        {
            return;
        }

        foreach (var (key, value) in improvement)
        {
            var path = $"improvement.{key}";
            if (ImprovementNumbers.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase)) is not null)
            {
                if (value is null || value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<int>(out _))
                {
                    problem($"'{path}' must be a whole number; it is {Kind(value)}.");
                }
            }
            else if (ImprovementTexts.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase)) is not null)
            {
                Text(path, value, problem);
            }
            else
            {
                var fields = ImprovementNumbers.Concat(ImprovementTexts).ToArray();
                problem($"'{path}' is not an improvement setting{Nearest.Hint(key, fields)}; the settings are {string.Join(", ", fields)}.");
            }
        }
    }

    /// <summary>
    /// The <c>words</c> section: named lists of words that rules use as <c>{words:name}</c> inside a string of an
    /// expression, spelt out as <c>a|b|c</c> at load; a word may not hold <c>|</c>, <c>"</c> or <c>\</c>.
    /// </summary>
    private static void Words(JsonNode? node, Action<string> problem)
    {
        if (Object("words", node, problem) is not { } words)
        {
            return;
        }

        foreach (var (name, list) in words)
        {
            if (!WordListName().IsMatch(name))
            {
                problem($"'words.{name}' is not a word list name; use letters, digits and '-', e.g. \"spoilage\".");
            }

            Items($"words.{name}", list, problem, (path, item) =>
            {
                Text(path, item, problem);
                if (item?.GetValueKind() == JsonValueKind.String && item.GetValue<string>() is var word
                    && (word.Length == 0 || word.IndexOfAny(['|', '"', '\\']) >= 0))
                {
                    problem($"'{path}' is \"{word}\"; a word is not empty and holds no '|', '\"' or '\\' (the list is spelt out as a|b|c inside an expression's string).");
                }
            });
        }
    }

    /// <summary>A word list's name, as <c>{words:name}</c> refers to it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    internal static partial System.Text.RegularExpressions.Regex WordListName();

    /// <summary>A role or department: an object with a string <c>id</c> (required) and <c>name</c>; a role may have an <c>approvalLimit</c>.</summary>
    private static void Entry(string path, JsonNode? node, Action<string> problem, bool allowLimit)
    {
        if (Object(path, node, problem) is not { } entry)
        {
            return;
        }

        if (!entry.Any(p => string.Equals(p.Key, "id", StringComparison.OrdinalIgnoreCase)))
        {
            problem($"'{path}.id' is required.");
        }

        foreach (var (key, value) in entry)
        {
            if (string.Equals(key, "id", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "name", StringComparison.OrdinalIgnoreCase))
            {
                Text($"{path}.{key}", value, problem);
            }
            else if (allowLimit && string.Equals(key, "approvalLimit", StringComparison.OrdinalIgnoreCase))
            {
                Number($"{path}.{key}", value, problem, nullable: true);
            }
            else
            {
                problem($"'{path}.{key}' is not a field of {(allowLimit ? "a role (id, name, approvalLimit)" : "a department (id, name)")}.");
            }
        }
    }

    /// <summary>An intake attribute: an object with a string <c>id</c> and <c>type</c> (required), <c>description</c>, a boolean <c>required</c> and a string list <c>values</c>.</summary>
    private static void Attribute(string path, JsonNode? node, Action<string> problem)
    {
        if (Object(path, node, problem) is not { } entry)
        {
            return;
        }

        foreach (var key in (string[])["id", "type"])
        {
            if (!entry.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                problem($"'{path}.{key}' is required.");
            }
        }

        foreach (var (key, value) in entry)
        {
            switch (key.ToLowerInvariant())
            {
                case "id" or "type" or "description":
                    Text($"{path}.{key}", value, problem);
                    break;
                case "required":
                    if (value is null || value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        problem($"'{path}.{key}' must be true or false; it is {Kind(value)}.");
                    }

                    break;
                case "values":
                    Items($"{path}.{key}", value, problem, (itemPath, item) => Text(itemPath, item, problem));
                    break;
                default:
                    problem($"'{path}.{key}' is not a field of an intake attribute (id, type, required, description, values).");
                    break;
            }
        }
    }

    private static void Items(string path, JsonNode? node, Action<string> problem, Action<string, JsonNode?> item)
    {
        if (node is null)
        {
            problem($"'{path}' is null; give a list or leave the field out.");
        }
        else if (node is not JsonArray array)
        {
            problem($"'{path}' must be an array; it is {Kind(node)}.");
        }
        else
        {
            for (var i = 0; i < array.Count; i++)
            {
                item($"{path}[{i}]", array[i]);
            }
        }
    }

    private static JsonObject? Object(string path, JsonNode? node, Action<string> problem)
    {
        if (node is JsonObject o)
        {
            return o;
        }

        problem(node is null ? $"'{path}' is null; give an object or leave it out." : $"'{path}' must be an object; it is {Kind(node)}.");
        return null;
    }

    private static void Text(string path, JsonNode? node, Action<string> problem)
    {
        if (node is null)
        {
            problem($"'{path}' is null; give a string or leave the field out.");
        }
        else if (node.GetValueKind() != JsonValueKind.String)
        {
            problem($"'{path}' must be a string; it is {Kind(node)}.");
        }
    }

    private static void Number(string path, JsonNode? node, Action<string> problem, bool nullable)
    {
        if (node is null)
        {
            if (!nullable)
            {
                problem($"'{path}' is null; give a number or remove the entry.");
            }
        }
        else if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<decimal>(out _))
        {
            problem($"'{path}' must be a number; it is {Kind(node)}.");
        }
    }

    private static string Kind(JsonNode? node) => node is null ? "null" : node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {node.ToJsonString()}",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        var other => other.ToString().ToLowerInvariant(),
    };
}
