using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="RecordFollowUp"/>: a follow-up contact (回访) and the satisfaction the complainant expressed.</summary>
internal sealed class RecordFollowUpDefinition : CommandDefinition<RecordFollowUp>
{
    public override ComplaintAction Action => ComplaintAction.RecordFollowUp;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.RecordFollowUp];

    public override PermissionRule Permission => new([Coordinator], ActorRelation.Assignee);

    protected override void Validate(RecordFollowUp command, Validation v) =>
        v.Defined(command.Satisfaction, "Satisfaction").Text(command.Comment, ReasonLength, "Comment");

    protected override Step[] Decide(in DecisionContext context, RecordFollowUp command) =>
        [new(Trigger.RecordFollowUp, new FollowUpRecorded(command.Satisfaction, command.Comment))];
}
