using Complaints.Commands;
using Complaints.Workflow.CommandDefinitions;

namespace Complaints.Workflow.Permissions;

/// <summary>
/// Which roles and relations may take each action. The defaults follow the standard process: anyone receives,
/// the coordinator triages and assigns, the named handler investigates and proposes, the role the policy names
/// approves. Replace a rule to fit your organisation.
/// </summary>
public sealed class ComplaintPermissions
{
    // The defaults are stated with each action's definition; a new rule object each, as a host may replace them.
    private readonly Dictionary<ComplaintAction, PermissionRule> _rules = CommandTable.All.ToDictionary(d => d.Action, d => d.Permission);

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
