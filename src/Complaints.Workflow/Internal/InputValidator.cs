using Complaints.Commands;

namespace Complaints.Workflow.Internal;

/// <summary>Validates intakes and commands before anything is loaded or decided.</summary>
internal static class InputValidator
{
    private const int MaxText = 20_000;

    public static void Intake(ComplaintIntake? intake, DateTimeOffset now)
    {
        var v = new Validation();
        if (intake is null)
        {
            v.Check(false, "Intake", "the intake record is required.");
            v.ThrowIfAny();
            return;
        }

        v.Defined(intake.Kind, "Intake.Kind")
            .Defined(intake.Channel, "Intake.Channel")
            .Required(intake.Description, "Intake.Description", "A description of what happened")
            .MaxLength(intake.Description, MaxText, "Intake.Description")
            .Check(intake.Complainant is not null, "Intake.Complainant", "is required; use Complainant.Anonymous for an anonymous complaint.")
            .Check(intake.Subject is not null, "Intake.Subject", "is required: say what the complaint is about.")
            .Check(intake.OccurredAt is not { } at || at <= now, "Intake.OccurredAt", "is in the future; give when it happened, or leave it empty.")
            .Check(((int)intake.Flags & ~127) == 0, "Intake.Flags", "has unknown flags.")
            .Money(intake.ClaimedAmount, "Intake.ClaimedAmount");

        if (intake.Complainant is { } complainant)
        {
            v.Check(complainant.Name is null || !string.IsNullOrWhiteSpace(complainant.Name), "Intake.Complainant.Name", "is blank; give a name, or null for an anonymous complaint.")
                .Check(complainant.Contact is not null, "Intake.Complainant.Contact", "is required; use new ContactDetails() when there is none.");
        }

        if (intake.Subject is { } subject)
        {
            v.Defined(subject.Kind, "Intake.Subject.Kind")
                .Required(subject.Name, "Intake.Subject.Name", "The subject's name");
        }

        var evidence = intake.Evidence ?? [];
        for (var i = 0; i < evidence.Count; i++)
        {
            v.Check(evidence[i] is not null && !string.IsNullOrWhiteSpace(evidence[i].Reference), $"Intake.Evidence[{i}].Reference", "is required: say where the evidence is.");
        }

        v.ThrowIfAny();
    }

    public static void Command(ComplaintCommand? command)
    {
        var v = new Validation();
        switch (command)
        {
            case null:
                v.Check(false, "Command", "is required.");
                break;
            case ConfirmReadBack c:
                v.Defined(c.Method, "Method");
                break;
            case Reject c:
                v.Required(c.Reason, "Reason", "The reason given to the complainant");
                break;
            case Redirect c:
                v.Required(c.To, "To", "The body the complainant is directed to").Required(c.Reason, "Reason", "The reason");
                break;
            case ResolveOnSpot c:
                Remedy(v, c.Remedy);
                break;
            case Assign c:
                v.Actor(c.Handler, "Handler");
                break;
            case Reassign c:
                v.Actor(c.Handler, "Handler").Required(c.Reason, "Reason", "The reason for reassigning");
                break;
            case Recuse c:
                v.Required(c.Reason, "Reason", "The conflict of interest");
                break;
            case AddEvidence c:
                v.Check(c.Evidence is not null && !string.IsNullOrWhiteSpace(c.Evidence.Reference), "Evidence.Reference", "is required: say where the evidence is.");
                break;
            case HearAccused c:
                v.Required(c.Statement, "Statement", "The accused's statement").MaxLength(c.Statement, MaxText, "Statement");
                break;
            case RecordFindings c when c.Findings is null:
                v.Check(false, "Findings", "are required.");
                break;
            case RecordFindings c:
                v.Money(c.Findings.Fine, "Findings.Fine").Money(c.Findings.Recovered, "Findings.Recovered");
                v.Defined(c.Findings.Outcome, "Findings.Outcome").Defined(c.Findings.Cause, "Findings.Cause")
                    .Required(c.Findings.Summary, "Findings.Summary", "A summary of the findings").MaxLength(c.Findings.Summary, MaxText, "Findings.Summary");
                break;
            case RecordEmergencyMeeting c:
                v.Check(c.Attendees is { Count: > 0 } && c.Attendees.All(a => !string.IsNullOrWhiteSpace(a)), "Attendees", "name at least one attendee, none blank.")
                    .Required(c.Minutes, "Minutes", "The meeting's minutes");
                break;
            case ProposeRemedy c:
                Remedy(v, c.Remedy);
                break;
            case DeclineApproval c:
                v.Required(c.Reason, "Reason", "The reason for declining");
                break;
            case CommunicateDecision c:
                v.Defined(c.Channel, "Channel").Required(c.Message, "Message", "What was said to the complainant");
                break;
            case RecordCustomerRejection c:
                v.Required(c.Reason, "Reason", "What the customer objected to");
                break;
            case Escalate c:
                v.Required(c.Reason, "Reason", "The reason for escalating");
                break;
            case CompleteImplementation c:
                v.Required(c.Summary, "Summary", "What was done");
                break;
            case RecordFollowUp c:
                v.Defined(c.Satisfaction, "Satisfaction");
                break;
            case Close c:
                v.Required(c.Summary, "Summary", "A closing summary");
                break;
            case Reopen c:
                v.Required(c.Reason, "Reason", "The reason for reopening");
                break;
            case RecordDeadlineWarning c:
                v.Defined(c.Kind, "Kind");
                break;
            case RecordDeadlineBreach c:
                v.Defined(c.Kind, "Kind");
                break;
            case ExtendDeadline c:
                v.Defined(c.Kind, "Kind").Required(c.ReasonGivenToComplainant, "ReasonGivenToComplainant", "The explanation given to the complainant");
                break;
            case ReplanDeadlines c:
                v.Required(c.Reason, "Reason", "Why the deadlines are recounted");
                break;
            case AssessAccountability c:
                v.Actor(c.Person, "Person").Required(c.Misconduct, "Misconduct", "The misconduct assessed");
                break;
            case Withdraw c:
                v.Required(c.Reason, "Reason", "What the complainant said");
                break;
        }

        v.ThrowIfAny();
    }

    private static void Remedy(Validation v, RemedyProposal? remedy)
    {
        if (remedy is null)
        {
            v.Check(false, "Remedy", "is required.");
            return;
        }

        v.Defined(remedy.Kind, "Remedy.Kind")
            .Required(remedy.Description, "Remedy.Description", "What the remedy is")
            .Money(remedy.Amount, "Remedy.Amount");
    }
}
