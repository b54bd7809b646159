using Complaints.Improvement;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Improvement;

public sealed class CorrectiveActionVerificationTests
{
    [Fact]
    public async Task Verify_NoCaseOfTheCauseSinceCompletion_IsEffective()
    {
        var h = new CapaHarness();
        var before = await h.Case();
        var action = await h.Completed(before);
        h.Cases.Time.Advance(TimeSpan.FromDays(30));

        var verified = (await h.Actions.VerifyAsync(action.Id, Coordinator, new VerifyCorrectiveAction())).Action;

        verified.State.Should().Be(CorrectiveActionState.Verified);
        verified.Verification.Should().BeEquivalentTo(new { Effective = true, Recurrences = 0, By = Coordinator.Id, At = h.Cases.Time.GetUtcNow() });
        verified.Verification!.Note.Should().Contain("No case");
    }

    [Fact]
    public async Task Verify_SameCauseInTheSameDepartmentSinceCompletion_IsIneffectiveWithTheCount()
    {
        var h = new CapaHarness();
        var own = await h.Case();
        var action = await h.Completed(own);
        h.Cases.Time.Advance(TimeSpan.FromDays(1));
        var recurred = await h.Case(ComplaintState.AwaitingApproval); // findings recorded: staff error, in sales
        var recurredAgain = await h.Case();
        await h.Case(ComplaintState.Investigating); // no findings yet: not counted
        await h.Case(intake: Harness.ProductIntake()); // the same cause in another department: not counted

        var verified = (await h.Actions.VerifyAsync(action.Id, Coordinator, new VerifyCorrectiveAction())).Action;

        verified.State.Should().Be(CorrectiveActionState.Ineffective);
        verified.Verification!.Recurrences.Should().Be(2);
        verified.Verification.RecurringCases.Should().BeEquivalentTo([recurred, recurredAgain]);
        verified.Verification.Effective.Should().BeFalse();
    }

    [Fact]
    public async Task Verify_CasesOfTheCauseReceivedBeforeCompletion_AreNotRecurrences()
    {
        var h = new CapaHarness();
        var earlier = await h.Case();
        h.Cases.Time.Advance(TimeSpan.FromHours(1));
        var action = await h.Completed();

        var verified = (await h.Actions.VerifyAsync(action.Id, Coordinator, new VerifyCorrectiveAction())).Action;

        verified.Verification!.Recurrences.Should().Be(0, "case {0} was received before the action was completed", earlier);
    }

    [Fact]
    public async Task Verify_JudgementAgainstTheCountWithoutANote_IsRefusedNamingTheNote()
    {
        var h = new CapaHarness();
        var action = await h.Completed();
        await h.Case();

        var act = () => h.Actions.VerifyAsync(action.Id, Coordinator, new VerifyCorrectiveAction(Effective: true));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Which.Field.Should().Be("Note");
        (await h.Actions.GetAsync(action.Id)).State.Should().Be(CorrectiveActionState.Completed);
    }

    [Fact]
    public async Task Verify_JudgementAgainstTheCountWithANote_IsRecordedWithTheCount()
    {
        var h = new CapaHarness();
        var action = await h.Completed();
        await h.Case();

        var verified = (await h.Actions.VerifyAsync(
            action.Id, GeneralManager, new VerifyCorrectiveAction(true, "The case was about a quote made before the training."))).Action;

        verified.State.Should().Be(CorrectiveActionState.Verified);
        verified.Verification!.Recurrences.Should().Be(1);
        verified.Verification.Note.Should().Be("The case was about a quote made before the training.");
    }

    [Fact]
    public async Task Verify_ByTheOwner_IsRefused()
    {
        var h = new CapaHarness();
        var action = await h.Completed();
        var owner = CapaHarness.Owner with { Roles = [ComplaintRoles.Manager, ComplaintRoles.Coordinator] };

        var act = () => h.Actions.VerifyAsync(action.Id, owner, new VerifyCorrectiveAction());

        (await act.Should().ThrowAsync<CorrectiveActionNotPermittedException>()).Which.Operation.Should().Be(CorrectiveActionOperation.Verify);
    }

    [Fact]
    public async Task Verify_AnOpenAction_IsRefusedAsNotAllowedYet()
    {
        var h = new CapaHarness();
        var action = await h.Open();

        var act = () => h.Actions.VerifyAsync(action.Id, Coordinator, new VerifyCorrectiveAction());

        (await act.Should().ThrowAsync<CorrectiveActionTransitionException>()).Which.Allowed.Should().Contain(CorrectiveActionOperation.Complete);
    }
}
