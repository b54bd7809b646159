using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="RecordCustomerRejection"/>: the customer rejected the remedy; the case goes back to Investigating for
/// another round and, when the policy says so, escalates a level in the same command.
/// </summary>
internal sealed class RecordCustomerRejectionDefinition : CommandDefinition<RecordCustomerRejection>
{
    public override ComplaintAction Action => ComplaintAction.RecordCustomerRejection;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.CustomerRejects];

    public override PermissionRule Permission => new([Coordinator], ActorRelation.Assignee);

    protected override void Validate(RecordCustomerRejection command, Validation v) =>
        v.RequiredText(command.Reason, ReasonLength, "Reason", "What the customer objected to");

    protected override Step[] Decide(in DecisionContext context, RecordCustomerRejection command)
    {
        var c = context.Case;
        var round = c.CustomerRejections + 1;
        var escalation = context.Policy.CheckEscalation(
            c with { CustomerRejections = round, State = ComplaintState.Investigating }, EscalationTrigger.CustomerRejected);
        var rejected = new Step(Trigger.CustomerRejects, new CustomerRejected(command.Reason, round, escalation));
        if (!escalation.Escalate)
        {
            return [rejected];
        }

        var why = escalation.Reason ?? $"The customer rejected the remedy {round} time(s).";
        return [rejected, new(Trigger.Escalate, new Escalated(c.EscalationLevel + 1, why, escalation))];
    }
}
