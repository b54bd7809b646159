using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow.Tests.DependencyInjection;

/// <summary>The deadline worker and the outbox dispatcher are registered alike, and their settings are checked when the host starts.</summary>
public sealed class WorkerRegistrationTests
{
    [Fact]
    public void AddComplaints_RegistersTheStoresDeadlineAndOutboxPorts_WithoutAnyWorker()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new TestPolicy());
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IComplaintStore>();
        provider.GetRequiredService<IDeadlineStore>().Should().BeSameAs(store);
        provider.GetRequiredService<IOutboxStore>().Should().BeSameAs(store, "an operator's page reads the outbox whether or not this node dispatches");
        provider.GetServices<IHostedService>().Should().BeEmpty();
    }

    [Fact]
    public void AddDeadlineWorkerAndOutboxDispatcher_WithDefaultSettings_StartAndRegisterOneHostedServiceEach()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new TestPolicy()).AddDeadlineWorker().AddOutboxDispatcher().AddOutboxDispatcher();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetServices<IHostedService>().Select(s => s.GetType()).Should().BeEquivalentTo([typeof(DeadlineWorker), typeof(OutboxDispatcher)]);
    }

    [Theory]
    [InlineData(0, "PollInterval")]
    [InlineData(-1, "PollInterval")]
    public void AddDeadlineWorker_PollIntervalOfZeroOrLess_StopsTheHostAtStartNamingTheSetting(int seconds, string setting)
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new TestPolicy()).AddDeadlineWorker(o => o.PollInterval = TimeSpan.FromSeconds(seconds));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage($"*DeadlineWorkerOptions.{setting}*between 100 ms and 1 day*");
    }

    [Fact]
    public void AddDeadlineWorker_SeveralBadSettings_NamesEach()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new TestPolicy()).AddDeadlineWorker(o =>
        {
            o.BatchSize = 0;
            o.Lease = TimeSpan.FromDays(-1);
            o.WorkerId = " ";
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().SatisfyRespectively(
            lease => lease.Should().Contain("DeadlineWorkerOptions.Lease"),
            batch => batch.Should().Contain("DeadlineWorkerOptions.BatchSize").And.Contain("between 1 and 10000"),
            worker => worker.Should().Contain("DeadlineWorkerOptions.WorkerId"));
    }

    [Fact]
    public void AddOutboxDispatcher_ZeroLeaseOrBackoffsTheWrongWayRound_StopsTheHostAtStart()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new TestPolicy()).AddOutboxDispatcher(o =>
        {
            o.Lease = TimeSpan.Zero;
            o.BaseBackoff = TimeSpan.FromHours(2);
            o.MaxBackoff = TimeSpan.FromHours(1);
            o.MaxAttempts = 0;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().SatisfyRespectively(
            lease => lease.Should().Contain("OutboxDispatcherOptions.Lease is zero").And.Contain("send it twice"),
            attempts => attempts.Should().Contain("OutboxDispatcherOptions.MaxAttempts"),
            backoff => backoff.Should().Contain("BaseBackoff").And.Contain("MaxBackoff"));
    }

    [Fact]
    public void DeadlineWorker_MadeWithoutTheContainerFromBadSettings_Throws()
    {
        var h = new Harness();

        var act = () => new DeadlineWorker(h.Store, h.Service, h.Time, Options.Create(new DeadlineWorkerOptions { PollInterval = TimeSpan.Zero }));

        act.Should().Throw<OptionsValidationException>().WithMessage("*DeadlineWorkerOptions.PollInterval*");
    }

    [Fact]
    public void OutboxDispatcher_MadeWithoutTheContainerFromBadSettings_Throws()
    {
        var h = new Harness();

        var act = () => new OutboxDispatcher(h.Store, [], h.Time, Options.Create(new OutboxDispatcherOptions { BatchSize = 100_000 }));

        act.Should().Throw<OptionsValidationException>().WithMessage("*OutboxDispatcherOptions.BatchSize*");
    }
}
