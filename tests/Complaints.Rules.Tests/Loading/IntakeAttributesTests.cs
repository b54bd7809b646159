using System.Text.Json.Nodes;
using Complaints.Policy;
using static Complaints.Rules.Tests.Loading.PackFolders;

namespace Complaints.Rules.Tests.Loading;

/// <summary>A pack declares the intake attributes it relies on; the declaration is checked at load and against the rules that read attributes.</summary>
public sealed class IntakeAttributesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-attributes-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_PackWithoutAttributes_HasNoSchema()
    {
        var folder = CopyOf("generic", Folder("pack"));
        EditFile(folder, "pack.json", manifest => manifest.Remove("attributes"));

        PolicyPacks.LoadFolder(folder).IntakeSchema.Should().BeNull();
    }

    [Fact]
    public void Load_DeclaredAttributes_BecomeTheIntakeSchema()
    {
        var folder = CopyOf("generic", Folder("pack"));
        SetAttributes(folder, """
            [
              { "id": "in-court", "type": "text", "description": "the court where a case is pending" },
              { "id": "criminal-investigation", "type": "text" },
              { "id": "outside-remit", "type": "text" },
              { "id": "complainant-type", "type": "one-of", "values": [ "courteous", "domineering" ] },
              { "id": "order-date", "type": "date", "required": true },
              { "id": "order-total", "type": "number" }
            ]
            """);

        IComplaintPolicy pack = PolicyPacks.LoadFolder(folder);

        var schema = pack.IntakeSchema!;
        schema.Attributes.Select(a => (a.Name, a.Type, a.Required)).Should().Equal(
            ("in-court", IntakeAttributeType.Text, false),
            ("criminal-investigation", IntakeAttributeType.Text, false),
            ("outside-remit", IntakeAttributeType.Text, false),
            ("complainant-type", IntakeAttributeType.OneOf, false),
            ("order-date", IntakeAttributeType.Date, true),
            ("order-total", IntakeAttributeType.Number, false));
        schema.Find("complainant-type")!.Values.Should().Equal("courteous", "domineering");
        schema.Find("in-court")!.Description.Should().Be("the court where a case is pending");
    }

    [Fact]
    public void Load_BadDeclarations_AreEachNamed()
    {
        var folder = CopyOf("generic", Folder("pack"));
        SetAttributes(folder, """
            [
              { "id": "in-court", "type": "yes-or-no" },
              { "id": "outside-remit", "type": "one-of" },
              { "id": "criminal-investigation", "type": "text", "values": [ "a" ] },
              { "id": "complainant-type", "type": "text", "mandatory": true },
              { "type": "text" },
              { "id": "outside-remit", "type": "text" }
            ]
            """);

        var reasons = LoadProblems(folder).Select(p => p.Reason).ToArray();

        reasons.Should().Contain(r => r.Contains("'attributes[3].mandatory' is not a field of an intake attribute"));
        reasons.Should().Contain(r => r.Contains("'attributes[4].id' is required"));
    }

    [Fact]
    public void Load_BadTypesAndValues_AreEachNamed()
    {
        var folder = CopyOf("generic", Folder("pack"));
        SetAttributes(folder, """
            [
              { "id": "in-court", "type": "yes-or-no" },
              { "id": "outside-remit", "type": "one-of" },
              { "id": "criminal-investigation", "type": "text", "values": [ "a" ] },
              { "id": "complainant-type", "type": "text" },
              { "id": "Complainant-Type", "type": "text" }
            ]
            """);

        var reasons = LoadProblems(folder).Select(p => p.Reason).ToArray();

        reasons.Should().Contain(r => r.Contains("attribute 'in-court' has type 'yes-or-no'") && r.Contains("one-of"));
        reasons.Should().Contain(r => r.Contains("attribute 'outside-remit' is one-of but lists no 'values'"));
        reasons.Should().Contain(r => r.Contains("attribute 'criminal-investigation' lists 'values' but is of type 'text'"));
        reasons.Should().Contain(r => r.Contains("attribute 'complainant-type' is declared twice"));
    }

    [Fact]
    public void Load_RuleReadsAnUndeclaredAttribute_IsAProblemSuggestingTheDeclaredOne()
    {
        var folder = CopyOf("generic", Folder("pack"));
        SetAttributes(folder, """[ { "id": "in-court", "type": "text" }, { "id": "criminal-investigation", "type": "text" }, { "id": "complainant-type", "type": "text" } ]""");

        var problems = LoadProblems(folder);

        // generic's admissibility also reads outside-remit, which this declaration leaves out.
        problems.Should().Contain(p => p.File == "admissibility.json" && p.Reason.Contains("complaint.HasAttribute(\"outside-remit\") names no attribute declared"));
        EditRule(folder, "admissibility.json", "outside-remit", rule => rule["Expression"] = "complaint.HasAttribute(\"in-cuort\")");
        LoadProblems(folder).Should().Contain(p => p.Reason.Contains("complaint.HasAttribute(\"in-cuort\")") && p.Reason.Contains("did you mean 'in-court'"));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void BuiltInPack_DeclaresEveryAttributeItsRulesRead(string id)
    {
        // Loading checks each read against the declaration, so a built-in pack that loads declares them all.
        var pack = PolicyPacks.LoadBuiltIn(id);

        pack.IntakeSchema.Should().NotBeNull();
        pack.IntakeSchema!.Attributes.Should().Contain(a => a.Name == "complainant-type" && a.Type == IntakeAttributeType.OneOf);
    }

    public static TheoryData<string> BuiltIn() => [.. PolicyPacks.BuiltIn];

    private static void SetAttributes(string folder, string json) =>
        EditFile(folder, "pack.json", manifest => manifest["attributes"] = JsonNode.Parse(json));

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
}
