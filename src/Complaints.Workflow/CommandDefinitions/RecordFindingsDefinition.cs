using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="RecordFindings"/>: the investigation's findings and root cause, once the accused (if any) was heard.</summary>
internal sealed class RecordFindingsDefinition : CommandDefinition<RecordFindings>
{
    public override ComplaintAction Action => ComplaintAction.RecordFindings;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.RecordFindings];

    public override PermissionRule Permission => new([], ActorRelation.Assignee);

    protected override void Validate(RecordFindings command, Validation v)
    {
        if (command.Findings is not { } findings)
        {
            v.Check(false, "Findings", "are required.");
            return;
        }

        v.Money(findings.Fine, "Findings.Fine").Money(findings.Recovered, "Findings.Recovered");
        v.Defined(findings.Outcome, "Findings.Outcome").Defined(findings.Cause, "Findings.Cause")
            .RequiredText(findings.Summary, TextLength, "Findings.Summary", "A summary of the findings");
    }

    protected override Step[] Decide(in DecisionContext context, RecordFindings command) =>
        [new(Trigger.RecordFindings, new FindingsRecorded(command.Findings))];
}
