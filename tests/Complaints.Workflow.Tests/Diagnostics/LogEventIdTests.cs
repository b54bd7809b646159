using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Complaints.Workflow.Tests.Support.People;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Workflow.Tests.Diagnostics;

/// <summary>The command path's, the worker's and the dispatcher's log events carry the stable ids docs/operations.md lists, so alerts can match on them.</summary>
public sealed class LogEventIdTests
{
    private static readonly DateTimeOffset PastDue = new(2026, 3, 6, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OutboxDispatcher_ARetryIs6101_AndAParkedMessage6102()
    {
        var h = new Harness();
        await h.DriveTo(ComplaintState.Triaged);
        var logger = new ListLogger<OutboxDispatcher>();
        var dispatcher = new OutboxDispatcher(
            h.Store, [new TelemetryTests.FailingSender()], h.Time, OptionsFactory.Create(new OutboxDispatcherOptions { WorkerId = "a", MaxAttempts = 2 }), logger);

        await dispatcher.RunOnceAsync();
        h.Time.Advance(TimeSpan.FromHours(1));
        await dispatcher.RunOnceAsync();

        logger.Events.Should().Contain(e => e.Id.Id == 6101 && e.Id.Name == "OutboxSendRetried" && e.Level == LogLevel.Warning);
        logger.Events.Should().Contain(e => e.Id.Id == 6102 && e.Id.Name == "OutboxMessageParked" && e.Level == LogLevel.Error);
        logger.Events.Should().OnlyContain(e => e.Id.Id == 6101 || e.Id.Id == 6102);
    }

    [Fact]
    public async Task DeadlineWorker_AnAlarmAlreadyRecordedIs5101()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(PastDue);
        await h.Service.ExecuteAsync(id, Actor.System, new RecordDeadlineBreach(DeadlineKind.Resolve));
        var logger = new ListLogger<DeadlineWorker>();
        var stale = new TelemetryTests.StaleClaims(h.Store, new DueDeadline(id, DeadlineKind.Resolve, DeadlineAlarm.Breach, PastDue.AddHours(-1)));
        var worker = new DeadlineWorker(stale, h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions { WorkerId = "w" }), logger);

        await worker.RunOnceAsync();

        logger.Events.Should().ContainSingle().Which.Should().Match<(EventId Id, LogLevel Level)>(e => e.Id.Id == 5101 && e.Id.Name == "DeadlineAlarmSkipped" && e.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task ComplaintService_AnAcceptedCommandIs4101AtDebug_AReceipt4102_AndAChangeOfState4103WithFromAndTo()
    {
        var logger = new ListLogger<ComplaintService>();
        var h = new Harness(logger: logger);

        var id = await h.Receive();
        await h.Service.ExecuteAsync(id, Coordinator, new Triage());

        logger.Events.Where(e => e.Id.Id == 4101).Should().HaveCount(2).And.OnlyContain(e => e.Id.Name == "CommandAccepted" && e.Level == LogLevel.Debug);
        logger.Events.Should().ContainSingle(e => e.Id.Id == 4102).Which.Should().Be((new EventId(4102, "CaseReceived"), LogLevel.Information));
        logger.States.Should().Contain(v => Equals(v["Action"], ComplaintAction.Receive) && Equals(v["ComplaintId"], id) && Equals(v["Pack"], "test"));
        logger.Events.Should().ContainSingle(e => e.Id.Id == 4103).Which.Should().Be((new EventId(4103, "CaseStateChanged"), LogLevel.Information));
        logger.States.Should().ContainSingle(v => v.ContainsKey("From")).Which.Should().Contain(new Dictionary<string, object?>
        {
            ["ComplaintId"] = id,
            ["Action"] = ComplaintAction.Triage,
            ["From"] = ComplaintState.Received,
            ["To"] = ComplaintState.Triaged,
            ["Pack"] = "test",
        });
    }

    [Fact]
    public async Task ComplaintService_ABreachTheWorkerRecordsIs4104_AndTheEscalationItCauses4105()
    {
        var logger = new ListLogger<ComplaintService>();
        var h = new Harness(logger: logger);
        var id = await h.DriveTo(ComplaintState.Investigating);
        var level = (await h.Stored(id)).EscalationLevel;
        h.Time.SetUtcNow(PastDue);

        await new DeadlineWorker(h.Store, h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions { WorkerId = "w" })).RunOnceAsync();

        logger.Events.Should().ContainSingle(e => e.Id.Id == 4104).Which.Should().Be((new EventId(4104, "DeadlineBreachRecorded"), LogLevel.Information));
        logger.States.Should().ContainSingle(v => v.ContainsKey("DueAt")).Which["Kind"].Should().Be(DeadlineKind.Resolve);
        logger.Events.Should().ContainSingle(e => e.Id.Id == 4105).Which.Should().Be((new EventId(4105, "CaseEscalated"), LogLevel.Information));
        logger.States.Should().ContainSingle(v => v.ContainsKey("Level")).Which.Should().Contain(new Dictionary<string, object?>
        {
            ["ComplaintId"] = id,
            ["Level"] = level + 1,
            ["Action"] = ComplaintAction.RecordDeadlineBreach,
        });
    }

    [Fact]
    public async Task ComplaintService_ARefusedCommandLogsNothing()
    {
        var logger = new ListLogger<ComplaintService>();
        var h = new Harness(logger: logger);
        var id = await h.Receive();

        await h.Service.Invoking(s => s.ExecuteAsync(id, Outsider, new Triage())).Should().ThrowAsync<NotPermittedException>();

        logger.Events.Should().OnlyContain(e => e.Id.Id == 4101 || e.Id.Id == 4102, "only the receipt was accepted");
    }

    [Fact]
    public async Task AddComplaints_GivesTheServiceTheHostsLogger()
    {
        var logger = new ListLogger<ComplaintService>();
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<ComplaintService>>(logger);
        services.AddComplaints().UsePolicy(new TestPolicy());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ComplaintService>().ReceiveAsync(Receiver, Harness.Intake());

        logger.Events.Should().Contain(e => e.Id.Id == 4102);
    }
}
