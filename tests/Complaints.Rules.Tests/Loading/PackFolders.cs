using System.Text.Json.Nodes;

namespace Complaints.Rules.Tests.Loading;

/// <summary>Writable copies of a built-in pack, edited file by file or rule by rule, for tests of what loading says about them.</summary>
internal static class PackFolders
{
    public static readonly string[] Files =
    [
        "pack.json", "admissibility.json", "severity.json", "routing.json", "deadlines.json", "approval.json",
        "recusal.json", "confidentiality.json", "escalation.json", "rewards.json", "penalties.json", "guidance.json", "notices.json",
    ];

    /// <summary>Copies the built-in pack's files into <paramref name="folder"/>.</summary>
    public static string CopyOf(string builtIn, string folder)
    {
        foreach (var file in Files)
        {
            File.WriteAllText(Path.Combine(folder, file), PolicyPacks.ReadBuiltInFile(builtIn, file));
        }

        return folder;
    }

    public static void EditRule(string folder, string file, string rule, Action<JsonNode> edit) =>
        EditFile(folder, file, workflow => edit(workflow["Rules"]!.AsArray().Single(r => r?["RuleName"]?.GetValue<string>() == rule)!));

    public static void EditFile(string folder, string file, Action<JsonObject> edit)
    {
        var path = Path.Combine(folder, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    public static IReadOnlyList<PackProblem> LoadProblems(string folder) =>
        FluentActions.Invoking(() => PolicyPacks.LoadFolder(folder)).Should().Throw<PolicyPackException>().Which.Problems;
}
