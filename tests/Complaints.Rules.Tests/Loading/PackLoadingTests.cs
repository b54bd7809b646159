using System.Text.Json.Nodes;
using static Complaints.Rules.Tests.Loading.PackFolders;

namespace Complaints.Rules.Tests.Loading;

/// <summary>A broken pack fails at load with every problem named (pack, file, rule, reason); overrides change only what they say.</summary>
public sealed class PackLoadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-packs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void LoadFolder_CopyOfGeneric_LoadsWithTheSameIdentity()
    {
        var folder = CopyOfGeneric();

        var pack = PolicyPacks.LoadFolder(folder);

        pack.Identity.Should().Be(PolicyPacks.LoadBuiltIn("generic").Identity);
    }

    [Fact]
    public void Load_MalformedJson_NamesTheFile()
    {
        var folder = CopyOfGeneric();
        File.WriteAllText(Path.Combine(folder, "severity.json"), "{ \"WorkflowName\": \"severity\", \"Rules\": [ ");

        var problems = LoadProblems(folder);

        problems.Should().ContainSingle(p => p.File == "severity.json" && p.Reason.Contains("not a valid RulesEngine workflow"));
    }

    [Fact]
    public void Load_ExpressionThatDoesNotCompile_NamesTheRuleAndTheParserError()
    {
        var folder = CopyOfGeneric();
        EditRule(folder, "approval.json", "above-handler-limit", rule => rule["Expression"] = "remedy.Amont > pack.Limit(\"handler\")");

        var problem = LoadProblems(folder).Should().ContainSingle().Which;

        (problem.Pack, problem.File, problem.Rule).Should().Be(("generic", "approval.json", "above-handler-limit"));
        problem.Reason.Should().Contain("does not compile").And.Contain("Amont");
    }

    [Fact]
    public void Load_UnknownFieldInARule_IsAProblem()
    {
        var folder = CopyOfGeneric();
        EditRule(folder, "recusal.json", "is-the-accused", rule => rule["Expresion"] = "true");

        LoadProblems(folder).Should().ContainSingle(p => p.File == "recusal.json" && p.Reason.Contains("Expresion"));
    }

    [Fact]
    public void Load_MissingDecisionPoint_SaysWhatAnEmptyOneLooksLike()
    {
        var folder = CopyOfGeneric();
        File.Delete(Path.Combine(folder, "guidance.json"));

        LoadProblems(folder).Should().ContainSingle(p => p.File == "guidance.json" && p.Reason.Contains("is missing") && p.Reason.Contains("\"WorkflowName\": \"guidance\""));
    }

    [Fact]
    public void Load_OutputsOfTheWrongShape_AreEachNamed()
    {
        var folder = CopyOfGeneric();
        EditRule(folder, "severity.json", "large-claim", rule => rule["Properties"]!["tier"] = "huge");
        EditRule(folder, "deadlines.json", "resolve-3wd", rule => rule["Properties"]!["amount"] = "three");
        EditRule(folder, "routing.json", "billing-to-finance", rule => rule["Properties"]!["department"] = "accounts");
        EditRule(folder, "escalation.json", "on-request", rule => rule["Properties"]!["notfiyRole"] = "manager");

        var problems = LoadProblems(folder);

        problems.Should().HaveCount(5);
        problems.Should().Contain(p => p.Rule == "large-claim" && p.Reason.Contains("'huge'") && p.Reason.Contains("major"));
        problems.Should().Contain(p => p.Rule == "resolve-3wd" && p.Reason.Contains("'amount' must be a number"));
        problems.Should().Contain(p => p.File == "pack.json" && p.Reason.Contains("setting 'resolveWorkingDays' drives nothing"), "the rule no longer reads it");
        problems.Should().Contain(p => p.Rule == "billing-to-finance" && p.Reason.Contains("department 'accounts' is not declared"));
        problems.Should().Contain(p => p.Rule == "on-request" && p.Reason.Contains("unknown output 'notfiyRole'"));
    }

    [Fact]
    public void Load_ReferenceToAnUndeclaredLimitOrSetting_IsAProblem()
    {
        var folder = CopyOfGeneric();
        EditRule(folder, "approval.json", "above-manager-limit", rule => rule["Expression"] = "remedy.Amount > pack.Limit(\"director\")");
        EditRule(folder, "severity.json", "large-claim", rule => rule["Expression"] = "complaint.ClaimAmount > pack.Setting(\"hugeClaim\")");

        var problems = LoadProblems(folder);

        problems.Should().Contain(p => p.Rule == "above-manager-limit" && p.Reason.Contains("pack.Limit(\"director\")"));
        problems.Should().Contain(p => p.Rule == "large-claim" && p.Reason.Contains("pack.Setting(\"hugeClaim\")"));
    }

    [Fact]
    public void Load_BadManifestAndStrayFile_AreListedTogether()
    {
        var folder = CopyOfGeneric();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "pack.json")))!;
        manifest["currency"] = "yuan";
        manifest["defaultDepartment"] = "nowhere";
        File.WriteAllText(Path.Combine(folder, "pack.json"), manifest.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "bonus.json"), "{}");

        var error = FluentActions.Invoking(() => PolicyPacks.LoadFolder(folder)).Should().Throw<PolicyPackException>().Which;

        error.Problems.Select(p => p.File).Should().Contain(["pack.json", "pack.json", "bonus.json"]);
        error.Message.Should().Contain("currency").And.Contain("defaultDepartment").And.Contain("bonus.json");
    }

    [Fact]
    public void Load_UnsupportedRulesEngineFeature_IsExplained()
    {
        var folder = CopyOfGeneric();
        EditRule(folder, "guidance.json", "venting", rule => rule["LocalParams"] = JsonNode.Parse("""[{ "Name": "x", "Expression": "1" }]"""));

        LoadProblems(folder).Should().ContainSingle(p => p.Rule == "venting" && p.Reason.Contains("not support"));
    }

    [Fact]
    public void Load_NullsInPackJson_AreEachNamedInsteadOfCrashing()
    {
        var folder = CopyOfGeneric();
        EditFile(folder, "pack.json", manifest =>
        {
            manifest["id"] = null;
            manifest["departments"] = null;
            manifest["roles"]!.AsArray().Insert(0, null);
            manifest["settings"]!["majorClaim"] = null;
        });

        var problems = LoadProblems(folder);

        problems.Should().OnlyContain(p => p.File == "pack.json" && p.Rule == null);
        foreach (var expected in new[] { "'id' is null", "'departments' is null", "'roles[0]' is null", "'settings.majorClaim' is null" })
        {
            problems.Should().Contain(p => p.Reason.Contains(expected), expected);
        }
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"generic\"")]
    public void Load_PackJsonThatIsNotAnObject_IsAProblem(string text)
    {
        var folder = CopyOfGeneric();
        File.WriteAllText(Path.Combine(folder, "pack.json"), text);

        LoadProblems(folder).Should().ContainSingle(p => p.File == "pack.json" && p.Reason.Contains("must be a JSON object"));
    }

    [Fact]
    public void Load_WrongTypesInPackJson_AreEachNamed()
    {
        var folder = CopyOfGeneric();
        EditFile(folder, "pack.json", manifest =>
        {
            manifest["roles"] = "handler";
            manifest["currency"] = 156;
            manifest["settings"]!["majorClaim"] = "a lot";
            manifest["departments"]![1]!["id"] = true;
            manifest["categories"] = JsonNode.Parse("""[ "billing", 7 ]""");
        });

        var problems = LoadProblems(folder);

        foreach (var expected in new[] { "'roles' must be an array", "'currency' must be a string", "'settings.majorClaim' must be a number", "'departments[1].id' must be a string", "'categories[1]' must be a string" })
        {
            problems.Should().Contain(p => p.File == "pack.json" && p.Reason.Contains(expected), expected);
        }
    }

    [Fact]
    public void Load_MalformedPackJson_StillChecksEveryDecisionFile()
    {
        var folder = CopyOfGeneric();
        File.WriteAllText(Path.Combine(folder, "pack.json"), "{ \"id\": \"generic\", ");
        EditRule(folder, "approval.json", "above-handler-limit", rule => rule["Expression"] = "remedy.Amont > 500");
        EditRule(folder, "severity.json", "large-claim", rule => rule["Properties"]!["tier"] = "huge");

        var problems = LoadProblems(folder);

        problems.Should().Contain(p => p.File == "pack.json" && p.Reason.Contains("not valid"));
        problems.Should().Contain(p => p.File == "approval.json" && p.Rule == "above-handler-limit" && p.Reason.Contains("Amont"));
        problems.Should().Contain(p => p.File == "severity.json" && p.Rule == "large-claim" && p.Reason.Contains("'huge'"));
    }

    [Fact]
    public void Load_NullRuleAndMistypedRule_AreNamedAndTheOtherRulesStillChecked()
    {
        var folder = CopyOfGeneric();
        EditRule(folder, "guidance.json", "venting", rule => rule["Enabled"] = "yes");
        EditRule(folder, "guidance.json", "feelings-before-facts", rule => rule["Properties"] = JsonNode.Parse("""{ "advice": null }"""));
        EditFile(folder, "guidance.json", workflow => workflow["Rules"]!.AsArray().Insert(0, null));

        var problems = LoadProblems(folder);

        problems.Should().OnlyContain(p => p.File == "guidance.json");
        problems.Should().Contain(p => p.Rule == null && p.Reason.Contains("Rules[0] is null"));
        problems.Should().Contain(p => p.Rule == "venting" && p.Reason.Contains("Enabled"));
        problems.Should().Contain(p => p.Rule == "feelings-before-facts" && p.Reason.Contains("'advice'"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("""{ "roles": [ null ] }""")]
    [InlineData("""{ "roles": [ { "id": 5, "approvalLimit": 1 } ] }""")]
    [InlineData("""{ "settings": null }""")]
    public void Override_PackJsonWithNullsOrWrongTypes_IsAProblem(string text)
    {
        var overrides = Folder("override-nulls");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), text);

        var problems = FluentActions.Invoking(() => PolicyPacks.LoadBuiltIn("generic", overrides)).Should().Throw<PolicyPackException>().Which.Problems;

        problems.Should().NotBeEmpty().And.OnlyContain(p => p.File == "pack.json");
    }

    [Fact]
    public void Override_PartialManifest_ChangesOnlyTheApprovalLimitAndMarksTheVersion()
    {
        var overrides = Folder("override-limits");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "roles": [ { "id": "manager", "approvalLimit": 20000 } ] }""");

        var pack = PolicyPacks.LoadBuiltIn("generic", overrides);

        pack.Manifest.Roles.Single(r => r.Id == "manager").ApprovalLimit.Should().Be(20000);
        pack.Manifest.Roles.Single(r => r.Id == "handler").ApprovalLimit.Should().Be(500, "what the override does not name is kept");
        pack.Manifest.Roles.Select(r => r.Id).Should().Equal(PolicyPacks.LoadBuiltIn("generic").Manifest.Roles.Select(r => r.Id));
        pack.Identity.Version.Should().MatchRegex(@"^1\.0\.0\+custom\.[0-9a-f]{8}$");
        pack.Facts.Limit("manager").Should().Be(20000);
    }

    [Fact]
    public void Override_WholeWorkflowAndVersion_ReplacesThatWorkflowOnly()
    {
        var overrides = Folder("override-approval");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "version": "1.0.0-acme.1" }""");
        File.WriteAllText(Path.Combine(overrides, "approval.json"), """
            { "WorkflowName": "approval", "Rules": [ { "RuleName": "everything-to-gm", "Expression": "remedy.Amount > 0", "Properties": { "steps": "general-manager" } } ] }
            """);

        var pack = PolicyPacks.LoadBuiltIn("generic", overrides);

        pack.Identity.Version.Should().Be("1.0.0-acme.1");
        pack.Workflow(DecisionPoint.Approval).Rules.Select(r => r.RuleName).Should().Equal("everything-to-gm");
        pack.Workflow(DecisionPoint.Severity).Rules.Should().HaveCount(PolicyPacks.LoadBuiltIn("generic").Workflow(DecisionPoint.Severity).Rules.Count());
    }

    [Fact]
    public void Override_BrokenWorkflow_NamesTheOverride()
    {
        var overrides = Folder("override-broken");
        File.WriteAllText(Path.Combine(overrides, "approval.json"), """
            { "WorkflowName": "approval", "Rules": [ { "RuleName": "x", "Expression": "remedy.Amount >", "Properties": { "steps": "general-manager" } } ] }
            """);

        var problem = FluentActions.Invoking(() => PolicyPacks.LoadBuiltIn("generic", overrides))
            .Should().Throw<PolicyPackException>().Which.Problems.Should().ContainSingle().Which;

        problem.Pack.Should().Contain("override");
        problem.Rule.Should().Be("x");
    }

    [Fact]
    public void LoadBuiltIn_UnknownId_ListsTheBuiltInPacks()
    {
        var act = () => PolicyPacks.LoadBuiltIn("bank");

        act.Should().Throw<ArgumentException>().WithMessage("*no built-in pack 'bank'*generic*");
    }

    [Fact]
    public void LoadFolder_Missing_SaysWhatToGive()
    {
        var act = () => PolicyPacks.LoadFolder(Path.Combine(_root, "nope"));

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*pack.json*");
    }

    private string CopyOfGeneric() => CopyOf("generic", Folder("generic-copy"));

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
}
