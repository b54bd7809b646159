using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Complaints.Rules.Loading;

/// <summary>
/// Composes a pack from its layers before anything is compiled: a pack that <c>extends</c> a built-in pack is the
/// base with the extension's <c>pack.json</c> merged on and its decision files patched on (or replacing the base's);
/// an override folder is one more layer that keeps the pack's id. Rules lists may <c>Include</c> a shared rule file
/// (spliced in where the include stands), and expressions may name word lists (<c>{words:spoilage}</c>), spelt out
/// as <c>a|b|c</c> last, so that RulesEngine sees ordinary workflows. Names a layer changes must exist in what it
/// changes, unless marked as an addition with a leading <c>+</c>.
/// </summary>
internal static partial class PackComposer
{
    /// <summary>The layered pack, ready for <see cref="ManifestLoader"/> and <see cref="WorkflowCompiler"/>.</summary>
    /// <param name="Origin">The pack's folder or built-in id.</param>
    /// <param name="Manifest">The composed <c>pack.json</c>, or <see langword="null"/> when one could not be read (reported).</param>
    /// <param name="Decisions">The decision files by name: where each comes from (appended to the pack id) and its text.</param>
    /// <param name="SettingsToCheck">The settings a layer set (checked for a reader), or <see langword="null"/> to check them all.</param>
    /// <param name="ManifestRead"><see langword="false"/> when <c>pack.json</c> is missing or unreadable (already reported).</param>
    /// <param name="Abandoned">Its <c>extends</c> could not be followed (reported); nothing else can be checked.</param>
    internal sealed record Composed(string Origin, JsonNode? Manifest, bool ManifestRead, IReadOnlyDictionary<string, (string Suffix, string Text)> Decisions, IReadOnlyCollection<string>? SettingsToCheck, bool Abandoned);

    private sealed class Layered(string origin)
    {
        public string Origin { get; } = origin;

        /// <summary>The composed <c>pack.json</c> as read (not necessarily an object: ManifestLoader names what it is).</summary>
        public JsonNode? ManifestNode { get; set; }

        /// <summary><see langword="false"/> when <c>pack.json</c> is missing or could not be parsed (already reported).</summary>
        public bool ManifestRead { get; set; } = true;

        public JsonObject? Manifest => ManifestNode as JsonObject;

        public Dictionary<string, Decision> Decisions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string>? SettingsSet { get; set; }

        /// <summary>Its <c>extends</c> could not be followed: nothing else is checked (it would only report what the base would have given).</summary>
        public bool Abandoned { get; set; }
    }

    private sealed class Decision(string suffix, string text)
    {
        public string Suffix { get; set; } = suffix;

        public string Text { get; set; } = text;

        /// <summary>The workflow as JSON once something (a patch, an include, a word list) had to read it.</summary>
        public JsonObject? Node { get; set; }

        public string Final => Node?.ToJsonString() ?? Text;
    }

    private static readonly string[] DecisionFiles = Enum.GetValues<DecisionPoint>().Select(WorkflowCompiler.FileName).ToArray();

