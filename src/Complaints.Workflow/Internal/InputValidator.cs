using Complaints.Commands;
using Complaints.Ports;
using static Complaints.ComplaintLimits;

namespace Complaints.Workflow.Internal;

/// <summary>
/// Validates intakes, commands and queries before anything is loaded, decided or stored, against
/// <see cref="ComplaintLimits"/>: so every store sees the same bounded, valid text, and a host maps one
/// <see cref="ComplaintValidationException"/> naming the fields to a response.
/// </summary>
internal static class InputValidator
{
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
            .RequiredText(intake.Description, TextLength, "Intake.Description", "A description of what happened")
            .Line(intake.Category, IdLength, "Intake.Category")
            .Text(intake.Location, ShortTextLength, "Intake.Location")
            .Text(intake.DesiredRemedy, TextLength, "Intake.DesiredRemedy")
            .Check(intake.Complainant is not null, "Intake.Complainant", "is required; use Complainant.Anonymous for an anonymous complaint.")
            .Check(intake.Subject is not null, "Intake.Subject", "is required: say what the complaint is about.")
            .Check(intake.OccurredAt is not { } at || at <= now, "Intake.OccurredAt", "is in the future; give when it happened, or leave it empty.")
            .Check(((int)intake.Flags & ~127) == 0, "Intake.Flags", "has unknown flags.")
            .Money(intake.ClaimedAmount, "Intake.ClaimedAmount");

        if (intake.Complainant is { } complainant)
        {
            Complainant(v, complainant);
        }

        if (intake.Subject is { } subject)
        {
            v.Defined(subject.Kind, "Intake.Subject.Kind")
                .Required(subject.Name, "Intake.Subject.Name", "The subject's name")
                .Line(subject.Name, NameLength, "Intake.Subject.Name")
                .Line(subject.Reference, ReferenceLength, "Intake.Subject.Reference");
            OptionalId(v, subject.Department?.Value, subject.Department is not null, "Intake.Subject.Department");
            OptionalId(v, subject.StaffId?.Value, subject.StaffId is not null, "Intake.Subject.StaffId");
        }

        var evidence = intake.Evidence ?? [];
        if (v.Count(evidence.Count, ListCount, "Intake.Evidence"))
        {
            for (var i = 0; i < evidence.Count; i++)
            {
                Evidence(v, evidence[i], $"Intake.Evidence[{i}]");
            }
        }

