using Complaints.Improvement;
using Complaints.Workflow.Improvement;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Improvement;

public sealed class CorrectiveActionServiceTests
{
    [Fact]
    public async Task Propose_FromTwoCasesUnderAPolicyWithoutApproval_IsOpenWithItsDeadlineInWorkingDays()
    {
        var h = new CapaHarness();
        var first = await h.Case();
        var second = await h.Case();
        h.Cases.Time.SetUtcNow(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero)); // a Friday

        var result = await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(first, second));

        var action = result.Action;
        action.State.Should().Be(CorrectiveActionState.Open);
        action.Cases.Should().Equal(first, second);
        action.Department.Should().Be(Sales, "the first case's department when the proposal names none");
        action.Policy.Should().Be(TestPolicy.Ref);
        action.Approval.Should().BeNull();
        action.DueAt.Should().Be(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero), "the end of the 10th working day after the proposal on the weekday calendar");
        action.Due.WarnAt.Should().Be(new DateTimeOffset(2026, 3, 19, 0, 0, 0, TimeSpan.Zero), "2 working days before");
        action.Rules.Should().ContainSingle().Which.Should().StartWith("test.improvement");
        var journal = await h.Actions.ReadJournalAsync(action.Id);
        journal.Should().ContainSingle().Which.Event.Should().BeOfType<CorrectiveActionProposed>();
        Harness.Json(CorrectiveActionReplay.Replay(journal)).Should().Be(Harness.Json(await h.Actions.GetAsync(action.Id)));
    }

    [Fact]
    public async Task Propose_PolicyNamesAnApprover_AwaitsItAndTheApprovalRestartsTheDeadline()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { ApprovalRole = ComplaintRoles.GeneralManager, DueWorkingDays = 5 };
        var proposed = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(await h.Case()))).Action;
        proposed.State.Should().Be(CorrectiveActionState.AwaitingApproval);
        h.Cases.Time.Advance(TimeSpan.FromDays(7));

        var approved = (await h.Actions.ApproveAsync(proposed.Id, GeneralManager, "同意，限期整改")).Action;

        approved.State.Should().Be(CorrectiveActionState.Open);
        approved.Approval.Should().Be(new CorrectiveActionApproval(ComplaintRoles.GeneralManager, GeneralManager.Id, h.Cases.Time.GetUtcNow(), "同意，限期整改"));
        approved.DueAt.Should().Be(new DateTimeOffset(2026, 3, 17, 0, 0, 0, TimeSpan.Zero), "the end of the 5th working day after the approval (Monday 9 March), over a weekend");
    }

    [Fact]
    public async Task Approve_ByAnActorWithoutTheRole_IsRefusedNamingTheRoleAndStoresNothing()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { ApprovalRole = ComplaintRoles.GeneralManager };
        var proposed = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal())).Action;

        var act = () => h.Actions.ApproveAsync(proposed.Id, SalesManager);

        var error = (await act.Should().ThrowAsync<CorrectiveActionNotPermittedException>()).Which;
        error.Operation.Should().Be(CorrectiveActionOperation.Approve);
        error.Message.Should().Contain("general-manager");
        (await h.Actions.GetAsync(proposed.Id)).Version.Should().Be(1);
    }

    [Fact]
    public async Task Approve_ByTheOwnerHoldingTheRole_IsRefused()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { ApprovalRole = ComplaintRoles.GeneralManager };
        var proposed = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal() with { Owner = GeneralManager.Id })).Action;

        var act = () => h.Actions.ApproveAsync(proposed.Id, GeneralManager);

        (await act.Should().ThrowAsync<CorrectiveActionNotPermittedException>()).Which.Reason.Should().Contain("owner");
    }

    [Fact]
    public async Task Decline_ByTheApprover_EndsTheActionWithTheReason()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { ApprovalRole = ComplaintRoles.GeneralManager };
        var proposed = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal())).Action;

        var declined = (await h.Actions.DeclineAsync(proposed.Id, GeneralManager, "Covered by the new sales system.")).Action;

        declined.State.Should().Be(CorrectiveActionState.Declined);
        declined.Outcome.Should().Be("Covered by the new sales system.");
        declined.IsFinal.Should().BeTrue();
    }

    [Fact]
    public async Task Propose_UnknownCaseAndBadFields_NamesEveryFieldAndStoresNothing()
    {
        var h = new CapaHarness();
        var known = await h.Case(ComplaintState.Triaged);
        var command = CapaHarness.Proposal(known, ComplaintId.New(Harness.Start)) with { Title = " ", RootCause = (RootCause)42 };

        var act = () => h.Actions.ProposeAsync(Coordinator, command);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Title", "RootCause"]);
        var unknown = () => h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(known, ComplaintId.New(Harness.Start)));
        (await unknown.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Which.Field.Should().Be("Cases[1]");
        var twice = () => h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(known, known));
        (await twice.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Which.Field.Should().Be("Cases[1]");
        (await h.Actions.QueryAsync(new CorrectiveActionQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task Propose_ByAHandler_IsRefusedNamingWhoMay()
    {
        var h = new CapaHarness();

        var act = () => h.Actions.ProposeAsync(Handler, CapaHarness.Proposal());

        var error = (await act.Should().ThrowAsync<CorrectiveActionNotPermittedException>()).Which;
        error.Operation.Should().Be(CorrectiveActionOperation.Propose);
        error.Message.Should().Contain("coordinator");
        (await h.Actions.QueryAsync(new CorrectiveActionQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task Propose_ByAHandlerNamingAnUnknownCase_IsRefusedBeforeTheCasesAreRead()
    {
        var h = new CapaHarness();

        // Refused as not permitted, not as an unknown case: whoever may not propose learns nothing of which case ids exist.
        var act = () => h.Actions.ProposeAsync(Handler, CapaHarness.Proposal(ComplaintId.New(Harness.Start)));

        (await act.Should().ThrowAsync<CorrectiveActionNotPermittedException>()).Which.Operation.Should().Be(CorrectiveActionOperation.Propose);
    }

    [Fact]
    public async Task Progress_ByTheOwnerAndACoordinator_AreKeptInOrder()
    {
        var h = new CapaHarness();
        var action = await h.Open();

        await h.Actions.RecordProgressAsync(action.Id, CapaHarness.Owner, "Second check added to the quote form.");
        var noted = (await h.Actions.RecordProgressAsync(action.Id, Coordinator, "Training booked for 12 March.")).Action;

        noted.Progress.Select(p => (p.By, p.Note)).Should().Equal(
            (CapaHarness.Owner.Id, "Second check added to the quote form."), (Coordinator.Id, "Training booked for 12 March."));
        var outsider = () => h.Actions.RecordProgressAsync(action.Id, Handler, "Not mine.");
        await outsider.Should().ThrowAsync<CorrectiveActionNotPermittedException>();
    }

    [Fact]
    public async Task Complete_ByTheOwner_SetsTheVerificationDeadline()
    {
        var h = new CapaHarness();
        var action = await h.Open();
        var other = () => h.Actions.CompleteAsync(action.Id, Coordinator, "Done.");
        await other.Should().ThrowAsync<CorrectiveActionNotPermittedException>();

        var completed = (await h.Actions.CompleteAsync(action.Id, CapaHarness.Owner, "Quotes are checked by a second person.")).Action;

        completed.State.Should().Be(CorrectiveActionState.Completed);
        completed.CompletedAt.Should().Be(Harness.Start);
        completed.VerifyDueAt.Should().Be(new DateTimeOffset(2026, 5, 26, 0, 0, 0, TimeSpan.Zero), "the end of the 60th working day after completion: 12 weeks on the weekday calendar");
        completed.NextDueAt.Should().Be(completed.VerifyDueAt);
    }

    [Fact]
    public async Task Complete_WhileAwaitingApproval_IsRefusedListingWhatIsAllowed()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { ApprovalRole = ComplaintRoles.GeneralManager };
        var proposed = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal())).Action;

        var act = () => h.Actions.CompleteAsync(proposed.Id, CapaHarness.Owner, "Done.");

        var error = (await act.Should().ThrowAsync<CorrectiveActionTransitionException>()).Which;
        error.State.Should().Be(CorrectiveActionState.AwaitingApproval);
        error.Allowed.Should().Contain([CorrectiveActionOperation.Approve, CorrectiveActionOperation.Decline, CorrectiveActionOperation.Cancel]);
        error.Allowed.Should().NotContain(CorrectiveActionOperation.Complete);
    }

    [Fact]
    public async Task Approve_AnActionThatNeedsNoApproval_IsRefusedAsNotAllowed()
    {
        var h = new CapaHarness();
        var open = await h.Open();

        var act = () => h.Actions.ApproveAsync(open.Id, GeneralManager);

        (await act.Should().ThrowAsync<CorrectiveActionTransitionException>()).Which.State.Should().Be(CorrectiveActionState.Open);
    }

    [Fact]
    public async Task Cancel_AnOpenAction_EndsIt_AndACompletedOneCannotBeCancelled()
    {
        var h = new CapaHarness();
        var open = await h.Open();
        var completed = await h.Completed();

        (await h.Actions.CancelAsync(open.Id, Coordinator, "Superseded by a wider action.")).Action.State.Should().Be(CorrectiveActionState.Cancelled);
        var act = () => h.Actions.CancelAsync(completed.Id, Coordinator, "Too late.");
        await act.Should().ThrowAsync<CorrectiveActionTransitionException>();
    }

    [Fact]
    public async Task Command_WithAStaleExpectedVersion_ThrowsConcurrencyAndStoresNothing()
    {
        var h = new CapaHarness();
        var action = await h.Open();
        await h.Actions.RecordProgressAsync(action.Id, CapaHarness.Owner, "First.");

        var act = () => h.Actions.CancelAsync(action.Id, Coordinator, "Stale.", expectedVersion: 1);

        var error = (await act.Should().ThrowAsync<CorrectiveActionConcurrencyException>()).Which;
        (error.ExpectedVersion, error.ActualVersion).Should().Be((1L, 2L));
        (await h.Actions.GetAsync(action.Id)).State.Should().Be(CorrectiveActionState.Open);
    }

    [Fact]
    public async Task Action_OfCasesWithAComplainant_NeverCarriesTheirIdentity()
    {
        var h = new CapaHarness();
        var action = await h.Completed(await h.Case());
        await h.Actions.VerifyAsync(action.Id, Coordinator, new VerifyCorrectiveAction());

        var stored = Harness.Json(await h.Actions.GetAsync(action.Id)) + string.Concat((await h.Actions.ReadJournalAsync(action.Id)).Select(Harness.Json));

        stored.Should().NotContain("Liu Yang").And.NotContain("138 0000");
    }
}
