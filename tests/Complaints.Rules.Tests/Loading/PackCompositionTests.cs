using System.Text.Json;
using Complaints.Benchmarks.Data;
using Complaints.Policy;
using Complaints.Rules.Facts;
using Complaints.Testing;
using static Complaints.Rules.Tests.Loading.PackFolders;

namespace Complaints.Rules.Tests.Loading;

/// <summary>
/// A pack that <c>extends</c> a built-in pack changes one thing at a time: its <c>pack.json</c> holds only what
/// changes (a name it does not know is an error unless marked <c>+new</c>), its decision files may be patches by rule
/// name, and every mistake is a load error naming the nearest existing name.
/// </summary>
public sealed class PackCompositionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-compose-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    private string Extension(string manifest, params (string File, string Text)[] files)
    {
        var folder = Folder("ext-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(Path.Combine(folder, "pack.json"), manifest);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }

    private static IReadOnlyList<PackProblem> Problems(Func<PolicyPack> load) =>
        FluentActions.Invoking(load).Should().Throw<PolicyPackException>().Which.Problems;

    private const string Parking = """{ "id": "my-hospital", "version": "1.2.0", "extends": "hospital@1", "categories": [ "+parking" ], "settings": { "generalSettleWorkingDays": 5 } }""";

    private const string ParkingSeverity = """
        { "WorkflowName": "severity", "Patch": [
          { "Add": { "RuleName": "category-parking", "Expression": "complaint.IntakeCategory == \"\" && Text.ContainsAny(complaint.Description, \"parking|停车\")", "Properties": { "category": "parking" } }, "Before": "category-facilities" },
          { "Remove": "repeated-complaint-is-serious" }
        ] }
        """;

    private const string ParkingRouting = """
        { "WorkflowName": "routing", "Patch": [
          { "Add": { "RuleName": "parking-to-general-services", "Expression": "complaint.Category == \"parking\"", "Properties": { "department": "logistics", "role": "handler" } }, "After": "facilities-to-general-services" }
        ] }
        """;

    // ---- extending ----------------------------------------------------------------------------------------------

    [Fact]
    public void Extension_AddsACategoryWithItsRulesChangesASettingAndRemovesARule_WithoutRestatingTheRest()
    {
        var folder = Extension(Parking, ("severity.json", ParkingSeverity), ("routing.json", ParkingRouting));

        var pack = PolicyPacks.LoadFolder(folder);
        var parking = A.Complaint().Described("Nobody told us the parking garage closes at nine.").Build();

        var severity = pack.Classify(parking);
        severity.Category.Should().Be("parking");
        pack.Route(parking with { Category = "parking" }).Department.Value.Should().Be("logistics");
        pack.Route(parking with { Category = "parking" }).Explanation.MatchedRules.Should().Contain("parking-to-general-services");
        pack.Classify(A.Complaint().Described("The lift has been broken for a week now.").Build()).Category.Should().Be("facilities");
        pack.Manifest.Settings["generalSettleWorkingDays"].Should().Be(5);
        pack.Manifest.Categories.Should().EndWith("parking").And.Contain("medical-care");
        pack.Workflow(DecisionPoint.Severity).Rules.Select(r => r.RuleName).Should().NotContain("repeated-complaint-is-serious");
        var repeated = A.Complaint().Flagged(ComplaintFlags.Repeated).Build();
        pack.Classify(repeated).Tier.Should().Be(Severity.General);
        PolicyPacks.LoadBuiltIn("hospital").Classify(repeated).Tier.Should().Be(Severity.Serious);

        // Everything else is the base's, as it is today.
        var hospital = PolicyPacks.LoadBuiltIn("hospital");
        pack.SetDeadlines(A.Complaint().Build()).Deadlines.Select(d => d.Amount).Should().Contain(5);
        pack.Workflow(DecisionPoint.Approval).Rules.Select(Json).Should().Equal(hospital.Workflow(DecisionPoint.Approval).Rules.Select(Json));
        pack.Manifest.Roles.Should().Equal(hospital.Manifest.Roles);
    }

    [Fact]
    public void Extension_Identity_IsItsOwnIdAndVersionWithTheBaseVersionRecorded()
    {
        var pack = PolicyPacks.LoadFolder(Extension(Parking, ("severity.json", ParkingSeverity), ("routing.json", ParkingRouting)));

        pack.Identity.Should().Be(new PolicyRef("my-hospital", "1.2.0+hospital.1.0.0"));
        pack.Manifest.Extends.Should().Be("hospital@1.0.0");
        pack.Manifest.Name.Should().Be(PolicyPacks.LoadBuiltIn("hospital").Manifest.Name, "what the extension leaves out is the base's");
    }

    [Fact]
    public void Extension_PatchedWorkflows_AreOrdinaryRulesEngineWorkflows()
    {
        var pack = PolicyPacks.LoadFolder(Extension(Parking, ("severity.json", ParkingSeverity), ("routing.json", ParkingRouting)));

        var names = pack.Workflow(DecisionPoint.Severity).Rules.Select(r => r.RuleName).ToList();
        names.IndexOf("category-parking").Should().Be(names.IndexOf("category-facilities") - 1);
        var routing = pack.Workflow(DecisionPoint.Routing).Rules.Select(r => r.RuleName).ToList();
        routing.IndexOf("parking-to-general-services").Should().Be(routing.IndexOf("facilities-to-general-services") + 1);
        pack.Workflow(DecisionPoint.Routing).WorkflowName.Should().Be("routing");
    }

    public static TheoryData<string> BuiltIns => new(PolicyPacks.BuiltIn);

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Extension_WithNoChanges_HasTheBasesWorkflowsAndDecidesExactlyAsItsBase(string id)
    {
        var pack = PolicyPacks.LoadFolder(Extension($$"""{ "id": "our-{{id}}", "version": "1.0.0", "extends": "{{id}}@1" }"""));
        var builtIn = PolicyPacks.LoadBuiltIn(id);

        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            pack.Workflow(point).Rules.Select(Json).Should().Equal(builtIn.Workflow(point).Rules.Select(Json), $"{point} is the base's");
        }

        var generator = new ComplaintGenerator(seed: 11 + id.Length);
        for (var n = 0; n < 300; n++)
        {
            var received = generator.NextReceived();
            var later = generator.Later(received);
            var remedy = new RemedyFacts(generator.Remedy());
            foreach (var complaint in new[] { received, later })
            {
                foreach (var point in (DecisionPoint[])[DecisionPoint.Admissibility, DecisionPoint.Severity, DecisionPoint.Routing, DecisionPoint.Deadlines, DecisionPoint.Rewards, DecisionPoint.Guidance])
                {
                    pack.Evaluate(point, [new ComplaintFacts(complaint), pack.Facts]).Should()
                        .Equal(builtIn.Evaluate(point, [new ComplaintFacts(complaint), builtIn.Facts]), $"{point} for {complaint.Intake.Description}");
                }

                pack.Evaluate(DecisionPoint.Approval, [new ComplaintFacts(complaint), pack.Facts, remedy]).Should()
                    .Equal(builtIn.Evaluate(DecisionPoint.Approval, [new ComplaintFacts(complaint), builtIn.Facts, remedy]));
            }

            pack.Classify(received).Tier.Should().Be(builtIn.Classify(received).Tier);
            pack.AdviseHandling(later).Advice.Should().Equal(builtIn.AdviseHandling(later).Advice);
        }
    }

    [Fact]
    public void Freeze_WritesAPlainFolderPackOfTheSameVersionThatDecidesAsTheExtension()
    {
        var extension = PolicyPacks.LoadFolder(Extension(Parking, ("severity.json", ParkingSeverity), ("routing.json", ParkingRouting)));
        var frozenFolder = Path.Combine(_root, "frozen");

        PolicyPacks.Freeze(extension, frozenFolder);
        var frozen = PolicyPacks.LoadFolder(frozenFolder);

        File.ReadAllText(Path.Combine(frozenFolder, "pack.json")).Should().NotContain("\"extends\"", "a frozen pack no longer follows its base");
        File.ReadAllText(Path.Combine(frozenFolder, "guidance.json")).Should().NotContain("\"Include\"").And.Contain("courteous-demanding");
        frozen.Identity.Should().Be(extension.Identity, "the cases opened under the extension find their version in it");
        frozen.Manifest.Should().BeEquivalentTo(extension.Manifest, o => o.Excluding(m => m.Extends));
        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            frozen.Workflow(point).Rules.Select(Json).Should().Equal(extension.Workflow(point).Rules.Select(Json), $"{point} is the extension's as composed");
        }

        var generator = new ComplaintGenerator(seed: 5);
        for (var n = 0; n < 200; n++)
        {
            var complaint = generator.Later(generator.NextReceived());
            ((object)frozen.Classify(complaint)).Should().BeEquivalentTo(extension.Classify(complaint));
            ((object)frozen.Route(complaint)).Should().BeEquivalentTo(extension.Route(complaint));
            ((object)frozen.SetDeadlines(complaint)).Should().BeEquivalentTo(extension.SetDeadlines(complaint));
        }
    }

    [Fact]
    public void Freeze_OfAPackWithWordLists_SpellsThemOut()
    {
        var foodService = PolicyPacks.LoadBuiltIn("food-service");
        var folder = Path.Combine(_root, "frozen-food");

        PolicyPacks.Freeze(foodService, folder);

        File.ReadAllText(Path.Combine(folder, "severity.json")).Should().NotContain("{words:");
        PolicyPacks.LoadFolder(folder).Identity.Should().Be(foodService.Identity);
    }

    [Fact]
    public void Freeze_IntoAFolderThatHoldsFiles_IsRefusedAndWritesNothing()
    {
        var folder = Folder("occupied");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var act = () => PolicyPacks.Freeze(PolicyPacks.LoadBuiltIn("generic"), folder);

        act.Should().Throw<IOException>().WithMessage("*is not empty*");
        Directory.EnumerateFiles(folder).Should().ContainSingle();
    }

    [Fact]
    public void Extends_AnUnknownPack_NamesTheNearestBuiltIn()
    {
        var problems = Problems(() => PolicyPacks.LoadFolder(Extension("""{ "id": "x", "version": "1.0.0", "extends": "hospitl@1" }""")));

        problems.Should().ContainSingle().Which.Reason.Should().Contain("no built-in pack 'hospitl' (did you mean 'hospital'?)");
    }

    [Fact]
    public void Extends_AnotherMajorVersion_NamesTheBasesVersion()
    {
        var problems = Problems(() => PolicyPacks.LoadFolder(Extension("""{ "id": "x", "version": "1.0.0", "extends": "hospital@2" }""")));

        problems.Should().ContainSingle().Which.Reason.Should().Contain("the built-in hospital is version 1.0.0").And.Contain("\"hospital@1\"");
    }

    [Theory]
    [InlineData("\"hospital\"")]
    [InlineData("\"hospital@1.0\"")]
    [InlineData("1")]
    public void Extends_NotIdAtMajor_SaysHowToWriteIt(string extends)
    {
        var problems = Problems(() => PolicyPacks.LoadFolder(Extension($$"""{ "id": "x", "version": "1.0.0", "extends": {{extends}} }""")));

        problems.Should().ContainSingle().Which.Reason.Should().Contain("e.g. \"hospital@1\"");
    }

    [Fact]
    public void Extension_WithoutItsOwnIdOrVersion_IsAProblem()
    {
        var problems = Problems(() => PolicyPacks.LoadFolder(Extension("""{ "extends": "generic@1" }""")));

        problems.Select(p => p.Reason).Should().Contain(r => r.StartsWith("'id' is required in a pack that extends")).And.Contain(r => r.StartsWith("'version' is required in a pack that extends"));
    }

    // ---- patches ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("""{ "Remove": "fees-to-financ" }""", "Patch[0] (Remove) names rule 'fees-to-financ', which hospital's routing.json does not have (did you mean 'fees-to-finance'?)")]
    [InlineData("""{ "Replace": "fee-to-finance", "With": { "RuleName": "fees-to-finance", "Expression": "true", "Properties": { "department": "finance" } } }""", "Patch[0] (Replace) names rule 'fee-to-finance', which hospital's routing.json does not have (did you mean 'fees-to-finance'?)")]
    [InlineData("""{ "Add": { "RuleName": "x", "Expression": "true", "Properties": { "department": "finance" } }, "Before": "fees-to-finanse" }""", "Patch[0] (Before) names rule 'fees-to-finanse'")]
    [InlineData("""{ "Add": { "RuleName": "x", "Expression": "true", "Properties": { "department": "finance" } }, "After": "fees-to-finanse" }""", "Patch[0] (After) names rule 'fees-to-finanse'")]
    public void Patch_NamingARuleTheBaseDoesNotHave_NamesTheFileThePatchAndTheNearestRule(string patch, string reason)
    {
        var folder = Extension("""{ "id": "x", "version": "1.0.0", "extends": "hospital@1" }""", ("routing.json", $$"""{ "WorkflowName": "routing", "Patch": [ {{patch}} ] }"""));

        var problem = Problems(() => PolicyPacks.LoadFolder(folder)).Should().ContainSingle().Subject;

        problem.Pack.Should().Be(folder);
        problem.File.Should().Be("routing.json");
        problem.Reason.Should().Contain(reason);
    }

    [Fact]
    public void Patch_AddingARuleThatExists_IsAProblemSayingToReplaceIt()
    {
        var folder = Extension("""{ "id": "x", "version": "1.0.0", "extends": "hospital@1" }""",
            ("routing.json", """{ "WorkflowName": "routing", "Patch": [ { "Add": { "RuleName": "fees-to-finance", "Expression": "true", "Properties": { "department": "finance" } } } ] }"""));

        var problem = Problems(() => PolicyPacks.LoadFolder(folder)).Should().ContainSingle().Subject;

        problem.Rule.Should().Be("fees-to-finance");
        problem.Reason.Should().Contain("already has; use { \"Replace\": \"fees-to-finance\"");
    }

    [Fact]
    public void Patch_ReplaceKeepsTheRulesPlaceAndName_AndRenamingOntoAnotherRuleIsAProblem()
    {
        var replaced = Extension("""{ "id": "x", "version": "1.0.0", "extends": "hospital@1" }""",
            ("routing.json", """{ "WorkflowName": "routing", "Patch": [ { "Replace": "fees-to-finance", "With": { "Expression": "complaint.Category == \"billing\"", "Properties": { "department": "service-desk" } } } ] }"""));
        var pack = PolicyPacks.LoadFolder(replaced);
        var hospital = PolicyPacks.LoadBuiltIn("hospital");
        pack.Workflow(DecisionPoint.Routing).Rules.Select(r => r.RuleName).Should().Equal(hospital.Workflow(DecisionPoint.Routing).Rules.Select(r => r.RuleName));
        pack.Route(A.Complaint().Classified("billing", Severity.General).Build()).Department.Value.Should().Be("service-desk");

        var clash = Extension("""{ "id": "x", "version": "1.0.0", "extends": "hospital@1" }""",
            ("routing.json", """{ "WorkflowName": "routing", "Patch": [ { "Replace": "fees-to-finance", "With": { "RuleName": "facilities-to-general-services", "Expression": "true", "Properties": { "department": "finance" } } } ] }"""));
        Problems(() => PolicyPacks.LoadFolder(clash)).Should().ContainSingle().Which.Reason.Should().Contain("renames 'fees-to-finance' to 'facilities-to-general-services', which hospital's routing.json already has");
    }

    [Theory]
    [InlineData("""{ "Remvoe": "fees-to-finance" }""", "has 'Remvoe' (did you mean 'Remove'?)")]
    [InlineData("""{ "Remove": "fees-to-finance", "Replace": "fees-to-finance" }""", "has Replace and Remove of Add, Replace and Remove; give exactly one")]
    [InlineData("""{ "Replace": "fees-to-finance", "With": { "RuleName": "fees-to-finance", "Expression": "true", "Properties": { "department": "finance" } }, "After": "x" }""", "the rule keeps its place")]
    [InlineData("\"fees-to-finance\"", "Patch[0] is not an object")]
    public void Patch_OfTheWrongShape_SaysWhatAPatchIs(string patch, string reason)
    {
        var folder = Extension("""{ "id": "x", "version": "1.0.0", "extends": "hospital@1" }""", ("routing.json", $$"""{ "WorkflowName": "routing", "Patch": [ {{patch}} ] }"""));

        Problems(() => PolicyPacks.LoadFolder(folder)).Should().ContainSingle().Which.Reason.Should().Contain(reason);
    }

    [Fact]
    public void Patch_WithAnotherWorkflowName_IsAProblem()
    {
        var folder = Extension("""{ "id": "x", "version": "1.0.0", "extends": "hospital@1" }""", ("routing.json", """{ "WorkflowName": "severity", "Patch": [] }"""));

        Problems(() => PolicyPacks.LoadFolder(folder)).Should().ContainSingle().Which.Reason.Should().Contain("it must be 'routing'");
    }

    [Fact]
    public void PatchFile_InAPackThatExtendsNothing_SaysToExtendOrGiveTheWholeWorkflow()
    {
        var folder = CopyOf("generic", Folder("pack"));
        File.WriteAllText(Path.Combine(folder, "rewards.json"), """{ "WorkflowName": "rewards", "Patch": [ { "Remove": "x" } ] }""");

        var problems = LoadProblems(folder);

        problems.Should().Contain(p => p.File == "rewards.json" && p.Reason.StartsWith("is a patch file, but the pack extends no other pack"));
    }

    [Fact]
    public void Extension_WholeDecisionFile_ReplacesTheBases()
    {
        var folder = Extension("""{ "id": "x", "version": "1.0.0", "extends": "generic@1" }""", ("rewards.json", """{ "WorkflowName": "rewards", "Rules": [] }"""));

        PolicyPacks.LoadFolder(folder).Workflow(DecisionPoint.Rewards).Rules.Should().BeEmpty();
    }

    [Fact]
    public void Override_MayPatchTooAndKeepsThePacksId()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "routing.json"), """{ "WorkflowName": "routing", "Patch": [ { "Remove": "fees-to-finance" } ] }""");

        var pack = PolicyPacks.LoadBuiltIn("hospital", overrides);

        pack.Identity.Id.Should().Be("hospital");
        pack.Identity.Version.Should().StartWith("1.0.0+custom.");
        pack.Workflow(DecisionPoint.Routing).Rules.Select(r => r.RuleName).Should().NotContain("fees-to-finance");
    }

    [Fact]
    public void Override_OfAnExtension_AddsToItsVersion()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "settings": { "generalSettleWorkingDays": 4 } }""");

        var pack = PolicyPacks.LoadFolder(Extension(Parking, ("severity.json", ParkingSeverity), ("routing.json", ParkingRouting)), overrides);

        pack.Identity.Version.Should().MatchRegex(@"^1\.2\.0\+hospital\.1\.0\.0\.custom\.[0-9a-f]{8}$");
        pack.Manifest.Settings["generalSettleWorkingDays"].Should().Be(4);
    }

    [Fact]
    public void Override_OfAnExtension_WithItsOwnVersion_KeepsTheBasesVersionInIt()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "version": "2.0.0", "settings": { "generalSettleWorkingDays": 4 } }""");

        var pack = PolicyPacks.LoadFolder(Extension(Parking, ("severity.json", ParkingSeverity), ("routing.json", ParkingRouting)), overrides);

        pack.Identity.Should().Be(new PolicyRef("my-hospital", "2.0.0+hospital.1.0.0"), "a newer base under the same override must give another version");
    }

    [Fact]
    public void Extension_WhoseOwnVersionHasBuildMetadata_AppendsTheBasesToIt()
    {
        var pack = PolicyPacks.LoadFolder(Extension("""{ "id": "my-hospital", "version": "1.0.0+build5", "extends": "hospital@1" }"""));

        pack.Identity.Version.Should().Be("1.0.0+build5.hospital.1.0.0");
    }

    [Theory]
    [InlineData("""{ "id": "my-hospital" }""", "(override) sets 'id'")]
    [InlineData("""{ "extends": "generic@1" }""", "(override) sets 'extends'")]
    public void Override_SettingIdOrExtends_IsAProblem(string manifest, string reason)
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), manifest);

        var problem = Problems(() => PolicyPacks.LoadBuiltIn("hospital", overrides)).Should().ContainSingle().Subject;

        problem.Reason.Should().StartWith(reason).And.Contain("an override keeps the pack's id");
    }

    [Fact]
    public void Patch_AddingARuleNamedWithAPlus_IsAProblem()
    {
        var patch = """{ "WorkflowName": "severity", "Patch": [ { "Add": { "RuleName": "+parking", "Expression": "true", "Properties": { "category": "parking" } } } ] }""";

        var problem = Problems(() => PolicyPacks.LoadFolder(Extension(Parking, ("severity.json", patch)))).Should().ContainSingle().Subject;

        problem.Rule.Should().Be("+parking");
        problem.Reason.Should().Contain("rule names take no '+'").And.Contain("write 'parking'");
    }

    [Fact]
    public void Patch_AddingAnInclude_SaysIncludesGoInAWholeWorkflow()
    {
        var patch = """{ "WorkflowName": "guidance", "Patch": [ { "Add": { "Include": "shared/complainant-types" } } ] }""";

        var problem = Problems(() => PolicyPacks.LoadFolder(Extension(Parking, ("guidance.json", patch)))).Should().ContainSingle().Subject;

        problem.Reason.Should().Contain("is an include; a patch adds or replaces rules one at a time");
    }

    [Theory]
    [InlineData("""{ "id": "my-hospital", "version": "1.0.0", "extends": "hospital@1", "departments": [ { "id": "+Finance", "name": "Finance again" } ] }""", "'+Finance' adds a department that hospital already has ('finance')")]
    [InlineData("""{ "id": "my-hospital", "version": "1.0.0", "extends": "hospital@1", "categories": [ "+Billing" ] }""", "'+Billing' adds a category that hospital already has ('billing')")]
    public void Extension_AddingANameTheBaseHasInAnotherCase_IsAProblemNamingIt(string manifest, string reason)
    {
        Problems(() => PolicyPacks.LoadFolder(Extension(manifest))).Should().ContainSingle().Which.Reason.Should().Contain(reason);
    }

    [Fact]
    public void Extension_ChangingARoleNamedInAnotherCase_ChangesThatRole()
    {
        var pack = PolicyPacks.LoadFolder(Extension("""{ "id": "my-hospital", "version": "1.0.0", "extends": "hospital@1", "roles": [ { "id": "Handler", "approvalLimit": 2000 } ] }"""));

        pack.Manifest.Roles.Select(r => r.Id).Should().Equal(PolicyPacks.LoadBuiltIn("hospital").Manifest.Roles.Select(r => r.Id), "no role is added");
        pack.Facts.Limit("handler").Should().Be(2000);
    }

    // ---- strict pack.json layers --------------------------------------------------------------------------------

    [Fact]
    public void Override_MisspeltRoleWithALimit_IsAnErrorNotANewRoleAtTheTopOfTheLadder()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "roles": [ { "id": "handlr", "approvalLimit": 2000 } ] }""");

        var problem = Problems(() => PolicyPacks.LoadBuiltIn("hospital", overrides)).Should().ContainSingle().Subject;

        problem.File.Should().Be("pack.json");
        problem.Reason.Should().Be("(override) 'handlr' is not a role of hospital (did you mean 'handler'?). To add it, mark it as an addition: '+handlr'.");
    }

    [Fact]
    public void Override_RoleMarkedAsAnAddition_IsAddedAtTheTopOfTheLadder()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "roles": [ { "id": "+board", "name": "The board" } ] }""");

        var pack = PolicyPacks.LoadBuiltIn("hospital", overrides);

        pack.Manifest.Roles[^1].Should().Be(new PackRole("board", "The board"));
    }

    [Theory]
    [InlineData("""{ "roles": [ { "id": "mangaer", "approvalLimit": 5 } ] }""", "'mangaer' is not a role of hospital (did you mean 'manager'?). To add it, mark it as an addition: '+mangaer'.")]
    [InlineData("""{ "departments": [ { "id": "nursin", "name": "Nursing" } ] }""", "'nursin' is not a department of hospital (did you mean 'nursing'?)")]
    [InlineData("""{ "categories": [ "biling" ] }""", "'biling' is not a category of hospital (did you mean 'billing'?)")]
    [InlineData("""{ "settings": { "majorClain": 5 } }""", "'majorClain' is not a setting of hospital (did you mean 'majorClaim'?)")]
    [InlineData("""{ "attributes": [ { "id": "wards", "type": "text" } ] }""", "'wards' is not an attribute of hospital (did you mean 'ward'?)")]
    [InlineData("""{ "roles": [ { "id": "+handler" } ] }""", "'+handler' adds a role that hospital already has ('handler'); drop the '+' to change it.")]
    [InlineData("""{ "categories": [ "+billing" ] }""", "'+billing' adds a category that hospital already has")]
    [InlineData("""{ "roles": [ { "name": "no id" } ] }""", "'roles[0]' has no string \"id\"")]
    [InlineData("""{ "settings": [ 1 ] }""", "'settings' must be an object")]
    public void ExtensionAndOverride_MisspeltName_IsAnErrorNamingTheNearest(string change, string reason)
    {
        var manifest = """{ "id": "x", "version": "1.0.0", "extends": "hospital@1", """ + change.TrimStart('{');
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), change);

        Problems(() => PolicyPacks.LoadFolder(Extension(manifest))).Select(p => p.Reason).Should().Contain(r => r.Contains(reason));
        Problems(() => PolicyPacks.LoadBuiltIn("hospital", overrides)).Select(p => p.Reason).Should().Contain(r => r.StartsWith("(override) ") && r.Contains(reason));
    }

    [Fact]
    public void Override_MisspeltWordList_NamesTheNearestList()
    {
        var overrides = Folder("override");
        File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "words": { "spoilge": [ "sour" ] } }""");

        Problems(() => PolicyPacks.LoadBuiltIn("food-service", overrides)).Should().ContainSingle().Which.Reason.Should()
            .Be("(override) 'spoilge' is not a word list of food-service (did you mean 'spoilage'?). To add it, mark it as an addition: '+spoilge'.");
    }

    [Fact]
    public void Extension_AddsARoleDepartmentAttributeAndSetting_MarkedAsAdditions()
    {
        var manifest = """
            { "id": "x", "version": "1.0.0", "extends": "hospital@1",
              "roles": [ { "id": "handler", "approvalLimit": 1500 }, { "id": "+board", "name": "The board" } ],
              "departments": [ { "id": "+security", "name": "Security" } ],
              "attributes": [ { "id": "+parking-level", "type": "number" } ] }
            """;

        var pack = PolicyPacks.LoadFolder(Extension(manifest));

        pack.Facts.Limit("handler").Should().Be(1500);
        pack.Manifest.Roles.Select(r => r.Id).Should().EndWith("board");
        pack.Manifest.Departments.Should().Contain(new PackDepartment("security", "Security"));
        pack.IntakeSchema!.Find("parking-level")!.Type.Should().Be(IntakeAttributeType.Number);
    }

    // ---- word lists and shared rule files ----------------------------------------------------------------------

    [Fact]
    public void WordList_IsSpeltOutInTheExpression_SoRulesEngineSeesAPlainConstant()
    {
        var pack = PolicyPacks.LoadBuiltIn("food-service");

        var rule = pack.Workflow(DecisionPoint.Severity).Rules.Single(r => r.RuleName == "suspect-food-is-serious");
        rule.Expression.Should().NotContain("{words:").And.Contain("\"变质|异味|").And.Contain("|foreign object|insect\")");
        pack.Workflow(DecisionPoint.Guidance).Rules.Single(r => r.RuleName == "product-hold-for-abnormal-food").Expression.Should().Contain("|insect|食物中毒|腹泻|");
    }

    [Fact]
    public void WordList_ChangedByAnExtension_ChangesEveryRuleThatUsesIt()
    {
        var folder = Extension("""{ "id": "our-canteen", "version": "1.0.0", "extends": "food-service@1", "words": { "spoilage": [ "sour", "变质" ] } }""");

        var pack = PolicyPacks.LoadFolder(folder);

        pack.Classify(A.Complaint().Described("The milk in my coffee was sour.").Build()).Explanation.MatchedRules.Should().Contain("suspect-food-is-serious");
        pack.Classify(A.Complaint().Described("The chicken was rotten.").Build()).Explanation.MatchedRules.Should().NotContain("suspect-food-is-serious");
    }

    [Fact]
    public void WordList_UnknownName_NamesTheNearestList()
    {
        var folder = CopyOf("food-service", Folder("pack"));
        EditRule(folder, "severity.json", "suspect-food-is-serious", rule => rule["Expression"] = "Text.ContainsAny(complaint.Description, \"{words:spoilge}\")");

        var problem = LoadProblems(folder).Should().ContainSingle().Subject;

        problem.File.Should().Be("severity.json");
        problem.Rule.Should().Be("suspect-food-is-serious");
        problem.Reason.Should().Contain("'{words:spoilge}', which pack.json does not declare (did you mean 'spoilage'?)");
    }

    [Fact]
    public void WordList_NamedOutsideAString_IsAProblemSayingToPutItInOne()
    {
        var folder = CopyOf("food-service", Folder("pack"));
        EditRule(folder, "severity.json", "suspect-food-is-serious", rule => rule["Expression"] = "complaint.Category == {words:spoilage}");

        // (The expression's compiler then also fails on the unexpanded reference: both are reported.)
        LoadProblems(folder).Should().Contain(p => p.Rule == "suspect-food-is-serious" && p.Reason.Contains("names the word list '{words:spoilage}' outside a string"));
    }

    [Fact]
    public void WordList_IllnessWords_AreOneListForEveryRuleThatSearchesThem()
    {
        var pack = PolicyPacks.LoadBuiltIn("food-service");
        var illness = string.Join("|", pack.Manifest.Words["illness"]);

        pack.Workflow(DecisionPoint.Severity).Rules.Single(r => r.RuleName == "illness-or-health-risk-is-major").Expression.Should().Contain($"\"{illness}\"");
        foreach (var file in (string[])["severity.json", "guidance.json"])
        {
            PolicyPacks.ReadBuiltInFile("food-service", file).Should().NotContain("食物中毒", $"{file} names the list instead of restating its words");
        }
    }

    [Theory]
    [InlineData("""[ "a|b" ]""", "holds no '|'")]
    [InlineData("""[ "" ]""", "is not empty")]
    [InlineData("\"rotten\"", "must be an array")]
    public void WordList_BadWord_IsAProblem(string list, string reason)
    {
        var folder = CopyOf("food-service", Folder("pack"));
        EditFile(folder, "pack.json", manifest => manifest["words"]!["spoilage"] = System.Text.Json.Nodes.JsonNode.Parse(list));

        LoadProblems(folder).Should().Contain(p => p.File == "pack.json" && p.Reason.Contains(reason));
    }

    [Fact]
    public void Include_InAFolderPack_SplicesTheSharedRulesWhereItStands()
    {
        var folder = CopyOf("auto-dealership", Folder("pack"));

        var pack = PolicyPacks.LoadFolder(folder);

        var names = pack.Workflow(DecisionPoint.Guidance).Rules.Select(r => r.RuleName).ToList();
        names.Should().ContainInConsecutiveOrder("courteous-but-demanding", "domineering", "talkative", "obstinate", "tearful");
        names.Should().EndWith("tearful");
        File.ReadAllText(Path.Combine(folder, "guidance.json")).Should().Contain("\"Include\": \"shared/complainant-types\"");
    }

    [Fact]
    public void Include_OfAMissingSharedFile_NamesTheNearest()
    {
        var folder = CopyOf("generic", Folder("pack"));
        EditFile(folder, "guidance.json", w => w["Rules"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "Include": "shared/complainant-type" }""")));

        var problem = LoadProblems(folder).Should().ContainSingle().Subject;

        problem.File.Should().Be("guidance.json");
        problem.Reason.Should().Contain("includes 'shared/complainant-type', which is not a shared rule file (did you mean 'shared/complainant-types'?)");
    }

    [Fact]
    public void Include_BringingARuleTheWorkflowHas_IsAProblemNamingTheRule()
    {
        var folder = CopyOf("generic", Folder("pack"));
        EditRule(folder, "guidance.json", "venting", rule => rule["RuleName"] = "tearful");

        var problem = LoadProblems(folder).Should().ContainSingle().Subject;

        problem.Rule.Should().Be("tearful");
        problem.Reason.Should().Contain("defined by the workflow and by the shared file 'shared/complainant-types'");
    }

    [Fact]
    public void Include_OfTheSameFileTwice_SaysSo()
    {
        var folder = CopyOf("generic", Folder("pack"));
        EditFile(folder, "guidance.json", w => w["Rules"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "Include": "shared/complainant-types" }""")));

        LoadProblems(folder).Should().ContainSingle().Which.Reason.Should().Contain("includes 'shared/complainant-types' twice");
    }

    [Fact]
    public void Include_WithOtherFields_IsAProblem()
    {
        var folder = CopyOf("generic", Folder("pack"));
        EditFile(folder, "guidance.json", w => w["Rules"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "Include": "shared/complainant-types", "Before": "venting" }""")));

        LoadProblems(folder).Should().Contain(p => p.Reason.Contains("an include is { \"Include\": \"shared/<name>\" } and nothing else"));
    }

    [Fact]
    public void Shared_IsNotABuiltInPack()
    {
        PolicyPacks.BuiltIn.Should().NotContain("shared");
        FluentActions.Invoking(() => PolicyPacks.LoadBuiltIn("shared")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void SharedFile_ReadsAsWritten_ForTools()
    {
        PolicyPacks.ReadBuiltInFile("shared", "complainant-types.json").Should().Contain("\"RuleName\": \"tearful\"");
        FluentActions.Invoking(() => PolicyPacks.ReadBuiltInFile("shared", "complainant-type.json")).Should().Throw<ArgumentException>()
            .WithMessage("There is no shared rule file 'complainant-type.json'; there are complainant-types.json.*");
    }

    private static string Json(RulesEngine.Models.Rule rule) =>
        JsonSerializer.Serialize(new { rule.RuleName, rule.Expression, rule.Properties, rule.Enabled, rule.SuccessEvent, rule.ErrorMessage });
}
