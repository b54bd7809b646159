using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="StartInvestigation"/>: the handler begins the investigation.</summary>
internal sealed class StartInvestigationDefinition : CommandDefinition<StartInvestigation>
{
    public override ComplaintAction Action => ComplaintAction.StartInvestigation;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.StartInvestigation];

    public override PermissionRule Permission => new([], ActorRelation.Assignee);

    protected override Step[] Decide(in DecisionContext context, StartInvestigation command) =>
        [new(Trigger.StartInvestigation, new InvestigationStarted())];
}
