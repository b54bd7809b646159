using System.Globalization;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="ReleaseHold"/>: releases an active product hold with what the check found. The same people as may place
/// one; in any state, as a hold outlives the case's handling (the food stays held until the check is recorded).
/// </summary>
internal sealed class ReleaseHoldDefinition : CommandDefinition<ReleaseHold>
{
    public override ComplaintAction Action => ComplaintAction.ReleaseHold;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.ReleaseHold];

    public override PermissionRule Permission => PlaceHoldDefinition.Holders;

    protected override void Validate(ReleaseHold command, Validation v) =>
        v.Check(command.Number > 0, "Number", "must be the number of one of the case's holds (1, 2, 3 …; see Complaint.Holds).")
            .Defined(command.Result, "Result")
            .Text(command.Note, ReasonLength, "Note");

    protected override Step[] Decide(in DecisionContext context, ReleaseHold command)
    {
        var holds = context.Case.Holds;
        ProductHold? hold = null;
        foreach (var h in holds)
        {
            if (h.Number == command.Number)
            {
                hold = h;
                break;
            }
        }

        if (hold is null || !hold.IsActive)
        {
            var active = string.Join(", ", holds.Where(h => h.IsActive).Select(h => h.Number.ToString(CultureInfo.InvariantCulture)));
            var problem = hold is null
                ? string.Create(CultureInfo.InvariantCulture, $"the case has no hold {command.Number}")
                : string.Create(CultureInfo.InvariantCulture, $"hold {command.Number} was already released at {hold.ReleasedAt:u} ({hold.Result})");
            throw new ComplaintValidationException([new ValidationError("Number", $"{problem}; give the number of an active hold (active now: {active}).")]);
        }

        return [new(Trigger.ReleaseHold, new ProductHoldReleased(command.Number, command.Result, command.Note))];
    }
}
