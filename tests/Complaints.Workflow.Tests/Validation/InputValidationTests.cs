using Complaints.Commands;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Validation;

/// <summary>Bad input gets a typed error naming every field at fault, and nothing is stored.</summary>
public sealed class InputValidationTests
{
    [Fact]
    public async Task Receive_SeveralBadFields_NamesEachAndStoresNothing()
    {
        var h = new Harness();
        var intake = Harness.Intake() with
        {
            Description = " ",
            ClaimedAmount = new Money(-5, "yuan"),
            OccurredAt = Harness.Start.AddDays(1),
        };

        var act = () => h.Service.ReceiveAsync(Receiver, intake);

        var errors = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors;
        errors.Select(e => e.Field).Should().BeEquivalentTo(
            "Intake.Description", "Intake.ClaimedAmount.Amount", "Intake.ClaimedAmount.Currency", "Intake.OccurredAt");
        errors.Single(e => e.Field == "Intake.ClaimedAmount.Currency").Message.Should().Contain("ISO 4217");
        h.Store.Count.Should().Be(0);
    }

    [Fact]
    public async Task Reassign_WithoutAReason_NamesTheReasonFieldAndSaysWhatIsMissing()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Assigned);
        var before = await h.Stored(id);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Reassign(Handler2, " "));

        var error = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("Reason");
        error.Message.Should().StartWith("The reason for reassigning");
        (await h.Stored(id)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Reassign_ToTheCurrentHandler_SaysTheyAlreadyHandleTheCase()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Assigned);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Reassign(Handler, "Again."));

        var error = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("Handler");
        error.Message.Should().Be($"{Handler.Id} already handles complaint {id}; name someone else.");
    }

    [Fact]
    public async Task Receive_Anonymous_IsAccepted()
    {
        var h = new Harness();

        var received = (await h.Service.ReceiveAsync(Receiver, Harness.Intake(complainant: Complainant.Anonymous))).Complaint;

        received.Intake.Complainant.IsAnonymous.Should().BeTrue();
        received.State.Should().Be(ComplaintState.Received);
    }

    [Fact]
    public async Task Receive_BlankNameInsteadOfNull_AsksForNullForAnonymous()
    {
        var h = new Harness();

        var act = () => h.Service.ReceiveAsync(Receiver, Harness.Intake(complainant: new Complainant("  ", new ContactDetails())));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("null for an anonymous complaint");
    }

    [Fact]
    public async Task Receive_UndefinedEnumAndBlankEvidence_AreNamed()
    {
        var h = new Harness();
        var intake = Harness.Intake() with { Channel = (Channel)99, Evidence = [new EvidenceReference("")] };

        var act = () => h.Service.ReceiveAsync(Receiver, intake);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field)
            .Should().BeEquivalentTo("Intake.Channel", "Intake.Evidence[0].Reference");
    }

    [Fact]
    public async Task Receive_NoActorId_IsRefused()
    {
        var h = new Harness();

        var act = () => h.Service.ReceiveAsync(Receiver with { Id = new ActorId("") }, Harness.Intake());

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "Actor.Id");
    }

    public static TheoryData<ComplaintCommand, string> BadCommands() => new()
    {
        { new Reject(""), "Reason" },
        { new Redirect("", "x"), "To" },
        { new Recuse(" "), "Reason" },
        { new AddEvidence(new EvidenceReference("")), "Evidence.Reference" },
        { new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "")), "Findings.Summary" },
        { new RecordEmergencyMeeting([], "minutes"), "Attendees" },
        { new ProposeRemedy(new RemedyProposal(RemedyKind.Refund, "Refund", new Money(10, "RMB1"))), "Remedy.Amount.Currency" },
        { new DeclineApproval(""), "Reason" },
        { new CommunicateDecision(Channel.Phone, ""), "Message" },
        { new RecordCustomerRejection(""), "Reason" },
        { new Escalate(""), "Reason" },
        { new CompleteImplementation(""), "Summary" },
        { new RecordFollowUp((Satisfaction)42), "Satisfaction" },
        { new Close(""), "Summary" },
        { new Reopen(""), "Reason" },
        { new Withdraw(""), "Reason" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public async Task Execute_InvalidCommand_NamesTheFieldAndChangesNothing(ComplaintCommand command, string field)
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, command);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().Contain(e => e.Field == field);
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Fact]
    public async Task Execute_UnknownCase_IsNotFound()
    {
        var h = new Harness();

        var act = () => h.Service.ExecuteAsync(ComplaintId.New(Harness.Start), Coordinator, new Triage());

        await act.Should().ThrowAsync<ComplaintNotFoundException>();
    }
}
