using Complaints.Improvement;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Improvement;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Improvement;

/// <summary>An action's completion and verification deadlines are warned and breached by the same deadline worker as the cases'.</summary>
public sealed class CorrectiveActionDeadlineTests
{
    // Proposed Monday 2 March 09:30 (10 working days, warned 2 before): due at the end of Monday 16 March, warned at the end of Thursday 12 March.
    private static readonly DateTimeOffset WarnAt = new(2026, 3, 13, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueAt = new(2026, 3, 17, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Worker_AtTheWarningAndThenTheDueTime_RecordsEachOnceOnTheActionsJournal()
    {
        var h = new CapaHarness();
        var action = await h.Open();
        var worker = Worker(h);
        action.Due.WarnAt.Should().Be(WarnAt);
        action.DueAt.Should().Be(DueAt);

        h.Cases.Time.SetUtcNow(WarnAt.AddTicks(-1));
        (await worker.RunOnceAsync()).Should().Be(0);
        h.Cases.Time.SetUtcNow(WarnAt);
        (await worker.RunOnceAsync()).Should().Be(1);
        (await worker.RunOnceAsync()).Should().Be(0, "a warning is recorded once");
        h.Cases.Time.SetUtcNow(DueAt.AddDays(1));
        (await worker.RunOnceAsync()).Should().Be(1);
        (await worker.RunOnceAsync()).Should().Be(0);

        var journal = await h.Actions.ReadJournalAsync(action.Id);
        journal.Skip(1).Select(e => (e.Event, e.Actor.Id, e.At)).Should().Equal(
            (new CorrectiveActionDeadlineWarned(CorrectiveActionDeadlineKind.Completion), Actor.System.Id, WarnAt),
            (new CorrectiveActionDeadlineBreached(CorrectiveActionDeadlineKind.Completion), Actor.System.Id, DueAt.AddDays(1)));
        var stored = await h.Actions.GetAsync(action.Id);
        (stored.Due.WarnedAt, stored.Due.BreachedAt, stored.State).Should().Be((WarnAt, DueAt.AddDays(1), CorrectiveActionState.Open));
        (await h.Actions.QueryAsync(new CorrectiveActionQuery { DueBefore = h.Cases.Time.GetUtcNow() })).Should().ContainSingle("an overdue action is still found as overdue");
    }

    [Fact]
    public async Task Worker_BothAlarmsDueAtOnce_RecordsOnlyTheBreach()
    {
        var h = new CapaHarness();
        var action = await h.Open();
        h.Cases.Time.SetUtcNow(DueAt);

        (await Worker(h).RunOnceAsync()).Should().Be(1);

        (await h.Actions.ReadJournalAsync(action.Id))[^1].Event.Should().Be(new CorrectiveActionDeadlineBreached(CorrectiveActionDeadlineKind.Completion));
    }

    [Fact]
    public async Task Worker_ACompletedAction_WarnsAndBreachesItsVerificationNotItsCompletion()
    {
        var h = new CapaHarness();
        var action = await h.Completed();
        h.Cases.Time.SetUtcNow(DueAt.AddDays(1));
        (await Worker(h).RunOnceAsync()).Should().Be(0, "the completion deadline was met");

        h.Cases.Time.SetUtcNow(action.VerifyDueAt!.Value);
        (await Worker(h).RunOnceAsync()).Should().Be(1);

        var stored = await h.Actions.GetAsync(action.Id);
        stored.VerifyDue!.BreachedAt.Should().Be(action.VerifyDueAt);
        stored.Due.BreachedAt.Should().BeNull();
    }

    [Fact]
    public async Task Worker_AnEndedAction_RaisesNothing()
    {
        var h = new CapaHarness();
        var action = await h.Open();
        await h.Actions.CancelAsync(action.Id, Coordinator, "Superseded.");
        h.Cases.Time.SetUtcNow(DueAt.AddYears(1));

        (await Worker(h).RunOnceAsync()).Should().Be(0);
        (await h.Actions.ReadJournalAsync(action.Id)).Should().HaveCount(2);
    }

    [Fact]
    public async Task RecordDeadlineAlarm_NoLongerDue_RecordsNothing()
    {
        var h = new CapaHarness();
        var action = await h.Open();
        h.Cases.Time.SetUtcNow(WarnAt);
        var warning = (await h.Cases.Store.ReadDueAlarmsAsync(WarnAt, 10)).Should().ContainSingle().Subject;
        await h.Actions.RecordDeadlineAlarmAsync(warning);

        (await h.Actions.RecordDeadlineAlarmAsync(warning)).Should().BeNull("another worker recorded it already");
        (await h.Actions.GetAsync(action.Id)).Version.Should().Be(2);
    }

    [Fact]
    public async Task AddDeadlineWorker_OverTheInMemoryStore_RecordsActionsDeadlinesToo()
    {
        var time = new FakeTimeProvider(Harness.Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddComplaints().UsePolicy(new TestPolicy()).AddDeadlineWorker();
        using var provider = services.BuildServiceProvider();
        var actions = provider.GetRequiredService<CorrectiveActionService>();
        provider.GetRequiredService<ICorrectiveActionStore>().Should().BeSameAs(provider.GetRequiredService<IComplaintStore>());
        var action = (await actions.ProposeAsync(Coordinator, CapaHarness.Proposal())).Action;
        time.SetUtcNow(DueAt);

        var worker = provider.GetServices<IHostedService>().OfType<DeadlineWorker>().Single();
        (await worker.RunOnceAsync()).Should().Be(1);

        (await actions.GetAsync(action.Id)).Due.BreachedAt.Should().Be(DueAt);
    }

    private static DeadlineWorker Worker(CapaHarness h) => new(
        h.Cases.Store, h.Cases.Service, h.Cases.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = "w" }), correctiveActions: h.Actions);
}
