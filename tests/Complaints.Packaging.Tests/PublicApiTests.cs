using System.Xml.Linq;
using Complaints.Packaging.Tests.Support;

namespace Complaints.Packaging.Tests;

/// <summary>Every package declares its public API (Microsoft.CodeAnalysis.PublicApiAnalyzers), so no change to it goes unnoticed.</summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Libraries() => [.. Repository.Libraries];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_HasItsPublicApiBaselines_WithNullableAnnotations(string id)
    {
        foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            var path = Path.Combine(Repository.Root, "src", id, file);
            File.Exists(path).Should().BeTrue($"{id} declares its public API in {file} (run eng/public-api after a deliberate change)");
            File.ReadLines(path).First().Should().Be("#nullable enable", "the baselines record nullable annotations");
        }

        File.ReadAllLines(Path.Combine(Repository.Root, "src", id, "PublicAPI.Unshipped.txt")).Skip(1)
            .Should().OnlyHaveUniqueItems().And.NotContain(string.Empty);
    }

    [Fact]
    public void EveryLibrary_BuildsWithThePublicApiAnalyzer()
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props"));

        props.Descendants("PackageReference").Select(r => (string?)r.Attribute("Include"))
            .Should().Contain("Microsoft.CodeAnalysis.PublicApiAnalyzers", "the analyzer fails the build on an undeclared public API change");
        Repository.CentralVersions.Should().ContainKey("Microsoft.CodeAnalysis.PublicApiAnalyzers");
    }
}
