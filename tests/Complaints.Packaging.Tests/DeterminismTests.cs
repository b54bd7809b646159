using System.Security.Cryptography;
using Complaints.Packaging.Tests.Support;

namespace Complaints.Packaging.Tests;

/// <summary>Packing is deterministic: a library compiled again from the same commit packs to the same bytes.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task Rebuild_OfALibrary_PacksIdenticalContent()
    {
        var packed = await PackedLibraries.GetAsync();
        const string id = "Complaints.Abstractions";
        var project = Path.Combine("src", id, id + ".csproj");
        var again = Path.Combine(packed.WorkFolder, "again");

        var rebuild = await Dotnet.RunAsync(Repository.Root, ["build", project, "-c", "Release", "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:ContinuousIntegrationBuild=true"]);
        rebuild.ExitCode.Should().Be(0, rebuild.Describe());
        var pack = await Dotnet.RunAsync(Repository.Root, ["pack", project, "-c", "Release", "--no-build", "--disable-build-servers", "-nodeReuse:false", $"-p:PackageOutputPath={again}{Path.DirectorySeparatorChar}", "-p:ContinuousIntegrationBuild=true"]);
        pack.ExitCode.Should().Be(0, pack.Describe());

        // The assembly carries its PDB, so the DLL's bytes compare the PDB too.
        var first = PackageFile.Read(Path.Combine(packed.PackageFolder, $"{id}.{Repository.Version}.nupkg"));
        var second = PackageFile.Read(Path.Combine(again, $"{id}.{Repository.Version}.nupkg"));
        second.Entries.Should().BeEquivalentTo(first.Entries);
        foreach (var entry in first.Entries.Where(IsContent))
        {
            if (IsText(entry))
            {
                second.Text(entry).Should().Be(first.Text(entry), $"{entry} is the same after a rebuild");
            }
            else
            {
                Sha256(second.Bytes(entry)).Should().Be(Sha256(first.Bytes(entry)), $"{entry} is the same after a rebuild");
            }
        }
    }

    private static bool IsText(string entry) =>
        entry is "LICENSE" || new[] { ".nuspec", ".md", ".txt", ".xml" }.Any(e => entry.EndsWith(e, StringComparison.Ordinal));

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    // OPC bookkeeping NuGet writes with a fresh id each pack; everything else is the package's content.
    private static bool IsContent(string entry) =>
        !entry.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && entry != "_rels/.rels";
}
