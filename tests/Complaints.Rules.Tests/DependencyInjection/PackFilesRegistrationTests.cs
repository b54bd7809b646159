using Complaints.Commands;
using Complaints.Rules.Tests.Loading;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Rules.Tests.DependencyInjection;

/// <summary>
/// <c>UsePackFiles</c> (a pack in an <see cref="IFileProvider"/>, such as the host's embedded resources), and pack
/// folders on disk resolved against the host's content root, as configuration gives them.
/// </summary>
public sealed class PackFilesRegistrationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-content-root-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ServiceCollection Services() =>
        (ServiceCollection)new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));

    [Fact]
    public async Task UsePackFiles_APackEmbeddedInTheHost_DecidesCasesAndRecordsItsVersion()
    {
        var services = Services();
        services.AddComplaints().UsePackFiles(PackFileProviderTests.Embedded, "Loading/EmbeddedPacks/city-hospital");
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();

        var id = (await service.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake())).Complaint.Id;
        var triaged = await service.ExecuteAsync(id, A.Coordinator(), new Triage());

        triaged.Complaint.Policy.Id.Should().Be("city-hospital");
        triaged.Complaint.Policy.Version.Should().StartWith("1.0.0+hospital.");
    }

    [Fact]
    public void UsePackFiles_AFolderTheProviderDoesNotHave_StopsTheHostAtStart_NamingIt()
    {
        var services = Services();
        services.AddComplaints().UsePackFiles(PackFileProviderTests.Embedded, "Loading/EmbeddedPacks/city-hospitl");
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*cannot be loaded*'Loading/EmbeddedPacks/city-hospitl' does not exist in the file provider*did you mean 'city-hospital'*");
    }

    [Fact]
    public void UsePacks_AddFiles_RunsAnEmbeddedPackBesideABuiltInOne()
    {
        var services = Services();
        services.AddComplaints().UsePacks(p => p.Add("generic").AddFiles(PackFileProviderTests.Embedded, "Loading/EmbeddedPacks/city-hospital").Default("city-hospital"));
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<PolicyCatalog>();

        catalog.DefaultPack.Should().Be("city-hospital");
        catalog.Packs.Should().Contain("generic");
    }

    [Fact]
    public void UsePack_FromConfiguration_RelativeFolderAndOverrides_ResolveAgainstTheContentRoot()
    {
        PackFolders.CopyOf("generic", Directory.CreateDirectory(Path.Combine(_root, "packs", "ours")).FullName);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "overrides", "site")).FullName, "pack.json"), """{ "version": "1.0.0-site" }""");
        Directory.GetCurrentDirectory().Should().NotBe(_root, "else the current directory would find the folders too");

        using var provider = Host(new() { ["Complaints:Pack:Folder"] = "packs/ours", ["Complaints:Pack:Overrides"] = "overrides/site" }, new ContentRoot(_root));

        provider.GetRequiredService<PolicyCatalog>().Current.Identity.Should().Be(new PolicyRef("generic", "1.0.0-site"));
    }

    [Fact]
    public void UsePack_FromConfiguration_RelativeFolderMissingUnderTheContentRoot_NamesTheFullPath()
    {
        using var provider = Host(new() { ["Complaints:Pack:Folder"] = "packs/ours" }, new ContentRoot(_root));

        var act = () => provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage($"*The pack folder '{Path.Combine(_root, "packs", "ours")}' does not exist*");
    }

    [Fact]
    public void UsePack_BuiltInWithAnOverrideFolderUnderTheContentRoot_AppliesIt()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "tuning")).FullName, "pack.json"), """{ "settings": { "seriousClaim": 2000 } }""");
        var services = Services().AddSingleton<IHostEnvironment>(new ContentRoot(_root));
        services.AddComplaints().UsePack("hospital", "tuning");
        using var provider = services.BuildServiceProvider();

        var pack = provider.GetRequiredService<PolicyCatalog>().Current.Should().BeOfType<PolicyPack>().Which;

        pack.Manifest.Settings["seriousClaim"].Should().Be(2000);
    }

    private static ServiceProvider Host(Dictionary<string, string?> settings, IHostEnvironment environment)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = Services();
        services.AddSingleton(environment);
        services.AddComplaints(configuration.GetSection("Complaints")).UsePack(configuration.GetSection("Complaints:Pack"));
        return services.BuildServiceProvider();
    }

    private sealed class ContentRoot(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
