using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Rules;

namespace Complaints.Benchmarks.Data;

/// <summary>
/// Writes a copy of a built-in pack with <c>factor</c> times the rules in every decision file: after the
/// pack's own rules come renamed clones (<c>rule~2</c> … ) whose condition is the original's, evaluated in
/// full, and then a test no generated complaint passes (<c>complaint.SubjectReference == "clone-2"</c>). So the
/// clones cost what the originals cost, never match a generated complaint, and leave every decision as it was.
/// </summary>
public static class PackMultiplier
{
    /// <summary>Writes the multiplied pack into a new temporary folder.</summary>
    /// <param name="packId">The built-in pack to copy.</param>
    /// <param name="factor">How many times the rules: 10 gives the pack's rules and 9 clones of each.</param>
    /// <returns>The folder; delete it when done.</returns>
    public static string WriteTemporary(string packId, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        var folder = Directory.CreateTempSubdirectory($"complaints-{packId}-x{factor}-").FullName;
        var manifest = JsonNode.Parse(PolicyPacks.ReadBuiltInFile(packId, "pack.json"))!.AsObject();
        manifest["version"] = $"{manifest["version"]!.GetValue<string>()}-x{factor}";
        File.WriteAllText(Path.Combine(folder, "pack.json"), manifest.ToJsonString());

        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            var file = JsonNamingPolicy.KebabCaseLower.ConvertName(point.ToString()) + ".json";
            var workflow = JsonNode.Parse(PolicyPacks.ReadBuiltInFile(packId, file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            var rules = workflow["Rules"]!.AsArray();
            var originals = rules.Select(r => r!.AsObject()).ToArray();
            for (var k = 2; k <= factor; k++)
            {
                foreach (var original in originals)
                {
                    var clone = original.DeepClone().AsObject();
                    clone["RuleName"] = $"{original["RuleName"]!.GetValue<string>()}~{k}";
                    clone["Expression"] = $"({original["Expression"]!.GetValue<string>()}) && complaint.SubjectReference == \"clone-{k}\"";
                    rules.Add(clone);
                }
            }

            File.WriteAllText(Path.Combine(folder, file), workflow.ToJsonString());
        }

        return folder;
    }
}
