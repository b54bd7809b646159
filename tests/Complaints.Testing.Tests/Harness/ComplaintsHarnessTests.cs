using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Rules;

namespace Complaints.Testing.Tests.Harness;

public sealed class ComplaintsHarnessTests
{
    [Fact]
    public async Task ReceiveAndTriage_BillingComplaintUnderTheGenericPack_RoutesToFinance()
    {
        var harness = ComplaintsHarness.ForPack("generic");

        var received = await harness.ReceiveAsync(A.Complaint().InCategory("billing").Claiming(200));
        var triaged = await harness.TriageAsync(received.Complaint.Id);

        triaged.Complaint.State.Should().Be(ComplaintState.Triaged);
        triaged.Complaint.Department.Should().Be(new DepartmentId("finance"));
        triaged.Complaint.Policy.Should().Be(new PolicyRef("generic", "1.0.0"));
        (await harness.LastDecisionAsync<RoutingDecision>(received.Complaint.Id))
            .Should().RouteTo("finance").And.HaveMatched("billing-to-finance").And.BeDecidedBy("generic");
    }

    [Fact]
    public async Task TriageAsync_OralComplaint_ConfirmsTheReadBackFirst()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var id = (await harness.ReceiveAsync(A.Complaint().Via(Channel.Phone))).Complaint.Id;

        await harness.TriageAsync(id);

        var journal = await harness.JournalAsync(id);
        journal.Select(e => e.Event.GetType()).Should().Equal(typeof(ComplaintReceived), typeof(ReadBackConfirmed), typeof(ComplaintTriaged));
    }

    [Fact]
    public async Task TriageAsync_InadmissibleComplaint_IsRejectedWithTheDecision()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var id = (await harness.ReceiveAsync(A.Complaint().WithAttribute("in-court"))).Complaint.Id;

        var result = await harness.TriageAsync(id);

        result.Complaint.State.Should().Be(ComplaintState.Rejected);
        (await harness.LastDecisionAsync<AdmissibilityDecision>(id)).Should().BeRejected().And.HaveMatched("already-in-court");
    }

    [Fact]
    public async Task Deadlines_ComeFromTheFakeClockAndTheGivenCalendar()
    {
        var harness = new ComplaintsHarness(PolicyPacks.LoadBuiltIn("generic"), new DaysAsHours());
        harness.Time.Advance(TimeSpan.FromDays(4));
        var id = (await harness.ReceiveAsync(A.Complaint())).Complaint.Id;

        var triaged = (await harness.TriageAsync(id)).Complaint;

        triaged.ReceivedAt.Should().Be(ComplaintBuilder.DefaultReceivedAt.AddDays(4));
        triaged.Deadlines.Should().ContainSingle(d => d.Kind == DeadlineKind.Acknowledge)
            .Which.Should().BeEquivalentTo(new { DueAt = triaged.ReceivedAt.AddHours(1), Calendar = "days-as-hours", Rule = "acknowledge-1wd" });
    }

    [Fact]
    public async Task Deadlines_WithoutAGivenCalendar_CountOnTheCalendarThePackNames()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var id = (await harness.ReceiveAsync(A.Complaint())).Complaint.Id;

        var triaged = (await harness.TriageAsync(id)).Complaint;

        var expected = harness.Calendars.Get("cn");
        triaged.Deadlines.Should().ContainSingle(d => d.Kind == DeadlineKind.Acknowledge).Which.Should().BeEquivalentTo(
            new { DueAt = expected.Add(triaged.ReceivedAt, 1, DeadlineUnit.WorkingDays), Calendar = expected.Name });
    }

    [Fact]
    public async Task Deadlines_PolicyNamingNoCalendar_CountOnWeekdays()
    {
        var harness = ComplaintsHarness.ForPolicy(new NoCalendar(PolicyPacks.LoadBuiltIn("generic")));
        var id = (await harness.ReceiveAsync(A.Complaint())).Complaint.Id;

        var triaged = (await harness.TriageAsync(id)).Complaint;

        harness.Calendar.Should().BeOfType<Complaints.Workflow.Calendars.WeekdayCalendar>();
        triaged.Deadlines.Should().OnlyContain(d => d.Calendar == harness.Calendar.Name);
    }

    /// <summary>The generic pack, but naming no calendar, as a host's own policy might.</summary>
    private sealed class NoCalendar(IComplaintPolicy inner) : ComplaintPolicyDecorator(inner)
    {
        public override string? CalendarName => null;
    }

    /// <summary>A calendar whose every unit is one clock hour, so due times are obvious.</summary>
    private sealed class DaysAsHours : Complaints.Ports.IBusinessCalendar
    {
        public string Name => "days-as-hours";

        public DateTimeOffset Add(DateTimeOffset start, int amount, DeadlineUnit unit) => start.AddHours(amount);
    }

    [Fact]
    public async Task ExecuteAsync_RunsCommandsAsTheActor()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var id = (await harness.ReceiveAsync(A.Complaint())).Complaint.Id;
        await harness.TriageAsync(id);

        var assigned = await harness.ExecuteAsync(id, A.Coordinator(), new Assign(A.Handler("han")));

        assigned.Complaint.Assignee!.Id.Should().Be(new ActorId("han"));
        (await harness.StoredAsync(id)).State.Should().Be(ComplaintState.Assigned);
        (await harness.DecisionsAsync<RecusalDecision>(id)).Should().ContainSingle().Which.Should().NotBeRecused();
        (await harness.DecisionsAsync<PolicyDecision>(id)).Should().HaveCount(5, "triage records four decisions and assignment one");
    }

    [Fact]
    public async Task ReceiveAsync_ByGivenReceiver_RecordsThem()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var nurse = An.Actor("nurse-1").InDepartment("ward-3").Build();

        var received = await harness.ReceiveAsync(A.Complaint().BuildIntake(), nurse);

        received.Complaint.ReceivedBy.Should().Be(nurse);
    }

    [Fact]
    public async Task StoredAsync_UnknownCase_SaysHowToGetOne()
    {
        var harness = ComplaintsHarness.ForPack("generic");

        var act = () => harness.StoredAsync(ComplaintId.New(ComplaintBuilder.DefaultReceivedAt));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("No complaint * is stored in this harness (0 are). Receive it with ReceiveAsync first.");
    }

    [Fact]
    public async Task LastDecisionAsync_NoneRecorded_SaysWhatIsThere()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var id = (await harness.ReceiveAsync(A.Complaint())).Complaint.Id;

        var act = () => harness.LastDecisionAsync<RewardDecision>(id);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("The journal of complaint * records no RewardDecision; it records no decisions. Events: ComplaintReceived.");
    }

    [Fact]
    public async Task ForPolicy_HostPolicy_DecidesNewCasesAndKeepsThemOnTheirVersion()
    {
        var v1 = PolicyPacks.LoadBuiltIn("generic");
        var harness = ComplaintsHarness.ForPolicy(v1);
        var id = (await harness.ReceiveAsync(A.Complaint())).Complaint.Id;

        harness.Policy.Should().BeSameAs(v1);
        (await harness.StoredAsync(id)).Policy.Should().Be(v1.Identity);
    }
}
