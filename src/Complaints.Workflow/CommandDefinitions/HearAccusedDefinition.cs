using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="HearAccused"/>: the handler records the accused's side (申辩), required before findings on a staff member.</summary>
internal sealed class HearAccusedDefinition : CommandDefinition<HearAccused>
{
    public override ComplaintAction Action => ComplaintAction.HearAccused;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.HearAccused];

    public override PermissionRule Permission => new([], ActorRelation.Assignee);

    protected override void Validate(HearAccused command, Validation v) =>
        v.RequiredText(command.Statement, TextLength, "Statement", "The accused's statement");

    protected override Step[] Decide(in DecisionContext context, HearAccused command) =>
        [new(Trigger.HearAccused, new AccusedHeard(command.Statement))];
}
