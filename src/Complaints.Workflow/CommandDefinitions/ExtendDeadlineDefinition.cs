using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="ExtendDeadline"/>: extends an open deadline within the limit the policy set, by the role it names, with the
/// explanation the complainant receives.
/// </summary>
internal sealed class ExtendDeadlineDefinition : CommandDefinition<ExtendDeadline>
{
    public override ComplaintAction Action => ComplaintAction.ExtendDeadline;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.ExtendDeadline];

    public override PermissionRule Permission => new([Manager, GeneralManager, Coordinator]);

    protected override void Validate(ExtendDeadline command, Validation v) =>
        v.Defined(command.Kind, "Kind").RequiredText(command.ReasonGivenToComplainant, ReasonLength, "ReasonGivenToComplainant", "The explanation given to the complainant");

    protected override Step[] Decide(in DecisionContext context, ExtendDeadline command)
    {
        var (c, actor) = (context.Case, context.Actor);
        var deadline = context.OpenDeadline(command.Kind, ComplaintAction.ExtendDeadline);
        if (deadline.ExtendableTo is not { } limit || deadline.BreachedAt is not null)
        {
            throw context.Refuse(ComplaintAction.ExtendDeadline,
                deadline.BreachedAt is null ? $"a {command.Kind} deadline the policy allows to extend" : $"a {command.Kind} deadline not yet breached");
        }

        if (deadline.ExtensionApprovedBy is { } role && !actor.HasRole(role))
        {
            throw new NotPermittedException(c.Id, actor.Id, ComplaintAction.ExtendDeadline, $"the policy reserves extending the {command.Kind} deadline to role {role}.");
        }

        if (command.NewDueAt <= deadline.DueAt || command.NewDueAt > limit)
        {
            throw new ComplaintValidationException([new ValidationError("NewDueAt",
                $"must be after the current due time {deadline.DueAt:u} and no later than {limit:u}, the most the policy allows.")]);
        }

        return [new(Trigger.ExtendDeadline, new DeadlineExtended(command.Kind, deadline.DueAt, command.NewDueAt, command.ReasonGivenToComplainant))];
    }
}
