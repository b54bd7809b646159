using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Reassign"/>: hands the case to another handler, checked as a new handler is (<see cref="AssignDefinition.CheckHandler"/>).</summary>
internal sealed class ReassignDefinition : CommandDefinition<Reassign>
{
    public override ComplaintAction Action => ComplaintAction.Reassign;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Reassign];

    public override PermissionRule Permission => new([Coordinator, Manager]);

    protected override void Validate(Reassign command, Validation v) =>
        v.Actor(command.Handler, "Handler").RequiredText(command.Reason, ReasonLength, "Reason", "The reason for reassigning");

    protected override Step[] Decide(in DecisionContext context, Reassign command) =>
        [new(Trigger.Reassign, new HandlerAssigned(
            command.Handler,
            AssignDefinition.CheckHandler(context.Policy, context.Case, command.Handler, isNewHandler: context.Case.Assignee?.Id != command.Handler.Id),
            command.Reason))];
}
