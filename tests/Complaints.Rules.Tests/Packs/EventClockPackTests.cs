using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Deadlines;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Rules.Tests.Packs;

/// <summary>
/// The built-in packs' clocks that start at an event, through the workflow on the pack's <c>cn</c> calendar: the
/// dealership's proposal a working day after assignment (t10 §3), the tobacco written result five days after the
/// handling is decided (art. 24), each warned and breached by the deadline worker on its own.
/// </summary>
public sealed class EventClockPackTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Wednesday 29 April 2026, 09:00 in Beijing: the Labour Day holiday runs from Friday 1 to Tuesday 5 May.</summary>
    private static readonly DateTimeOffset ReceivedAt = new(2026, 4, 29, 9, 0, 0, Beijing);

    [Fact]
    public async Task Dealership_TheProposalIsDueOneWorkingDayAfterAssignment_NotAfterReceipt()
    {
        var harness = new ComplaintsHarness(PolicyPacks.LoadBuiltIn("auto-dealership"), start: ReceivedAt);
        var id = (await harness.ReceiveAsync(A.Complaint().InCategory("service-quality").Described("The service advisor ignored us for an hour."))).Complaint.Id;
        var triaged = (await harness.TriageAsync(id)).Complaint;
        var assignedAt = new DateTimeOffset(2026, 4, 30, 16, 0, 0, Beijing);
        harness.Time.SetUtcNow(assignedAt);

        var assigned = (await harness.ExecuteAsync(id, A.Coordinator(), new Assign(A.Handler()))).Complaint;

        triaged.Deadlines.Select(d => d.Kind).Should().NotContain(DeadlineKind.Propose, "nobody is responsible yet");
        triaged.PendingDeadlines.Should().ContainSingle().Which.Rule.Should().Be("responsible-department-proposes-within-1-working-day");
        var propose = assigned.Deadlines.Should().ContainSingle(d => d.Kind == DeadlineKind.Propose).Which;
        propose.DueAt.Should().Be(new DateTimeOffset(2026, 5, 6, 18, 0, 0, Beijing), "the working day after Thursday 30 April is Wednesday 6 May");
        propose.WarnAt.Should().Be(assignedAt + ((propose.DueAt - assignedAt) * 0.75), "the pack warns at 75 % of the time");
        ComplaintReplay.Replay(await harness.JournalAsync(id)).Should().BeEquivalentTo(await harness.StoredAsync(id));

        var worker = Worker(harness);
        harness.Time.SetUtcNow(propose.DueAt);
        await worker.RunOnceAsync();
        (await harness.JournalAsync(id)).Where(e => e.Event is DeadlineBreached).Select(e => ((DeadlineBreached)e.Event).Kind)
            .Should().Equal([DeadlineKind.Propose], "the proposal is late; the resolution (3 working days from receipt, 7 May) is not yet");
    }

    [Fact]
    public async Task Tobacco_TheWrittenResultIsDueFiveDaysAfterTheRemedyIsApproved_AndBreachedOnItsOwn()
    {
        var harness = new ComplaintsHarness(PolicyPacks.LoadBuiltIn("tobacco-retail"), start: ReceivedAt);
        var driver = new CaseDriver(harness.Service, script: new CaseScript { Remedy = new RemedyProposal(RemedyKind.Apology, "The driver apologises in person.") });
        var investigating = await driver.DriveToAsync(
            A.Complaint().InCategory("delivery").Described("The delivery driver shouted at me after I waited two hours.").BuildIntake(), ComplaintState.Investigating);
        investigating.Deadlines.Select(d => d.Kind).Should().NotContain(DeadlineKind.NotifyResult, "the handling is not complete");
        var approvedAt = new DateTimeOffset(2026, 5, 8, 11, 0, 0, Beijing);
        harness.Time.SetUtcNow(approvedAt);

        // An apology is within the supervisor's authority: proposing it decides the handling.
        var approved = await driver.DriveOnAsync(investigating, ComplaintState.Approved);

        var notify = approved.Deadlines.Should().ContainSingle(d => d.Kind == DeadlineKind.NotifyResult).Which;
        notify.DueAt.Should().Be(new DateTimeOffset(2026, 5, 14, 0, 0, 0, Beijing), "five calendar days from Friday 8 May end with Wednesday 13 May");
        approved.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).DueAt.Should().Be(new DateTimeOffset(2026, 5, 30, 0, 0, 0, Beijing), "the 30 days still count from receipt");
        approved.PendingDeadlines.Should().BeEmpty();

        harness.Time.SetUtcNow(notify.DueAt);
        await Worker(harness).RunOnceAsync();

        var breaches = (await harness.JournalAsync(approved.Id)).Where(e => e.Event is DeadlineBreached).Select(e => ((DeadlineBreached)e.Event).Kind);
        breaches.Should().Equal([DeadlineKind.NotifyResult], "the reporter was not told within 5 days though the 30 days have not run out");
    }

    [Fact]
    public async Task Tobacco_TellingTheResultInTime_MeetsTheWrittenResultDeadline()
    {
        var harness = new ComplaintsHarness(PolicyPacks.LoadBuiltIn("tobacco-retail"), start: ReceivedAt);
        var driver = new CaseDriver(harness.Service, script: new CaseScript { Remedy = new RemedyProposal(RemedyKind.Apology, "The driver apologises in person."), DecisionChannel = Channel.Letter });
        var approved = await driver.DriveToAsync(
            A.Complaint().InCategory("delivery").Described("The delivery driver shouted at me after I waited two hours.").BuildIntake(), ComplaintState.Approved);
        harness.Time.Advance(TimeSpan.FromDays(2));

        var told = await driver.DriveOnAsync(approved, ComplaintState.AwaitingCustomer);

        told.Deadlines.Where(d => d.Kind is DeadlineKind.NotifyResult or DeadlineKind.Resolve).Should().OnlyContain(d => d.MetAt == harness.Time.GetUtcNow());
        ComplaintReplay.Replay(await harness.JournalAsync(told.Id)).Should().BeEquivalentTo(await harness.StoredAsync(told.Id));
    }

    private static DeadlineWorker Worker(ComplaintsHarness harness) =>
        new(harness.Store, harness.Service, harness.Time, OptionsFactory.Create(new DeadlineWorkerOptions { WorkerId = "w" }));
}
