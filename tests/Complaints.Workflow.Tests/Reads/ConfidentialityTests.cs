using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Reads;

/// <summary>Every read takes the reader; the complainant's identity is withheld from the accused and whoever the policy says.</summary>
public sealed class ConfidentialityTests
{
    [Fact]
    public async Task Get_ByCoordinator_ShowsTheComplainant()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var seen = await h.Service.GetAsync(id, Coordinator);

        seen.Intake.Complainant.Name.Should().Be("Liu Yang");
        seen.Intake.Complainant.Contact.Phone.Should().NotBeNull();
    }

    [Fact]
    public async Task Get_ByColleagueInTheAccusedDepartment_WithholdsIdentity()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var seen = await h.Service.GetAsync(id, SalesClerk);

        seen.Intake.Complainant.Should().Be(Complainant.Redacted);
        seen.Intake.Description.Should().NotBeEmpty("the facts stay visible so the accused side can answer them");
        (await h.Stored(id)).Intake.Complainant.Name.Should().Be("Liu Yang", "redaction never touches the stored case");
    }

    [Fact]
    public async Task Get_ByTheAccused_WithholdsIdentityWhateverThePolicySays()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);
        var accusedElsewhere = Accused with { Department = ServiceDept, Roles = [ComplaintRoles.Auditor] };

        var seen = await h.Service.GetAsync(id, accusedElsewhere);

        seen.Intake.Complainant.Should().Be(Complainant.Redacted);
    }

    [Fact]
    public async Task Journal_ForTheAccusedDepartment_RedactsTheReceipt()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var journal = await h.Service.GetJournalAsync(id, SalesClerk);

        journal[0].Event.Should().BeOfType<ComplaintReceived>().Which.Intake.Complainant.Should().Be(Complainant.Redacted);
        var full = await h.Service.GetJournalAsync(id, Auditor);
        full[0].Event.Should().BeOfType<ComplaintReceived>().Which.Intake.Complainant.Name.Should().Be("Liu Yang");
    }

    [Fact]
    public async Task Get_ByOutsider_IsNotPermitted()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var act = () => h.Service.GetAsync(id, Outsider);

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Action.Should().Be(ComplaintAction.View);
    }

    [Fact]
    public async Task Get_UnknownId_IsNotFound()
    {
        var h = new Harness();
        var missing = ComplaintId.New(Harness.Start);

        var act = () => h.Service.GetAsync(missing, Coordinator);

        (await act.Should().ThrowAsync<ComplaintNotFoundException>()).Which.ComplaintId.Should().Be(missing);
    }

    [Fact]
    public async Task CommandResult_ForAnActorInTheAccusedDepartment_IsRedactedToo()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingApproval);

        // The sales manager may not approve (recusal) but a sales coordinator may record a customer's words.
        var salesCoordinator = SalesClerk with { Roles = [ComplaintRoles.Coordinator] };
        var result = await h.Service.ExecuteAsync(id, salesCoordinator, new Escalate("Customer called again."));

        result.Complaint.Intake.Complainant.Should().Be(Complainant.Redacted);
    }
}
