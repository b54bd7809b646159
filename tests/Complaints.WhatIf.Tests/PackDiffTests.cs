using System.Text.Json.Nodes;
using Complaints.Rules;

namespace Complaints.WhatIf.Tests;

/// <summary>PackDiff over a built-in pack and an edited copy of it: each kind of edit a policy owner makes shows.</summary>
public sealed class PackDiffTests : IDisposable
{
    private readonly PackCopies _packs = new();

    public void Dispose() => _packs.Dispose();

    [Fact]
    public void A_copy_of_a_pack_does_not_differ_from_it()
    {
        var diff = PackDiff.Compare(PolicyPacks.LoadBuiltIn("hospital"), PolicyPacks.LoadFolder(_packs.CopyOf("hospital")));

        diff.IsEmpty.Should().BeTrue();
        diff.ToString().Should().Be("Pack diff hospital@1.0.0 → hospital@1.0.0" + Environment.NewLine + "No differences." + Environment.NewLine);
    }

    [Fact]
    public void Manifest_edits_show_by_section_with_both_values()
    {
        var folder = PackCopies.Edit(_packs.CopyOf("generic"), "pack.json", pack =>
        {
            pack["version"] = "1.1.0";
            pack["settings"]!["resolveWorkingDays"] = 2;
            pack["roles"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "handler")!["approvalLimit"] = 800;
            pack["departments"]!.AsArray().Add(new JsonObject { ["id"] = "parking", ["name"] = "Parking" });
            pack["categories"]!.AsArray().Add("parking");
            pack["lifecycle"] = new JsonObject { ["onSpotUpTo"] = "minor" };
        });

        var diff = PackDiff.Compare(PolicyPacks.LoadBuiltIn("generic"), PolicyPacks.LoadFolder(folder));

        diff.Rules.Should().BeEmpty();
        diff.Manifest.Select(c => (c.Section, c.Key, c.Kind, c.Before, c.After)).Should().BeEquivalentTo(new[]
        {
            ("pack", "version", PackChangeKind.Changed, "1.0.0", "1.1.0"),
            ("settings", "resolveWorkingDays", PackChangeKind.Changed, "3", "2"),
            ("roles", "handler.approvalLimit", PackChangeKind.Changed, "500", "800"),
            ("departments", "parking.name", PackChangeKind.Added, (string?)null, "\"Parking\""),
            ("categories", "parking", PackChangeKind.Added, null, "parking"),
            ("lifecycle", "lifecycle.onSpotUpTo", PackChangeKind.Added, null, "\"minor\""),
        });
        diff.ToString().Should().Contain("pack.json settings:").And.Contain("~ resolveWorkingDays: 3 → 2").And.Contain("+ parking.name: \"Parking\"");
        diff.ToMarkdown().Should().Contain("| settings | `resolveWorkingDays` | changed | `3` | `2` |");
    }

