using Complaints.Improvement;
using Complaints.Policy;

namespace Complaints.Rules.Tests.Improvement;

/// <summary>
/// The <c>improvement</c> section of pack.json: read into <see cref="CorrectiveActionSettings"/>, defaults for what it
/// leaves out, every wrong field an error naming it; and what each built-in pack carries from its documents.
/// </summary>
public sealed class CorrectiveActionSettingsLoadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-improvement-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("auto-dealership", "general-manager")]
    [InlineData("tobacco-retail", "general-manager")]
    [InlineData("hospital", null)]
    [InlineData("generic", null)]
    [InlineData("food-service", null)]
    public void BuiltInPack_NamesTheApproverItsDocumentNames(string id, string? approver)
    {
        var settings = ((IComplaintPolicy)PolicyPacks.LoadBuiltIn(id)).CorrectiveActions;

        settings.ApprovalRole.Should().Be(approver);
        settings.Basis.Should().NotBeNullOrWhiteSpace("every built-in pack says where its settings come from");
        settings.Terms(new PolicyRef(id, "1")).Rules.Should().ContainSingle().Which.Should().Contain(settings.Basis!);
    }

    [Fact]
    public void FoodService_ChecksWithinAMonth_AndTheGenericPackStatesTheDefaults()
    {
        var food = PolicyPacks.LoadBuiltIn("food-service").CorrectiveActions;
        var generic = PolicyPacks.LoadBuiltIn("generic").CorrectiveActions;

        (food.DueWorkingDays, food.WarningWorkingDays, food.VerifyAfterWorkingDays, food.RecurrenceCount, food.RecurrenceDays).Should().Be((5, 1, 20, 3, 30));
        generic.Should().BeEquivalentTo(CorrectiveActionSettings.Default with { Basis = generic.Basis });
    }

    [Fact]
    public void PackThatSaysNothing_HasTheDefaults()
    {
        PolicyPacks.LoadFolder(Write("\"defaultTier\": \"general\"")).CorrectiveActions.Should().BeSameAs(CorrectiveActionSettings.Default);
    }

    [Fact]
    public void EverySetting_IsRead()
    {
        var pack = PolicyPacks.LoadFolder(Write("""
            "improvement": {
              "approvalRole": "Manager", "dueWorkingDays": 7, "warningWorkingDays": 0, "verifyAfterWorkingDays": 40,
              "requiredFromTier": "none", "recurrenceCount": 0, "recurrenceDays": 30, "basis": "our quality manual §4"
            }
            """));

        pack.CorrectiveActions.Should().BeEquivalentTo(new CorrectiveActionSettings
        {
            ApprovalRole = "manager", DueWorkingDays = 7, WarningWorkingDays = 0, VerifyAfterWorkingDays = 40,
            RequiredFromTier = null, RecurrenceCount = 0, RecurrenceDays = 30, Basis = "our quality manual §4",
        });
        ((IComplaintPolicy)pack).CorrectiveActions.Should().BeSameAs(pack.CorrectiveActions, "the workflow reads the pack's settings through the port");
    }

    [Theory]
    [InlineData("""{ "approvalRole": "ceo" }""", "'improvement.approvalRole' is 'ceo', which is not one of the declared roles; the roles are handler, manager, general-manager.")]
    [InlineData("""{ "requiredFromTier": "majr" }""", "'improvement.requiredFromTier' is 'majr' (did you mean 'major'?); use one of minor, general, serious, major, or none.")]
    [InlineData("""{ "dueWorkingDays": 0 }""", "'improvement.dueWorkingDays' is 0; use a whole number from 1 to 365.")]
    [InlineData("""{ "dueWorkingDays": 5, "warningWorkingDays": 5 }""", "'improvement.warningWorkingDays' is 5; use a whole number from 0 to 4.")]
    [InlineData("""{ "dueWorkingDays": 2.5 }""", "'improvement.dueWorkingDays' must be a whole number; it is the number 2.5.")]
    [InlineData("""{ "recurenceCount": 3 }""", "'improvement.recurenceCount' is not an improvement setting (did you mean 'recurrenceCount'?)")]
    [InlineData("""[ 3 ]""", "'improvement' must be an object")]
    public void WrongSetting_IsAPackJsonProblemNamingTheField(string improvement, string expected)
    {
        var problems = FluentActions.Invoking(() => PolicyPacks.LoadFolder(Write($"\"improvement\": {improvement}"))).Should().Throw<PolicyPackException>().Which.Problems;

        problems.Should().ContainSingle().Which.Should().Match<PackProblem>(p => p.File == "pack.json" && p.Reason.Contains(expected));
    }

    private string Write(string section)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(folder, "pack.json"), $$"""
            {
              "id": "synthetic", "version": "1.0.0", "name": "Synthetic", "currency": "CNY",
              "roles": [ { "id": "handler", "name": "H", "approvalLimit": 100 }, { "id": "manager", "name": "M", "approvalLimit": 1000 }, { "id": "general-manager", "name": "GM" } ],
              "departments": [ { "id": "front", "name": "Front" } ],
              "defaultDepartment": "front", "defaultCategory": "misc",
              {{(section.Contains("defaultTier", StringComparison.Ordinal) ? section : "\"defaultTier\": \"general\", " + section)}}
            }
            """);
        foreach (var workflow in new[] { "admissibility", "severity", "routing", "deadlines", "approval", "recusal", "confidentiality", "escalation", "rewards", "penalties", "guidance" })
        {
            File.WriteAllText(Path.Combine(folder, workflow + ".json"), $$"""{ "WorkflowName": "{{workflow}}", "Rules": [] }""");
        }

        return folder;
    }
}
