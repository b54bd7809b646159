using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Decisions;

/// <summary>
/// Settling a complaint on the spot (当场处理): the receiver may, for a minor or general complaint whose remedy is
/// within the handler's authority; anything more serious goes through triage.
/// </summary>
public sealed class OnTheSpotTests
{
    private static readonly RemedyProposal SmallRefund = new(RemedyKind.Refund, "Refunded the cover charge.", new Money(80, "CNY"));

    [Fact]
    public async Task ResolveOnSpot_GeneralComplaint_WithinAuthority_IsClosedAsGeneral()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.ProductIntake(claim: 500));

        var closed = await h.Do(id, Receiver, new ResolveOnSpot(SmallRefund));

        closed.State.Should().Be(ComplaintState.Closed);
        closed.Severity.Should().Be(Severity.General);
        var settled = (await h.Journal(id))[^1].Event.Should().BeOfType<ResolvedOnSpot>().Subject;
        settled.Severity.Tier.Should().Be(Severity.General);
        settled.Approval.Steps.Should().BeEmpty();
    }

    [Fact]
    public async Task ResolveOnSpot_SeriousComplaint_IsRefusedSayingWhy_AndChangesNothing()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.ProductIntake(claim: 20_000));

        var act = () => h.Service.ExecuteAsync(id, Receiver, new ResolveOnSpot(SmallRefund));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("Serious").And.Contain("large claim").And.Contain("Triage it instead");
        (await h.Stored(id)).Should().Match<Complaint>(c => c.State == ComplaintState.Received && c.Version == 1);
    }
}