    public static Composed Compose(PackFiles pack, PackFiles? overrides, List<PackProblem> problems)
    {
        var layered = Read(pack, problems, []);
        if (overrides is not null)
        {
            JsonObject? patch = null;
            if (overrides.Files.TryGetValue(ManifestLoader.FileName, out var text))
            {
                try
                {
                    patch = PackFiles.ParseJson(text) as JsonObject;
                    if (patch is null)
                    {
                        problems.Add(new PackProblem(overrides.Origin, ManifestLoader.FileName, null, "(override) must be a JSON object holding only what changes, e.g. { \"settings\": { \"seriousClaim\": 800 } }."));
                    }
                }
                catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
                {
                    problems.Add(new PackProblem(overrides.Origin, ManifestLoader.FileName, null, $"(override) is not valid: {e.Message}"));
                }
            }

            foreach (var kept in (string[])["id", "extends"])
            {
                if (patch?.FirstOrDefault(p => string.Equals(p.Key, kept, StringComparison.OrdinalIgnoreCase)) is { Key: { } key })
                {
                    problems.Add(new PackProblem(overrides.Origin, ManifestLoader.FileName, null,
                        $"(override) sets '{key}', but an override keeps the pack's id and what it extends; to make a pack of your own, give it a folder of its own that extends the pack (docs/packs.md, \"Extending a built-in pack\")."));
                    patch!.Remove(key);
                }
            }

            var version = patch?["version"] is JsonValue v && v.TryGetValue<string>(out var given) ? given : null;
            ApplyLayer(layered, overrides, patch, "(override) ", $" (override {overrides.Origin})", problems);
            if (layered.Manifest is { } m)
            {
                // An extension's version keeps its base's (the base may change under the same override), whatever the override says.
                var extended = m["extends"] is JsonValue ev && ev.TryGetValue<string>(out var e) ? e.Replace('@', '.') : null;
                if (version is not null)
                {
                    m["version"] = extended is null ? version : WithMetadata(version, extended);
                }
                else if (m["version"] is JsonValue current && current.TryGetValue<string>(out var baseVersion))
                {
                    m["version"] = WithMetadata(baseVersion, $"custom.{Hash(overrides)}");
                }
            }
        }

        ExpandWords(layered, problems);
        return new Composed(
            pack.Origin,
            layered.ManifestNode,
            layered.ManifestRead,
            layered.Decisions.ToDictionary(d => d.Key, d => (d.Value.Suffix, d.Value.Final), StringComparer.OrdinalIgnoreCase),
            layered.SettingsSet,
            layered.Abandoned);
    }

    /// <summary>A pack's own files, or, when its <c>pack.json</c> <c>extends</c> a built-in pack, that pack with these files as a layer.</summary>
    private static Layered Read(PackFiles pack, List<PackProblem> problems, HashSet<string> extending)
    {
        var own = new Layered(pack.Origin);
        if (!pack.Files.TryGetValue(ManifestLoader.FileName, out var text))
        {
            problems.Add(new PackProblem(pack.Origin, ManifestLoader.FileName, null, "is missing; every pack has a pack.json with its id, version, roles and departments."));
            own.ManifestRead = false;
        }
        else
        {
            try
            {
                own.ManifestNode = PackFiles.ParseJson(text);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                problems.Add(new PackProblem(pack.Origin, ManifestLoader.FileName, null, $"is not valid: {e.Message}"));
                own.ManifestRead = false;
            }
        }

        if (own.Manifest is not { } manifest || manifest["extends"] is not { } extends)
        {
            return WithOwnFiles(own, pack, problems);
        }

        Layered Unusable()
        {
            own.ManifestNode = null;
            own.ManifestRead = false;
            own.Abandoned = true;
            return own;
        }

        void Problem(string reason) => problems.Add(new PackProblem(pack.Origin, ManifestLoader.FileName, null, reason));
        var spec = extends is JsonValue sv && sv.TryGetValue<string>(out var s) ? s : null;
        var match = spec is null ? null : ExtendsSpec().Match(spec);
        if (match is not { Success: true })
        {
            Problem($"'extends' is {extends.ToJsonString()}; write the built-in pack and its major version, e.g. \"hospital@1\" (the built-in packs are {string.Join(", ", PackFiles.BuiltInIds)}).");
            return Unusable();
        }

        var baseId = match.Groups["id"].Value;
        if (!PackFiles.BuiltInIds.Contains(baseId, StringComparer.Ordinal))
        {
            Problem($"'extends' is \"{spec}\", but there is no built-in pack '{baseId}'{Nearest.Hint(baseId, PackFiles.BuiltInIds)}; the built-in packs are {string.Join(", ", PackFiles.BuiltInIds)}.");
            return Unusable();
        }

        if (!extending.Add(baseId))
        {
            Problem($"'extends' is \"{spec}\", which extends this pack again (a cycle: {string.Join(" → ", extending)} → {baseId}); extend a pack that does not extend this one.");
            return Unusable();
        }

        var layered = Read(PackFiles.BuiltIn(baseId), problems, extending);
        var baseVersion = layered.Manifest?["version"] is JsonValue bv && bv.TryGetValue<string>(out var b) ? b : "";
        var major = match.Groups["major"].Value;
        if (!string.Equals(baseVersion.Split('.', '+', '-')[0], major, StringComparison.Ordinal))
        {
            Problem($"'extends' is \"{spec}\", but the built-in {baseId} is version {baseVersion}: its major version is not {major}. Check what changed in {baseId} (its README and the CHANGELOG), then extend \"{baseId}@{baseVersion.Split('.')[0]}\".");
            layered.ManifestNode = null;
            layered.ManifestRead = false;
            layered.Abandoned = true;
            return layered;
        }

        var layer = manifest.DeepClone().AsObject();
        layer.Remove("extends");
        foreach (var required in (string[])["id", "version"])
        {
            if (layer[required] is not JsonValue value || !value.TryGetValue<string>(out var given) || string.IsNullOrWhiteSpace(given))
            {
                Problem($"'{required}' is required in a pack that extends another: the extension has its own id and version (e.g. \"id\": \"my-hospital\", \"version\": \"1.0.0\"); the base's version is recorded with it.");
            }
        }

        var ownVersion = layer["version"] is JsonValue ov && ov.TryGetValue<string>(out var o) ? o : "";
        var baseSuffix = $" (extends {baseId}@{baseVersion})";
        foreach (var decision in layered.Decisions.Values)
        {
            decision.Suffix = baseSuffix;
        }

        ApplyLayer(layered, pack, layer, "", "", problems);
        if (layered.Manifest is { } composed)
        {
            composed["extends"] = $"{baseId}@{baseVersion}";
            composed["version"] = WithMetadata(ownVersion, $"{baseId}.{baseVersion}");
        }

        return layered;
    }

