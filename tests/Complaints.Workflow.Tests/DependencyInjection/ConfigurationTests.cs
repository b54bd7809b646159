using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Health;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow.Tests.DependencyInjection;

/// <summary>What a host sets in appsettings.json reaches the workflow, and a bad value stops the host at start naming its key.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void AddComplaints_FromConfiguration_BindsTheWorkflowWorkersAndHealthThresholds()
    {
        using var provider = Host(new()
        {
            ["Complaints:ReopenWindow"] = "14.00:00:00",
            ["Complaints:ConflictRetries"] = "5",
            ["Complaints:StrictCalendarHorizon"] = "true",
            ["Complaints:DeadlineWorker:PollInterval"] = "00:00:05",
            ["Complaints:DeadlineWorker:Lease"] = "00:10:00",
            ["Complaints:DeadlineWorker:BatchSize"] = "250",
            ["Complaints:OutboxDispatcher:PollInterval"] = "00:00:02",
            ["Complaints:OutboxDispatcher:MaxAttempts"] = "4",
            ["Complaints:OutboxDispatcher:WorkerId"] = "node-a",
            ["Complaints:HealthChecks:MissedPolls"] = "5",
            ["Complaints:HealthChecks:OutboxLag"] = "00:05:00",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();

        var complaints = provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;
        complaints.ReopenWindow.Should().Be(TimeSpan.FromDays(14));
        complaints.ConflictRetries.Should().Be(5);
        complaints.StrictCalendarHorizon.Should().BeTrue();
        var worker = provider.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value;
        (worker.PollInterval, worker.Lease, worker.BatchSize).Should().Be((TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10), 250));
        var dispatcher = provider.GetRequiredService<IOptions<OutboxDispatcherOptions>>().Value;
        (dispatcher.PollInterval, dispatcher.MaxAttempts, dispatcher.WorkerId).Should().Be((TimeSpan.FromSeconds(2), 4, "node-a"));
        var health = provider.GetRequiredService<IOptions<ComplaintsHealthCheckOptions>>().Value;
        (health.MissedPolls, health.OutboxLag, health.DeadlineLag).Should().Be((5, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)));
        Workers(provider).Should().BeEquivalentTo([typeof(DeadlineWorker), typeof(OutboxDispatcher)]);
    }

    [Fact]
    public void AddComplaints_WorkersWithoutASectionOrDisabled_AreNotAdded()
    {
        using var provider = Host(new()
        {
            ["Complaints:ConflictRetries"] = "2",
            ["Complaints:DeadlineWorker:Enabled"] = "false",
            ["Complaints:DeadlineWorker:PollInterval"] = "00:00:05",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();

        Workers(provider).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Complaints:DeadlineWorker:PollInterval", "00:00:00", "DeadlineWorkerOptions.PollInterval (configuration key 'Complaints:DeadlineWorker:PollInterval') is 00:00:00; set it between 100 ms and 1 day")]
    [InlineData("Complaints:OutboxDispatcher:BatchSize", "0", "OutboxDispatcherOptions.BatchSize (configuration key 'Complaints:OutboxDispatcher:BatchSize') is 0")]
    [InlineData("Complaints:ConflictRetries", "500", "ComplaintsOptions.ConflictRetries (configuration key 'Complaints:ConflictRetries') is 500")]
    [InlineData("Complaints:HealthChecks:MissedPolls", "1", "ComplaintsHealthCheckOptions.MissedPolls (configuration key 'Complaints:HealthChecks:MissedPolls') is 1")]
    public void AddComplaints_AValueOutOfRange_StopsTheHostAtStartNamingTheKey(string key, string value, string message)
    {
        using var provider = Host(new()
        {
            ["Complaints:DeadlineWorker:Enabled"] = "true",
            ["Complaints:OutboxDispatcher:Enabled"] = "true",
            [key] = value,
        });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void AddComplaints_AValueThatIsNotATime_StopsTheHostAtStartNamingTheKey()
    {
        using var provider = Host(new() { ["Complaints:DeadlineWorker:PollInterval"] = "soon" });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<InvalidOperationException>().WithMessage("*'soon'*Complaints:DeadlineWorker:PollInterval*");
    }

    [Fact]
    public void AddComplaints_EnabledThatIsNotABoolean_FailsNamingTheKey()
    {
        var act = () => Host(new() { ["Complaints:OutboxDispatcher:Enabled"] = "yes" });

        act.Should().Throw<InvalidOperationException>().WithMessage("*'Complaints:OutboxDispatcher:Enabled' is 'yes'; set it to true or false*");
    }

    /// <summary>The hosted services of this library (AddHealthChecks adds its publisher too).</summary>
    private static IEnumerable<Type> Workers(ServiceProvider provider) =>
        provider.GetServices<IHostedService>().Select(s => s.GetType()).Where(t => t.Namespace!.StartsWith("Complaints", StringComparison.Ordinal));

    private static ServiceProvider Host(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddComplaints(configuration.GetSection("Complaints")).UsePolicy(new TestPolicy());
        services.AddHealthChecks().AddComplaintsChecks();
        return services.BuildServiceProvider();
    }
}
