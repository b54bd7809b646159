using Complaints.Journal;
using Complaints.Workflow.Tests.Support;

namespace Complaints.Workflow.Tests;

public sealed class HappyPathTests
{
    [Theory]
    [InlineData(ComplaintState.Received)]
    [InlineData(ComplaintState.Triaged)]
    [InlineData(ComplaintState.Assigned)]
    [InlineData(ComplaintState.Investigating)]
    [InlineData(ComplaintState.AwaitingApproval)]
    [InlineData(ComplaintState.Approved)]
    [InlineData(ComplaintState.AwaitingCustomer)]
    [InlineData(ComplaintState.Implementing)]
    [InlineData(ComplaintState.FollowUp)]
    [InlineData(ComplaintState.Closed)]
    [InlineData(ComplaintState.Rejected)]
    [InlineData(ComplaintState.Redirected)]
    [InlineData(ComplaintState.Withdrawn)]
    public async Task DriveTo_EveryState_IsReachableAndJournalReplaysToStoredCase(ComplaintState target)
    {
        var h = new Harness();

        var id = await h.DriveTo(target);

        var stored = await h.Stored(id);
        stored.State.Should().Be(target);
        var journal = await h.Journal(id);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        Harness.Json(ComplaintReplay.Replay(journal)).Should().Be(Harness.Json(stored));
    }

    [Fact]
    public async Task WholeLife_Closed_RecordsEachStepWithActorAndStates()
    {
        var h = new Harness();

        var id = await h.DriveTo(ComplaintState.Closed);

        var journal = await h.Journal(id);
        journal[0].Event.Should().BeOfType<ComplaintReceived>();
        journal[0].Actor.Should().Be(People.Receiver);
        journal.Should().ContainSingle(e => e.Event is ComplaintTriaged)
            .Which.Should().Match<JournalEntry>(e => e.From == ComplaintState.Received && e.To == ComplaintState.Triaged && e.Actor == People.Coordinator);
        journal.Should().ContainSingle(e => e.Event is RemedyApproved)
            .Which.Actor.Should().Be(People.Manager);
        journal[^1].Should().Match<JournalEntry>(e => e.Event is ComplaintClosed && e.From == ComplaintState.FollowUp && e.To == ComplaintState.Closed);
        var closed = await h.Stored(id);
        closed.Approvals.Should().ContainSingle().Which.ApprovedBy.Should().Be(People.Manager.Id);
        closed.Deadlines.Should().OnlyContain(d => d.MetAt != null);
    }
}