    /// <summary><paramref name="version"/> with <paramref name="metadata"/> appended as (more) semantic-versioning build metadata.</summary>
    private static string WithMetadata(string version, string metadata) =>
        $"{version}{(version.Contains('+', StringComparison.Ordinal) ? "." : "+")}{metadata}";

    private static Layered WithOwnFiles(Layered layered, PackFiles pack, List<PackProblem> problems)
    {
        foreach (var file in DecisionFiles)
        {
            if (pack.Files.TryGetValue(file, out var text))
            {
                var decision = new Decision("", text);
                if (text.Contains("\"Patch\"", StringComparison.Ordinal) && Parse(decision) is { } node && node.ContainsKey("Patch"))
                {
                    problems.Add(new PackProblem(pack.Origin, file, null, "is a patch file, but the pack extends no other pack; add \"extends\": \"<built-in pack>@<major>\" to pack.json, or give the whole workflow with \"Rules\"."));
                    continue;
                }

                ExpandIncludes(decision, pack.Origin, file, problems);
                layered.Decisions[file] = decision;
            }
        }

        return layered;
    }

    /// <summary>A layer (an extension's or an override's files) onto what is composed so far.</summary>
    private static void ApplyLayer(Layered layered, PackFiles layer, JsonObject? patch, string label, string suffix, List<PackProblem> problems)
    {
        var baseName = layered.Manifest?["id"] is JsonValue idv && idv.TryGetValue<string>(out var id) ? id : layered.Origin;
        layered.SettingsSet ??= new HashSet<string>(StringComparer.Ordinal);
        if (patch is not null && layered.Manifest is { } target)
        {
            StrictMerge.Apply(target, patch, baseName, reason => problems.Add(new PackProblem(layer.Origin, ManifestLoader.FileName, null, label + reason)));
            if (patch["settings"] is JsonObject settings)
            {
                layered.SettingsSet.UnionWith(settings.Select(p => p.Key.TrimStart('+')));
            }
        }

        foreach (var file in DecisionFiles)
        {
            if (!layer.Files.TryGetValue(file, out var text))
            {
                continue;
            }

            void Problem(string? rule, string reason) => problems.Add(new PackProblem(layer.Origin, file, rule, label + reason));
            JsonObject? node;
            try
            {
                node = PackFiles.ParseJson(text) as JsonObject;
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                node = null;
                _ = e;
            }

            if (node is null || !node.ContainsKey("Patch"))
            {
                // A whole workflow replaces the base's (WorkflowCompiler reports what is wrong with it).
                var replacement = new Decision(suffix, text);
                ExpandIncludes(replacement, layer.Origin, file, problems);
                layered.Decisions[file] = replacement;
                continue;
            }

            if (!layered.Decisions.TryGetValue(file, out var patched))
            {
                patched = new Decision(suffix, file == WorkflowCompiler.FileName(DecisionPoint.Notices) ? """{ "WorkflowName": "notices", "Rules": [] }""" : "");
                if (patched.Text.Length == 0)
                {
                    Problem(null, $"patches a workflow that {baseName} does not have; give the whole workflow instead.");
                    continue;
                }

                layered.Decisions[file] = patched;
            }

            if (Parse(patched) is not { } workflow)
            {
                continue; // the base's own problem is reported when it is compiled
            }

            Patches.Apply(workflow, node, baseName, file, Problem);
            patched.Suffix = suffix.Length > 0 ? suffix : patched.Suffix.Replace(")", ", patched)", StringComparison.Ordinal);
        }
    }

