using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="ConfirmReadBack"/>: the complainant confirmed the read-back of an oral record (复述确认); the case stays Received.</summary>
internal sealed class ConfirmReadBackDefinition : CommandDefinition<ConfirmReadBack>
{
    public override ComplaintAction Action => ComplaintAction.ConfirmReadBack;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.ConfirmReadBack];

    public override PermissionRule Permission => new([Coordinator], ActorRelation.Owner);

    protected override void Validate(ConfirmReadBack command, Validation v) =>
        v.Defined(command.Method, "Method");

    protected override Step[] Decide(in DecisionContext context, ConfirmReadBack command) =>
        [new(Trigger.ConfirmReadBack, new ReadBackConfirmed(command.Method))];
}
