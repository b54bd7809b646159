using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.Logging;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Workflow.Tests.Diagnostics;

/// <summary>The worker's and dispatcher's log events carry the stable ids docs/operations.md lists, so alerts can match on them.</summary>
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
}
