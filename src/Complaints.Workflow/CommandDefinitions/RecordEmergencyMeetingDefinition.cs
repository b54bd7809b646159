using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using static Complaints.ComplaintLimits;
using static Complaints.ComplaintRoles;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary><see cref="RecordEmergencyMeeting"/>: the emergency meeting a major complaint needs before a remedy is proposed.</summary>
internal sealed class RecordEmergencyMeetingDefinition : CommandDefinition<RecordEmergencyMeeting>
{
    public override ComplaintAction Action => ComplaintAction.RecordEmergencyMeeting;

    public override ReadOnlySpan<Trigger> Triggers => [Trigger.RecordEmergencyMeeting];

    public override PermissionRule Permission => new([Coordinator, Manager, GeneralManager]);

    protected override void Validate(RecordEmergencyMeeting command, Validation v) =>
        InputValidator.Attendees(v, command.Attendees).RequiredText(command.Minutes, TextLength, "Minutes", "The meeting's minutes");

    protected override Step[] Decide(in DecisionContext context, RecordEmergencyMeeting command) =>
        [new(Trigger.RecordEmergencyMeeting, new EmergencyMeetingRecorded(new EmergencyMeeting(context.Now, command.Attendees, command.Minutes)))];
}
