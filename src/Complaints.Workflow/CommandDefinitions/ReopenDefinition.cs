using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Reopen"/>: reopens a closed case within the window; a case settled on the spot, without a handler, goes back to Received.</summary>
internal sealed class ReopenDefinition : CommandDefinition<Reopen>
{
    public override ComplaintAction Action => ComplaintAction.Reopen;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Reopen, Trigger.ReopenUnassigned];

    public override PermissionRule Permission => new([Coordinator, Manager]);

    protected override void Validate(Reopen command, Validation v) =>
        v.RequiredText(command.Reason, ReasonLength, "Reason", "The reason for reopening");

    protected override Step[] Decide(in DecisionContext context, Reopen command) =>
        [new(context.Case.Assignee is null ? Trigger.ReopenUnassigned : Trigger.Reopen, new ComplaintReopened(command.Reason))];
}
