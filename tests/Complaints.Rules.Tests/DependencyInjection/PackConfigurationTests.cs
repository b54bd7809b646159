using Complaints.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Rules.Tests.DependencyInjection;

/// <summary>The pack comes from appsettings.json: a built-in pack by name, or a folder.</summary>
public sealed class PackConfigurationTests
{
    [Fact]
    public void UsePack_FromConfiguration_LoadsTheNamedBuiltInPack()
    {
        using var provider = Host(new() { ["Complaints:Pack:Name"] = "hospital" });

        provider.GetRequiredService<PolicyCatalog>().DefaultPack.Should().Be("hospital");
    }

    [Fact]
    public void UsePack_NeitherNameNorFolder_FailsNamingTheKeys()
    {
        var act = () => Host(new() { ["Complaints:Pack:Overrides"] = "overrides" });

        act.Should().Throw<InvalidOperationException>().WithMessage("*'Complaints:Pack:Name'*'Complaints:Pack:Folder'*");
    }

    [Fact]
    public void UsePack_BothNameAndFolder_FailsSayingToSetOne()
    {
        var act = () => Host(new() { ["Complaints:Pack:Name"] = "generic", ["Complaints:Pack:Folder"] = "packs/ours" });

        act.Should().Throw<InvalidOperationException>().WithMessage("Both 'Complaints:Pack:Name' ('generic') and 'Complaints:Pack:Folder' ('packs/ours') are set; set one*");
    }

    private static ServiceProvider Host(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddComplaints(configuration.GetSection("Complaints")).UsePack(configuration.GetSection("Complaints:Pack"));
        return services.BuildServiceProvider();
    }
}
