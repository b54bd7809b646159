using Complaints.Benchmarks.Data;
using Complaints.Policy;
using Complaints.Testing;
using Microsoft.Extensions.FileProviders;

namespace Complaints.Rules.Tests.Loading;

/// <summary>
/// Packs read from an <see cref="IFileProvider"/> (<see cref="PolicyPacks.LoadFiles"/>): the packs embedded in this
/// test assembly (<c>GenerateEmbeddedFilesManifest</c>, read with <see cref="ManifestEmbeddedFileProvider"/>) and a
/// folder on disk through <see cref="PhysicalFileProvider"/> load and decide exactly as the same files do from
/// Complaints.Rules or from disk; overrides may come from a provider too; a missing folder or file is named.
/// </summary>
public sealed class PackFileProviderTests : IDisposable
{
    /// <summary>This assembly's embedded files: <c>BuiltIn/&lt;id&gt;/</c> (copies of the built-in packs) and <c>Loading/EmbeddedPacks/</c>.</summary>
    public static readonly IFileProvider Embedded = new ManifestEmbeddedFileProvider(typeof(PackFileProviderTests).Assembly);

    private readonly string _root = Directory.CreateTempSubdirectory("complaints-provider-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> BuiltInPacks => new(PolicyPacks.BuiltIn);

    [Theory]
    [MemberData(nameof(BuiltInPacks))]
    public void LoadFiles_EachBuiltInPackEmbeddedInAHost_IsTheSamePack_AndDecidesAlike(string id)
    {
        var builtIn = PolicyPacks.LoadBuiltIn(id);

        var provided = PolicyPacks.LoadFiles(Embedded, $"BuiltIn/{id}");

        provided.Identity.Should().Be(builtIn.Identity);
        provided.Source!.Manifest.Should().Be(builtIn.Source!.Manifest);
        provided.Source.Decisions.Should().BeEquivalentTo(builtIn.Source.Decisions);
        DecisionsOf(provided, seed: id.Length).Should().Equal(DecisionsOf(builtIn, seed: id.Length));
    }

    [Fact]
    public void LoadFiles_FolderOnDiskThroughAPhysicalFileProvider_DecidesAsLoadFolder()
    {
        var folder = PackFolders.CopyOf("hospital", Directory.CreateDirectory(Path.Combine(_root, "packs", "ours")).FullName);
        PackFolders.EditRule(folder, "severity.json", "large-claim-is-serious", rule => rule["Expression"] = "complaint.ClaimAmount > pack.Setting(\"seriousClaim\") / 20");
        var fromDisk = PolicyPacks.LoadFolder(folder);

        using var files = new PhysicalFileProvider(_root);
        var provided = PolicyPacks.LoadFiles(files, "packs/ours");

        provided.Identity.Should().Be(fromDisk.Identity);
        DecisionsOf(provided, seed: 3).Should().Equal(DecisionsOf(fromDisk, seed: 3));
        DecisionsOf(provided, seed: 3).Should().NotEqual(DecisionsOf(PolicyPacks.LoadBuiltIn("hospital"), seed: 3), "the edited rule is what was read");
    }

    [Fact]
    public void LoadFiles_AHostsOwnPackEmbeddedInItsAssembly_ExtendsTheBuiltInPack()
    {
        var pack = PolicyPacks.LoadFiles(Embedded, "Loading/EmbeddedPacks/city-hospital");

        pack.Identity.Should().Be(new PolicyRef("city-hospital", $"1.0.0+hospital.{PolicyPacks.LoadBuiltIn("hospital").Identity.Version}"));
        pack.SetDeadlines(A.Complaint().Build()).Deadlines.Should().Contain(d => d.Kind == DeadlineKind.Resolve && d.Amount == 5, "the embedded pack.json's setting");
    }

    [Fact]
    public void LoadFiles_ThePacksDirectoryIsTheProvidersRoot_LoadsFromTheRoot()
    {
        var rooted = new ManifestEmbeddedFileProvider(typeof(PackFileProviderTests).Assembly, "Loading/EmbeddedPacks/city-hospital");

        PolicyPacks.LoadFiles(rooted, "").Identity.Should().Be(PolicyPacks.LoadFiles(Embedded, "Loading/EmbeddedPacks/city-hospital").Identity);
    }

    [Fact]
    public void LoadBuiltIn_OverrideFromAProvider_IsTheSameOverrideAsFromDisk()
    {
        var onDisk = Directory.CreateDirectory(Path.Combine(_root, "site-a")).FullName;
        using (var embedded = Embedded.GetFileInfo("Loading/EmbeddedPacks/overrides/site-a/pack.json").CreateReadStream())
        using (var copy = File.Create(Path.Combine(onDisk, "pack.json")))
        {
            embedded.CopyTo(copy);
        }

        var provided = PolicyPacks.LoadBuiltIn("hospital", "Loading/EmbeddedPacks/overrides/site-a", Embedded);

        provided.Identity.Should().Be(PolicyPacks.LoadBuiltIn("hospital", onDisk).Identity, "the +custom.<hash> version is a hash of the override's files, wherever they are read from");
        provided.Identity.Version.Should().Contain("+custom.");
        provided.Classify(A.Complaint().Claiming(3000).Build()).Tier.Should().Be(Severity.Serious, "the override lowers seriousClaim to 2000");
        PolicyPacks.LoadBuiltIn("hospital").Classify(A.Complaint().Claiming(3000).Build()).Tier.Should().NotBe(Severity.Serious);
    }

    [Fact]
    public void LoadFiles_OverrideFromAnotherProvidersRoot_AppliesIt()
    {
        var overrides = new ManifestEmbeddedFileProvider(typeof(PackFileProviderTests).Assembly, "Loading/EmbeddedPacks/overrides/site-a");

        var pack = PolicyPacks.LoadFiles(Embedded, "BuiltIn/hospital", overrideFolder: null, overrideFiles: overrides);

        pack.Manifest.Settings["seriousClaim"].Should().Be(2000);
    }

    [Fact]
    public void LoadFiles_MissingFolder_NamesThePathTheProviderAndTheNearestFolder()
    {
        var act = () => PolicyPacks.LoadFiles(Embedded, "Loading/EmbeddedPacks/city-hospitl");

        act.Should().Throw<DirectoryNotFoundException>()
            .WithMessage("The pack folder 'Loading/EmbeddedPacks/city-hospitl' does not exist in the file provider (ManifestEmbeddedFileProvider) (did you mean 'city-hospital'?); 'Loading/EmbeddedPacks' holds city-hospital, overrides.*EmbeddedResource*");
    }

    [Fact]
    public void LoadBuiltIn_MissingOverrideFolderInAProvider_NamesIt()
    {
        var act = () => PolicyPacks.LoadBuiltIn("hospital", "Loading/EmbeddedPacks/overrides/site-b", Embedded);

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*'Loading/EmbeddedPacks/overrides/site-b'*(did you mean 'site-a'?)*");
    }

    [Fact]
    public void LoadFiles_FolderWithoutPackJson_IsAProblemNamingTheFolder()
    {
        var act = () => PolicyPacks.LoadFiles(Embedded, "Loading/EmbeddedPacks/overrides");

        act.Should().Throw<PolicyPackException>().Which.Problems
            .Should().Contain(p => p.Pack == "Loading/EmbeddedPacks/overrides" && p.File == "pack.json" && p.Reason.StartsWith("is missing", StringComparison.Ordinal));
    }

    /// <summary>What a pack decides for seeded random complaints, as comparable text: tier and category, routing, deadlines, approval steps and the rules that matched.</summary>
    private static List<string> DecisionsOf(PolicyPack pack, int seed)
    {
        var generator = new ComplaintGenerator(seed, [PolicyPacks.LoadBuiltIn("generic")]);
        var decisions = new List<string>();
        for (var n = 0; n < 200; n++)
        {
            var received = generator.NextReceived();
            var severity = pack.Classify(received);
            var routed = received with { Category = severity.Category, Severity = severity.Tier };
            var routing = pack.Route(routed);
            var deadlines = pack.SetDeadlines(routed with { Department = routing.Department, ResponsibleRole = routing.Role });
            var approval = pack.RequireApproval(generator.Later(received), generator.Remedy());
            decisions.Add(string.Join(
                " | ",
                pack.DecideAdmissibility(received).Outcome,
                $"{severity.Category} {severity.Tier} [{string.Join(", ", severity.Explanation.MatchedRules)}]",
                $"{routing.Department} {routing.Role}",
                string.Join(", ", deadlines.Deadlines),
                string.Join(", ", approval.Steps)));
        }

        return decisions;
    }
}
