using Complaints.Commands;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// What the workflow knows about one <see cref="ComplaintAction"/>: who may take it by default and which lifecycle
/// triggers are its own. Every action has exactly one definition in <see cref="CommandTable"/>; an action issued as a
/// command has a <see cref="CommandDefinition{TCommand}"/>, which adds its validation and its decision.
/// </summary>
internal abstract class ActionDefinition
{
    /// <summary>The action, the unit of permission.</summary>
    public abstract ComplaintAction Action { get; }

    /// <summary>
    /// The triggers the action may fire on its own account: the lifecycle allows the action when one of them can fire
    /// now, and each trigger names this action alone in "allowed now" lists. A decision may fire other actions'
    /// triggers after its own (a breach escalates), never instead of one of these.
    /// </summary>
    public virtual ReadOnlySpan<Trigger> Triggers => [];

    /// <summary>Who may take the action by default (<see cref="ComplaintPermissions"/>); a new rule each time, as hosts replace them.</summary>
    public abstract PermissionRule Permission { get; }
}
