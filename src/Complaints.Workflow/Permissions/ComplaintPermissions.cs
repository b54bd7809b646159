using Complaints.Commands;
using static Complaints.ComplaintRoles;
using static Complaints.Workflow.Permissions.ActorRelation;

namespace Complaints.Workflow.Permissions;

/// <summary>
/// Which roles and relations may take each action. The defaults follow the standard process: anyone receives,
/// the coordinator triages and assigns, the named handler investigates and proposes, the role the policy names
/// approves. Replace a rule to fit your organisation.
/// </summary>
public sealed class ComplaintPermissions
{
    private readonly Dictionary<ComplaintAction, PermissionRule> _rules = new()
    {
        [ComplaintAction.Receive] = new([], Anyone),
        [ComplaintAction.ConfirmReadBack] = new([Coordinator], Owner),
        [ComplaintAction.Triage] = new([Coordinator, Manager]),
        [ComplaintAction.Reject] = new([Coordinator, Manager]),
        [ComplaintAction.Redirect] = new([Coordinator, Manager]),
        [ComplaintAction.ResolveOnSpot] = new([Coordinator], Owner),
        [ComplaintAction.Assign] = new([Coordinator, Manager]),
        [ComplaintAction.Reassign] = new([Coordinator, Manager]),
        [ComplaintAction.Recuse] = new([], Assignee),
        [ComplaintAction.StartInvestigation] = new([], Assignee),
        [ComplaintAction.AddEvidence] = new([], Assignee),
        [ComplaintAction.HearAccused] = new([], Assignee),
        [ComplaintAction.RecordFindings] = new([], Assignee),
        [ComplaintAction.RecordEmergencyMeeting] = new([Coordinator, Manager, GeneralManager]),
        [ComplaintAction.ProposeRemedy] = new([], Assignee),
        [ComplaintAction.Approve] = new([], PendingApprover),
        [ComplaintAction.DeclineApproval] = new([], PendingApprover),
        [ComplaintAction.CommunicateDecision] = new([Coordinator], Assignee),
        [ComplaintAction.RecordCustomerAcceptance] = new([Coordinator], Assignee),
        [ComplaintAction.RecordCustomerRejection] = new([Coordinator], Assignee),
        [ComplaintAction.Escalate] = new([Coordinator, Manager, ComplaintRoles.System], Assignee),
        [ComplaintAction.CompleteImplementation] = new([], Assignee),
        [ComplaintAction.RecordFollowUp] = new([Coordinator], Assignee),
        [ComplaintAction.Close] = new([Coordinator], Assignee),
        [ComplaintAction.Reopen] = new([Coordinator, Manager]),
        [ComplaintAction.Withdraw] = new([Coordinator], Owner),
        [ComplaintAction.AssessAccountability] = new([Manager, GeneralManager, ComplaintRoles.System]),
        [ComplaintAction.RecordDeadlineWarning] = new([ComplaintRoles.System, Coordinator]),
        [ComplaintAction.RecordDeadlineBreach] = new([ComplaintRoles.System, Coordinator]),
        [ComplaintAction.ExtendDeadline] = new([Manager, GeneralManager, Coordinator]),
        [ComplaintAction.ReplanDeadlines] = new([Coordinator]),
    };

    /// <summary>The rule for <paramref name="action"/>.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The rule; an action without a rule is granted to nobody.</returns>
    public PermissionRule this[ComplaintAction action]
    {
        get => _rules.TryGetValue(action, out var rule) ? rule : new PermissionRule([]);
        set => _rules[action] = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Grants <paramref name="action"/> to more roles, keeping the existing grants.</summary>
    /// <param name="action">The action.</param>
    /// <param name="roles">The roles to add.</param>
    /// <returns>This instance, for chaining.</returns>
    public ComplaintPermissions Allow(ComplaintAction action, params string[] roles)
    {
        var rule = this[action];
        this[action] = rule with { Roles = [.. rule.Roles, .. roles] };
        return this;
    }
}
