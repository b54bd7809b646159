using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Recuse"/>: the handler steps aside for a conflict of interest (回避); the case goes back to Triaged.</summary>
internal sealed class RecuseDefinition : CommandDefinition<Recuse>
{
    public override ComplaintAction Action => ComplaintAction.Recuse;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Recuse];

    public override PermissionRule Permission => new([], ActorRelation.Assignee);

    protected override void Validate(Recuse command, Validation v) =>
        v.RequiredText(command.Reason, ReasonLength, "Reason", "The conflict of interest");

    protected override Step[] Decide(in DecisionContext context, Recuse command) =>
        [new(Trigger.Recuse, new HandlerRecused(context.Actor.Id, command.Reason))];
}
