using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Permissions;

/// <summary>Conflict of interest (回避): the conflicted may not handle or approve; the case moves on without them.</summary>
public sealed class RecusalTests
{
    [Fact]
    public async Task Assign_HandlerFromTheAccusedDepartment_IsBlockedWithTheReasonAndChangesNothing()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Assign(SalesHandler));

        var error = (await act.Should().ThrowAsync<RecusalRequiredException>()).Which;
        error.Person.Should().Be(SalesHandler.Id);
        error.Reason.Should().Be("same department as the accused");
        error.Rules.Should().Equal("same-department");
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Fact]
    public async Task Assign_TheAccusedThemselves_IsBlocked()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Assign(Accused with { Roles = [ComplaintRoles.Handler] }));

        (await act.Should().ThrowAsync<RecusalRequiredException>()).Which.Reason.Should().Contain("complained about");
    }

    [Fact]
    public async Task Assign_DeclaredConflict_IsBlocked()
    {
        var h = new Harness();
        h.Policy.DeclaredConflicts.Add(Handler.Id);
        var id = await h.DriveTo(ComplaintState.Triaged);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Assign(Handler));

        (await act.Should().ThrowAsync<RecusalRequiredException>()).Which.Reason.Should().Be("declared a conflict of interest");
    }

    [Fact]
    public async Task Assign_NoConflict_RecordsThePolicyCheckOnTheJournal()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Assigned);

        var assigned = (await h.Journal(id)).Select(e => e.Event).OfType<HandlerAssigned>().Single();

        assigned.Handler.Should().Be(Handler);
        assigned.Recusal.MustRecuse.Should().BeFalse();
        assigned.Recusal.Explanation.Policy.Should().Be(TestPolicy.Ref);
    }

    [Fact]
    public async Task Recuse_Handler_ReturnsToTriageAndCanNeverActOrBeAssignedAgain()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake()); // his department's case: he still sees it

        var recused = await h.Do(id, Handler, new Recuse("The complainant is my neighbour."));

        recused.State.Should().Be(ComplaintState.Triaged);
        recused.Assignee.Should().BeNull();
        (await h.Stored(id)).Recusals.Should().ContainSingle().Which.Should().Be(new Recusal(Handler.Id, "The complainant is my neighbour.", Harness.Start));
        var reassignSame = () => h.Service.ExecuteAsync(id, Coordinator, new Assign(Handler));
        (await reassignSame.Should().ThrowAsync<RecusalRequiredException>()).Which.Reason.Should().Contain("recused earlier");
        var actAnyway = () => h.Service.ExecuteAsync(id, Handler, new Escalate("I still care."));
        (await actAnyway.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("recused");
        (await h.Do(id, Coordinator, new Assign(Handler2))).Assignee.Should().Be(Handler2);
    }

    [Fact]
    public async Task Reassign_ToAnotherHandler_KeepsTheInvestigationHistory()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        await h.Do(id, Handler, new AddEvidence(new EvidenceReference("quote.pdf")));

        var reassigned = await h.Do(id, Coordinator, new Reassign(Handler2, "Han is on leave."));

        reassigned.State.Should().Be(ComplaintState.Assigned);
        reassigned.Assignee.Should().Be(Handler2);
        reassigned.Evidence.Should().ContainSingle(e => e.Reference == "quote.pdf");
        var oldHandler = () => h.Service.ExecuteAsync(id, Handler, new StartInvestigation());
        await oldHandler.Should().ThrowAsync<NotPermittedException>();
    }

    [Fact]
    public async Task Reassign_ToTheSameHandler_IsAValidationError()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Assigned);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Reassign(Handler, "Again."));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "Handler");
    }

    [Fact]
    public async Task Approve_ApproverFromTheAccusedDepartment_IsBlocked()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingApproval);

        var act = () => h.Service.ExecuteAsync(id, SalesManager, new Approve());

        (await act.Should().ThrowAsync<RecusalRequiredException>()).Which.Person.Should().Be(SalesManager.Id);
        (await h.Stored(id)).PendingApproval!.ApprovedBy.Should().BeNull();
    }
    [Fact]
    public async Task AllowedActions_AnApproverThePolicyWouldRecuse_IsNotOfferedApprove()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingApproval);

        // Both hold the role the step needs; only the sales manager is from the accused department.
        (await h.Service.GetAllowedActionsAsync(id, Manager)).Should().Contain(ComplaintAction.Approve);
        (await h.Service.GetAllowedActionsAsync(id, SalesManager)).Should().NotContain(ComplaintAction.Approve);
    }

    [Fact]
    public async Task AllowedActions_TheHandlerWhoProposedTheRemedy_IsNotOfferedApprove()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingApproval);
        var handlerAndManager = Handler with { Roles = [ComplaintRoles.Handler, ComplaintRoles.Manager] };
        var stored = await h.Stored(id);
        stored.Assignee!.Id.Should().Be(Handler.Id);

        (await h.Service.GetAllowedActionsAsync(id, handlerAndManager)).Should().NotContain(ComplaintAction.Approve);
        var act = () => h.Service.ExecuteAsync(id, handlerAndManager, new Approve());
        await act.Should().ThrowAsync<NotPermittedException>();
    }
}