    [Fact]
    public void Word_lists_and_the_extended_pack_show()
    {
        var folder = PackCopies.Edit(_packs.CopyOf("food-service"), "pack.json", pack =>
        {
            var spoilage = pack["words"]!["spoilage"]!.AsArray();
            spoilage.Remove(spoilage.Single(w => w!.GetValue<string>() == "异味"));
            spoilage.Add("mouldy");
            pack["words"]!["allergy"] = new JsonArray("过敏", "allergic");
        });
        var food = PolicyPacks.LoadBuiltIn("food-service");

        var draft = PolicyPacks.LoadFolder(folder);

        var diff = PackDiff.Compare(food, draft);

        diff.Manifest.Select(c => (c.Section, c.Key, c.Kind, c.Before, c.After)).Should().BeEquivalentTo(new[]
        {
            ("words", "allergy", PackChangeKind.Added, (string?)null, "过敏|allergic"),
            ("words", "spoilage", PackChangeKind.Removed, "异味", null),
            ("words", "spoilage", PackChangeKind.Added, null, "mouldy"),
        });
        diff.ToString().Should().Contain("pack.json words:").And.Contain("+ spoilage: mouldy").And.Contain("- spoilage: 异味");
        PackDiff.Compare(draft, food).Manifest.Should().Contain(new PackChange("words", "allergy", "过敏|allergic", null), "a list the later version drops is removed whole");

        var extension = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(folder)!, "hospital-extension")).FullName;
        File.WriteAllText(Path.Combine(extension, "pack.json"), """{ "id": "hospital", "version": "1.1.0", "extends": "hospital@1" }""");
        var extended = PackDiff.Compare(PolicyPacks.LoadBuiltIn("hospital"), PolicyPacks.LoadFolder(extension));
        extended.Manifest.Should().ContainSingle(c => c.Section == "pack" && c.Key == "extends").Which.Should().Be(new PackChange("pack", "extends", null, "hospital@1.0.0"));
        extended.ToString().Should().Contain("+ extends: hospital@1.0.0");
    }

    [Fact]
    public void Rules_added_removed_changed_and_reordered_show_per_decision_point()
    {
        var folder = _packs.CopyOf("generic");
        PackCopies.Edit(folder, "approval.json", workflow =>
        {
            PackCopies.Rule(workflow, "above-handler-limit")["Expression"] = "remedy.Amount >= pack.Limit(\"handler\")";
            PackCopies.Rule(workflow, "major-needs-general-manager")["Properties"]!["steps"] = new JsonArray("general-manager");
            PackCopies.Rule(workflow, "above-manager-limit")["Enabled"] = false;
        });
        PackCopies.Edit(folder, "routing.json", workflow =>
        {
            var rules = PackCopies.Rules(workflow);
            var quality = rules.Single(r => r!["RuleName"]!.GetValue<string>() == "product-quality-to-quality")!;
            rules.Remove(quality);
            rules.Insert(0, quality);
            rules.Remove(rules.Single(r => r!["RuleName"]!.GetValue<string>() == "contract-to-sales"));
            rules.Add(new JsonObject
            {
                ["RuleName"] = "parking-to-logistics",
                ["Expression"] = "complaint.Category == \"delivery\"",
                ["Properties"] = new JsonObject { ["department"] = "logistics" },
            });
        });

        var diff = PackDiff.Compare(PolicyPacks.LoadBuiltIn("generic"), PolicyPacks.LoadFolder(folder));

        diff.Manifest.Should().BeEmpty();
        var approval = diff.Rules.Where(r => r.Point == DecisionPoint.Approval).ToDictionary(r => r.Rule);
        approval.Keys.Should().BeEquivalentTo("above-handler-limit", "major-needs-general-manager", "above-manager-limit");
        approval["above-handler-limit"].Changes.Should().ContainSingle().Which.Should().Be(new PackChange("rule", "Expression", "remedy.Amount > pack.Limit(\"handler\")", "remedy.Amount >= pack.Limit(\"handler\")"));
        approval["major-needs-general-manager"].Changes.Should().ContainSingle().Which.Should().Be(new PackChange("rule", "Properties.steps", "[\"manager\",\"general-manager\"]", "[\"general-manager\"]"));
        approval["above-manager-limit"].Changes.Should().ContainSingle().Which.Should().Be(new PackChange("rule", "Enabled", "true", "false"));

        var routing = diff.Rules.Where(r => r.Point == DecisionPoint.Routing).ToDictionary(r => r.Rule);
        routing["contract-to-sales"].Kind.Should().Be(PackChangeKind.Removed);
        routing["parking-to-logistics"].Kind.Should().Be(PackChangeKind.Added);
        routing["parking-to-logistics"].Changes.Should().Contain(new PackChange("rule", "Expression", null, "complaint.Category == \"delivery\""));
        routing["product-quality-to-quality"].Changes.Should().ContainSingle(c => c.Key == "order").Which.After.Should().Be("1 of 7 (first)");
        diff.Rules.Select(r => r.Point).Should().BeInAscendingOrder();

        var text = diff.ToString();
        text.Should().Contain("approval.json:").And.Contain("~ rule above-handler-limit (changed)").And.Contain("- rule contract-to-sales (removed)").And.Contain("+ rule parking-to-logistics (added)");
        diff.ToMarkdown().Should().Contain("### routing.json").And.Contain("| `contract-to-sales` | removed |");
    }
}
