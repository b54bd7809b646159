using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="ProposeRemedy"/>: the handler proposes a remedy; the policy decides who must approve it, and a remedy
/// within the handler's authority is approved at once.
/// </summary>
internal sealed class ProposeRemedyDefinition : CommandDefinition<ProposeRemedy>
{
    public override ComplaintAction Action => ComplaintAction.ProposeRemedy;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.ProposeForApproval, Trigger.ProposeWithinAuthority];

    public override PermissionRule Permission => new([], ActorRelation.Assignee);

    protected override void Validate(ProposeRemedy command, Validation v) => InputValidator.Remedy(v, command.Remedy);

    protected override Step[] Decide(in DecisionContext context, ProposeRemedy command)
    {
        var approval = context.Policy.RequireApproval(context.Case, command.Remedy);
        var trigger = approval.WithinHandlerAuthority ? Trigger.ProposeWithinAuthority : Trigger.ProposeForApproval;
        return [new(trigger, new RemedyProposed(command.Remedy, approval))];
    }
}
