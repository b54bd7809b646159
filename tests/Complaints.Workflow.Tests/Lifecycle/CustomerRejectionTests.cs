using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Lifecycle;

/// <summary>The customer may reject a remedy: another round, and after the policy's limit, escalation.</summary>
public sealed class CustomerRejectionTests
{
    [Fact]
    public async Task Reject_FirstTime_BackToInvestigationForAnotherProposal()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingCustomer);

        var result = await h.Service.ExecuteAsync(id, Coordinator, new RecordCustomerRejection("I want a full refund."));

        result.Complaint.State.Should().Be(ComplaintState.Investigating);
        result.Complaint.CustomerRejections.Should().Be(1);
        result.Complaint.EscalationLevel.Should().Be(0);
        result.Complaint.Remedy.Should().BeNull();
        var rejected = result.Entries.Should().ContainSingle().Which.Event.Should().BeOfType<CustomerRejected>().Which;
        (rejected.Reason, rejected.Round).Should().Be(("I want a full refund.", 1));
        rejected.Escalation!.Escalate.Should().BeFalse("the policy escalates from the second rejection");
        rejected.Escalation.Explanation.Rules.Should().ContainSingle(r => r.Rule == "rejections" && !r.Matched);
    }

    [Fact]
    public async Task Reject_SecondTime_EscalatesALevelWithThePolicyDecision()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingCustomer);
        await h.Do(id, Coordinator, new RecordCustomerRejection("Not enough."));
        await ProposeAgain(h, id);

        var result = await h.Service.ExecuteAsync(id, Coordinator, new RecordCustomerRejection("Still not enough."));

        result.Complaint.State.Should().Be(ComplaintState.Investigating);
        result.Complaint.CustomerRejections.Should().Be(2);
        result.Complaint.EscalationLevel.Should().Be(1);
        result.Entries.Should().HaveCount(2);
        result.Entries.Select(e => e.CommandId).Distinct().Should().ContainSingle("both entries belong to one command");
        var escalated = result.Entries[1].Event.Should().BeOfType<Escalated>().Which;
        escalated.Level.Should().Be(1);
        escalated.Decision!.NotifyRole.Should().Be(ComplaintRoles.GeneralManager);
        escalated.Decision.Explanation.MatchedRules.Should().Equal("rejections");
    }

    [Fact]
    public async Task Reject_ThenAcceptSecondRemedy_CompletesTheLife()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingCustomer);
        await h.Do(id, Coordinator, new RecordCustomerRejection("Not enough."));
        await ProposeAgain(h, id);

        var accepted = await h.Do(id, Coordinator, new RecordCustomerAcceptance("Thank you."));
        await h.Do(id, Handler, new CompleteImplementation("Refunded in full."));
        await h.Do(id, Handler, new RecordFollowUp(Satisfaction.VerySatisfied));
        var closed = await h.Do(id, Coordinator, new Close("Resolved after a second offer."));

        accepted.State.Should().Be(ComplaintState.Implementing);
        closed.State.Should().Be(ComplaintState.Closed);
        closed.CustomerRejections.Should().Be(1);
        closed.Remedy!.Description.Should().Be("Full refund");
    }

    [Fact]
    public async Task Escalate_OnRequest_RaisesTheLevelEachTime()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        await h.Do(id, Handler, new Escalate("The customer asked for a manager."));
        var twice = await h.Do(id, Coordinator, new Escalate("The customer threatens the media."));

        twice.EscalationLevel.Should().Be(2);
        twice.State.Should().Be(ComplaintState.Investigating);
        (await h.Journal(id)).Select(e => e.Event).OfType<Escalated>().Select(e => e.Level).Should().Equal(1, 2);
    }

    private static async Task ProposeAgain(Harness h, ComplaintId id)
    {
        await h.Do(id, Handler, new ProposeRemedy(new RemedyProposal(RemedyKind.Refund, "Full refund", new Money(8_000, "CNY"))));
        await h.Do(id, Manager, new Approve());
        await h.Do(id, Coordinator, new CommunicateDecision(Channel.Phone, "We offer a full refund."));
    }
}
