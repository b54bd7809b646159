using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using Complaints.Policy;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Escalate"/>: raises the case a level (报请上级), e.g. at the customer's request; the policy says to whom.</summary>
internal sealed class EscalateDefinition : CommandDefinition<Escalate>
{
    public override ComplaintAction Action => ComplaintAction.Escalate;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Escalate];

    public override PermissionRule Permission => new([Coordinator, Manager, ComplaintRoles.System], ActorRelation.Assignee);

    protected override void Validate(Escalate command, Validation v) =>
        v.RequiredText(command.Reason, ReasonLength, "Reason", "The reason for escalating");

    protected override Step[] Decide(in DecisionContext context, Escalate command) =>
        [new(Trigger.Escalate, new Escalated(
            context.Case.EscalationLevel + 1, command.Reason, context.Policy.CheckEscalation(context.Case, EscalationTrigger.Requested)))];
}
