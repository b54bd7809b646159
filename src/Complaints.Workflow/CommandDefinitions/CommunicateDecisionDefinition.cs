using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="CommunicateDecision"/>: the complainant is told the decision; the case waits on them (the SLA clock pauses).</summary>
internal sealed class CommunicateDecisionDefinition : CommandDefinition<CommunicateDecision>
{
    public override ComplaintAction Action => ComplaintAction.CommunicateDecision;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.CommunicateDecision];

    public override PermissionRule Permission => new([Coordinator], ActorRelation.Assignee);

    protected override void Validate(CommunicateDecision command, Validation v) =>
        v.Defined(command.Channel, "Channel").RequiredText(command.Message, TextLength, "Message", "What was said to the complainant");

    protected override Step[] Decide(in DecisionContext context, CommunicateDecision command) =>
        [new(Trigger.CommunicateDecision, new DecisionCommunicated(command.Channel, command.Message))];
}
