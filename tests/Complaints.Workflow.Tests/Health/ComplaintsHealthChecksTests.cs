using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow.Tests.Health;

/// <summary>An operator's health endpoint says whether the store answers and the workers keep up, without naming anyone.</summary>
public sealed class ComplaintsHealthChecksTests
{
    /// <summary>When the case driven to Investigating breaches its resolve deadline (Friday 6 March 2026, 00:00 UTC).</summary>
    private static readonly DateTimeOffset ResolveDue = new(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AllChecks_WorkersThatPolledJustNow_AreHealthy()
    {
        var (h, provider) = Host();
        await h.DriveTo(ComplaintState.Investigating);
        await provider.GetRequiredService<DeadlineWorker>().RunOnceAsync();
        await provider.GetRequiredService<OutboxDispatcher>().RunOnceAsync();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries.Keys.Should().BeEquivalentTo(
            ComplaintsHealthChecksBuilderExtensions.StoreCheck,
            ComplaintsHealthChecksBuilderExtensions.DeadlineWorkerCheck,
            ComplaintsHealthChecksBuilderExtensions.OutboxDispatcherCheck,
            ComplaintsHealthChecksBuilderExtensions.CalendarCheck);
        report.Entries.Should().OnlyContain(e => e.Value.Status == HealthStatus.Healthy);
        report.Entries.Values.Should().OnlyContain(e => e.Tags.Contains("complaints") && e.Tags.Contains("ready"));
    }

    [Fact]
    public async Task DeadlineWorker_NoPollCompletedForMissedPollsIntervalsAndALease_IsUnhealthySayingWhatToDo()
    {
        var (h, provider) = Host();
        await provider.GetRequiredService<DeadlineWorker>().RunOnceAsync();

        // Defaults: 3 polls of 30 s plus a 2-minute lease.
        h.Time.Advance(TimeSpan.FromSeconds(210));
        var justInTime = await Check(provider, ComplaintsHealthChecksBuilderExtensions.DeadlineWorkerCheck);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var late = await Check(provider, ComplaintsHealthChecksBuilderExtensions.DeadlineWorkerCheck);

        justInTime.Status.Should().Be(HealthStatus.Healthy);
        late.Status.Should().Be(HealthStatus.Unhealthy);
        late.Description.Should().Contain("The deadline worker has not completed a poll since").And.Contain("AddDeadlineWorker()");
    }

    [Fact]
    public async Task DeadlineWorker_NeverPolled_IsHealthyWhileStartingThenUnhealthy()
    {
        var (h, provider) = Host();
        _ = provider.GetRequiredService<DeadlineWorker>();

        var starting = await Check(provider, ComplaintsHealthChecksBuilderExtensions.DeadlineWorkerCheck);
        h.Time.Advance(TimeSpan.FromMinutes(4));
        var stuck = await Check(provider, ComplaintsHealthChecksBuilderExtensions.DeadlineWorkerCheck);

        starting.Status.Should().Be(HealthStatus.Healthy);
        stuck.Status.Should().Be(HealthStatus.Unhealthy);
        stuck.Data["lastPollCompletedAt"].Should().Be("never");
    }

    [Fact]
    public async Task DeadlineWorker_ClaimingAnAlarmLongPastDue_IsDegradedAndNamesNoComplainant()
    {
        var (h, provider) = Host();
        await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue + TimeSpan.FromMinutes(16));

        (await provider.GetRequiredService<DeadlineWorker>().RunOnceAsync()).Should().Be(1);
        var result = await Check(provider, ComplaintsHealthChecksBuilderExtensions.DeadlineWorkerCheck);

        result.Status.Should().Be(HealthStatus.Degraded);
        result.Description.Should().Contain("falling behind").And.Contain("16 minutes past due").And.Contain("DeadlineLag");
        result.Data["lagSeconds"].Should().Be(960.0);
        NamesNobody(result);
    }

