using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Decisions;

/// <summary>
/// What the record says when the policy turns a case away or escalates it: the policy's own words when it states them,
/// the workflow's plain words when it does not.
/// </summary>
public sealed class PolicyReasonTests
{
    private static readonly DateTimeOffset PastTheResolveDeadline = new(2026, 3, 6, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Triage_PolicyRejectsWithoutAReason_RecordsThatTheCaseIsNotAdmissible()
    {
        var h = new Harness();
        h.Policy.Admissibility = Policy.AdmissibilityOutcome.Reject;
        h.Policy.StatesReasons = false;
        var id = await h.Receive();

        await h.Do(id, Coordinator, new Triage());

        (await h.Journal(id))[^1].Event.Should().BeOfType<ComplaintRejected>().Which.Reason.Should().Be("Not admissible.");
    }

    [Fact]
    public async Task Triage_PolicyRedirectsGivingTheBodyAndReason_RecordsBoth()
    {
        var h = new Harness();
        h.Policy.Admissibility = Policy.AdmissibilityOutcome.Redirect;
        var id = await h.Receive();

        await h.Do(id, Coordinator, new Triage());

        var redirected = (await h.Journal(id))[^1].Event.Should().BeOfType<ComplaintRedirected>().Which;
        (redirected.To, redirected.Reason).Should().Be(("the petition office", "Petitions are for the petition office."));
    }

    [Fact]
    public async Task Triage_PolicyRedirectsWithoutNamingTheBodyOrReason_RecordsTheCompetentBodyOutsideOurRemit()
    {
        var h = new Harness();
        h.Policy.Admissibility = Policy.AdmissibilityOutcome.Redirect;
        h.Policy.StatesReasons = false;
        var id = await h.Receive();

        await h.Do(id, Coordinator, new Triage());

        var redirected = (await h.Journal(id))[^1].Event.Should().BeOfType<ComplaintRedirected>().Which;
        (redirected.To, redirected.Reason).Should().Be(("the competent body", "Outside our remit."));
    }

    [Theory]
    [InlineData(true, "DeadlineBreached")]
    [InlineData(false, "The Resolve deadline was breached.")]
    public async Task Breach_ThePolicyEscalates_TheEscalationGivesThePolicysReasonElseTheBreach(bool policyStatesReason, string reason)
    {
        var h = new Harness();
        h.Policy.StatesReasons = policyStatesReason;
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(PastTheResolveDeadline);

        await h.Do(id, Coordinator, new RecordDeadlineBreach(DeadlineKind.Resolve));

        (await h.Journal(id)).Select(e => e.Event).OfType<Escalated>().Should().ContainSingle().Which.Reason.Should().Be(reason);
    }

    [Theory]
    [InlineData(true, "customer rejected 1 remedies")]
    [InlineData(false, "The customer rejected the remedy 1 time(s).")]
    public async Task CustomerRejection_ThePolicyEscalates_TheEscalationGivesThePolicysReasonElseTheCount(bool policyStatesReason, string reason)
    {
        var h = new Harness();
        h.Policy.RejectionsBeforeEscalation = 1;
        h.Policy.StatesReasons = policyStatesReason;
        var id = await h.DriveTo(ComplaintState.AwaitingCustomer);

        await h.Do(id, Coordinator, new RecordCustomerRejection("The refund is too small."));

        (await h.Journal(id)).Select(e => e.Event).OfType<Escalated>().Should().ContainSingle().Which.Reason.Should().Be(reason);
    }
}
