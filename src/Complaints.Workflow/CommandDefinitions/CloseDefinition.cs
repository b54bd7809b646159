using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Close"/>: closes and archives the case after a follow-up; closing a case of one of the policy's reward kinds
/// (<see cref="Policy.LifecycleSettings.RewardKinds"/>; by default a report) asks the policy for the reward.</summary>
internal sealed class CloseDefinition : CommandDefinition<Close>
{
    public override ComplaintAction Action => ComplaintAction.Close;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Close];

    public override PermissionRule Permission => new([Coordinator], ActorRelation.Assignee);

    protected override void Validate(Close command, Validation v) =>
        v.RequiredText(command.Summary, TextLength, "Summary", "A closing summary");

    protected override Step[] Decide(in DecisionContext context, Close command) =>
        [new(Trigger.Close, new ComplaintClosed(
            command.Summary, context.Policy.Lifecycle.RewardKinds.Contains(context.Case.Intake.Kind) ? context.Policy.DecideReward(context.Case) : null))];
}
