using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Redirect"/>: not ours; a person directs the complainant to the right body.</summary>
internal sealed class RedirectDefinition : CommandDefinition<Redirect>
{
    public override ComplaintAction Action => ComplaintAction.Redirect;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Redirect];

    public override PermissionRule Permission => new([Coordinator, Manager]);

    protected override void Validate(Redirect command, Validation v) =>
        v.Required(command.To, "To", "The body the complainant is directed to").Line(command.To, NameLength, "To")
            .RequiredText(command.Reason, ReasonLength, "Reason", "The reason");

    protected override Step[] Decide(in DecisionContext context, Redirect command) =>
        [new(Trigger.Redirect, new ComplaintRedirected(command.To, command.Reason, null))];
}
