using System.Diagnostics;
using Complaints.Commands;
using Complaints.Workflow.CommandDefinitions;
using Complaints.Policy;
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
            .Money(intake.ClaimedAmount, "Intake.ClaimedAmount")
            .Check(intake.Culture is null || CultureTags.IsValid(intake.Culture), "Intake.Culture", "is not a culture tag: give a BCP 47 tag such as zh-CN or en, or leave it empty.");

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

    /// <summary>
    /// Checks the intake's attributes against the intake schema of the policy the case will be opened under (when it
    /// has one): required ones given, none unknown, each value of its type. The attributes the selector that chose the
    /// policy reads are not refused for being unknown to it (where it declares one, its type still applies).
    /// </summary>
    public static void Attributes(ComplaintIntake intake, IComplaintPolicy policy, IPolicySelector? selector = null)
    {
        if (policy.IntakeSchema is not { } schema)
        {
            return;
        }

        var attributes = intake.Attributes;
        if (attributes is not null && selector?.AttributesRead is { Count: > 0 } read)
        {
            attributes = attributes
                .Where(a => schema.Find(a.Key) is not null || !read.Contains(a.Key, StringComparer.Ordinal))
                .ToDictionary(StringComparer.Ordinal);
        }

        var v = new Validation();
        foreach (var (field, message) in schema.Check(attributes))
        {
            v.Error(field, $"{message} (intake schema of pack {policy.Identity})");
        }

        v.ThrowIfAny();
    }

    /// <summary>
    /// Checks a command's fields by its definition (<see cref="CommandTable"/>) and returns the definition; refuses a
    /// command type the workflow does not know.
    /// </summary>
    public static CommandDefinition Command(ComplaintCommand? command) => Command(command, new Validation());

    /// <summary><see cref="Command(ComplaintCommand?)"/>, adding to <paramref name="v"/> (which holds no error yet).</summary>
    public static CommandDefinition Command(ComplaintCommand? command, Validation v)
    {
        if (command is null)
        {
            v.Check(false, "Command", "is required.");
        }
        else if (CommandTable.Find(command) is { } definition)
        {
            definition.Validate(command, v);
            v.ThrowIfAny();
            return definition;
        }
        else
        {
            // A host may derive its own record from ComplaintCommand; the workflow cannot decide it.
            v.Error("Command", $"{command.GetType().Name} is not a command the workflow knows; issue one of the commands in the Complaints.Commands namespace.");
        }

        v.ThrowIfAny();
        throw new UnreachableException("An error was recorded above.");
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
        v.Line(query.HeldProduct, NameLength, "Query.HeldProduct");
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

    /// <summary>An evidence reference (at intake or added later): where it is held, and what it is.</summary>
    internal static void Evidence(Validation v, EvidenceReference? evidence, string field)
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

    /// <summary>An emergency meeting's attendees: at least one, none blank, each a name.</summary>
    internal static Validation Attendees(Validation v, IReadOnlyList<string>? attendees)
    {
        if (attendees is not { Count: > 0 })
        {
            return v.Error("Attendees", "name at least one attendee, none blank.");
        }

        if (!v.Count(attendees.Count, ListCount, "Attendees"))
        {
            return v;
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

        return v;
    }

    private static void OptionalId(Validation v, string? value, bool given, string field)
    {
        if (given)
        {
            v.Id(value, field);
        }
    }

    /// <summary>A proposed remedy: its kind, a description, and an amount within the limits.</summary>
    internal static void Remedy(Validation v, RemedyProposal? remedy)
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