        if (intake.Attributes is { } attributes && v.Count(attributes.Count, AttributeCount, "Intake.Attributes"))
        {
            Attributes(v, attributes);
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
            case Triage or StartInvestigation:
                break;
            case Reject c:
                v.RequiredText(c.Reason, ReasonLength, "Reason", "The reason given to the complainant");
                break;
            case Redirect c:
                v.Required(c.To, "To", "The body the complainant is directed to").Line(c.To, NameLength, "To")
                    .RequiredText(c.Reason, ReasonLength, "Reason", "The reason");
                break;
            case ResolveOnSpot c:
                Remedy(v, c.Remedy);
                break;
            case Assign c:
                v.Actor(c.Handler, "Handler");
                break;
            case Reassign c:
                v.Actor(c.Handler, "Handler").RequiredText(c.Reason, ReasonLength, "Reason", "The reason for reassigning");
                break;
            case Recuse c:
                v.RequiredText(c.Reason, ReasonLength, "Reason", "The conflict of interest");
                break;
            case AddEvidence c:
                Evidence(v, c.Evidence, "Evidence");
                break;
            case HearAccused c:
                v.RequiredText(c.Statement, TextLength, "Statement", "The accused's statement");
                break;
            case RecordFindings c when c.Findings is null:
                v.Check(false, "Findings", "are required.");
                break;
            case RecordFindings c:
                v.Money(c.Findings.Fine, "Findings.Fine").Money(c.Findings.Recovered, "Findings.Recovered");
                v.Defined(c.Findings.Outcome, "Findings.Outcome").Defined(c.Findings.Cause, "Findings.Cause")
                    .RequiredText(c.Findings.Summary, TextLength, "Findings.Summary", "A summary of the findings");
                break;
            case RecordEmergencyMeeting c:
                Attendees(v, c.Attendees);
                v.RequiredText(c.Minutes, TextLength, "Minutes", "The meeting's minutes");
                break;
            case ProposeRemedy c:
                Remedy(v, c.Remedy);
                break;
            case Approve c:
                v.Text(c.Note, ReasonLength, "Note");
                break;
            case DeclineApproval c:
                v.RequiredText(c.Reason, ReasonLength, "Reason", "The reason for declining");
                break;
            case CommunicateDecision c:
                v.Defined(c.Channel, "Channel").RequiredText(c.Message, TextLength, "Message", "What was said to the complainant");
                break;
            case RecordCustomerAcceptance c:
                v.Text(c.Comment, ReasonLength, "Comment");
                break;
            case RecordCustomerRejection c:
                v.RequiredText(c.Reason, ReasonLength, "Reason", "What the customer objected to");
                break;
            case Escalate c:
                v.RequiredText(c.Reason, ReasonLength, "Reason", "The reason for escalating");
                break;
            case CompleteImplementation c:
                v.RequiredText(c.Summary, TextLength, "Summary", "What was done");
                break;
            case RecordFollowUp c:
                v.Defined(c.Satisfaction, "Satisfaction").Text(c.Comment, ReasonLength, "Comment");
                break;
            case Close c:
                v.RequiredText(c.Summary, TextLength, "Summary", "A closing summary");
                break;
            case Reopen c:
                v.RequiredText(c.Reason, ReasonLength, "Reason", "The reason for reopening");
                break;
            case RecordDeadlineWarning c:
                v.Defined(c.Kind, "Kind");
                break;
            case RecordDeadlineBreach c:
                v.Defined(c.Kind, "Kind");
                break;
            case ExtendDeadline c:
                v.Defined(c.Kind, "Kind").RequiredText(c.ReasonGivenToComplainant, ReasonLength, "ReasonGivenToComplainant", "The explanation given to the complainant");
                break;
            case ReplanDeadlines c:
                v.Required(c.Reason, "Reason", "Why the deadlines are recounted");
                break;
            case AssessAccountability c:
                v.Actor(c.Person, "Person").Required(c.Misconduct, "Misconduct", "The misconduct assessed").Line(c.Misconduct, IdLength, "Misconduct");
                break;
            case Withdraw c:
                v.RequiredText(c.Reason, ReasonLength, "Reason", "What the complainant said");
                break;
            default:
                // A host may derive its own record from ComplaintCommand; the workflow cannot decide it.
                v.Error("Command", $"{command.GetType().Name} is not a command the workflow knows; issue one of the commands in the Complaints.Commands namespace.");
                break;
        }

