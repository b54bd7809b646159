using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="Approve"/>: gives the pending approval step. No one approves their own proposal, one person approves one
/// step (unless the policy allows several), and the policy checks the approver for a conflict of interest.
/// </summary>
internal sealed class ApproveDefinition : CommandDefinition<Approve>
{
    public override ComplaintAction Action => ComplaintAction.Approve;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.ApproveStep, Trigger.ApproveFinal];

    public override PermissionRule Permission => new([], ActorRelation.PendingApprover);

    protected override void Validate(Approve command, Validation v) => v.Text(command.Note, ReasonLength, "Note");

    protected override Step[] Decide(in DecisionContext context, Approve command)
    {
        var (policy, c, actor) = (context.Policy, context.Case, context.Actor);
        var step = c.PendingApproval!;
        if (c.Assignee?.Id == actor.Id)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.Approve, "they proposed the remedy, and no one approves their own proposal.");
        }

        if (c.Approvals.FirstOrDefault(s => s.ApprovedBy == actor.Id) is { } earlier
            && !policy.RequireApproval(c, c.Remedy!).OnePersonMayApproveSeveralSteps)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.Approve,
                $"they approved the step '{earlier.Role}' already, and each step of the approval needs a different person. Someone else holding the role '{step.Role}' approves it.");
        }

        var recusal = policy.CheckRecusal(c, actor);
        if (recusal.MustRecuse)
        {
            throw new RecusalRequiredException(c.Id, actor.Id, recusal.Reason ?? "conflict of interest", recusal.Explanation.MatchedRules.ToArray());
        }

        var last = c.Approvals.Count(s => s.ApprovedBy is null) == 1;
        return [new(last ? Trigger.ApproveFinal : Trigger.ApproveStep, new RemedyApproved(step.Role, command.Note, recusal))];
    }
}
