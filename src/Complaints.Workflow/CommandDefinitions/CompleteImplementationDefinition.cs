using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="CompleteImplementation"/>: the remedy was carried out; the case moves to follow-up.</summary>
internal sealed class CompleteImplementationDefinition : CommandDefinition<CompleteImplementation>
{
    public override ComplaintAction Action => ComplaintAction.CompleteImplementation;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.CompleteImplementation];

    public override PermissionRule Permission => new([], ActorRelation.Assignee);

    protected override void Validate(CompleteImplementation command, Validation v) =>
        v.RequiredText(command.Summary, TextLength, "Summary", "What was done");

    protected override Step[] Decide(in DecisionContext context, CompleteImplementation command) =>
        [new(Trigger.CompleteImplementation, new ImplementationCompleted(command.Summary))];
}
