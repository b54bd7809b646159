using Complaints.Docs.Tests.Support;
using Complaints.Workflow.Deadlines;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/operations.md ("Health checks", "Configuration") and docs/getting-started.md's appsettings.json, run on a temporary content root.</summary>
public sealed class Operations : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-ops-").FullName;

    [Fact]
    public async Task The_appsettings_example_configures_a_host_whose_checks_are_healthy()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoRoot.TestProject, "ops", "appsettings.json")).Build();
        Directory.CreateDirectory(Path.Combine(_root, "App_Data"));
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new ContentRoot(_root))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));

        #region configure-from-appsettings
        services.AddComplaints(configuration.GetSection("Complaints"))      // options, DeadlineWorker, OutboxDispatcher, HealthChecks
            .UsePack(configuration.GetSection("Complaints:Pack"))            // Name (built-in) or Folder, and Overrides
            .UseSqlite(configuration.GetSection("Complaints:Sqlite"));       // ConnectionStringName → ConnectionStrings:Complaints
        #endregion

        #region add-health-checks
        services.AddHealthChecks().AddComplaintsChecks(tags: ["ready"]);
        // ASP.NET Core: app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        #endregion

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value.BatchSize.Should().Be(100);
        await provider.GetRequiredService<DeadlineWorker>().RunOnceAsync();
        await provider.GetRequiredService<Complaints.Workflow.Notifications.OutboxDispatcher>().RunOnceAsync();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));

        report.Entries.Should().HaveCount(4);
        report.Entries[ComplaintsHealthChecksBuilderExtensions.StoreCheck].Status.Should().Be(HealthStatus.Healthy);
        report.Entries[ComplaintsHealthChecksBuilderExtensions.DeadlineWorkerCheck].Status.Should().Be(HealthStatus.Healthy);
        File.Exists(Path.Combine(_root, "App_Data", "complaints.db")).Should().BeTrue("the relative path resolves against the content root");
    }

    [Fact]
    public void The_getting_started_appsettings_adds_both_workers_and_starts()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoRoot.TestProject, "ops", "appsettings.minimal.json")).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new ContentRoot(_root));
        services.AddComplaints(configuration.GetSection("Complaints"))
            .UsePack(configuration.GetSection("Complaints:Pack"))
            .UseSqlite(configuration.GetSection("Complaints:Sqlite"))
            .AddNotificationSender<EmailSender>();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetServices<IHostedService>().Select(s => s.GetType().Name).Should().Contain(["DeadlineWorker", "OutboxDispatcher"]);
        provider.GetRequiredService<IOptions<Complaints.Workflow.Notifications.OutboxDispatcherOptions>>().Value.PollInterval.Should().Be(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private sealed class ContentRoot(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "complaints-site";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
