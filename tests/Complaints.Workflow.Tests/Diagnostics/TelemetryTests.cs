using System.Diagnostics;
using System.Diagnostics.Metrics;
using Complaints.Commands;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Diagnostics;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Complaints.Workflow.Tests.Support.People;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Workflow.Tests.Diagnostics;

/// <summary>What an operator sees: the workflow's instruments and activities, by action and outcome (docs/operations.md).</summary>
public sealed class TelemetryTests
{
    private static readonly DateTimeOffset PastDue = new(2026, 3, 6, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Receive_CountsAnOkCommandItsDurationAndAnOpenedCase_UnderThePack()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);

        var id = await h.Receive();

        var command = recorder.Of("complaints.commands").Should().ContainSingle().Subject;
        command.Tag("complaints.action").Should().Be("receive");
        command.Tag("complaints.outcome").Should().Be("ok");
        command.Tag("complaints.pack").Should().Be("test");
        var duration = recorder.Of("complaints.command.duration").Should().ContainSingle().Subject;
        duration.Unit.Should().Be("s");
        duration.Tags.Should().BeEquivalentTo(command.Tags);
        recorder.Of("complaints.cases.opened").Should().ContainSingle().Which.Tag("complaints.pack").Should().Be("test");
        var activity = recorder.Activities.Should().ContainSingle(a => a.OperationName == "complaints.command").Subject;
        activity.GetTagItem("complaints.case.id").Should().Be(id.Value.ToString());
        activity.GetTagItem("complaints.action").Should().Be("receive");
        activity.GetTagItem("complaints.outcome").Should().Be("ok");
        activity.GetTagItem("complaints.policy.version").Should().Be("1.0.0");
        activity.Status.Should().Be(ActivityStatusCode.Unset);
        recorder.Activities.Should().ContainSingle(a => a.OperationName == "complaints.store.save")
            .Which.ParentSpanId.Should().Be(activity.SpanId, "the save is a child of its command");
    }

    [Fact]
    public async Task CommandsOneAfterAnother_AreSiblingsUnderTheCallersActivity_NotNestedInEachOther()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var parent = Activity.Current!;

        // Called directly (not through an async helper, whose context would hide a leak).
        var received = await h.Service.ReceiveAsync(Receiver, Harness.Intake());
        await h.Service.ExecuteAsync(received.Complaint.Id, Coordinator, new Triage());

        Activity.Current.Should().BeSameAs(parent, "a command's activity ends with the command");
        recorder.Activities.Where(a => a.OperationName == "complaints.command").Should().HaveCount(2)
            .And.OnlyContain(a => a.ParentSpanId == parent.SpanId);
    }

    [Fact]
    public async Task Command_DurationIsTheTimeTheCommandTook()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.Receive();
        var slow = new SlowStore(h, TimeSpan.FromMilliseconds(250));
        var service = ServiceOver(h, slow, recorder.Telemetry);

        await service.ExecuteAsync(id, Coordinator, new Triage());

        recorder.Of("complaints.command.duration").Should().Contain(m => m.Tag("complaints.action") == "triage")
            .Which.Value.Should().BeApproximately(0.25, 1e-9);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "refused", "an outsider may not triage" },
        { "refused", "the lifecycle does not allow it yet" },
        { "invalid", "the reason is empty" },
        { "conflict", "the expected version is stale" },
        { "not_found", "there is no such case" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FailedCommand_IsCountedUnderItsOutcome_AndItsActivityIsAnError(string outcome, string why)
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.Receive();
        Func<Task> act = why switch
        {
            "an outsider may not triage" => () => h.Service.ExecuteAsync(id, Outsider, new Triage()),
            "the lifecycle does not allow it yet" => () => h.Service.ExecuteAsync(id, Coordinator, new Close("Done.")),
            "the reason is empty" => () => h.Service.ExecuteAsync(id, Coordinator, new Reject("")),
            "the expected version is stale" => () => h.Service.ExecuteAsync(id, Coordinator, new Triage(), expectedVersion: 7),
            _ => () => h.Service.ExecuteAsync(new ComplaintId(Guid.CreateVersion7()), Coordinator, new Triage()),
        };

        await act.Should().ThrowAsync<ComplaintException>();

        var command = recorder.Of("complaints.commands").Should().ContainSingle(m => m.Tag("complaints.action") != "receive", why).Subject;
        command.Tag("complaints.outcome").Should().Be(outcome, why);
        recorder.Of("complaints.command.duration").Should().Contain(m => m.Tag("complaints.outcome") == outcome);
        var activity = recorder.Activities.Should().ContainSingle(a => a.OperationName == "complaints.command" && (string?)a.GetTagItem("complaints.action") != "receive").Subject;
        activity.GetTagItem("complaints.outcome").Should().Be(outcome);
        activity.Status.Should().Be(ActivityStatusCode.Error);
        activity.GetTagItem("error.type").Should().BeOfType<string>().Which.Should().EndWith("Exception");
    }

    [Fact]
    public async Task Conflict_TheStoreSaveActivityIsAnErrorToo()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.Receive();
        var racing = new RacingStore(h);
        var service = ServiceOver(h, racing, recorder.Telemetry);

        await service.Invoking(s => s.ExecuteAsync(id, Coordinator, new Triage())).Should().ThrowAsync<ConcurrencyException>();

        recorder.Activities.Where(a => a.OperationName == "complaints.store.save").Last().Status.Should().Be(ActivityStatusCode.Error);
        recorder.Of("complaints.commands").Last().Tag("complaints.outcome").Should().Be("conflict");
    }

    [Fact]
    public async Task CaseDrivenToClosed_IsCountedClosedOnce_WithItsEndState()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);

        await h.DriveTo(ComplaintState.Closed);

        var closed = recorder.Of("complaints.cases.closed").Should().ContainSingle().Subject;
        closed.Tag("complaints.state").Should().Be("closed");
        closed.Tag("complaints.pack").Should().Be("test");
        recorder.Of("complaints.commands").Should().OnlyContain(m => m.Tag("complaints.outcome") == "ok").And.HaveCountGreaterThan(5);
    }

    [Fact]
    public async Task DeadlineWorker_CountsTheBreachItRecorded_AndTracesItsPollWithTheCommandInside()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(PastDue);
        var worker = new DeadlineWorker(h.Store, h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions { WorkerId = "w" }), telemetry: recorder.Telemetry);

        (await worker.RunOnceAsync()).Should().Be(1);

        var alarm = recorder.Of("complaints.deadline.alarms").Should().ContainSingle().Subject;
        alarm.Tag("complaints.deadline.alarm").Should().Be("breach");
        alarm.Tag("complaints.deadline.kind").Should().Be("resolve");
        alarm.Tag("complaints.outcome").Should().Be("recorded");
        var poll = recorder.Activities.Should().ContainSingle(a => a.OperationName == "complaints.deadlines.poll").Subject;
        poll.GetTagItem("complaints.batch.claimed").Should().Be(1);
        poll.GetTagItem("complaints.batch.done").Should().Be(1);
        recorder.Activities.Should().ContainSingle(a => a.ParentSpanId == poll.SpanId && a.OperationName == "complaints.command")
            .Which.GetTagItem("complaints.action").Should().Be("record_deadline_breach");
    }

    [Fact]
    public async Task DeadlineWorker_AnAlarmAlreadyRecordedElsewhere_IsCountedSkipped()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(PastDue);
        await h.Service.ExecuteAsync(id, Actor.System, new RecordDeadlineBreach(DeadlineKind.Resolve));
        // A claim handed out before another worker recorded the alarm: the command refuses it again.
        var stale = new StaleClaims(h.Store, new DueDeadline(id, DeadlineKind.Resolve, DeadlineAlarm.Breach, PastDue.AddHours(-1)));
        var worker = new DeadlineWorker(stale, h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions { WorkerId = "w" }), telemetry: recorder.Telemetry);

        (await worker.RunOnceAsync()).Should().Be(0);

        var alarm = recorder.Of("complaints.deadline.alarms").Should().ContainSingle().Subject;
        alarm.Tag("complaints.outcome").Should().Be("skipped");
        alarm.Tag("complaints.deadline.alarm").Should().Be("breach");
    }

    [Fact]
    public async Task OutboxDispatcher_CountsSentFailedAndParkedMessages_ByKind()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.DriveTo(ComplaintState.Triaged);
        var pending = (await h.Store.ReadOutboxAsync(id)).Count;
        pending.Should().BeGreaterThan(0);
        var failing = new OutboxDispatcher(h.Store, [new FailingSender()], h.Time, OptionsFactory.Create(new OutboxDispatcherOptions { WorkerId = "a", MaxAttempts = 2 }), telemetry: recorder.Telemetry);

        await failing.RunOnceAsync();
        h.Time.Advance(TimeSpan.FromHours(1));
        await failing.RunOnceAsync();

        recorder.Of("complaints.outbox.messages").Where(m => m.Tag("complaints.outcome") == "failed").Should().HaveCount(pending);
        recorder.Of("complaints.outbox.messages").Where(m => m.Tag("complaints.outcome") == "parked").Should().HaveCount(pending);

        var h2 = new Harness(telemetry: recorder.Telemetry);
        await h2.DriveTo(ComplaintState.Triaged);
        var sending = new OutboxDispatcher(h2.Store, [new FailingSender(fail: false)], h2.Time, OptionsFactory.Create(new OutboxDispatcherOptions { WorkerId = "b" }), telemetry: recorder.Telemetry);
        var sent = await sending.RunOnceAsync();

        var sentMeasurements = recorder.Of("complaints.outbox.messages").Where(m => m.Tag("complaints.outcome") == "sent").ToList();
        sentMeasurements.Should().HaveCount(sent).And.OnlyContain(m => Enum.GetNames<NotificationKind>().Any(k => string.Equals(k.Replace("_", "", StringComparison.Ordinal), m.Tag("complaints.notification.kind")!.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
        recorder.Activities.Where(a => a.OperationName == "complaints.outbox.dispatch").Should().HaveCount(3);
    }

    [Fact]
    public async Task ACaseDrivenThroughItsLife_NoTagActivityNameOrLogEventCarriesTheComplainant()
    {
        const string name = "Ouyang Mingzhu";
        const string phone = "+86 139 1234 5678";
        const string email = "mingzhu.ouyang@example.cn";
        using var recorder = new TelemetryRecorder();
        var serviceLog = new ListLogger<ComplaintService>();
        var workerLog = new ListLogger<DeadlineWorker>();
        var dispatcherLog = new ListLogger<OutboxDispatcher>();
        var h = new Harness(telemetry: recorder.Telemetry, logger: serviceLog);
        var intake = Harness.Intake(complainant: new Complainant(name, new ContactDetails(Phone: phone, Email: email, Address: "12 Huaihai Road")));

        var first = await h.DriveTo(ComplaintState.Closed, intake);
        await h.DriveTo(ComplaintState.Investigating, intake);
        await h.Service.ExecuteAsync(first, Coordinator, new Reopen("Ouyang Mingzhu called again about the price."));
        h.Time.Advance(TimeSpan.FromDays(30));
        await new DeadlineWorker(h.Store, h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions { WorkerId = "w" }), workerLog, telemetry: recorder.Telemetry).RunOnceAsync();
        await new OutboxDispatcher(h.Store, [new FailingSender()], h.Time, OptionsFactory.Create(new OutboxDispatcherOptions { WorkerId = "f" }), dispatcherLog, telemetry: recorder.Telemetry).RunOnceAsync();
        h.Time.Advance(TimeSpan.FromDays(1));
        await new OutboxDispatcher(h.Store, [new FailingSender(fail: false)], h.Time, OptionsFactory.Create(new OutboxDispatcherOptions { WorkerId = "d" }), dispatcherLog, telemetry: recorder.Telemetry).RunOnceAsync();
        await h.Invoking(x => x.Service.ExecuteAsync(first, Outsider, new Reopen("Again."))).Should().ThrowAsync<ComplaintException>();
        recorder.Observe();

        var tags = recorder.Measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString()))
            .Concat(recorder.Activities.SelectMany(a => a.TagObjects.Select(t => t.Value?.ToString()).Append(a.DisplayName).Append(a.OperationName).Append(a.StatusDescription)));
        var logs = new[] { serviceLog.Entries, workerLog.Entries, dispatcherLog.Entries }.SelectMany(e => e.Select(x => x.Message))
            .Concat(new[] { serviceLog.States, workerLog.States, dispatcherLog.States }.SelectMany(s => s.SelectMany(v => v.Values.Select(x => x?.ToString()))));
        var texts = tags.Concat(logs).Where(t => t is not null).ToList();
        recorder.Of("complaints.deadline.alarms").Should().NotBeEmpty();
        recorder.Of("complaints.outbox.messages").Should().NotBeEmpty();
        recorder.Of("complaints.policy.decision.duration").Should().NotBeEmpty();
        serviceLog.Events.Select(e => e.Id.Id).Should().Contain([4101, 4102, 4103, 4104, 4105]);
        dispatcherLog.Events.Should().NotBeEmpty();
        foreach (var secret in new[] { name, "Ouyang", "Mingzhu", phone, "1234 5678", email, "Huaihai", "Liu Yang", "called again" })
        {
            texts.Should().NotContain(t => t!.Contains(secret, StringComparison.OrdinalIgnoreCase), $"no tag or log may carry the complainant's {secret}");
        }
    }

    [Fact]
    public async Task AddComplaints_RecordsOnTheHostsMeterFactory()
    {
        using var recorder = new TelemetryRecorder();
        var services = new ServiceCollection();
        services.AddSingleton<IMeterFactory>(recorder);
        services.AddComplaints().UsePolicy(new TestPolicy());
        await using var provider = services.BuildServiceProvider();

        var telemetry = provider.GetRequiredService<ComplaintsTelemetry>();
        await provider.GetRequiredService<ComplaintService>().ReceiveAsync(Receiver, Harness.Intake());

        telemetry.Meter.Scope.Should().BeSameAs(recorder);
        telemetry.Meter.Name.Should().Be(ComplaintsTelemetry.MeterName);
        recorder.Of("complaints.cases.opened").Should().ContainSingle();
    }

    internal static ComplaintService ServiceOver(Harness h, IComplaintStore store, ComplaintsTelemetry telemetry, Policy.IComplaintPolicy? policy = null) =>
        new(store, new PolicyCatalog(policy ?? h.Policy), new Complaints.Workflow.Calendars.WeekdayCalendar(), h.Time, OptionsFactory.Create(h.Options), audit: h.Store, telemetry: telemetry);

    /// <summary>The in-memory store, whose saves take <paramref name="delay"/> on the fake clock.</summary>
    internal sealed class SlowStore(Harness h, TimeSpan delay) : IComplaintStore
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => h.Store.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
        {
            h.Time.Advance(delay);
            return h.Store.SaveAsync(change, cancellationToken);
        }

        public Task<IReadOnlyList<Journal.JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => h.Store.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => h.Store.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => h.Store.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => h.Store.CountAsync(query, cancellationToken);
    }

    /// <summary>The in-memory store, where someone else always saved first.</summary>
    internal sealed class RacingStore(Harness h) : IComplaintStore
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => h.Store.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) =>
            throw new ConcurrencyException(change.Complaint.Id, change.ExpectedVersion, change.ExpectedVersion + 1);

        public Task<IReadOnlyList<Journal.JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => h.Store.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => h.Store.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => h.Store.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => h.Store.CountAsync(query, cancellationToken);
    }

    /// <summary>Deadline claims that hand out one alarm, whatever the store holds.</summary>
    internal sealed class StaleClaims(IDeadlineStore inner, DueDeadline alarm) : IDeadlineStore
    {
        public Task<IReadOnlyList<DueDeadline>> ClaimDueDeadlinesAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DueDeadline>>([alarm]);

        public Task ParkDeadlineAlarmAsync(DueDeadline alarm, string failure, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            inner.ParkDeadlineAlarmAsync(alarm, failure, at, cancellationToken);

        public Task<IReadOnlyList<ParkedDeadlineAlarm>> ReadParkedDeadlineAlarmsAsync(CancellationToken cancellationToken = default) =>
            inner.ReadParkedDeadlineAlarmsAsync(cancellationToken);

        public Task<bool> ReleaseDeadlineAlarmAsync(ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm, CancellationToken cancellationToken = default) =>
            inner.ReleaseDeadlineAlarmAsync(complaintId, kind, alarm, cancellationToken);
    }

    internal sealed class FailingSender(bool fail = true) : INotificationSender
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default) =>
            fail ? throw new InvalidOperationException("Mail server says no.") : Task.CompletedTask;
    }
}
