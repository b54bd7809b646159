using System.Text.Json.Nodes;
using Complaints.Rules;

namespace Complaints.WhatIf.Tests;

/// <summary>Writable copies of a built-in pack in a temporary folder, edited as a policy owner edits a draft.</summary>
internal sealed class PackCopies : IDisposable
{
    private static readonly string[] Files =
    [
        "pack.json", "admissibility.json", "severity.json", "routing.json", "deadlines.json", "approval.json",
        "recusal.json", "confidentiality.json", "escalation.json", "rewards.json", "penalties.json", "guidance.json", "notices.json",
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("complaints-whatif-").FullName;

    /// <summary>A copy of built-in pack <paramref name="builtIn"/> in a new folder.</summary>
    public string CopyOf(string builtIn, string name = "draft")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        foreach (var file in Files)
        {
            File.WriteAllText(Path.Combine(folder, file), PolicyPacks.ReadBuiltInFile(builtIn, file));
        }

        return folder;
    }

    /// <summary>A copy of <paramref name="builtIn"/> with one setting changed and the version bumped, loaded.</summary>
    public PolicyPack WithSetting(string builtIn, string setting, decimal value) =>
        PolicyPacks.LoadFolder(Edit(CopyOf(builtIn, $"{builtIn}-{setting}"), "pack.json", pack =>
        {
            pack["version"] = "9.9.9-draft";
            pack["settings"]![setting] = value;
        }));

    public static string Edit(string folder, string file, Action<JsonObject> edit)
    {
        var path = Path.Combine(folder, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
        return folder;
    }

    public static JsonArray Rules(JsonObject workflow) => workflow["Rules"]!.AsArray();

    public static JsonObject Rule(JsonObject workflow, string name) =>
        Rules(workflow).Single(r => r!["RuleName"]!.GetValue<string>() == name)!.AsObject();

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
