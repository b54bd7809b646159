using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="Assign"/>: names the responsible handler, whom the policy checks for a conflict of interest.</summary>
internal sealed class AssignDefinition : CommandDefinition<Assign>
{
    public override ComplaintAction Action => ComplaintAction.Assign;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.Assign];

    public override PermissionRule Permission => new([Coordinator, Manager]);

    protected override void Validate(Assign command, Validation v) => v.Actor(command.Handler, "Handler");

    protected override Step[] Decide(in DecisionContext context, Assign command) =>
        [new(Trigger.Assign, new HandlerAssigned(command.Handler, CheckHandler(context.Policy, context.Case, command.Handler, isNewHandler: true), null))];

    /// <summary>
    /// Refuses a handler who already handles the case, is the person complained about, was recused from it, or has a
    /// conflict of interest the policy finds; otherwise returns the policy's recusal decision (assignment and reassignment).
    /// </summary>
    internal static RecusalDecision CheckHandler(IComplaintPolicy policy, Complaint c, Actor handler, bool isNewHandler)
    {
        if (!isNewHandler)
        {
            throw new ComplaintValidationException([new ValidationError("Handler", $"{handler.Id} already handles complaint {c.Id}; name someone else.")]);
        }

        if (c.IsAccused(handler.Id))
        {
            throw new RecusalRequiredException(c.Id, handler.Id, ComplaintService.AccusedReason, []);
        }

        if (c.Recusals.FirstOrDefault(r => r.Actor == handler.Id) is { } earlier)
        {
            throw new RecusalRequiredException(c.Id, handler.Id, $"they were recused earlier ({earlier.Reason})", []);
        }

        var recusal = policy.CheckRecusal(c, handler);
        return recusal.MustRecuse
            ? throw new RecusalRequiredException(c.Id, handler.Id, recusal.Reason ?? "conflict of interest", recusal.Explanation.MatchedRules.ToArray())
            : recusal;
    }
}
