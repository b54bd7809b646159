using Complaints.Commands;
using Complaints.Workflow.Permissions;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Permissions;

/// <summary>One permission rule: who it grants, and how it names them in a refusal.</summary>
public sealed class PermissionRuleTests
{
    [Fact]
    public void Grants_BeforeTheCaseExists_OnlyByRole()
    {
        var rule = new PermissionRule([ComplaintRoles.Coordinator], ActorRelation.Owner | ActorRelation.Assignee | ActorRelation.PendingApprover);

        rule.Grants(Coordinator, null).Should().BeTrue();
        rule.Grants(Handler, null).Should().BeFalse("a relation to a case needs a case");
    }

    [Fact]
    public void Grants_NoActor_IsAnArgumentError() =>
        new PermissionRule([]).Invoking(r => r.Grants(null!, null)).Should().Throw<ArgumentNullException>();

    [Fact]
    public async Task Grants_PendingApprover_OnlyWhileAStepWaits()
    {
        var h = new Harness();
        var approved = await h.Stored(await h.DriveTo(ComplaintState.Approved));
        var rule = new PermissionRule([], ActorRelation.PendingApprover);

        rule.Grants(Manager, approved).Should().BeFalse("every step has been given");
        rule.Grants(Manager, approved with { Approvals = [new ApprovalStep(ComplaintRoles.Manager)] }).Should().BeTrue();
        rule.Grants(GeneralManager, approved with { Approvals = [new ApprovalStep(ComplaintRoles.Manager)] }).Should().BeFalse();
    }

    public static TheoryData<string[], ActorRelation, string> Descriptions() => new()
    {
        { [], ActorRelation.None, "nobody" },
        { [], ActorRelation.Anyone, "anyone" },
        { [ComplaintRoles.Coordinator], ActorRelation.Owner, "the case's owner, or role coordinator" },
        { [ComplaintRoles.Coordinator, ComplaintRoles.Manager], ActorRelation.Assignee, "the assigned handler, or role coordinator or manager" },
        { [], ActorRelation.PendingApprover, "a holder of the pending approval step's role" },
        { [ComplaintRoles.Manager], ActorRelation.None, "role manager" },
        {
            [ComplaintRoles.System],
            ActorRelation.Anyone | ActorRelation.Owner | ActorRelation.Assignee | ActorRelation.PendingApprover,
            "anyone, or the case's owner, or the assigned handler, or a holder of the pending approval step's role, or role system"
        },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Describe_NamesWhoMayTakeTheAction(string[] roles, ActorRelation relations, string expected) =>
        new PermissionRule(roles, relations).Describe().Should().Be(expected);

    [Fact]
    public async Task NotPermitted_ForAnAssigneesAction_SaysOnlyTheAssignedHandlerOrACoordinatorMay()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.FollowUp, Harness.ProductIntake());

        var act = () => h.Service.ExecuteAsync(id, Handler2, new RecordFollowUp(Satisfaction.Satisfied));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Message.Should().Contain("the assigned handler, or role coordinator");
    }

    [Fact]
    public void Indexer_ReplacingWithNull_IsAnArgumentError() =>
        new ComplaintPermissions().Invoking(p => p[ComplaintAction.Close] = null!).Should().Throw<ArgumentNullException>();

    [Fact]
    public void Allow_AddsRoles_KeepingTheRelationsAndTheRolesAlreadyGranted()
    {
        var permissions = new ComplaintPermissions().Allow(ComplaintAction.Close, ComplaintRoles.Manager, ComplaintRoles.Auditor);

        permissions[ComplaintAction.Close].Roles.Should().Equal(ComplaintRoles.Coordinator, ComplaintRoles.Manager, ComplaintRoles.Auditor);
        permissions[ComplaintAction.Close].Relations.Should().Be(ActorRelation.Assignee);
    }
}
