using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="RecordCustomerAcceptance"/>: the customer accepted the remedy; it is carried out next.</summary>
internal sealed class RecordCustomerAcceptanceDefinition : CommandDefinition<RecordCustomerAcceptance>
{
    public override ComplaintAction Action => ComplaintAction.RecordCustomerAcceptance;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.CustomerAccepts];

    public override PermissionRule Permission => new([Coordinator], ActorRelation.Assignee);

    protected override void Validate(RecordCustomerAcceptance command, Validation v) =>
        v.Text(command.Comment, ReasonLength, "Comment");

    protected override Step[] Decide(in DecisionContext context, RecordCustomerAcceptance command) =>
        [new(Trigger.CustomerAccepts, new CustomerAccepted(command.Comment))];
}
