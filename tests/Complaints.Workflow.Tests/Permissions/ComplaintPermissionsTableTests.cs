using Complaints.Commands;
using Complaints.Workflow.Permissions;
using Complaints.Workflow.Tests.Support;
using static Complaints.ComplaintRoles;
using static Complaints.Workflow.Permissions.ActorRelation;

namespace Complaints.Workflow.Tests.Permissions;

/// <summary>
/// The default permissions, written out as the table the standard process prescribes: for every action, every role
/// and every way a person can stand to a case (none, the first receiver who owns it, the assigned handler, a holder
/// of the pending approval step's role, or no case yet), whether they may act.
/// </summary>
public sealed class ComplaintPermissionsTableTests
{
    private static readonly string[] Roles = [Staff, Handler, Coordinator, Manager, GeneralManager, Auditor, ComplaintRoles.System];

    /// <summary>Who may take each action by default: the roles, and the relations to the case.</summary>
    public static TheoryData<ComplaintAction, string[], ActorRelation> Defaults() => new()
    {
        { ComplaintAction.Receive, [], Anyone },
        { ComplaintAction.ConfirmReadBack, [Coordinator], Owner },
        { ComplaintAction.Triage, [Coordinator, Manager], None },
        { ComplaintAction.Reject, [Coordinator, Manager], None },
        { ComplaintAction.Redirect, [Coordinator, Manager], None },
        { ComplaintAction.ResolveOnSpot, [Coordinator], Owner },
        { ComplaintAction.Assign, [Coordinator, Manager], None },
        { ComplaintAction.Reassign, [Coordinator, Manager], None },
        { ComplaintAction.Recuse, [], Assignee },
        { ComplaintAction.StartInvestigation, [], Assignee },
        { ComplaintAction.AddEvidence, [], Assignee },
        { ComplaintAction.HearAccused, [], Assignee },
        { ComplaintAction.RecordFindings, [], Assignee },
        { ComplaintAction.RecordEmergencyMeeting, [Coordinator, Manager, GeneralManager], None },
        { ComplaintAction.ProposeRemedy, [], Assignee },
        { ComplaintAction.Approve, [], PendingApprover },
        { ComplaintAction.DeclineApproval, [], PendingApprover },
        { ComplaintAction.CommunicateDecision, [Coordinator], Assignee },
        { ComplaintAction.RecordCustomerAcceptance, [Coordinator], Assignee },
        { ComplaintAction.RecordCustomerRejection, [Coordinator], Assignee },
        { ComplaintAction.Escalate, [Coordinator, Manager, ComplaintRoles.System], Assignee },
        { ComplaintAction.CompleteImplementation, [], Assignee },
        { ComplaintAction.RecordFollowUp, [Coordinator], Assignee },
        { ComplaintAction.Close, [Coordinator], Assignee },
        { ComplaintAction.Reopen, [Coordinator, Manager], None },
        { ComplaintAction.Withdraw, [Coordinator], Owner },
        { ComplaintAction.AssessAccountability, [Manager, GeneralManager, ComplaintRoles.System], None },
        { ComplaintAction.RecordDeadlineWarning, [ComplaintRoles.System, Coordinator], None },
        { ComplaintAction.RecordDeadlineBreach, [ComplaintRoles.System, Coordinator], None },
        { ComplaintAction.ExtendDeadline, [Manager, GeneralManager, Coordinator], None },
        { ComplaintAction.ReplanDeadlines, [Coordinator], None },

        // Product holds: whoever owns the case (the first receiver — in food-service the duty manager — until a handler
        // is named), the handler, a coordinator or a manager.
        { ComplaintAction.PlaceHold, [Coordinator, Manager, GeneralManager], Owner | Assignee },
        { ComplaintAction.ReleaseHold, [Coordinator, Manager, GeneralManager], Owner | Assignee },

        // Reading is decided by who may see the case (CaseAccess), not by this table: it grants View to nobody.
        { ComplaintAction.View, [], None },
    };

    [Fact]
    public void Table_CoversEveryAction()
    {
        var listed = Defaults().Select(row => row.Data.Item1);

        listed.Should().BeEquivalentTo(Enum.GetValues<ComplaintAction>(), "every action has a decided default, even if it is nobody");
    }

    [Theory]
    [MemberData(nameof(Defaults))]
    public async Task Default_GrantsTheActionToItsRolesAndRelations_AndToNoOneElse(ComplaintAction action, string[] roles, ActorRelation relations)
    {
        var rule = new ComplaintPermissions()[action];
        var received = await ReceivedCase();

        foreach (var role in Roles)
        {
            var byRole = roles.Contains(role) || relations.HasFlag(Anyone);
            var person = new Actor(new ActorId("p"), "Person", [role]);

            rule.Grants(person, null).Should().Be(byRole, $"{action} before a case exists, by a {role}");
            rule.Grants(person, received).Should().Be(byRole, $"{action} by a {role} with no relation to the case");
            rule.Grants(person, received with { ReceivedBy = person })
                .Should().Be(byRole || relations.HasFlag(Owner), $"{action} by a {role} who received the case and owns it");
            rule.Grants(person, received with { Assignee = person })
                .Should().Be(byRole || (relations & (Owner | Assignee)) != 0, $"{action} by a {role} who is the assigned handler (and so the owner)");
            rule.Grants(person, received with { Approvals = [new ApprovalStep(Handler, People.Handler.Id), new ApprovalStep(role)] })
                .Should().Be(byRole || relations.HasFlag(PendingApprover), $"{action} by a {role} whose role the pending approval step needs");
        }
    }

    [Fact]
    public void Default_GrantsNothingToAPersonWithoutRoles()
    {
        var nobody = new Actor(new ActorId("n"), "No roles", []);
        var permissions = new ComplaintPermissions();

        Enum.GetValues<ComplaintAction>().Where(a => permissions[a].Grants(nobody, null)).Should().Equal(ComplaintAction.Receive);
    }

    private static async Task<Complaint> ReceivedCase()
    {
        var h = new Harness();
        return await h.Stored(await h.Receive());
    }
}
