using System.Text.Json;
using Complaints.Rules.Loading;

namespace Complaints.Rules.Tests.Loading;

/// <summary>
/// pack.json is read through generated metadata, which sets an init-only property the file leaves out to its type's
/// default instead of its initializer. Every field a pack may leave out must still read as its documented default.
/// </summary>
public sealed class PackManifestJsonTests
{
    [Fact]
    public void AManifestThatLeavesEveryFieldOut_ReadsAsTheDefaults()
    {
        var read = JsonSerializer.Deserialize("{}", PackJson.Manifest.GetTypeInfo(typeof(PackManifest)))!;

        read.Should().BeEquivalentTo(new PackManifest(), "every field left out of pack.json keeps its default (\"handler\", \"general\", empty lists), never null");
        ((PackManifest)read).DefaultHandlerRole.Should().Be("handler");
        ((PackManifest)read).Culture.Should().BeEmpty();
    }

    [Fact]
    public void AFieldGivenAsNull_ReadsAsItsDefault()
    {
        var read = (PackManifest)JsonSerializer.Deserialize("""{ "culture": null, "roles": null, "defaultTier": null }""", PackJson.Manifest.GetTypeInfo(typeof(PackManifest)))!;

        read.Culture.Should().BeEmpty();
        read.Roles.Should().NotBeNull().And.BeEmpty();
        read.DefaultTier.Should().Be("general");
    }
}