    private static JsonObject? Parse(Decision decision)
    {
        if (decision.Node is null)
        {
            try
            {
                decision.Node = PackFiles.ParseJson(decision.Text) as JsonObject;
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                return null;
            }
        }

        return decision.Node;
    }

    /// <summary>Splices each <c>{ "Include": "shared/name" }</c> entry of a workflow's <c>Rules</c> with that shared file's rules.</summary>
    private static void ExpandIncludes(Decision decision, string origin, string file, List<PackProblem> problems)
    {
        if (!decision.Text.Contains("\"Include\"", StringComparison.OrdinalIgnoreCase) || Parse(decision) is not { } workflow || workflow["Rules"] is not JsonArray rules)
        {
            return;
        }

        void Problem(string reason) => problems.Add(new PackProblem(origin, file, null, reason));
        var names = rules.OfType<JsonObject>().Select(RuleName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var included = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject entry || !entry.Any(p => string.Equals(p.Key, "Include", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var include = entry.First(p => string.Equals(p.Key, "Include", StringComparison.OrdinalIgnoreCase));
            var name = include.Value is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
            rules.RemoveAt(i);
            if (entry.Count != 1 || name is null)
            {
                Problem($"Rules[{i}] is an include, but an include is {{ \"Include\": \"shared/<name>\" }} and nothing else; the shared files are {string.Join(", ", PackFiles.Shared.Keys.Order(StringComparer.Ordinal))}.");
                i--;
                continue;
            }

            if (!PackFiles.Shared.TryGetValue(name, out var shared))
            {
                Problem($"includes '{name}', which is not a shared rule file{Nearest.Hint(name, PackFiles.Shared.Keys)}; the shared files are {string.Join(", ", PackFiles.Shared.Keys.Order(StringComparer.Ordinal))}.");
                i--;
                continue;
            }

            if (!included.Add(name))
            {
                Problem($"includes '{name}' twice; include a shared file once.");
                i--;
                continue;
            }

            var sharedRules = (PackFiles.ParseJson(shared) as JsonObject)?["Rules"] as JsonArray ?? [];
            var spliced = 0;
            foreach (var rule in sharedRules)
            {
                if (rule is JsonObject o && o.ContainsKey("Include"))
                {
                    Problem($"includes '{name}', which itself includes another file; a shared file holds rules only.");
                    continue;
                }

                if (RuleName(rule) is { } ruleName && !names.Add(ruleName))
                {
                    problems.Add(new PackProblem(origin, file, ruleName, $"is defined by the workflow and by the shared file '{name}' it includes; rename the workflow's rule (rule names must be unique within a workflow)."));
                    continue;
                }

                rules.Insert(i + spliced, rule!.DeepClone());
                spliced++;
            }

            i += spliced - 1;
        }
    }

    /// <summary>Spells out every <c>{words:name}</c> in the rules' expressions from the composed <c>pack.json</c> <c>words</c>.</summary>
    private static void ExpandWords(Layered layered, List<PackProblem> problems)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, list) in layered.Manifest?["words"] as JsonObject ?? [])
        {
            words[name] = list is JsonArray array ? string.Join("|", array.Select(w => w is JsonValue wv && wv.TryGetValue<string>(out var word) ? word : "")) : "";
        }

