using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="DeclineApproval"/>: the pending approver refuses the remedy; the case returns to Investigating for another proposal.</summary>
internal sealed class DeclineApprovalDefinition : CommandDefinition<DeclineApproval>
{
    public override ComplaintAction Action => ComplaintAction.DeclineApproval;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.DeclineApproval];

    public override PermissionRule Permission => new([], ActorRelation.PendingApprover);

    protected override void Validate(DeclineApproval command, Validation v) =>
        v.RequiredText(command.Reason, ReasonLength, "Reason", "The reason for declining");

    protected override Step[] Decide(in DecisionContext context, DeclineApproval command) =>
        [new(Trigger.DeclineApproval, new ApprovalDeclined(context.Case.PendingApproval!.Role, command.Reason))];
}
