using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="RecordDeadlineWarning"/>: a deadline is near. The deadline worker issues it, once per deadline.</summary>
internal sealed class RecordDeadlineWarningDefinition : CommandDefinition<RecordDeadlineWarning>
{
    public override ComplaintAction Action => ComplaintAction.RecordDeadlineWarning;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.RecordDeadlineWarning];

    public override PermissionRule Permission => new([ComplaintRoles.System, Coordinator]);

    protected override void Validate(RecordDeadlineWarning command, Validation v) => v.Defined(command.Kind, "Kind");

    protected override Step[] Decide(in DecisionContext context, RecordDeadlineWarning command)
    {
        var (kind, now) = (command.Kind, context.Now);
        var deadline = context.OpenDeadline(kind, ComplaintAction.RecordDeadlineWarning);
        if (deadline.WarnAt is not { } warnAt || deadline.WarnedAt is not null || deadline.BreachedAt is not null || now < warnAt)
        {
            throw context.Refuse(ComplaintAction.RecordDeadlineWarning,
                deadline.WarnAt is null ? $"the {kind} deadline has no warning" : $"a {kind} warning that is due and not yet recorded (warn at {deadline.WarnAt:u})");
        }

        return [new(Trigger.RecordDeadlineWarning, new DeadlineWarned(kind, deadline.DueAt))];
    }
}
