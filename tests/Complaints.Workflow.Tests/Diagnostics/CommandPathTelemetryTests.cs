using System.Diagnostics;
using Complaints.Commands;
using Complaints.Policy;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Workflow.Tests.Support.People;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Workflow.Tests.Diagnostics;

/// <summary>
/// Where a slow command spends its time (the policy's decisions, the store's save) and how far behind the deadline
/// worker and the dispatcher are: the histograms, activities and gauges docs/operations.md lists.
/// </summary>
public sealed class CommandPathTelemetryTests
{
    private static readonly DateTimeOffset PastDue = new(2026, 3, 6, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Triage_TimesEachDecisionItAsks_ByDecisionPointAndPack_EachAChildOfTheCommand()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.Receive();
        var service = TelemetryTests.ServiceOver(h, h.Store, recorder.Telemetry, new SlowClassification(h.Policy, h.Time, TimeSpan.FromMilliseconds(40)));

        await service.ExecuteAsync(id, Coordinator, new Triage());

        var command = recorder.Activities.Should().ContainSingle(a => a.OperationName == "complaints.command" && (string?)a.GetTagItem("complaints.action") == "triage").Subject;
        var decisions = recorder.Of("complaints.policy.decision.duration").ToList();
        var decided = recorder.Activities.Where(a => a.OperationName == "complaints.policy.decide" && a.ParentSpanId == command.SpanId).ToList();
        decisions.Should().OnlyContain(m => m.Unit == "s" && m.Tag("complaints.pack") == "test");
        decisions.Select(m => m.Tag("complaints.decision_point")).Should().Contain(["admissibility", "severity", "routing", "deadlines"]);
        decided.Select(a => (string?)a.GetTagItem("complaints.decision_point")).Should().Contain(["admissibility", "severity", "routing", "deadlines"]);
        decisions.Should().ContainSingle(m => m.Tag("complaints.decision_point") == "severity")
            .Which.Value.Should().BeApproximately(0.04, 1e-9, "the classification took 40 ms");
        decisions.Where(m => m.Tag("complaints.decision_point") != "severity").Should().OnlyContain(m => m.Value == 0, "each decision is timed on its own, not the command");
    }

    [Fact]
    public async Task ADecisionThatThrows_IsTimed_AndItsActivityIsAnErrorWithTheTypeOnly()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.Receive();
        var service = TelemetryTests.ServiceOver(h, h.Store, recorder.Telemetry, new BrokenRouting(h.Policy));

        await service.Invoking(s => s.ExecuteAsync(id, Coordinator, new Triage())).Should().ThrowAsync<InvalidOperationException>();

        recorder.Of("complaints.policy.decision.duration").Should().Contain(m => m.Tag("complaints.decision_point") == "routing");
        var routing = recorder.Activities.Should().ContainSingle(a => a.OperationName == "complaints.policy.decide" && (string?)a.GetTagItem("complaints.decision_point") == "routing").Subject;
        routing.Status.Should().Be(ActivityStatusCode.Error);
        routing.GetTagItem("error.type").Should().Be(typeof(InvalidOperationException).FullName);
        routing.StatusDescription.Should().NotContain("routing.json", "the exception's message stays out of the trace");
    }

    [Fact]
    public async Task StoreSave_IsTimedByOutcome()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.Receive();
        var second = await h.Receive();

        await TelemetryTests.ServiceOver(h, new TelemetryTests.SlowStore(h, TimeSpan.FromMilliseconds(250)), recorder.Telemetry).ExecuteAsync(id, Coordinator, new Triage());
        await TelemetryTests.ServiceOver(h, new TelemetryTests.RacingStore(h), recorder.Telemetry)
            .Invoking(s => s.ExecuteAsync(second, Coordinator, new Triage())).Should().ThrowAsync<ConcurrencyException>();

        var saves = recorder.Of("complaints.store.save.duration").ToList();
        saves.Should().OnlyContain(m => m.Unit == "s");
        saves.Where(m => m.Tag("complaints.outcome") == "ok").Select(m => m.Value).Should().Equal([0, 0, 0.25], "two receipts took no time, the triage 250 ms");
        saves.Should().Contain(m => m.Tag("complaints.outcome") == "conflict");
        saves.Should().OnlyContain(m => m.Tag("complaints.outcome") == "ok" || m.Tag("complaints.outcome") == "conflict");
    }

    [Fact]
    public async Task DeadlineGauges_NothingBeforeThePoll_ThenTheOldestClaimedAlarmsLateness_ThenZero()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var id = await h.DriveTo(ComplaintState.Investigating);
        var worker = new DeadlineWorker(h.Store, h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions { WorkerId = "w" }), telemetry: recorder.Telemetry);
        var dueAt = (await h.Stored(id)).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).DueAt;

        recorder.Observe();
        recorder.Of("complaints.deadlines.lag").Should().BeEmpty("the worker has not polled: no lag to report, not zero");

        h.Time.SetUtcNow(PastDue);
        await worker.RunOnceAsync();
        recorder.Observe();
        recorder.Of("complaints.deadlines.lag").Should().ContainSingle().Which.Should().Match<Recorded>(m => m.Unit == "s" && m.Value == (PastDue - dueAt).TotalSeconds);
        recorder.Of("complaints.deadlines.claimed").Should().ContainSingle().Which.Value.Should().Be(1);

        await worker.RunOnceAsync();
        recorder.Observe();
        recorder.Of("complaints.deadlines.lag").Last().Value.Should().Be(0, "the last poll claimed nothing");
        recorder.Of("complaints.deadlines.claimed").Last().Value.Should().Be(0);
    }

    [Fact]
    public async Task OutboxGauges_TheOldestClaimedMessagesLateness_AndAFullBatchMeansMoreWait()
    {
        using var recorder = new TelemetryRecorder();
        var h = new Harness(telemetry: recorder.Telemetry);
        var first = await h.DriveTo(ComplaintState.Triaged);
        var second = await h.DriveTo(ComplaintState.Triaged);
        ((await h.Store.ReadOutboxAsync(first)).Count + (await h.Store.ReadOutboxAsync(second)).Count).Should().BeGreaterThan(1);
        var dispatcher = new OutboxDispatcher(
            h.Store, [new TelemetryTests.FailingSender(fail: false)], h.Time, OptionsFactory.Create(new OutboxDispatcherOptions { WorkerId = "d", BatchSize = 1 }), telemetry: recorder.Telemetry);
        h.Time.Advance(TimeSpan.FromMinutes(10));

        await dispatcher.RunOnceAsync();
        recorder.Observe();

        recorder.Of("complaints.outbox.lag").Should().ContainSingle().Which.Value.Should().Be(600, "every message was due when the case was triaged, 10 minutes ago");
        recorder.Of("complaints.outbox.claimed").Should().ContainSingle().Which.Should().Match<Recorded>(m => m.Unit == "{message}" && m.Value == 1, "a full batch: more are waiting");
    }

    /// <summary>A policy whose classification takes <paramref name="delay"/> on the fake clock.</summary>
    private sealed class SlowClassification(IComplaintPolicy inner, FakeTimeProvider time, TimeSpan delay) : ComplaintPolicyDecorator(inner)
    {
        public override SeverityDecision Classify(Complaint complaint)
        {
            time.Advance(delay);
            return Inner.Classify(complaint);
        }
    }

    /// <summary>A policy whose routing rules cannot run.</summary>
    private sealed class BrokenRouting(IComplaintPolicy inner) : ComplaintPolicyDecorator(inner)
    {
        public override RoutingDecision Route(Complaint complaint) => throw new InvalidOperationException("routing.json: rule 3 does not compile.");
    }
}
