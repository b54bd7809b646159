using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="PlaceHold"/>: puts a product on hold while it is checked (food-service §三.7: check the other foods of the
/// same kind). The case's owner (the first receiver until a handler is named — in food-service, the duty manager), its
/// handler, a coordinator or a manager may place one, while the case is received, handled or closed.
/// </summary>
internal sealed class PlaceHoldDefinition : CommandDefinition<PlaceHold>
{
    public override ComplaintAction Action => ComplaintAction.PlaceHold;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.PlaceHold];

    /// <summary>Who may place and release holds: the case's owner or handler, a coordinator or a manager.</summary>
    internal static PermissionRule Holders => new([Coordinator, Manager, GeneralManager], ActorRelation.Owner | ActorRelation.Assignee);

    public override PermissionRule Permission => Holders;

    protected override void Validate(PlaceHold command, Validation v)
    {
        if (string.IsNullOrWhiteSpace(command.Product))
        {
            v.Error("Product", "is required: name the product category or kind of product held (e.g. \"braised pork, lunch delivery\"), not the complainant.");
        }
        else
        {
            v.Line(command.Product, NameLength, "Product");
        }

        v.RequiredText(command.Reason, ReasonLength, "Reason", "The reason for the hold")
            .Check(command.Scope is null || !string.IsNullOrWhiteSpace(command.Scope), "Scope", "is blank; give the batch, lot, delivery or supplier held, or null for the whole product.")
            .Line(command.Scope, ShortTextLength, "Scope");
    }

    protected override Step[] Decide(in DecisionContext context, PlaceHold command) =>
        [new(Trigger.PlaceHold, new ProductHoldPlaced(context.Case.Holds.Count + 1, command.Product.Trim(), command.Reason, command.Scope?.Trim()))];
}
