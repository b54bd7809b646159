using System.Text.Json;
using System.Text.Json.Nodes;
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
/// </summary>
public static class PackMultiplier
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
        manifest["version"] = $"{manifest["version"]!.GetValue<string>()}-x{factor}{(guard == CloneGuard.None ? "-unguarded" : "")}";
        File.WriteAllText(Path.Combine(folder, "pack.json"), manifest.ToJsonString());

        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            var file = JsonNamingPolicy.KebabCaseLower.ConvertName(point.ToString()) + ".json";
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
                    var never = guard == CloneGuard.None ? "complaint.Description.Length < 0" : $"complaint.SubjectReference == \"clone-{k}\"";
                    clone["Expression"] = $"({original["Expression"]!.GetValue<string>()}) && {never}";
                    rules.Add(clone);
                }
            }

            File.WriteAllText(Path.Combine(folder, file), workflow.ToJsonString());
        }

        return folder;
    }
}

/// <summary>The test that keeps a <see cref="PackMultiplier"/> clone from matching.</summary>
public enum CloneGuard
{
    /// <summary>A string equality on the complaint, which PolicyPack's guard index reads.</summary>
    Equality,

    /// <summary>A test the guard index cannot read: the clone's whole condition is evaluated.</summary>
    None,
}
