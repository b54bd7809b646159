using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Reject"/>: a person rejects the case as inadmissible, with the reason given to the complainant.</summary>
internal sealed class RejectDefinition : CommandDefinition<Reject>
{
    public override ComplaintAction Action => ComplaintAction.Reject;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Reject];

    public override PermissionRule Permission => new([Coordinator, Manager]);

    protected override void Validate(Reject command, Validation v) =>
        v.RequiredText(command.Reason, ReasonLength, "Reason", "The reason given to the complainant");

    protected override Step[] Decide(in DecisionContext context, Reject command) =>
        [new(Trigger.Reject, new ComplaintRejected(command.Reason, null))];
}
