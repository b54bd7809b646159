using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="ReplanDeadlines"/>: recounts each open provisional deadline on the calendar as it is now, and moves it by
/// the difference, so that pauses keep their effect; a due time a person chose by extension stays as promised to the
/// complainant.
/// </summary>
internal sealed class ReplanDeadlinesDefinition : CommandDefinition<ReplanDeadlines>
{
    public override ComplaintAction Action => ComplaintAction.ReplanDeadlines;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.ReplanDeadlines];

    public override PermissionRule Permission => new([Coordinator]);

    protected override void Validate(ReplanDeadlines command, Validation v) => v.Required(command.Reason, "Reason", "Why the deadlines are recounted");

    protected override Step[] Decide(in DecisionContext context, ReplanDeadlines command)
    {
        var calendar = context.Calendar();
        var changes = new List<DeadlineReplan>();
        foreach (var d in context.Case.Deadlines)
        {
            if (d is not { MetAt: null, BreachedAt: null, Plan: { } plan })
            {
                continue;
            }

            var planned = calendar.Add(plan.CountedFrom, plan.Amount, plan.Unit);
            var limit = plan.ExtendableTo is { } most ? calendar.Add(plan.CountedFrom, most, plan.Unit) : (DateTimeOffset?)null;
            var shift = planned - plan.PlannedDueAt;
            var extended = d.ExtensionReason is not null;
            var due = extended ? d.DueAt : d.DueAt + shift;
            var warn = d.WarnAt is { } w && d.WarnedAt is null && !extended && plan.WarnAtShare is { } share ? w + (shift * (double)share) : d.WarnAt;
            var extendableTo = d.ExtendableTo is { } l && limit is { } newLimit && plan.PlannedExtendableTo is { } oldLimit ? l + (newLimit - oldLimit) : d.ExtendableTo;
            var still = calendar.IsProvisional(plan.CountedFrom, limit ?? planned, plan.Unit)
                ? plan with { PlannedDueAt = planned, PlannedExtendableTo = limit }
                : null;
            if (due != d.DueAt || warn != d.WarnAt || extendableTo != d.ExtendableTo || still != plan)
            {
                changes.Add(new DeadlineReplan(d.Kind, d.DueAt, due, warn, extendableTo, still));
            }
        }

        return changes.Count > 0
            ? [new(Trigger.ReplanDeadlines, new DeadlinesReplanned(changes, command.Reason))]
            : throw context.Refuse(ComplaintAction.ReplanDeadlines,
                $"official holiday data on the '{calendar.Name}' calendar for the days its provisional deadlines span (load it, e.g. BusinessCalendars.China(documents) registered as '{calendar.Name}', then replan)");
    }
}
