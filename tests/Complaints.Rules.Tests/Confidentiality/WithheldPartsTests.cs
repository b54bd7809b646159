using System.Text.Json.Nodes;
using Complaints.Policy;
using Complaints.Testing;

namespace Complaints.Rules.Tests.Confidentiality;

/// <summary>A confidentiality rule's <c>"withhold"</c>: parts of the case withheld besides the identity, checked at load.</summary>
public sealed class WithheldPartsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-withhold-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Tobacco_UnitInvestigated_HasTheMaterialsWithheld_TheOfficeNothing()
    {
        var pack = PolicyPacks.LoadBuiltIn("tobacco-retail");
        var report = A.Complaint().OfKind(ComplaintKind.Report).AboutStaff("wang", "logistics").Build();

        var unit = pack.CheckConfidentiality(report, An.Actor("ma").InDepartment("logistics").Build());
        var office = pack.CheckConfidentiality(report, An.Actor("qian").InDepartment("internal-management-office").Build());

        unit.MaySeeIdentity.Should().BeFalse();
        unit.Withheld.Should().Be(ConfidentialParts.Materials);
        office.MaySeeIdentity.Should().BeTrue();
        office.Withheld.Should().Be(ConfidentialParts.None);
    }

    [Fact]
    public void Generic_AccusedDepartment_HasTheMaterialsWithheld_OthersOnlyWhatTheyMayNotSee()
    {
        var pack = PolicyPacks.LoadBuiltIn("generic");
        var complaint = A.Complaint().AboutStaff("wang", "sales").Build();

        pack.CheckConfidentiality(complaint, An.Actor("sun").InDepartment("sales").Build()).Withheld.Should().Be(ConfidentialParts.Materials);
        pack.CheckConfidentiality(complaint, An.Actor("han").InDepartment("service").Build()).Withheld.Should().Be(ConfidentialParts.None);
    }

    [Fact]
    public void Withhold_EveryMatchingRuleAddsItsParts()
    {
        var folder = CopyOf("generic");
        EditRule(folder, "hidden-from-the-accused", rule => rule["Properties"]!["withhold"] = "accused-statement, findings-summary");

        var pack = PolicyPacks.LoadFolder(folder);
        var complaint = A.Complaint().AboutStaff("wang", "sales").Build();
        var decision = pack.CheckConfidentiality(complaint, An.Actor("wang").InDepartment("sales").Build());

        decision.Withheld.Should().Be(ConfidentialParts.Materials | ConfidentialParts.AccusedStatement | ConfidentialParts.FindingsSummary);
        decision.Reason.Should().Contain("never sees who complained", "the first matching rule gives the reason");
    }

    [Fact]
    public void Withhold_NamingSomethingThatIsNotAPart_IsALoadErrorListingTheParts()
    {
        var folder = CopyOf("generic");
        EditRule(folder, "hidden-from-the-accused", rule => rule["Properties"]!["withhold"] = "description, phone");

        var problem = FluentActions.Invoking(() => PolicyPacks.LoadFolder(folder)).Should().Throw<PolicyPackException>().Which.Problems
            .Should().ContainSingle().Which;

        (problem.File, problem.Rule).Should().Be(("confidentiality.json", "hidden-from-the-accused"));
        problem.Reason.Should().Contain("'phone'").And.Contain("materials").And.Contain("desired-remedy");
    }

    private string CopyOf(string id)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, id)).FullName;
        foreach (var file in new[]
                 {
                     "pack.json", "admissibility.json", "severity.json", "routing.json", "deadlines.json", "approval.json",
                     "recusal.json", "confidentiality.json", "escalation.json", "rewards.json", "penalties.json", "guidance.json",
                 })
        {
            File.WriteAllText(Path.Combine(folder, file), PolicyPacks.ReadBuiltInFile(id, file));
        }

        return folder;
    }

    private static void EditRule(string folder, string rule, Action<JsonNode> edit)
    {
        var path = Path.Combine(folder, "confidentiality.json");
        var workflow = JsonNode.Parse(File.ReadAllText(path))!;
        edit(workflow["Rules"]!.AsArray().Single(r => r!["RuleName"]!.GetValue<string>() == rule)!);
        File.WriteAllText(path, workflow.ToJsonString());
    }
}
