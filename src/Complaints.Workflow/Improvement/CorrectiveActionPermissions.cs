using Complaints.Improvement;
using Complaints.Workflow.Permissions;

namespace Complaints.Workflow.Improvement;

/// <summary>
/// Which roles and relations may take each operation on a corrective or preventive action. The defaults: a coordinator or
/// a manager proposes; the role the policy names approves or declines (<see cref="ActorRelation.PendingApprover"/>); the
/// owner or a coordinator records progress; the owner completes; a coordinator, a manager or the general manager verifies
/// (never the owner: nobody checks their own work); a coordinator or the general manager cancels; the library's own
/// actor records deadline alarms. Replace a rule to fit your organisation (<see cref="ComplaintsOptions.CorrectiveActionPermissions"/>).
/// </summary>
public sealed class CorrectiveActionPermissions
{
    private readonly Dictionary<CorrectiveActionOperation, PermissionRule> _rules = new()
    {
        [CorrectiveActionOperation.Propose] = new([ComplaintRoles.Coordinator, ComplaintRoles.Manager, ComplaintRoles.GeneralManager]),
        [CorrectiveActionOperation.Approve] = new([], ActorRelation.PendingApprover),
        [CorrectiveActionOperation.Decline] = new([], ActorRelation.PendingApprover),
        [CorrectiveActionOperation.RecordProgress] = new([ComplaintRoles.Coordinator], ActorRelation.Owner),
        [CorrectiveActionOperation.Complete] = new([], ActorRelation.Owner),
        [CorrectiveActionOperation.Verify] = new([ComplaintRoles.Coordinator, ComplaintRoles.Manager, ComplaintRoles.GeneralManager]),
        [CorrectiveActionOperation.Cancel] = new([ComplaintRoles.Coordinator, ComplaintRoles.GeneralManager]),
        [CorrectiveActionOperation.RecordDeadlineWarning] = new([ComplaintRoles.System]),
        [CorrectiveActionOperation.RecordDeadlineBreach] = new([ComplaintRoles.System]),
    };

    /// <summary>The rule for <paramref name="operation"/>: roles that grant it, and relations to the action (<see cref="ActorRelation.Owner"/>: its owner; <see cref="ActorRelation.PendingApprover"/>: a holder of the role its pending approval needs; <see cref="ActorRelation.Anyone"/>).</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The rule; an operation without a rule is granted to nobody.</returns>
    public PermissionRule this[CorrectiveActionOperation operation]
    {
        get => _rules.TryGetValue(operation, out var rule) ? rule : new PermissionRule([]);
        set => _rules[operation] = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Grants <paramref name="operation"/> to more roles, keeping the existing grants.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="roles">The roles to add.</param>
    /// <returns>This instance, for chaining.</returns>
    public CorrectiveActionPermissions Allow(CorrectiveActionOperation operation, params string[] roles)
    {
        var rule = this[operation];
        this[operation] = rule with { Roles = [.. rule.Roles, .. roles] };
        return this;
    }

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="operation"/> on <paramref name="action"/> (<see langword="null"/> before it exists).</summary>
    internal bool Grants(CorrectiveActionOperation operation, Actor actor, CorrectiveAction? action)
    {
        var rule = this[operation];
        if (rule.Relations.HasFlag(ActorRelation.Anyone) || rule.Roles.Any(actor.HasRole))
        {
            return true;
        }

        return action is not null &&
               ((rule.Relations.HasFlag(ActorRelation.Owner) && action.Owner == actor.Id)
                || (rule.Relations.HasFlag(ActorRelation.PendingApprover) && action.State == CorrectiveActionState.AwaitingApproval
                    && action.Approval is { ApprovedBy: null } approval && actor.HasRole(approval.Role)));
    }

    /// <summary>Who may take <paramref name="operation"/> on <paramref name="action"/>, for the refusal's message.</summary>
    internal string Describe(CorrectiveActionOperation operation, CorrectiveAction? action)
    {
        var rule = this[operation];
        var parts = new List<string>();
        if (rule.Relations.HasFlag(ActorRelation.Anyone))
        {
            parts.Add("anyone");
        }

        if (rule.Relations.HasFlag(ActorRelation.Owner))
        {
            parts.Add($"the action's owner{(action is null ? "" : $" ({action.Owner})")}");
        }

        if (rule.Relations.HasFlag(ActorRelation.PendingApprover))
        {
            parts.Add(action?.Approval is { } approval ? $"role {approval.Role} (the approval the policy requires)" : "the role the policy names for approval");
        }

        if (rule.Roles.Count > 0)
        {
            parts.Add("role " + string.Join(" or ", rule.Roles));
        }

        return parts.Count == 0 ? "nobody" : string.Join(", or ", parts);
    }
}
