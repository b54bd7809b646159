using Complaints.Docs.Tests.Support;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Rules.NRules;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>
/// docs/packs.md ("Packs from an IFileProvider"): packs shipped inside this assembly (EmbeddedPacks.props) and read
/// with ManifestEmbeddedFileProvider; docs/nrules.md ("From configuration"): the rules' identity and settings from appsettings.json.
/// </summary>
public sealed class PackFilesSnippets
{
    [Fact]
    public void Packs_load_from_the_hosts_embedded_resources()
    {
        #region load-pack-files
        var embedded = new ManifestEmbeddedFileProvider(typeof(PackFilesSnippets).Assembly);    // the host's own assembly
        var mine = PolicyPacks.LoadFiles(embedded, "packs/my-pack");                             // a directory of the provider
        var tuned = PolicyPacks.LoadBuiltIn("hospital", "packs/hospital-override", overrideFiles: embedded);
        #endregion

        var packs = Path.Combine(AppContext.BaseDirectory, "packs");
        mine.Identity.Should().Be(PolicyPacks.LoadFolder(Path.Combine(packs, "my-pack")).Identity);
        tuned.Identity.Should().Be(PolicyPacks.LoadBuiltIn("hospital", Path.Combine(packs, "hospital-override")).Identity, "the same override, embedded or on disk");
        tuned.Facts.Limit("handler").Should().Be(2000);
        FluentActions.Invoking(() => PolicyPacks.LoadFiles(embedded, "packs/my-pak")).Should().Throw<DirectoryNotFoundException>()
            .WithMessage("The pack folder 'packs/my-pak' does not exist in the file provider (ManifestEmbeddedFileProvider) (did you mean 'my-pack'?); 'packs' holds hospital-override, my-pack.*");
    }

    [Fact]
    public async Task The_workflow_decides_with_an_embedded_pack()
    {
        var services = new ServiceCollection();
        #region use-pack-files
        services.AddComplaints()
            .UsePackFiles(new ManifestEmbeddedFileProvider(typeof(PackFilesSnippets).Assembly), "packs/my-pack");
        // an override folder on disk as the third argument; one in a provider with overrideFiles: provider
        #endregion
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyCatalog>().Current.Identity.Should().Be(new PolicyRef("bike-shop", "1.0.0"));
    }

    [Fact]
    public void NRules_identity_and_settings_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoRoot.TestProject, "ops", "appsettings.nrules.json")).Build();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        #region nrules-from-configuration
        services.AddComplaints()
            .UseNRules(configuration.GetSection("Complaints:NRules"),         // Id, Version, CalendarName, Culture, Settings
                o => o.Rules(typeof(RefundAbove5000NeedsFinanceDirector)));   // the rules stay code
        #endregion
        using var provider = services.BuildServiceProvider();

        var policy = provider.GetRequiredService<PolicyCatalog>().Current.Should().BeOfType<NRulesPolicy>().Which;
        policy.Identity.Should().Be(new PolicyRef("dealer-rules", "1.2.0"));
        policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 8000)).Should().RequireApprovalSteps("finance-director");
        policy.Settings.Limit("manager").Should().Be(5000);
    }
}
