using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Deadlines;

/// <summary>
/// A deadline whose clock starts at an event (<see cref="DeadlineRule.StartsAt"/>) is pending, not due, until the event
/// happens; the save that records the event plans it from the event's time on the policy's calendar, the worker warns
/// and breaches it like any other, and the journal replays to the stored case.
/// </summary>
public sealed class EventClockTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Wednesday 29 April 2026, 09:00 in Beijing: the Labour Day holiday runs from Friday 1 to Tuesday 5 May.</summary>
    private static readonly DateTimeOffset ReceivedAt = new(2026, 4, 29, 9, 0, 0, Beijing);

    /// <summary>Thursday 30 April 2026, 10:00 in Beijing, the last working day before the holiday.</summary>
    private static readonly DateTimeOffset AssignedAt = new(2026, 4, 30, 10, 0, 0, Beijing);

    private static readonly DeadlineRule ProposeAfterAssignment =
        new(DeadlineKind.Propose, 1, DeadlineUnit.WorkingDays, "propose-1wd-of-assignment") { StartsAt = ClockStart.Assigned, WarnAtShare = 0.5m };

    [Fact]
    public async Task BeforeAssignment_TheProposeDeadlineIsPendingNotPlanned()
    {
        var h = ChinaHarness(ProposeAfterAssignment);

        var triaged = await h.Driver.DriveToAsync(Harness.Intake(), ComplaintState.Triaged);
        var stored = await h.Stored(triaged.Id);

        stored.Deadlines.Select(d => d.Kind).Should().NotContain(DeadlineKind.Propose);
        stored.PendingDeadlines.Should().Equal(ProposeAfterAssignment);
        stored.NextDeadline!.Kind.Should().NotBe(DeadlineKind.Propose);
    }

    [Fact]
    public async Task Assignment_PlansTheProposeDeadlineOneChineseWorkingDayLater_InTheSameSave()
    {
        var h = ChinaHarness(ProposeAfterAssignment);
        var id = (await h.Driver.DriveToAsync(Harness.Intake(), ComplaintState.Triaged)).Id;
        h.Time.SetUtcNow(AssignedAt);

        var result = await h.Service.ExecuteAsync(id, Coordinator, new Assign(Handler));

        var propose = result.Complaint.Deadlines.Should().ContainSingle(d => d.Kind == DeadlineKind.Propose).Which;
        propose.DueAt.Should().Be(new DateTimeOffset(2026, 5, 6, 18, 0, 0, Beijing), "the next working day after Thursday 30 April is Wednesday 6 May, and it ends at 18:00");
        propose.WarnAt.Should().Be(AssignedAt + ((propose.DueAt - AssignedAt) / 2));
        propose.Rule.Should().Be("propose-1wd-of-assignment");
        result.Complaint.PendingDeadlines.Should().BeEmpty();
        result.Entries.Select(e => e.Event.GetType()).Should().Equal(typeof(HandlerAssigned), typeof(DeadlinesStarted));
        result.Entries[1].Should().Match<JournalEntry>(e => e.From == ComplaintState.Assigned && e.To == ComplaintState.Assigned
            && e.CommandId == result.Entries[0].CommandId && e.At == AssignedAt);
        ((DeadlinesStarted)result.Entries[1].Event).StartedBy.Should().Be(ClockStart.Assigned);
        Harness.Json(ComplaintReplay.Replay(await h.Journal(id))).Should().Be(Harness.Json(await h.Stored(id)), "the journal replays to the stored case");
    }

    [Fact]
    public async Task TheWorker_WarnsAndBreachesADeadlineStartedByAssignment()
    {
        var h = ChinaHarness(ProposeAfterAssignment);
        var id = (await h.Driver.DriveToAsync(Harness.Intake(), ComplaintState.Triaged)).Id;
        h.Time.SetUtcNow(AssignedAt);
        await h.Do(id, Coordinator, new Assign(Handler));
        var worker = new DeadlineWorker(h.Store, h.Service, h.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = "w" }));

        // Due Wednesday 6 May 18:00, 6 days 8 hours after the assignment: warned at half time, Sunday 3 May 14:00.
        h.Time.SetUtcNow(new DateTimeOffset(2026, 5, 3, 13, 59, 0, Beijing));
        await worker.RunOnceAsync();
        var beforeHalfTime = await h.Journal(id);
        h.Time.SetUtcNow(new DateTimeOffset(2026, 5, 3, 14, 0, 0, Beijing));
        await worker.RunOnceAsync();
        var atHalfTime = await h.Journal(id);
        h.Time.SetUtcNow(new DateTimeOffset(2026, 5, 6, 18, 0, 0, Beijing));
        await worker.RunOnceAsync();

        beforeHalfTime.Should().NotContain(e => e.Event is DeadlineWarned && ((DeadlineWarned)e.Event).Kind == DeadlineKind.Propose);
        atHalfTime.Should().ContainSingle(e => e.Event is DeadlineWarned && ((DeadlineWarned)e.Event).Kind == DeadlineKind.Propose);
        (await h.Journal(id)).Should().ContainSingle(e => e.Event is DeadlineBreached && ((DeadlineBreached)e.Event).Kind == DeadlineKind.Propose);
        (await h.Stored(id)).Deadlines.Single(d => d.Kind == DeadlineKind.Propose).BreachedAt.Should().Be(new DateTimeOffset(2026, 5, 6, 18, 0, 0, Beijing));
    }

    [Fact]
    public async Task Reassignment_DoesNotRestartTheClock()
    {
        var h = ChinaHarness(ProposeAfterAssignment);
        var id = (await h.Driver.DriveToAsync(Harness.Intake(), ComplaintState.Triaged)).Id;
        h.Time.SetUtcNow(AssignedAt);
        var assigned = await h.Do(id, Coordinator, new Assign(Handler));
        h.Time.SetUtcNow(new DateTimeOffset(2026, 5, 6, 9, 0, 0, Beijing));

        var result = await h.Service.ExecuteAsync(id, Coordinator, new Reassign(Handler2, "Han is on leave."));

        result.Entries.Should().ContainSingle();
        result.Complaint.Deadlines.Single(d => d.Kind == DeadlineKind.Propose).Should().Be(assigned.Deadlines.Single(d => d.Kind == DeadlineKind.Propose));
    }

    [Fact]
    public async Task AProposal_MeetsADeadlineStartedByAssignment()
    {
        var h = ChinaHarness(ProposeAfterAssignment);
        var id = (await h.Driver.DriveToAsync(Harness.Intake(), ComplaintState.Triaged)).Id;
        h.Time.SetUtcNow(AssignedAt);
        var assigned = await h.Do(id, Coordinator, new Assign(Handler));
        h.Time.SetUtcNow(AssignedAt.AddHours(2));

        var proposed = await h.Driver.DriveOnAsync(assigned, ComplaintState.AwaitingApproval);

        proposed.Deadlines.Single(d => d.Kind == DeadlineKind.Propose).MetAt.Should().Be(AssignedAt.AddHours(2));
    }

    [Fact]
    public async Task ARuleCountedFromTriage_StartsAtTheTriageNotAtReceipt()
    {
        var rule = new DeadlineRule(DeadlineKind.Propose, 4, DeadlineUnit.Hours, "propose-4h-of-triage") { StartsAt = ClockStart.Triaged };
        var h = ChinaHarness(rule);
        var id = await h.Receive();
        h.Time.SetUtcNow(ReceivedAt.AddHours(3));

        var triaged = await h.Do(id, Coordinator, new Triage());

        triaged.Deadlines.Single(d => d.Kind == DeadlineKind.Propose).DueAt.Should().Be(ReceivedAt.AddHours(7));
        triaged.PendingDeadlines.Should().BeEmpty();
    }

    [Fact]
    public async Task ARuleCountedFromApproval_StartsOnlyWithTheLastApprovalStep()
    {
        var rule = new DeadlineRule(DeadlineKind.NotifyResult, 5, DeadlineUnit.CalendarDays, "told-within-5-days-of-approval") { StartsAt = ClockStart.RemedyApproved };
        var h = ChinaHarness(rule);

        // The happy path's 5,000 CNY remedy needs the manager's approval.
        var awaiting = await h.Driver.DriveToAsync(Harness.Intake(), ComplaintState.AwaitingApproval);
        awaiting.Deadlines.Select(d => d.Kind).Should().NotContain(DeadlineKind.NotifyResult);
        h.Time.Advance(TimeSpan.FromDays(2));
        var approvedAt = h.Time.GetUtcNow();
        var approved = await h.Driver.DriveOnAsync(awaiting, ComplaintState.Approved);

        // Five calendar days end at midnight in Beijing: from Friday 1 May, the end of Wednesday 6 May.
        approved.Deadlines.Single(d => d.Kind == DeadlineKind.NotifyResult).DueAt.Should().Be(new DateTimeOffset(2026, 5, 7, 0, 0, 0, Beijing));
        approvedAt.Should().Be(new DateTimeOffset(2026, 5, 1, 9, 0, 0, Beijing));
        var communicated = await h.Driver.DriveOnAsync(approved, ComplaintState.AwaitingCustomer);
        communicated.Deadlines.Single(d => d.Kind == DeadlineKind.NotifyResult).MetAt.Should().Be(h.Time.GetUtcNow(), "communicating the decision tells the result");
        Harness.Json(ComplaintReplay.Replay(await h.Journal(approved.Id))).Should().Be(Harness.Json(await h.Stored(approved.Id)));
    }

    [Fact]
    public async Task ARuleCountedFromReopening_WaitsAndStartsAtEachReopening()
    {
        var rule = new DeadlineRule(DeadlineKind.Resolve, 2, DeadlineUnit.WorkingDays, "resolve-2wd-of-reopening") { StartsAt = ClockStart.Reopened };
        var h = ChinaHarness(rule);
        var closed = await h.Driver.DriveToAsync(Harness.Intake(), ComplaintState.Closed);
        closed.PendingDeadlines.Should().Equal(rule);
        var firstResolve = closed.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        firstResolve.MetAt.Should().NotBeNull();
        var reopenedAt = h.Time.GetUtcNow();

        var reopened = await h.Do(closed.Id, Coordinator, new Reopen("The refund never arrived."));

        reopened.Deadlines.Should().HaveCount(closed.Deadlines.Count + 1, "the met deadlines stay on record");
        reopened.Deadlines.Should().Contain(firstResolve);
        var again = reopened.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve && d.MetAt == null);
        (again.Rule, again.DueAt).Should().Be(("resolve-2wd-of-reopening", BusinessCalendars.China().Add(reopenedAt, 2, DeadlineUnit.WorkingDays)));
        reopened.PendingDeadlines.Should().Equal([rule], "it starts again at the next reopening");
        Harness.Json(ComplaintReplay.Replay(await h.Journal(closed.Id))).Should().Be(Harness.Json(await h.Stored(closed.Id)));
    }

    [Fact]
    public async Task ACaseSettledOnTheSpotAndReopened_IsTriagedWithItsReopeningRulesCountedFromTheReopening()
    {
        var rule = new DeadlineRule(DeadlineKind.Resolve, 2, DeadlineUnit.WorkingDays, "resolve-2wd-of-reopening") { StartsAt = ClockStart.Reopened };
        var h = ChinaHarness(rule, ProposeAfterAssignment);
        var id = await h.Receive(Harness.ProductIntake(claim: 500));
        await h.Do(id, Receiver, new ResolveOnSpot(new RemedyProposal(RemedyKind.Refund, "Refunded the cover charge.", new Money(80, "CNY"))));
        h.Time.Advance(TimeSpan.FromHours(1));
        var reopenedAt = h.Time.GetUtcNow();
        var reopened = await h.Service.ExecuteAsync(id, Coordinator, new Reopen("The refund never arrived."));
        h.Time.Advance(TimeSpan.FromHours(1));

        var triaged = await h.Do(id, Coordinator, new Triage());

        reopened.Entries.Should().ContainSingle("back in Received, the case's triage sets its deadlines");
        triaged.Deadlines.Where(d => d.Kind == DeadlineKind.Resolve).Select(d => d.Rule).Should().Equal("resolve-3wd", "resolve-2wd-of-reopening");
        triaged.Deadlines.Single(d => d.Rule == "resolve-2wd-of-reopening").DueAt.Should().Be(BusinessCalendars.China().Add(reopenedAt, 2, DeadlineUnit.WorkingDays));
        triaged.PendingDeadlines.Should().Equal(rule, ProposeAfterAssignment);
    }

    [Fact]
    public async Task ARuleWhoseEventNeverCame_StaysPendingAndRaisesNoAlarm()
    {
        var h = ChinaHarness(ProposeAfterAssignment);
        var id = (await h.Driver.DriveToAsync(Harness.Intake(), ComplaintState.Triaged)).Id;
        h.Time.SetUtcNow(ReceivedAt.AddDays(60));

        var stored = await h.Stored(id);

        stored.PendingDeadlines.Should().ContainSingle();
        Ports.DeadlineAlarms.Due(stored, h.Time.GetUtcNow()).Select(a => a.Kind).Should().NotContain(DeadlineKind.Propose);
    }

    private static Harness ChinaHarness(params DeadlineRule[] rules)
    {
        var h = new Harness(BusinessCalendars.China());
        h.Policy.ExtraDeadlines.AddRange(rules);
        h.Time.SetUtcNow(ReceivedAt);
        return h;
    }
}
