using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Complaints.Rules;

namespace Complaints.Benchmarks.Data;

/// <summary>
/// Writes a copy of a built-in pack with <c>factor</c> times the rules in every decision file: after the
/// pack's own rules come renamed clones (<c>rule~2</c> … ) whose condition is the original's, evaluated in
/// full, and then a test no generated complaint passes. So the clones never match a generated complaint and
/// leave every decision as it was. <see cref="CloneGuard.Equality"/> makes that test a string equality
/// (<c>complaint.SubjectReference == "clone-2"</c>), which PolicyPack's guard index reads, so it never evaluates
/// the clones: the growth of a pack whose new rules are keyed on a value (a category, a department, a role).
/// <see cref="CloneGuard.None"/> makes it a test the index cannot read (<c>complaint.Description.Length &lt; 0</c>),
/// so every clone's condition is evaluated in full: the worst case, cost linear in the conditions.
/// <see cref="CloneGuard.Varied"/> ends with such a test too, and changes the clone's constants (<see cref="Vary"/>), so
/// that the clones are different rules, not the original's condition repeated: an evaluator cannot answer a clone
/// by reusing what it found for the original.
/// </summary>
public static partial class PackMultiplier
{
    /// <summary>Writes the multiplied pack into a new temporary folder.</summary>
    /// <param name="packId">The built-in pack to copy.</param>
    /// <param name="factor">How many times the rules: 10 gives the pack's rules and 9 clones of each.</param>
    /// <param name="guard">The clones' final test.</param>
    /// <returns>The folder; delete it when done.</returns>
    public static string WriteTemporary(string packId, int factor, CloneGuard guard = CloneGuard.Equality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        var folder = Directory.CreateTempSubdirectory($"complaints-{packId}-x{factor}-").FullName;
        var manifest = JsonNode.Parse(PolicyPacks.ReadBuiltInFile(packId, "pack.json"))!.AsObject();
        manifest["version"] = $"{manifest["version"]!.GetValue<string>()}-x{factor}{guard switch { CloneGuard.None => "-unguarded", CloneGuard.Varied => "-varied", _ => "" }}";
        var files = Enum.GetValues<DecisionPoint>().Select(point => JsonNamingPolicy.KebabCaseLower.ConvertName(point.ToString()) + ".json").ToArray();
        var vocabulary = guard == CloneGuard.Varied ? Vocabulary.Of(manifest, files.Select(f => PolicyPacks.ReadBuiltInFile(packId, f))) : null;
        if (vocabulary is not null)
        {
            // The clones' attribute names (in-court~3) are declared as their originals are.
            var attributes = manifest["attributes"]?.AsArray() ?? [];
            foreach (var declared in attributes.ToArray())
            {
                for (var k = 2; k <= factor; k++)
                {
                    var copy = declared!.DeepClone().AsObject();
                    copy["id"] = $"{declared["id"]!.GetValue<string>()}~{k}";
                    attributes.Add(copy);
                }
            }
        }

        File.WriteAllText(Path.Combine(folder, "pack.json"), manifest.ToJsonString());

        foreach (var file in files)
        {
            var workflow = JsonNode.Parse(PolicyPacks.ReadBuiltInFile(packId, file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            var rules = workflow["Rules"]!.AsArray();
            foreach (var include in rules.Where(r => r?["Include"] is not null).ToArray())
            {
                // A shared rule file the pack includes ({ "Include": "shared/name" }): its rules are the pack's, cloned too.
                var shared = JsonNode.Parse(PolicyPacks.ReadBuiltInFile("shared", include!["Include"]!.GetValue<string>()["shared/".Length..] + ".json"), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!["Rules"]!.AsArray();
                var at = rules.IndexOf(include);
                rules.RemoveAt(at);
                foreach (var rule in shared)
                {
                    rules.Insert(at++, rule!.DeepClone());
                }
            }

            var originals = rules.Select(r => r!.AsObject()).ToArray();
            for (var k = 2; k <= factor; k++)
            {
                foreach (var original in originals)
                {
                    var clone = original.DeepClone().AsObject();
                    clone["RuleName"] = $"{original["RuleName"]!.GetValue<string>()}~{k}";
                    var expression = original["Expression"]!.GetValue<string>();
                    clone["Expression"] = guard switch
                    {
                        CloneGuard.None => $"({expression}) && complaint.Description.Length < 0",
                        CloneGuard.Varied => $"({Vary(expression, k, vocabulary!)}) && complaint.Description.Length < -{k}",
                        _ => $"({expression}) && complaint.SubjectReference == \"clone-{k}\"",
                    };
                    rules.Add(clone);
                }
            }

            File.WriteAllText(Path.Combine(folder, file), workflow.ToJsonString());
        }

        return folder;
    }

    /// <summary>
    /// The condition of clone <paramref name="k"/> (2 …) of a rule: the same shape, other constants. A keyword list
    /// becomes as many other words of the pack's (consecutive in the order the pack first uses them, from a start that
    /// differs per clone); an attribute name gets the suffix <c>~k</c> (declared in the clone's pack.json); a value
    /// compared with a category, department, channel, kind or tier becomes another of the pack's values (or <c>""</c>);
    /// a flag (<c>complaint.SafetyRisk</c>) becomes another flag; a pack setting becomes a number (its value times
    /// 1 + k / 10); any other whole number n becomes n + k.
    /// </summary>
    /// <param name="expression">The original condition.</param>
    /// <param name="k">The clone's number, from 2.</param>
    /// <param name="vocabulary">The pack's words, values and settings.</param>
    /// <returns>The clone's condition, without its final test.</returns>
    public static string Vary(string expression, int k, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(vocabulary);
        return Constant().Replace(expression, m =>
        {
            if (m.Groups["words"].Success)
            {
                var words = m.Groups["words"].Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var all = vocabulary.Words;
                var start = Math.Max(0, At(all, words.FirstOrDefault())) + Shift(k, all.Count);
                var other = Enumerable.Range(start, Math.Min(words.Length, all.Count - 1)).Select(i => all[i % all.Count]);
                return $"Text.ContainsAny({m.Groups["text"].Value}, \"{string.Join('|', other)}\")";
            }

            if (m.Groups["attribute"].Success)
            {
                return $"{m.Groups["call"].Value}(\"{m.Groups["attribute"].Value}~{k}\")";
            }

            if (m.Groups["property"].Success)
            {
                var values = vocabulary.Values(m.Groups["property"].Value);
                var at = At(values, m.Groups["value"].Value);
                var value = values.Count < 2 ? m.Groups["value"].Value : values[(Math.Max(at, 0) + Shift(k, values.Count)) % values.Count];
                return $"complaint.{m.Groups["property"].Value} {m.Groups["op"].Value} \"{value}\"";
            }

            if (m.Groups["flag"].Success)
            {
                var flags = Vocabulary.Flags;
                return "complaint." + flags[(At(flags, m.Groups["flag"].Value) + Shift(k, flags.Count)) % flags.Count];
            }

            if (m.Groups["setting"].Success && vocabulary.Settings.TryGetValue(m.Groups["setting"].Value, out var setting))
            {
                return decimal.Round(setting * (10 + k) / 10).ToString(CultureInfo.InvariantCulture);
            }

            if (m.Groups["number"].Success)
            {
                return (int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture) + k).ToString(CultureInfo.InvariantCulture);
            }

            return m.Value;
        });
    }

    // How far clone k moves along a list of n choices: 1 … n - 1, never back to the original's.
    private static int Shift(int k, int n) => ((k - 2) % (n - 1)) + 1;

    private static int At(IReadOnlyList<string> list, string? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // One alternative per kind of constant; any other string literal is matched whole (and kept) so that no number
    // inside it is changed.
    [GeneratedRegex("""
        Text\.ContainsAny\((?<text>[^,()]+),\s*"(?<words>[^"]*)"\)
        | (?<call>complaint\.(?:HasAttribute|Attribute))\("(?<attribute>[^"]*)"\)
        | complaint\.(?<property>Category|IntakeCategory|Department|SubjectDepartment|Channel|Kind|Tier)\s*(?<op>==|!=)\s*"(?<value>[^"]*)"
        | complaint\.(?<flag>SafetyRisk|HealthRisk|RegulatorThreat|MediaThreat|MultipleDepartments|Repeated|ViolentBehaviour|Anonymous|HasAccusedStaff)\b
        | pack\.Setting\("(?<setting>[^"]*)"\)
        | "[^"]*"
        | (?<![\w.])(?<number>\d+)(?![\w.])
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Constant();
}

/// <summary>What <see cref="PackMultiplier.Vary"/> draws a clone's constants from: a pack's own words, values and settings.</summary>
public sealed partial class Vocabulary
{
    /// <summary>The flags of a complaint a condition may test, in the order a varied clone moves through them.</summary>
    public static IReadOnlyList<string> Flags { get; } = ["SafetyRisk", "HealthRisk", "RegulatorThreat", "MediaThreat", "MultipleDepartments", "Repeated", "ViolentBehaviour", "Anonymous", "HasAccusedStaff"];

    private readonly Dictionary<string, string[]> _values;

    private Vocabulary(List<string> words, Dictionary<string, string[]> values, Dictionary<string, decimal> settings)
    {
        Words = words;
        _values = values;
        Settings = settings;
    }

    /// <summary>Every word of the pack's keyword lists, in the order the pack first uses them.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The pack's numeric settings.</summary>
    public IReadOnlyDictionary<string, decimal> Settings { get; }

    /// <summary>A pack's vocabulary.</summary>
    /// <param name="manifest">The pack's pack.json.</param>
    /// <param name="decisionFiles">The text of each of its decision files.</param>
    /// <returns>Its words, values and settings.</returns>
    public static Vocabulary Of(JsonObject manifest, IEnumerable<string> decisionFiles)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var words = decisionFiles.SelectMany(f => WordList().Matches(f))
            .SelectMany(m => m.Groups["words"].Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        string[] Ids(string name, bool objects) => manifest[name]?.AsArray().Select(n => objects ? n!["id"]!.GetValue<string>() : n!.GetValue<string>()).ToArray() ?? [];
        var categories = Ids("categories", objects: false).Prepend("").ToArray();
        var departments = Ids("departments", objects: true).Prepend("").ToArray();
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Category"] = categories,
            ["IntakeCategory"] = categories,
            ["Department"] = departments,
            ["SubjectDepartment"] = departments,
            ["Channel"] = Enum.GetValues<Channel>().Select(c => JsonNamingPolicy.KebabCaseLower.ConvertName(c.ToString())).ToArray(),
            ["Kind"] = ["complaint", "report", "suggestion"],
            ["Tier"] = ["", "minor", "general", "serious", "major"],
        };
        var settings = manifest["settings"]?.AsObject()
            .Where(p => p.Value is JsonValue v && v.TryGetValue<decimal>(out _))
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<decimal>(), StringComparer.Ordinal) ?? [];
        return new Vocabulary(words, values, settings);
    }

    /// <summary>The values a pack compares a complaint's property with (categories, departments …), or none.</summary>
    /// <param name="property">The property, e.g. <c>Category</c>.</param>
    /// <returns>Its values.</returns>
    public IReadOnlyList<string> Values(string property) => _values.TryGetValue(property, out var values) ? values : [];

    [GeneratedRegex("""ContainsAny\([^,()]+,\s*\\?"(?<words>[^"\\]*)\\?"\)""")]
    private static partial Regex WordList();
}

/// <summary>The test that keeps a <see cref="PackMultiplier"/> clone from matching.</summary>
public enum CloneGuard
{
    /// <summary>A string equality on the complaint, which PolicyPack's guard index reads.</summary>
    Equality,

    /// <summary>A test the guard index cannot read: the clone's whole condition is evaluated.</summary>
    None,

    /// <summary>
    /// As <see cref="None"/>, with the clone's constants changed (<see cref="PackMultiplier.Vary"/>): different rules,
    /// each evaluated in full (a clone with a guard is evaluated when the case has its guard's value).
    /// </summary>
    Varied,
}
