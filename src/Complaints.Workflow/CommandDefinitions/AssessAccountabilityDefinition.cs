using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="AssessAccountability"/>: records what a member of staff answers for, with the sanctions the policy sets.</summary>
internal sealed class AssessAccountabilityDefinition : CommandDefinition<AssessAccountability>
{
    public override ComplaintAction Action => ComplaintAction.AssessAccountability;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.AssessAccountability];

    public override PermissionRule Permission => new([Manager, GeneralManager, ComplaintRoles.System]);

    protected override void Validate(AssessAccountability command, Validation v) =>
        v.Actor(command.Person, "Person").Required(command.Misconduct, "Misconduct", "The misconduct assessed").Line(command.Misconduct, IdLength, "Misconduct");

    protected override Step[] Decide(in DecisionContext context, AssessAccountability command) =>
        [new(Trigger.AssessAccountability, new AccountabilityAssessed(
            command.Person.Id, command.Misconduct, context.Policy.AssessPenalty(context.Case, command.Person, command.Misconduct)))];
}
