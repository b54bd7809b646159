using System.Xml.Linq;
using Complaints.Packaging.Tests.Support;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Complaints.Packaging.Tests;

/// <summary>
/// What `dotnet pack` makes of each library in src/: a .nupkg with README, licence, XML docs, repository metadata and
/// dependencies at the central versions, and an assembly whose embedded PDB carries SourceLink to the canonical repository.
/// </summary>
public sealed class PackageContentTests
{
    public static TheoryData<string> Libraries => [.. Repository.Libraries];

    [Fact]
    public async Task Pack_MakesOnePackagePerLibrary_AtTheVersionOfDirectoryBuildProps()
    {
        var packed = await PackedLibraries.GetAsync();

        var expected = Repository.Libraries.Select(id => $"{id}.{Repository.Version}.nupkg");
        Directory.GetFiles(packed.PackageFolder).Select(Path.GetFileName).Should().BeEquivalentTo(expected, "the PDB is in the assembly, so there is no .snupkg; " + packed.Pack.Describe());
        Repository.Libraries.Should().HaveCount(8).And.Contain(["Complaints.Abstractions", "Complaints.AspNetCore", "Complaints.Workflow", "Complaints.Rules", "Complaints.Rules.NRules", "Complaints.Storage.Sqlite", "Complaints.Storage.PostgreSql", "Complaints.Testing"]);
        Repository.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", "the version is SemVer 2");
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nuspec_HasTheMetadataNuGetOrgShows(string id)
    {
        var package = PackageFile.Read((await PackedLibraries.GetAsync()).Package(id));
        var commit = (await PackedLibraries.GetAsync()).Commit;

        package.Metadata("id")!.Value.Should().Be(id);
        package.Metadata("version")!.Value.Should().Be(Repository.Version);
        package.Metadata("authors")!.Value.Should().Be("The Complaints authors");
        package.Metadata("copyright")!.Value.Should().Contain("The Complaints authors");
        package.Metadata("license")!.Should().Match<XElement>(l => (string?)l.Attribute("type") == "expression" && l.Value == "MIT");
        package.Metadata("projectUrl")!.Value.Should().Be(Repository.Url);
        package.Metadata("readme")!.Value.Should().Be("README.md");
        package.Metadata("tags")!.Value.Split(' ').Should().Contain("complaints");
        package.Metadata("description")!.Value.Length.Should().BeGreaterThan(80, "each package says what it holds");
        package.Metadata("description")!.Value.Should().NotBe("Package Description");

        var repository = package.Metadata("repository")!;
        ((string?)repository.Attribute("type")).Should().Be("git");
        ((string?)repository.Attribute("url")).Should().Be(Repository.Url, "the canonical URL, whatever the clone's remote is");
        ((string?)repository.Attribute("commit")).Should().Be(commit);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Package_HoldsTheAssemblyItsXmlDocsReadmeAndLicence(string id)
    {
        var package = PackageFile.Read((await PackedLibraries.GetAsync()).Package(id));

        var content = package.Entries.Where(e => !e.StartsWith("_rels/", StringComparison.Ordinal) && !e.StartsWith("package/", StringComparison.Ordinal)
            && e is not "[Content_Types].xml" && !e.EndsWith(".nuspec", StringComparison.Ordinal));
        var expected = new List<string> { "README.md", "LICENSE", $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml" };
        if (id == "Complaints.Workflow")
        {
            expected.AddRange(["THIRD-PARTY-NOTICES.txt", "data/holiday-cn/LICENSE.txt", "data/holiday-cn/README.md"]);
        }

        content.Should().BeEquivalentTo(expected, "no .pdb file (the PDB is embedded in the assembly), no stray files");
        package.Text("README.md").Should().StartWith($"# {id}\n").And.Contain("dotnet add package").And.Contain("```csharp");
        package.Text("LICENSE").Should().StartWith("MIT License").And.Contain("Copyright (c) The Complaints authors");

        var docs = XDocument.Parse(package.Text($"lib/net10.0/{id}.xml"));
        docs.Root!.Element("assembly")!.Element("name")!.Value.Should().Be(id);
        docs.Root.Element("members")!.Elements("member").Should().HaveCountGreaterThan(10);
    }

    [Fact]
    public async Task Workflow_CarriesTheHolidayDataNotice()
    {
        var package = PackageFile.Read((await PackedLibraries.GetAsync()).Package("Complaints.Workflow"));

        package.Text("THIRD-PARTY-NOTICES.txt").Should().Contain("holiday-cn").And.Contain("Copyright (c) 2019 NateScarlet").And.Contain("Permission is hereby granted");
        package.Text("data/holiday-cn/LICENSE.txt").Should().Contain("Copyright (c) 2019 NateScarlet");
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Dependencies_AreThePinnedVersions_AndBuildOnlyPackagesStayOut(string id)
    {
        var package = PackageFile.Read((await PackedLibraries.GetAsync()).Package(id));
        var csproj = XDocument.Load(Path.Combine(Repository.Root, "src", id, id + ".csproj"));
        var references = csproj.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!)
            .Concat(csproj.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/'))));

        var dependencies = package.Dependencies;
        foreach (var reference in references)
        {
            dependencies.Keys.Should().Contain(reference, "every reference of the project is a dependency of the package");
        }

        dependencies.Keys.Should().NotContain(["Microsoft.CodeAnalysis.BannedApiAnalyzers", "Microsoft.CodeAnalysis.PublicApiAnalyzers"]);
        foreach (var (dependency, version) in dependencies)
        {
            var expected = dependency.StartsWith("Complaints.", StringComparison.Ordinal) ? Repository.Version : Repository.CentralVersions.GetValueOrDefault(dependency);
            version.Should().Be(expected, $"{dependency} is pinned in Directory.Packages.props (or is a sibling package)");
        }
    }

    [Theory]
    [InlineData("Complaints.Abstractions")]
    [InlineData("Complaints.Workflow")]
    [InlineData("Complaints.Storage.Sqlite")]
    [InlineData("Complaints.Storage.PostgreSql")]
    [InlineData("Complaints.AspNetCore")]
    public async Task WorkflowAndStores_DoNotDependOnThePolicyPacks(string id)
    {
        // A host with its own policy installs the workflow and a store without RulesEngine and its expression libraries.
        var package = PackageFile.Read((await PackedLibraries.GetAsync()).Package(id));

        package.Dependencies.Keys.Should().NotContain(["Complaints.Rules", "RulesEngine"]);
    }

    [Fact]
    public async Task AspNetCore_DependsOnWorkflowAndTheSharedFrameworkOnly()
    {
        var package = PackageFile.Read((await PackedLibraries.GetAsync()).Package("Complaints.AspNetCore"));

        var workflow = PackageFile.Read((await PackedLibraries.GetAsync()).Package("Complaints.Workflow"));

        package.Dependencies.Keys.Should().Contain("Complaints.Workflow")
            .And.NotContain(d => d.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), "ASP.NET Core comes from the shared framework, not from packages");
        package.Dependencies.Keys.Except(["Complaints.Workflow"]).Should().BeSubsetOf(workflow.Dependencies.Keys, "the rest is the workflow's, pinned transitively");
        package.Metadata("frameworkReferences")!.Descendants().Where(e => e.Name.LocalName == "frameworkReference")
            .Select(e => (string?)e.Attribute("name")).Should().Equal("Microsoft.AspNetCore.App");
    }

    [Theory]
    [InlineData("Complaints.Abstractions")]
    [InlineData("Complaints.Workflow")]
    [InlineData("Complaints.Rules")]
    [InlineData("Complaints.Storage.Sqlite")]
    [InlineData("Complaints.Storage.PostgreSql")]
    [InlineData("Complaints.Testing")]
    [InlineData("Complaints.AspNetCore")]
    public async Task OnlyComplaintsRulesNRules_DependsOnNRules(string id)
    {
        // A host that does not write C# rules does not install NRules.
        var package = PackageFile.Read((await PackedLibraries.GetAsync()).Package(id));

        package.Dependencies.Keys.Should().NotContain(["Complaints.Rules.NRules", "NRules", "NRules.Runtime"]);
        PackageFile.Read((await PackedLibraries.GetAsync()).Package("Complaints.Rules.NRules")).Dependencies.Keys.Should().Contain("NRules");
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Assembly_EmbedsItsPdb_WithSourceLinkPointingAtTheRepositoryAtThisCommit(string id)
    {
        var packed = await PackedLibraries.GetAsync();
        var package = PackageFile.Read(packed.Package(id));

        var pdb = PdbSources.ReadEmbedded(package.Bytes($"lib/net10.0/{id}.dll"));

        pdb.AssemblyPdbGuid.Should().Be(pdb.PdbGuid, "the embedded PDB is the one built with the assembly");
        pdb.AssemblyPdbPath.Should().Be($"{id}.pdb", "an embedded PDB is named by its file name only: no local path is in the assembly");
        pdb.SourceLink.Should().Equal(new Dictionary<string, string>
        {
            ["/_/*"] = $"https://raw.githubusercontent.com/complaints-dotnet/complaints/{packed.Commit}/*",
        });
        pdb.Documents.Should().NotBeEmpty().And.OnlyContain(d => d.StartsWith("/_/", StringComparison.Ordinal));
        pdb.Documents.Should().Contain(d => d.StartsWith($"/_/src/{id}/", StringComparison.Ordinal) && !d.Contains("/obj/", StringComparison.Ordinal), "the project's own sources are in the PDB under the mapped root");

        // Generated sources (obj/) are not in git, so SourceLink cannot serve them: they are embedded in the PDB.
        var generated = pdb.Documents.Where(d => d.Contains("/obj/", StringComparison.Ordinal)).ToArray();
        generated.Should().NotBeEmpty();
        pdb.EmbeddedDocuments.Should().Contain(generated);
    }
}
