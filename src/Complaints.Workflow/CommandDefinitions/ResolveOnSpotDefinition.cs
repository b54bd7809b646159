using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="ResolveOnSpot"/>: settles the complaint on the spot (当场处理), allowed when the policy classifies it at most
/// <see cref="Policy.LifecycleSettings.OnSpotUpTo"/> (by default general) and the remedy within the receiver's authority;
/// otherwise it is triaged.
/// </summary>
internal sealed class ResolveOnSpotDefinition : CommandDefinition<ResolveOnSpot>
{
    public override ComplaintAction Action => ComplaintAction.ResolveOnSpot;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.ResolveOnSpot];

    public override PermissionRule Permission => new([Coordinator], ActorRelation.Owner);

    protected override void Validate(ResolveOnSpot command, Validation v) => InputValidator.Remedy(v, command.Remedy);

    protected override Step[] Decide(in DecisionContext context, ResolveOnSpot command)
    {
        var (policy, c, actor, remedy) = (context.Policy, context.Case, context.Actor, command.Remedy);
        var severity = policy.Classify(c);
        var approval = policy.RequireApproval(c with { Category = severity.Category, Severity = severity.Tier }, remedy);
        var upTo = policy.Lifecycle.OnSpotUpTo;
        if (severity.Tier > upTo)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.ResolveOnSpot,
                $"the policy classifies it as {severity.Tier} ({string.Join("; ", severity.Reasons)}), and only complaints up to {upTo} are settled on the spot under it. Triage it instead.");
        }

        if (!approval.WithinHandlerAuthority)
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.ResolveOnSpot,
                $"the remedy needs approval by {string.Join(" then ", approval.Steps)}, so it is not within the receiver's authority. Triage it instead.");
        }

        return [new(Trigger.ResolveOnSpot, new ResolvedOnSpot(remedy, severity, approval))];
    }
}
