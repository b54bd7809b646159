using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Complaints.Docs.Tests.Support;
using Complaints.Rules;
using Xunit;

namespace Complaints.Docs.Tests;

/// <summary>
/// Each built-in pack's README describes the pack as it is: a section per decision file whose rule table lists
/// every rule of that file in file order, a settings table whose values are the pack's, and every role, department,
/// category, setting and attribute the rules read named.
/// </summary>
public sealed partial class PackReadmeTests
{
    private static readonly string[] DecisionFiles =
        ["admissibility", "severity", "routing", "deadlines", "approval", "recusal", "confidentiality", "escalation", "rewards", "penalties", "guidance", "notices"];

    private static readonly JsonDocumentOptions Json = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TheoryData<string> Packs() => [.. PolicyPacks.BuiltIn];

    [Theory]
    [MemberData(nameof(Packs))]
    public void The_readme_lists_every_rule_of_every_decision_file_in_file_order(string pack)
    {
        var folder = RepoRoot.Combine("src", "Complaints.Rules", "Packs", pack);
        var readme = File.ReadAllLines(Path.Combine(folder, "README.md"));
        var problems = new List<string>();
        foreach (var file in DecisionFiles)
        {
            using var workflow = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file + ".json")), Json);
            var rules = RuleNames(workflow.RootElement).ToArray();
            var heading = Array.FindIndex(readme, l => l.StartsWith("### ", StringComparison.Ordinal) && l.Contains($"(`{file}.json`)", StringComparison.Ordinal));
            if (heading < 0)
            {
                problems.Add($"no '### … (`{file}.json`)' section");
                continue;
            }

            var listed = readme.Skip(heading + 1).TakeWhile(l => !l.StartsWith('#'))
                .Select(l => RuleRow().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToArray();
            if (!listed.SequenceEqual(rules, StringComparer.Ordinal))
            {
                problems.Add(
                    $"section `{file}.json` (line {heading + 1}) lists [{string.Join(", ", listed)}]; {file}.json has, in order, [{string.Join(", ", rules)}]");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"src/Complaints.Rules/Packs/{pack}/README.md does not match the pack's files:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>A workflow's rule names in order, a shared file it includes (<c>{ "Include": "shared/x" }</c>) spliced in where it stands.</summary>
    private static IEnumerable<string> RuleNames(JsonElement workflow)
    {
        foreach (var rule in workflow.GetProperty("Rules").EnumerateArray())
        {
            if (rule.TryGetProperty("Include", out var include))
            {
                using var shared = JsonDocument.Parse(File.ReadAllText(RepoRoot.Combine("src", "Complaints.Rules", "Packs", include.GetString()! + ".json")), Json);
                foreach (var name in RuleNames(shared.RootElement).ToArray())
                {
                    yield return name;
                }
            }
            else
            {
                yield return rule.GetProperty("RuleName").GetString()!;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void The_readme_names_every_role_department_category_and_setting_with_the_packs_values(string pack)
    {
        var folder = RepoRoot.Combine("src", "Complaints.Rules", "Packs", pack);
        var text = File.ReadAllText(Path.Combine(folder, "README.md"));
        var lines = text.Split('\n');
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "pack.json")), Json);
        var root = manifest.RootElement;
        var problems = new List<string>();

        IEnumerable<string> Ids(string property) => root.TryGetProperty(property, out var array)
            ? array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetProperty("id").GetString()!)
            : [];

        var settings = root.TryGetProperty("settings", out var s)
            ? s.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal)
            : [];
        foreach (var (kind, id) in Ids("roles").Select(id => ("role", id))
            .Concat(Ids("departments").Select(id => ("department", id)))
            .Concat(Ids("categories").Select(id => ("category", id)))
            .Concat(settings.Keys.Select(id => ("setting", id))))
        {
            if (!text.Contains($"`{id}`", StringComparison.Ordinal))
            {
                problems.Add($"{kind} `{id}` is not named");
            }
        }

        var attributes = DecisionFiles
            .SelectMany(f => AttributeRead().Matches(File.ReadAllText(Path.Combine(folder, f + ".json"))).Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal);
        foreach (var attribute in attributes.Where(a => !text.Contains($"`{a}`", StringComparison.Ordinal)))
        {
            problems.Add($"attribute `{attribute}`, read by a rule, is not named (list it under 'Attributes the rules read')");
        }

        var version = root.GetProperty("version").GetString()!;
        if (!text.Contains($"version {version}", StringComparison.Ordinal))
        {
            problems.Add($"the version is {version}; say 'version {version}'");
        }

        var settingsHeading = Array.FindIndex(lines, l => l.TrimEnd() == "## Settings");
        foreach (var row in lines.Skip(settingsHeading + 1).TakeWhile(l => !l.StartsWith('#')).Select(l => SettingRow().Match(l)).Where(m => m.Success))
        {
            var name = row.Groups["name"].Value;
            var shown = decimal.Parse(row.Groups["value"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            if (!settings.TryGetValue(name, out var value))
            {
                problems.Add($"the settings table shows `{name}`, which pack.json does not have");
            }
            else if (value != shown)
            {
                problems.Add($"the settings table shows `{name}` = {shown}; pack.json has {value}");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"src/Complaints.Rules/Packs/{pack}/README.md does not match pack.json:\n" + string.Join("\n", problems));
        }
    }

    [GeneratedRegex(@"Attribute\(\\""(?<name>[^\\""]+)\\""\)")]
    private static partial Regex AttributeRead();

    [GeneratedRegex(@"^\|\s*`(?<name>[a-z0-9][a-z0-9-]*)`\s*\|")]
    private static partial Regex RuleRow();

    [GeneratedRegex(@"^\|\s*`(?<name>[A-Za-z0-9]+)`\s*\|\s*(?<value>[0-9][0-9,]*(\.[0-9]+)?)\s*\|")]
    private static partial Regex SettingRow();
}
