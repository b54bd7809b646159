using System.Text.Json.Nodes;
using Complaints.Policy;
using Complaints.Testing;
using static Complaints.Rules.Tests.Loading.PackFolders;

namespace Complaints.Rules.Tests.Loading;

/// <summary>
/// A number lives in one place: outputs read it from pack.json's settings as <c>"settings.name"</c>, an override changes
/// it there, and a setting nothing reads is an error rather than a knob that silently does nothing.
/// </summary>
public sealed class PackSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-settings-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_DeadlineAmountFromASetting_UsesTheSettingsValue()
    {
        // generic's resolve-3wd gives "amount": "settings.resolveWorkingDays".
        var folder = CopyOf("generic", Folder("pack"));
        AddSetting(folder, "resolveWorkingDays", 4);

        var pack = PolicyPacks.LoadFolder(folder);

        pack.SetDeadlines(A.Complaint().Build()).Deadlines.Should().ContainSingle(d => d.Kind == DeadlineKind.Resolve)
            .Which.Amount.Should().Be(4);
    }

    [Fact]
    public void Load_OverrideChangesTheSetting_TheOutputFollows()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "settings": { "resolveWorkingDays": 6 } }""");

        var pack = PolicyPacks.LoadBuiltIn("generic", overrides);

        pack.SetDeadlines(A.Complaint().Build()).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).Amount.Should().Be(6);
        PolicyPacks.LoadBuiltIn("generic").SetDeadlines(A.Complaint().Build()).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).Amount.Should().Be(3);
    }

    [Fact]
    public void Load_OneSettingGivenByTwoRules_ChangesBoth()
    {
        // The hospital settles a general problem and tells the result within the same 3 working days.
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "settings": { "generalSettleWorkingDays": 2 } }""");

        var pack = PolicyPacks.LoadBuiltIn("hospital", overrides);

        pack.SetDeadlines(A.Complaint().Build()).Deadlines.Where(d => d.Kind is DeadlineKind.Resolve or DeadlineKind.NotifyResult)
            .Select(d => d.Amount).Should().Equal(2, 2);
    }

    [Fact]
    public void Load_FineAndRewardPercentagesFromSettings_AreRead()
    {
        var folder = CopyOf("generic", Folder("pack"));
        AddSetting(folder, "lateHandlingFine", 150);
        AddSetting(folder, "rewardMaxPercent", 40);
        AddRule(folder, "penalties.json", """{ "RuleName": "late-fine", "Expression": "misconduct == \"late-handling\"", "Properties": { "sanctions": [ { "kind": "fine", "amount": "settings.lateHandlingFine" } ] } }""");
        AddRule(folder, "rewards.json", """{ "RuleName": "share-of-fine", "Expression": "true", "Properties": { "basis": "fine", "minPercent": 10, "maxPercent": "settings.rewardMaxPercent" } }""");

        var pack = PolicyPacks.LoadFolder(folder);

        var complaint = A.Complaint().OfKind(ComplaintKind.Report).WithFindings(FindingOutcome.Substantiated, fine: 1000).Build();
        pack.AssessPenalty(complaint, A.Handler(), Misconduct.LateHandling).Sanctions
            .Should().ContainSingle(s => s.Kind == SanctionKind.Fine).Which.Amount.Should().Be(new Money(150, "CNY"));
        pack.DecideReward(complaint).MaxPercent.Should().Be(40);
    }

    [Fact]
    public void Load_OutputNamesAMissingSetting_IsAProblemSuggestingTheNearest()
    {
        var folder = CopyOf("generic", Folder("pack"));
        EditRule(folder, "deadlines.json", "resolve-3wd", rule => rule["Properties"]!["amount"] = "settings.resolveWorkingDay");

        var problems = LoadProblems(folder);

        problems.Should().Contain(p => p.File == "deadlines.json" && p.Rule == "resolve-3wd"
            && p.Reason.Contains("reads setting 'resolveWorkingDay'") && p.Reason.Contains("did you mean 'resolveWorkingDays'"));
    }

    [Fact]
    public void Load_SettingValueOutOfRangeForTheOutput_IsStillChecked()
    {
        var folder = CopyOf("generic", Folder("pack"));
        AddSetting(folder, "resolveWorkingDays", 2.5m);

        LoadProblems(folder).Should().ContainSingle(p => p.Rule == "resolve-3wd" && p.Reason.Contains("'amount' is 2.5"));
    }

    [Fact]
    public void Load_ASettingNothingReads_IsAProblemNamingIt()
    {
        var folder = CopyOf("generic", Folder("pack"));
        AddSetting(folder, "commissionedInvestigationDays", 15);

        var problem = LoadProblems(folder).Should().ContainSingle().Which;

        (problem.File, problem.Rule).Should().Be(("pack.json", null));
        problem.Reason.Should().Contain("setting 'commissionedInvestigationDays' drives nothing");
    }

    [Fact]
    public void Load_SettingsTheCodeReads_AreNotReportedAsUnread()
    {
        var folder = CopyOf("generic", Folder("pack"));
        AddSetting(folder, "onePersonMayApproveSeveralSteps", 1);

        var pack = PolicyPacks.LoadFolder(folder);

        pack.RequireApproval(A.Complaint().Build(), new RemedyProposal(RemedyKind.Refund, "Refund", new Money(50_000, "CNY")))
            .OnePersonMayApproveSeveralSteps.Should().BeTrue();
    }

    [Fact]
    public void Load_OverrideAddsASettingNothingReads_IsAProblem()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "settings": { "+parkingClaim": 800 } }""");

        var problems = FluentActions.Invoking(() => PolicyPacks.LoadBuiltIn("generic", overrides)).Should().Throw<PolicyPackException>().Which.Problems;

        problems.Should().ContainSingle().Which.Reason.Should().Contain("setting 'parkingClaim' drives nothing");
    }

    [Fact]
    public void Load_OverrideMisspellsASetting_IsAProblemNamingTheNearestSetting()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "settings": { "seriousClaimm": 800 } }""");

        var problems = FluentActions.Invoking(() => PolicyPacks.LoadBuiltIn("generic", overrides)).Should().Throw<PolicyPackException>().Which.Problems;

        problems.Should().ContainSingle().Which.Reason.Should()
            .Be("(override) 'seriousClaimm' is not a setting of generic (did you mean 'seriousClaim'?). To add it, mark it as an addition: '+seriousClaimm'.");
    }

    [Fact]
    public void Load_OverrideReplacesTheOnlyRuleReadingABaseSetting_Loads()
    {
        // The base pack's seriousClaim is then inert; an override cannot remove a setting, so that is not an error.
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "severity.json"), """{ "WorkflowName": "severity", "Rules": [] }""");

        var pack = PolicyPacks.LoadBuiltIn("generic", overrides);

        pack.Manifest.Settings.Should().ContainKey("seriousClaim");
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void BuiltInPack_EverySettingDrivesSomething(string id)
    {
        // Loading would have failed otherwise; this names the pack whose settings are all read.
        var pack = PolicyPacks.LoadBuiltIn(id);

        pack.Manifest.Settings.Should().NotBeEmpty();
    }

    public static TheoryData<string> BuiltIn() => [.. PolicyPacks.BuiltIn];

    private static void AddRule(string folder, string file, string rule) =>
        EditFile(folder, file, workflow => workflow["Rules"]!.AsArray().Insert(0, JsonNode.Parse(rule)));

    private static void AddSetting(string folder, string name, decimal value) =>
        EditFile(folder, "pack.json", manifest => manifest["settings"]!.AsObject()[name] = JsonValue.Create(value));

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
}