        v.ThrowIfAny();
    }

    /// <summary>A query's reader, page, lists and text: bounded and valid before any store sees it.</summary>
    public static void Query(Actor? reader, ComplaintQuery? query)
    {
        var v = new Validation().Actor(reader, "Reader");
        if (query is null)
        {
            v.Error("Query", "is required.").ThrowIfAny();
            return;
        }

        v.Check(query.Skip >= 0, "Query.Skip", "must not be negative.")
            .Check(query.Take is > 0 and <= 1000, "Query.Take", "must be between 1 and 1000.");
        if (query.States is { } states && v.Count(states.Count, QueryListCount, "Query.States"))
        {
            for (var i = 0; i < states.Count; i++)
            {
                if (!Enum.IsDefined(states[i]))
                {
                    v.Defined(states[i], $"Query.States[{i}]");
                }
            }
        }

        if (query.Severities is { } severities && v.Count(severities.Count, QueryListCount, "Query.Severities"))
        {
            for (var i = 0; i < severities.Count; i++)
            {
                if (!Enum.IsDefined(severities[i]))
                {
                    v.Defined(severities[i], $"Query.Severities[{i}]");
                }
            }
        }

        if (query.Categories is { } categories && v.Count(categories.Count, QueryListCount, "Query.Categories"))
        {
            for (var i = 0; i < categories.Count; i++)
            {
                if (categories[i] is null || Validation.TextProblem(categories[i], IdLength, multiline: false) is not null)
                {
                    v.Check(categories[i] is not null, $"Query.Categories[{i}]", "must not be null.").Line(categories[i], IdLength, $"Query.Categories[{i}]");
                }
            }
        }

        OptionalId(v, query.Assignee?.Value, query.Assignee is not null, "Query.Assignee");
        OptionalId(v, query.Department?.Value, query.Department is not null, "Query.Department");
        v.Line(query.AwaitingApprovalByRole, IdLength, "Query.AwaitingApprovalByRole");
        if (query.VisibleTo is { } visibility)
        {
            v.Actor(new Actor(visibility.Actor, "", visibility.Roles, visibility.Department), "Query.VisibleTo");
        }

        v.ThrowIfAny();
    }

    private static void Complainant(Validation v, Complainant complainant)
    {
        v.Check(complainant.Name is null || !string.IsNullOrWhiteSpace(complainant.Name), "Intake.Complainant.Name", "is blank; give a name, or null for an anonymous complaint.")
            .Line(complainant.Name, NameLength, "Intake.Complainant.Name")
            .Line(complainant.CustomerId, IdLength, "Intake.Complainant.CustomerId")
            .Check(complainant.Contact is not null, "Intake.Complainant.Contact", "is required; use new ContactDetails() when there is none.");
        OptionalId(v, complainant.StaffId?.Value, complainant.StaffId is not null, "Intake.Complainant.StaffId");
        if (complainant.Contact is { } contact)
        {
            v.Line(contact.Phone, ShortTextLength, "Intake.Complainant.Contact.Phone")
                .Line(contact.Email, ShortTextLength, "Intake.Complainant.Contact.Email")
                .Text(contact.Address, ReasonLength, "Intake.Complainant.Contact.Address");
        }
    }

    private static void Evidence(Validation v, EvidenceReference? evidence, string field)
    {
        if (evidence is null || string.IsNullOrWhiteSpace(evidence.Reference))
        {
            v.Error($"{field}.Reference", "is required: say where the evidence is.");
            return;
        }

        v.Line(evidence.Reference, ReferenceLength, $"{field}.Reference").Text(evidence.Description, ShortTextLength, $"{field}.Description");
    }

    private static void Attributes(Validation v, IReadOnlyDictionary<string, string> attributes)
    {
        var at = 0;
        foreach (var (name, value) in attributes)
        {
            // A bad name is not repeated in the field: it may be long or unprintable.
            if (string.IsNullOrWhiteSpace(name) || Validation.TextProblem(name, IdLength, multiline: false) is { })
            {
                v.Error("Intake.Attributes", $"the name of attribute {at} {Validation.TextProblem(name, IdLength, multiline: false) ?? "is blank"}");
            }
            else if (value is null)
            {
                v.Error($"Intake.Attributes[{name}]", "must not be null; use an empty string.");
            }
            else
            {
                v.Line(value, ShortTextLength, $"Intake.Attributes[{name}]");
            }

            at++;
        }
    }

    private static void Attendees(Validation v, IReadOnlyList<string>? attendees)
    {
        if (attendees is not { Count: > 0 })
        {
            v.Error("Attendees", "name at least one attendee, none blank.");
            return;
        }

        if (!v.Count(attendees.Count, ListCount, "Attendees"))
        {
            return;
        }

        for (var i = 0; i < attendees.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(attendees[i]))
            {
                v.Error("Attendees", "name at least one attendee, none blank.");
            }
            else
            {
                v.Line(attendees[i], NameLength, $"Attendees[{i}]");
            }
        }
    }

    private static void OptionalId(Validation v, string? value, bool given, string field)
    {
        if (given)
        {
            v.Id(value, field);
        }
    }

    private static void Remedy(Validation v, RemedyProposal? remedy)
    {
        if (remedy is null)
        {
            v.Check(false, "Remedy", "is required.");
            return;
        }

        v.Defined(remedy.Kind, "Remedy.Kind")
            .RequiredText(remedy.Description, TextLength, "Remedy.Description", "What the remedy is")
            .Money(remedy.Amount, "Remedy.Amount");
    }
}
