using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="AddEvidence"/>: the handler adds evidence to the investigation.</summary>
internal sealed class AddEvidenceDefinition : CommandDefinition<AddEvidence>
{
    public override ComplaintAction Action => ComplaintAction.AddEvidence;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.AddEvidence];

    public override PermissionRule Permission => new([], ActorRelation.Assignee);

    protected override void Validate(AddEvidence command, Validation v) =>
        InputValidator.Evidence(v, command.Evidence, "Evidence");

    protected override Step[] Decide(in DecisionContext context, AddEvidence command) =>
        [new(Trigger.AddEvidence, new EvidenceAdded(command.Evidence))];
}
