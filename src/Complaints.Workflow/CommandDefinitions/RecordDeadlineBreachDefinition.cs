using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="RecordDeadlineBreach"/>: a deadline passed. The deadline worker issues it, once per deadline; escalation
/// and the handler's accountability follow in the same command, as the policy sets. Deadlines of the case that fell
/// due at the same moment and are not yet recorded are breached with it: one breach, escalated once and answered for
/// once (each deadline still gets its <see cref="DeadlineBreached"/> entry, and the worker's alarm for the other is
/// then refused as already recorded).
/// </summary>
internal sealed class RecordDeadlineBreachDefinition : CommandDefinition<RecordDeadlineBreach>
{
    public override ComplaintAction Action => ComplaintAction.RecordDeadlineBreach;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.RecordDeadlineBreach];

    public override PermissionRule Permission => new([ComplaintRoles.System, Coordinator]);

    protected override void Validate(RecordDeadlineBreach command, Validation v) => v.Defined(command.Kind, "Kind");

    protected override Step[] Decide(in DecisionContext context, RecordDeadlineBreach command)
    {
        var (policy, c, kind) = (context.Policy, context.Case, command.Kind);
        var deadline = context.OpenDeadline(kind, ComplaintAction.RecordDeadlineBreach);
        if (deadline.BreachedAt is not null || context.Now < deadline.DueAt)
        {
            throw context.Refuse(ComplaintAction.RecordDeadlineBreach, $"a {kind} deadline that is past due and not yet recorded as breached (due {deadline.DueAt:u})");
        }

        var escalation = policy.CheckEscalation(c, EscalationTrigger.DeadlineBreached);
        var steps = new List<Step> { new(Trigger.RecordDeadlineBreach, new DeadlineBreached(kind, deadline.DueAt, escalation)) };

        // Deadlines due at the same moment are one breach: each is recorded, but the role the escalation names is
        // told once (with the first), and the case escalates and the handler is assessed once, below.
        var together = escalation.NotifyRole is null ? escalation : escalation with { NotifyRole = null };
        foreach (var other in c.Deadlines)
        {
            if (other.Kind != kind && other is { MetAt: null, BreachedAt: null } && other.DueAt == deadline.DueAt)
            {
                steps.Add(new(Trigger.RecordDeadlineBreach, new DeadlineBreached(other.Kind, other.DueAt, together)));
            }
        }

        if (escalation.Escalate)
        {
            steps.Add(new(Trigger.Escalate, new Escalated(c.EscalationLevel + 1, escalation.Reason ?? $"The {kind} deadline was breached.", escalation)));
        }

        // The person responsible when the deadline passed answers for the delay, as the policy sets.
        if (c.Assignee is { } handler)
        {
            steps.Add(new(Trigger.AssessAccountability, AssessAccountabilityDefinition.Assessed(
                policy, context.Actor, handler.Id, Misconduct.LateHandling, policy.AssessPenalty(c, handler, Misconduct.LateHandling))));
        }

        return [.. steps];
    }
}
