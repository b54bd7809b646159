using Complaints.Policy;

namespace Complaints.Rules.Tests.Lifecycle;

/// <summary>
/// The <c>lifecycle</c> section of pack.json: read into <see cref="LifecycleSettings"/>, defaults for what it leaves out,
/// and every unknown setting, tier, kind or role an error naming the field and the nearest valid value.
/// </summary>
public sealed class LifecycleSettingsLoadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-lifecycle-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("generic")]
    [InlineData("hospital")]
    [InlineData("auto-dealership")]
    public void BuiltInPackThatSaysNothing_HasTheDefaultLifecycle(string id)
    {
        var lifecycle = PolicyPacks.LoadBuiltIn(id).Lifecycle;

        lifecycle.Should().BeEquivalentTo(LifecycleSettings.Default);
        lifecycle.EmergencyMeetingTiers.Should().Equal(Severity.Major);
        lifecycle.OnSpotUpTo.Should().Be(Severity.General);
        lifecycle.TriageRoles.Should().BeNull();
        lifecycle.RewardKinds.Should().Equal(ComplaintKind.Report);
        lifecycle.PenaltiesConfirmedBy.Should().BeNull();
    }

    [Fact]
    public void EverySetting_IsRead()
    {
        var pack = Load("""
            "lifecycle": {
              "emergencyMeetingTiers": [ "serious", "major" ],
              "onSpotUpTo": "serious",
              "triageRoles": [ "Manager" ],
              "rewardKinds": [ "complaint", "report" ],
              "penaltiesConfirmedBy": "general-manager"
            }
            """);

        pack.Lifecycle.EmergencyMeetingTiers.Should().Equal(Severity.Serious, Severity.Major);
        pack.Lifecycle.OnSpotUpTo.Should().Be(Severity.Serious);
        pack.Lifecycle.TriageRoles.Should().Equal(["manager"], "a role is recorded as the pack declares it");
        pack.Lifecycle.RewardKinds.Should().Equal(ComplaintKind.Complaint, ComplaintKind.Report);
        pack.Lifecycle.PenaltiesConfirmedBy.Should().Be("general-manager");
        ((IComplaintPolicy)pack).Lifecycle.Should().BeSameAs(pack.Lifecycle, "the workflow reads the pack's settings through the port");
    }

    [Fact]
    public void OneSetting_KeepsTheDefaultsOfTheOthers()
    {
        var pack = Load("""
            "lifecycle": { "emergencyMeetingTiers": [] }
            """);

        pack.Lifecycle.EmergencyMeetingTiers.Should().BeEmpty("an empty list means no tier needs a meeting");
        pack.Lifecycle.NeedsEmergencyMeeting(Severity.Major).Should().BeFalse();
        pack.Lifecycle.Should().BeEquivalentTo(LifecycleSettings.Default with { EmergencyMeetingTiers = [] });
    }

    [Theory]
    [InlineData("""{ "onSpotUpTp": "major" }""", "'lifecycle.onSpotUpTp' is not a lifecycle setting (did you mean 'onSpotUpTo'?)")]
    [InlineData("""{ "onSpotUpTo": "majr" }""", "'lifecycle.onSpotUpTo' is 'majr' (did you mean 'major'?); use one of minor, general, serious, major.")]
    [InlineData("""{ "emergencyMeetingTiers": [ "major", "grave" ] }""", "'lifecycle.emergencyMeetingTiers[1]' is 'grave'")]
    [InlineData("""{ "rewardKinds": [ "reports" ] }""", "'lifecycle.rewardKinds[0]' is 'reports' (did you mean 'report'?)")]
    [InlineData("""{ "triageRoles": [ "manger" ] }""", "'lifecycle.triageRoles[0]' is 'manger', which is not one of the declared roles (did you mean 'manager'?); the roles are handler, manager, general-manager.")]
    [InlineData("""{ "triageRoles": [] }""", "'lifecycle.triageRoles' is empty, so nobody could triage")]
    [InlineData("""{ "penaltiesConfirmedBy": "ceo" }""", "'lifecycle.penaltiesConfirmedBy' is 'ceo', which is not one of the declared roles; the roles are")]
    [InlineData("""{ "onSpotUpTo": 3 }""", "'lifecycle.onSpotUpTo' must be a string; it is the number 3.")]
    [InlineData("""{ "triageRoles": "manager" }""", "'lifecycle.triageRoles' must be an array")]
    [InlineData("""[ "major" ]""", "'lifecycle' must be an object")]
    public void WrongSetting_IsAPackJsonProblemNamingTheFieldAndTheNearestValue(string lifecycle, string expected)
    {
        var problems = Problems($"\"lifecycle\": {lifecycle}");

        problems.Should().ContainSingle().Which.Should().Match<PackProblem>(p => p.File == "pack.json" && p.Reason.Contains(expected));
    }

    [Fact]
    public void Override_ChangesOneSettingAndKeepsThePacks()
    {
        var overrides = Directory.CreateDirectory(Path.Combine(_root, "override")).FullName;
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "lifecycle": { "onSpotUpTo": "serious" } }""");

        var pack = PolicyPacks.LoadBuiltIn("food-service", overrides);

        pack.Lifecycle.OnSpotUpTo.Should().Be(Severity.Serious);
        pack.Lifecycle.TriageRoles.Should().Equal("coordinator", "duty-manager", "manager");
    }

    private PolicyPack Load(string lifecycle) => PolicyPacks.LoadFolder(Write(lifecycle));

    private IReadOnlyList<PackProblem> Problems(string lifecycle) =>
        FluentActions.Invoking(() => PolicyPacks.LoadFolder(Write(lifecycle))).Should().Throw<PolicyPackException>().Which.Problems;

    private string Write(string lifecycle)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(folder, "pack.json"), $$"""
            {
              "id": "synthetic", "version": "1.0.0", "name": "Synthetic", "currency": "CNY",
              "roles": [ { "id": "handler", "name": "H", "approvalLimit": 100 }, { "id": "manager", "name": "M", "approvalLimit": 1000 }, { "id": "general-manager", "name": "GM" } ],
              "departments": [ { "id": "front", "name": "Front" } ],
              "defaultDepartment": "front", "defaultTier": "general", "defaultCategory": "misc",
              {{lifecycle}}
            }
            """);
        foreach (var workflow in new[] { "admissibility", "severity", "routing", "deadlines", "approval", "recusal", "confidentiality", "escalation", "rewards", "penalties", "guidance" })
        {
            File.WriteAllText(Path.Combine(folder, workflow + ".json"), $$"""{ "WorkflowName": "{{workflow}}", "Rules": [] }""");
        }

        return folder;
    }
}
