using Complaints.Commands;
using Complaints.Workflow.Permissions;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Permissions;

/// <summary>Who may do what, per role and relation to the case; refused commands change nothing.</summary>
public sealed class PermissionTests
{
    public static TheoryData<string, ComplaintState, string, bool> RoleCases() => new()
    {
        // state, actor, command, allowed
        { "coordinator triages", ComplaintState.Received, "coord", true },
        { "a handler may not triage", ComplaintState.Received, "han", false },
        { "front-desk staff may not triage", ComplaintState.Received, "desk", false },
        { "a manager who may not see the case (not routed yet, not theirs) may not triage it", ComplaintState.Received, "mgr", false },
    };

    [Theory]
    [MemberData(nameof(RoleCases))]
    public async Task Triage_ByRole_OnlyCoordinatorsAndManagers(string scenario, ComplaintState state, string actorId, bool allowed)
    {
        _ = scenario;
        await Expect(state, All.Single(a => a.Id.Value == actorId), new Triage(), allowed);
    }

    [Theory]
    [InlineData("coord", true)]
    [InlineData("smgr", true)] // the manager of the department it is routed to
    [InlineData("mgr", false)] // a manager of another department: may not see it, so may not act on it
    [InlineData("han", false)]
    [InlineData("desk", false)]
    [InlineData("aud", false)]
    public async Task Assign_ByRole_CoordinatorOrManager(string actorId, bool allowed) =>
        await Expect(ComplaintState.Triaged, All.Single(a => a.Id.Value == actorId), new Assign(Handler), allowed);

    [Theory]
    [InlineData("han", true)]
    [InlineData("li", false)]
    [InlineData("coord", false)]
    [InlineData("mgr", false)]
    public async Task StartInvestigation_OnlyTheAssignedHandler(string actorId, bool allowed) =>
        await Expect(ComplaintState.Assigned, All.Single(a => a.Id.Value == actorId), new StartInvestigation(), allowed);

    [Theory]
    [InlineData("mgr", true)]
    [InlineData("gm", false)]
    [InlineData("han", false)]
    [InlineData("coord", false)]
    public async Task Approve_OnlyTheRoleOfThePendingStep(string actorId, bool allowed) =>
        await Expect(ComplaintState.AwaitingApproval, All.Single(a => a.Id.Value == actorId), new Approve(), allowed);

    [Theory]
    [InlineData("desk", true)]
    [InlineData("coord", true)]
    [InlineData("han", false)]
    public async Task Withdraw_InReceived_OwnerOrCoordinator(string actorId, bool allowed) =>
        await Expect(ComplaintState.Received, All.Single(a => a.Id.Value == actorId), new Withdraw("Changed my mind."), allowed);

    [Fact]
    public async Task Triage_ByAManagerWhoReceivedIt_IsAllowed()
    {
        var h = new Harness();
        var id = await h.Receive(by: Manager);

        (await h.Do(id, Manager, new Triage())).State.Should().Be(ComplaintState.Triaged);
    }

    [Fact]
    public async Task Receive_AnyStaffMember_BecomesTheFirstReceiverAndOwner()
    {
        var h = new Harness();

        var received = (await h.Service.ReceiveAsync(Outsider, Harness.Intake())).Complaint;

        received.ReceivedBy.Should().Be(Outsider);
        received.Owner.Should().Be(Outsider.Id);
    }

    [Fact]
    public async Task Owner_AfterAssignment_IsTheHandler()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Assigned);

        (await h.Stored(id)).Owner.Should().Be(Handler.Id);
    }

    [Fact]
    public async Task Approve_HandlerWhoProposed_MayNotApproveOwnProposal()
    {
        var h = new Harness();
        var handlerManager = Handler with { Roles = [ComplaintRoles.Handler, ComplaintRoles.Manager] };
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.Do(id, Coordinator, new Assign(handlerManager));
        await h.Do(id, handlerManager, new StartInvestigation());
        await h.Do(id, handlerManager, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "Worn.")));
        await h.Do(id, handlerManager, new ProposeRemedy(Harness.Compensation));

        var act = () => h.Service.ExecuteAsync(id, handlerManager, new Approve());

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("their own proposal");
    }

    [Fact]
    public async Task AnyCommand_ByTheAccused_IsRefusedEvenWithTheRole()
    {
        var h = new Harness();
        var accusedCoordinator = Accused with { Roles = [ComplaintRoles.Coordinator] };
        var id = await h.Receive();

        var act = () => h.Service.ExecuteAsync(id, accusedCoordinator, new Triage());

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("complained about");
    }

    [Fact]
    public async Task NotPermitted_Message_NamesWhoMayAndTheActorsRoles()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake()); // routed to Han's department: he sees it

        var act = () => h.Service.ExecuteAsync(id, Handler, new Assign(Handler2));

        var error = (await act.Should().ThrowAsync<NotPermittedException>()).Which;
        error.Action.Should().Be(ComplaintAction.Assign);
        error.Actor.Should().Be(Handler.Id);
        error.Message.Should().Contain("role coordinator or manager").And.Contain("their roles: handler");
    }

    [Fact]
    public async Task Permissions_Configured_GrantTheActionToAnotherRole()
    {
        var h = new Harness();
        h.Options.Permissions.Allow(ComplaintAction.Assign, ComplaintRoles.Handler);
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());

        var assigned = await h.Do(id, Handler, new Assign(Handler2));

        assigned.State.Should().Be(ComplaintState.Assigned);
    }

    [Fact]
    public async Task Permissions_Replaced_RevokeTheDefault()
    {
        var h = new Harness();
        h.Options.Permissions[ComplaintAction.Triage] = new PermissionRule([ComplaintRoles.GeneralManager]);
        var id = await h.Receive();

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Triage());

        await act.Should().ThrowAsync<NotPermittedException>();
        (await h.Do(id, GeneralManager, new Triage())).State.Should().Be(ComplaintState.Triaged);
    }

    [Fact]
    public async Task GetAllowedActions_ListsWhatThisActorMayDoNow()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        (await h.Service.GetAllowedActionsAsync(id, Handler)).Should().Equal(
            ComplaintAction.Recuse, ComplaintAction.AddEvidence, ComplaintAction.HearAccused, ComplaintAction.Escalate, ComplaintAction.Withdraw,
            ComplaintAction.PlaceHold);
        (await h.Service.GetAllowedActionsAsync(id, Coordinator)).Should().Equal(
            ComplaintAction.Reassign, ComplaintAction.Escalate, ComplaintAction.Withdraw,
            ComplaintAction.RecordDeadlineWarning, ComplaintAction.RecordDeadlineBreach, ComplaintAction.ExtendDeadline, ComplaintAction.PlaceHold);
        (await h.Service.GetAllowedActionsAsync(id, Auditor)).Should().BeEmpty();
        (await h.Service.GetAllowedActionsAsync(id, Accused)).Should().BeEmpty();
    }

    private static async Task Expect(ComplaintState state, Actor actor, ComplaintCommand command, bool allowed)
    {
        var h = new Harness();
        var id = await h.DriveTo(state);
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, actor, command);

        if (allowed)
        {
            await act.Should().NotThrowAsync();
        }
        else
        {
            (await act.Should().ThrowAsync<NotPermittedException>()).Which.Action.Should().Be(command.Action);
            Harness.Json(await h.Stored(id)).Should().Be(before);
        }
    }
}
