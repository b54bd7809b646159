using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Withdraw"/>: the complainant withdrew the complaint.</summary>
internal sealed class WithdrawDefinition : CommandDefinition<Withdraw>
{
    public override ComplaintAction Action => ComplaintAction.Withdraw;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Withdraw];

    public override PermissionRule Permission => new([Coordinator], ActorRelation.Owner);

    protected override void Validate(Withdraw command, Validation v) =>
        v.RequiredText(command.Reason, ReasonLength, "Reason", "What the complainant said");

    protected override Step[] Decide(in DecisionContext context, Withdraw command) =>
        [new(Trigger.Withdraw, new ComplaintWithdrawn(command.Reason))];
}
