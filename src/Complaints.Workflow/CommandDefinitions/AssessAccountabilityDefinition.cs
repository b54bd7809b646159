using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="AssessAccountability"/>: records what a member of staff answers for, with the sanctions the policy sets.
/// Under a policy whose sanctions need confirming (<see cref="LifecycleSettings.PenaltiesConfirmedBy"/>), an assessment by
/// anyone without the confirming role is recorded as proposed; the role's holder confirms it by assessing again.
/// </summary>
internal sealed class AssessAccountabilityDefinition : CommandDefinition<AssessAccountability>
{
    public override ComplaintAction Action => ComplaintAction.AssessAccountability;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.AssessAccountability];

    public override PermissionRule Permission => new([Manager, GeneralManager, ComplaintRoles.System]);

    protected override void Validate(AssessAccountability command, Validation v) =>
        v.Actor(command.Person, "Person").Required(command.Misconduct, "Misconduct", "The misconduct assessed").Line(command.Misconduct, IdLength, "Misconduct");

    protected override Step[] Decide(in DecisionContext context, AssessAccountability command) =>
        [new(Trigger.AssessAccountability, Assessed(
            context.Policy, context.Actor, command.Person.Id, command.Misconduct, context.Policy.AssessPenalty(context.Case, command.Person, command.Misconduct)))];

    /// <summary>
    /// The assessment as recorded when <paramref name="assessor"/> makes it: in force, or proposed and awaiting the
    /// policy's confirming role when there are sanctions and the assessor does not hold that role.
    /// </summary>
    internal static AccountabilityAssessed Assessed(IComplaintPolicy policy, Actor assessor, ActorId person, string misconduct, PenaltyDecision decision) =>
        new(person, misconduct, decision)
        {
            AwaitingConfirmationBy = policy.Lifecycle.PenaltiesConfirmedBy is { } role && decision.Sanctions.Count > 0 && !assessor.HasRole(role) ? role : null,
        };
}