    [Fact]
    public async Task DeadlineWorker_AnAlarmPastDueByLessThanTheThreshold_IsHealthy()
    {
        var (h, provider) = Host();
        await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue + TimeSpan.FromMinutes(14));

        await provider.GetRequiredService<DeadlineWorker>().RunOnceAsync();

        (await Check(provider, ComplaintsHealthChecksBuilderExtensions.DeadlineWorkerCheck)).Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task OutboxDispatcher_SendingMessagesLongAfterTheyWereDue_IsDegradedAndNamesNoComplainant()
    {
        var (h, provider) = Host(o => o.OutboxLag = TimeSpan.FromMinutes(5));
        await h.DriveTo(ComplaintState.Triaged);
        h.Time.Advance(TimeSpan.FromMinutes(6));

        (await provider.GetRequiredService<OutboxDispatcher>().RunOnceAsync()).Should().BePositive();
        var result = await Check(provider, ComplaintsHealthChecksBuilderExtensions.OutboxDispatcherCheck);

        result.Status.Should().Be(HealthStatus.Degraded);
        result.Description.Should().Contain("The outbox dispatcher is falling behind").And.Contain("OutboxLag");
        NamesNobody(result);
    }

    [Fact]
    public async Task WorkersNotAdded_AreHealthySayingTheyDoNotRunHere()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddComplaints().UsePolicy(new TestPolicy());
        services.AddHealthChecks().AddComplaintsChecks();
        using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Status.Should().Be(HealthStatus.Healthy);
        report.Entries[ComplaintsHealthChecksBuilderExtensions.OutboxDispatcherCheck].Description.Should().Contain("does not run in this process");
    }

    [Fact]
    public async Task Store_ThatCannotBeRead_IsUnhealthyNamingTheStoreAndTheError()
    {
        var (_, provider) = Host(configureServices: s => s.AddSingleton<IComplaintStore>(new UnreachableStore()));

        var result = await Check(provider, ComplaintsHealthChecksBuilderExtensions.StoreCheck);

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Contain("UnreachableStore cannot be read").And.Contain("TimeoutException").And.Contain("connection string");
    }

    [Theory]
    [InlineData("MissedPolls")]
    [InlineData("DeadlineLag")]
    [InlineData("CalendarLead")]
    public void Thresholds_OutOfRange_StopTheHostAtStartNamingTheSetting(string setting)
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new TestPolicy());
        services.AddHealthChecks().AddComplaintsChecks(o =>
        {
            switch (setting)
            {
                case "MissedPolls": o.MissedPolls = 1; break;
                case "DeadlineLag": o.DeadlineLag = TimeSpan.Zero; break;
                default: o.CalendarLead = TimeSpan.FromDays(-1); break;
            }
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage($"*ComplaintsHealthCheckOptions.{setting}*");
    }

    private static async Task<HealthReportEntry> Check(ServiceProvider provider, string name)
    {
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == name);
        return report.Entries[name];
    }

    /// <summary>Neither the description nor the data carries the complainant's name or phone (the harness's intake: Liu Yang).</summary>
    private static void NamesNobody(HealthReportEntry entry)
    {
        var text = entry.Description + string.Join(" ", entry.Data.Select(d => d.Key + "=" + d.Value));
        text.Should().NotContain("Liu Yang").And.NotContain("138 0000");
    }

    private static (Harness Harness, ServiceProvider Provider) Host(
        Action<Complaints.Workflow.Health.ComplaintsHealthCheckOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var h = new Harness();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(h.Time);
        services.AddSingleton<IComplaintStore>(h.Store);
        configureServices?.Invoke(services);
        services.AddComplaints().UsePolicy(h.Policy).AddDeadlineWorker().AddOutboxDispatcher().AddNotificationSender<NullSender>();
        services.AddHealthChecks().AddComplaintsChecks(configure, ["ready"]);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return (h, provider);
    }

    private sealed class NullSender : INotificationSender
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>A store whose database does not answer.</summary>
    private sealed class UnreachableStore : IComplaintStore
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => throw new TimeoutException("The database did not answer within 30 s.");

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Journal.JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
