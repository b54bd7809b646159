using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Lifecycle;

/// <summary>The conditions a state's transitions need: read-back, hearing the accused, findings, emergency meeting, follow-up.</summary>
public sealed class GuardTests
{
    [Fact]
    public async Task Triage_OralComplaintNotReadBack_FailsNamingTheReadBack()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.Intake(channel: Channel.Hotline));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Triage());

        var error = (await act.Should().ThrowAsync<InvalidTransitionException>()).Which;
        error.UnmetConditions.Should().Contain("oral record read back and confirmed");
        error.Allowed.Should().Contain(ComplaintAction.ConfirmReadBack);
        (await h.Stored(id)).State.Should().Be(ComplaintState.Received);
    }

    [Fact]
    public async Task Triage_OralComplaintReadBack_IsTriaged()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.Intake(channel: Channel.WalkIn));
        await h.Do(id, Receiver, new ConfirmReadBack(ReadBackMethod.SignedTranscript));

        var triaged = await h.Do(id, Coordinator, new Triage());

        triaged.State.Should().Be(ComplaintState.Triaged);
        triaged.ReadBack.Should().Be(new ReadBack(ReadBackMethod.SignedTranscript, Harness.Start));
    }

    [Fact]
    public async Task ConfirmReadBack_Twice_IsRefused()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.Intake(channel: Channel.Phone));
        await h.Do(id, Receiver, new ConfirmReadBack());

        var act = () => h.Service.ExecuteAsync(id, Receiver, new ConfirmReadBack());

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("not confirmed yet");
    }

    [Fact]
    public async Task RecordFindings_AccusedNotHeard_FailsUntilHeard()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var findings = new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Rude."));

        var act = () => h.Service.ExecuteAsync(id, Handler, findings);

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("the accused heard first");
        await h.Do(id, Handler, new HearAccused("The price had changed that morning."));
        (await h.Do(id, Handler, findings)).Findings.Should().Be(findings.Findings);
    }

    [Fact]
    public async Task HearAccused_NoStaffMemberAccused_IsRefused()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake());

        var act = () => h.Service.ExecuteAsync(id, Handler, new HearAccused("?"));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("a staff member is accused");
    }

    [Fact]
    public async Task ProposeRemedy_NoFindings_FailsNamingFindings()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake());

        var act = () => h.Service.ExecuteAsync(id, Handler, new ProposeRemedy(Harness.Compensation));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("findings recorded");
    }

    [Fact]
    public async Task ProposeRemedy_MajorWithoutEmergencyMeeting_FailsUntilMeetingHeld()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake(flags: ComplaintFlags.SafetyRisk));
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "Faulty batch.")));
        (await h.Stored(id)).Severity.Should().Be(Severity.Major);

        var act = () => h.Service.ExecuteAsync(id, Handler, new ProposeRemedy(Harness.Compensation));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("emergency meeting held (if its tier needs one)");
        var met = await h.Do(id, GeneralManager, new RecordEmergencyMeeting(["General manager", "Service manager", "Customer relations"], "Replace the pads; recall batch BP-1."));
        met.EmergencyMeeting!.Attendees.Should().HaveCount(3);
        (await h.Do(id, Handler, new ProposeRemedy(Harness.Compensation))).State.Should().Be(ComplaintState.AwaitingApproval);
    }

    [Fact]
    public async Task RecordEmergencyMeeting_NotMajor_IsRefused()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, SalesManager, new RecordEmergencyMeeting(["GM"], "Nothing."));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("a tier that needs an emergency meeting, without one yet");
    }

    [Fact]
    public async Task ProposeRemedy_WithinHandlerAuthority_SkipsApproval()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake());
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "Worn.")));

        var proposed = await h.Do(id, Handler, new ProposeRemedy(new RemedyProposal(RemedyKind.Repair, "Replace the pads", new Money(800, "CNY"))));

        proposed.State.Should().Be(ComplaintState.Approved);
        proposed.Approvals.Should().BeEmpty();
    }

    [Fact]
    public async Task Approve_TwoSteps_NeedsManagerThenGeneralManager()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake());
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "Brake failure.")));
        await h.Do(id, Handler, new ProposeRemedy(new RemedyProposal(RemedyKind.Compensation, "Compensate", new Money(60_000, "CNY"))));

        var gmFirst = () => h.Service.ExecuteAsync(id, GeneralManager, new Approve());
        await gmFirst.Should().ThrowAsync<NotPermittedException>();
        var afterManager = await h.Do(id, Manager, new Approve("Within budget."));
        afterManager.State.Should().Be(ComplaintState.AwaitingApproval);
        afterManager.PendingApproval!.Role.Should().Be(ComplaintRoles.GeneralManager);
        var afterGm = await h.Do(id, GeneralManager, new Approve("Approved."));

        afterGm.State.Should().Be(ComplaintState.Approved);
        afterGm.Approvals.Select(a => (a.Role, a.ApprovedBy)).Should().Equal(
            (ComplaintRoles.Manager, Manager.Id), (ComplaintRoles.GeneralManager, GeneralManager.Id));
    }

    [Fact]
    public async Task DeclineApproval_ReturnsToInvestigationWithoutRemedy()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingApproval);

        var declined = await h.Do(id, Manager, new DeclineApproval("Offer a repair, not cash."));

        declined.State.Should().Be(ComplaintState.Investigating);
        declined.Remedy.Should().BeNull();
        declined.Approvals.Should().BeEmpty();
        (await h.Journal(id))[^1].Event.Should().Be(new ApprovalDeclined(ComplaintRoles.Manager, "Offer a repair, not cash."));
    }

    [Fact]
    public async Task Close_WithoutFollowUp_FailsNamingTheFollowUp()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.FollowUp);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Close("Done."));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("a follow-up recorded");
    }

    [Fact]
    public async Task ResolveOnSpot_MinorComplaint_ClosesWithTheRemedyOnRecord()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.ProductIntake(claim: null));
        var remedy = new RemedyProposal(RemedyKind.Apology, "Apologised and replaced the dish.");

        var closed = await h.Do(id, Receiver, new ResolveOnSpot(remedy));

        closed.State.Should().Be(ComplaintState.Closed);
        closed.Remedy.Should().Be(remedy);
        closed.Severity.Should().Be(Severity.Minor);
        (await h.Journal(id))[^1].Event.Should().BeOfType<ResolvedOnSpot>().Which.Approval.WithinHandlerAuthority.Should().BeTrue();
    }

    [Fact]
    public async Task ResolveOnSpot_RemedyNeedsApproval_IsRefusedWithTheReason()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.ProductIntake(claim: null));

        var act = () => h.Service.ExecuteAsync(id, Receiver, new ResolveOnSpot(new RemedyProposal(RemedyKind.Refund, "Refund", new Money(5_000, "CNY"))));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("needs approval by manager");
        (await h.Stored(id)).State.Should().Be(ComplaintState.Received);
    }

    [Fact]
    public async Task ResolveOnSpot_MajorComplaint_IsRefused()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.ProductIntake(claim: null, flags: ComplaintFlags.HealthRisk));

        var act = () => h.Service.ExecuteAsync(id, Receiver, new ResolveOnSpot(new RemedyProposal(RemedyKind.Apology, "Sorry")));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("Major");
    }

    [Fact]
    public async Task Triage_PolicyRejects_CaseIsRejectedWithTheDecisionOnRecord()
    {
        var h = new Harness();
        h.Policy.Admissibility = Policy.AdmissibilityOutcome.Reject;
        var id = await h.Receive();

        var rejected = await h.Do(id, Coordinator, new Triage());

        rejected.State.Should().Be(ComplaintState.Rejected);
        rejected.Outcome.Should().Be("Already filed in court.");
        (await h.Journal(id))[^1].Event.Should().BeOfType<ComplaintRejected>()
            .Which.Decision!.Explanation.MatchedRules.Should().Equal("in-court");
    }

    [Fact]
    public async Task Triage_PolicyRedirects_CaseIsRedirectedToTheRightBody()
    {
        var h = new Harness();
        h.Policy.Admissibility = Policy.AdmissibilityOutcome.Redirect;
        var id = await h.Receive();

        var redirected = await h.Do(id, Coordinator, new Triage());

        redirected.State.Should().Be(ComplaintState.Redirected);
        redirected.Outcome.Should().Contain("the petition office");
    }
}