        var id = layered.Manifest?["id"] is JsonValue idv && idv.TryGetValue<string>(out var s) ? s : layered.Origin;
        foreach (var (file, decision) in layered.Decisions)
        {
            if (!decision.Text.Contains("{words:", StringComparison.Ordinal) && decision.Node is null)
            {
                continue;
            }

            if (Parse(decision)?["Rules"] is not JsonArray rules)
            {
                continue;
            }

            foreach (var rule in rules.OfType<JsonObject>())
            {
                var key = rule.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, "Expression", StringComparison.OrdinalIgnoreCase));
                if (key is null || rule[key] is not JsonValue ev || !ev.TryGetValue<string>(out var expression) || !expression.Contains("{words:", StringComparison.Ordinal))
                {
                    continue;
                }

                rule[key] = WordReference().Replace(expression, m =>
                {
                    var name = m.Groups["name"].Value;
                    if (!InsideString(expression, m.Index))
                    {
                        problems.Add(new PackProblem(id + decision.Suffix, file, RuleName(rule),
                            $"names the word list '{m.Value}' outside a string; a word list is spelt out inside a string constant, e.g. Text.ContainsAny(complaint.Description, \"{m.Value}\")."));
                        return m.Value;
                    }

                    if (words.TryGetValue(name, out var spelt))
                    {
                        return spelt;
                    }

                    problems.Add(new PackProblem(id + decision.Suffix, file, RuleName(rule),
                        $"names the word list '{{words:{name}}}', which pack.json does not declare{Nearest.Hint(name, words.Keys)}; the word lists are {(words.Count == 0 ? "none" : string.Join(", ", words.Keys))}. Declare it under \"words\" or correct the name."));
                    return m.Value;
                });
            }
        }
    }

    /// <summary>Whether <paramref name="index"/> of an expression is inside a string constant ("…", with backslash escapes).</summary>
    private static bool InsideString(string expression, int index)
    {
        var inside = false;
        for (var i = 0; i < index; i++)
        {
            if (expression[i] == '\\' && inside)
            {
                i++;
            }
            else if (expression[i] == '"')
            {
                inside = !inside;
            }
        }

        return inside;
    }

    internal static string? RuleName(JsonNode? rule) =>
        rule is JsonObject o && o.FirstOrDefault(p => string.Equals(p.Key, "RuleName", StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Hash(PackFiles overrides)
    {
        var all = string.Join("\n", overrides.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\n" + f.Value));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..8];
    }

    [GeneratedRegex("^(?<id>[a-z0-9][a-z0-9-]*)@(?<major>[0-9]+)$")]
    private static partial Regex ExtendsSpec();

    /// <summary>A word list reference inside an expression: <c>{words:name}</c>.</summary>
    [GeneratedRegex(@"\{words:(?<name>[^{}\s]*)\}")]
    private static partial Regex WordReference();
}
