using System.Globalization;
using Complaints.Commands;

namespace Complaints.Desk;

/// <summary>The kind of input a field of an action's form takes.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Choice,
    Amount,
}

/// <summary>One input of an action's form: its form name, label key and, for a choice, the values.</summary>
public sealed record ActionField(string Name, FieldKind Kind, IReadOnlyList<(string Value, string Label)>? Choices = null, bool Optional = false);

/// <summary>
/// The form behind each action button on the case page: what the command needs, and the command built from the posted
/// values. Only the translation of a form into a command lives here; whether the person may issue it, and whether it
/// is valid, is the complaint service's to decide when it is executed.
/// </summary>
public static class ActionForms
{
    /// <summary>The fields of <paramref name="action"/>'s form; <see langword="null"/> for an action this desk does not offer a form for.</summary>
    public static IReadOnlyList<ActionField>? FieldsOf(ComplaintAction action, IReadOnlyList<Actor> colleagues) => action switch
    {
        ComplaintAction.Triage or ComplaintAction.StartInvestigation => [],
        ComplaintAction.ConfirmReadBack => [Choice<ReadBackMethod>("method")],
        ComplaintAction.Assign => [Person(colleagues)],
        ComplaintAction.Reassign => [Person(colleagues), new("reason", FieldKind.Text)],
        ComplaintAction.Reject or ComplaintAction.Recuse or ComplaintAction.DeclineApproval or ComplaintAction.RecordCustomerRejection
            or ComplaintAction.Escalate or ComplaintAction.Reopen or ComplaintAction.Withdraw => [new("reason", FieldKind.Text)],
        ComplaintAction.Redirect => [new("to", FieldKind.Text), new("reason", FieldKind.Text)],
        ComplaintAction.AddEvidence => [new("reference", FieldKind.Text), new("description", FieldKind.Text, Optional: true)],
        ComplaintAction.HearAccused => [new("statement", FieldKind.LongText)],
        ComplaintAction.RecordFindings => [Choice<FindingOutcome>("outcome"), Choice<RootCause>("cause"), new("summary", FieldKind.LongText)],
        ComplaintAction.RecordEmergencyMeeting => [new("attendees", FieldKind.Text), new("minutes", FieldKind.LongText)],
        ComplaintAction.ProposeRemedy or ComplaintAction.ResolveOnSpot =>
            [Choice<RemedyKind>("kind"), new("description", FieldKind.Text), new("amount", FieldKind.Amount, Optional: true)],
        ComplaintAction.Approve => [new("note", FieldKind.Text, Optional: true)],
        ComplaintAction.CommunicateDecision => [Choice<Channel>("channel"), new("message", FieldKind.LongText)],
        ComplaintAction.RecordCustomerAcceptance => [new("comment", FieldKind.Text, Optional: true)],
        ComplaintAction.RecordFollowUp => [Choice<Satisfaction>("satisfaction"), new("comment", FieldKind.Text, Optional: true)],
        ComplaintAction.CompleteImplementation or ComplaintAction.Close => [new("summary", FieldKind.LongText)],
        _ => null,
    };

    /// <summary>The command <paramref name="action"/>'s form posted; an amount in <paramref name="currency"/>.</summary>
    /// <exception cref="FormatException">A choice or the amount is not one the form offers (a form posted by hand); names the field.</exception>
    public static ComplaintCommand Build(ComplaintAction action, Func<string, string?> form, string currency)
    {
        string Text(string name) => form(name) ?? "";
        string? Optional(string name) => string.IsNullOrWhiteSpace(form(name)) ? null : form(name);
        return action switch
        {
            ComplaintAction.Triage => new Triage(),
            ComplaintAction.StartInvestigation => new StartInvestigation(),
            ComplaintAction.ConfirmReadBack => new ConfirmReadBack(Parse<ReadBackMethod>(form, "method")),
            ComplaintAction.Assign => new Assign(Colleague(form)),
            ComplaintAction.Reassign => new Reassign(Colleague(form), Text("reason")),
            ComplaintAction.Reject => new Reject(Text("reason")),
            ComplaintAction.Recuse => new Recuse(Text("reason")),
            ComplaintAction.DeclineApproval => new DeclineApproval(Text("reason")),
            ComplaintAction.RecordCustomerRejection => new RecordCustomerRejection(Text("reason")),
            ComplaintAction.Escalate => new Escalate(Text("reason")),
            ComplaintAction.Reopen => new Reopen(Text("reason")),
            ComplaintAction.Withdraw => new Withdraw(Text("reason")),
            ComplaintAction.Redirect => new Redirect(Text("to"), Text("reason")),
            ComplaintAction.AddEvidence => new AddEvidence(new EvidenceReference(Text("reference"), Optional("description"))),
            ComplaintAction.HearAccused => new HearAccused(Text("statement")),
            ComplaintAction.RecordFindings => new RecordFindings(new Findings(Parse<FindingOutcome>(form, "outcome"), Parse<RootCause>(form, "cause"), Text("summary"))),
            ComplaintAction.RecordEmergencyMeeting => new RecordEmergencyMeeting(
                [.. Text("attendees").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], Text("minutes")),
            ComplaintAction.ProposeRemedy => new ProposeRemedy(Remedy(form, currency)),
            ComplaintAction.ResolveOnSpot => new ResolveOnSpot(Remedy(form, currency)),
            ComplaintAction.Approve => new Approve(Optional("note")),
            ComplaintAction.CommunicateDecision => new CommunicateDecision(Parse<Channel>(form, "channel"), Text("message")),
            ComplaintAction.RecordCustomerAcceptance => new RecordCustomerAcceptance(Optional("comment")),
            ComplaintAction.RecordFollowUp => new RecordFollowUp(Parse<Satisfaction>(form, "satisfaction"), Optional("comment")),
            ComplaintAction.CompleteImplementation => new CompleteImplementation(Text("summary")),
            ComplaintAction.Close => new Close(Text("summary")),
            _ => throw new FormatException($"action: {action} has no form on this desk."),
        };
    }

    /// <summary>An amount typed on a form (<c>1250.50</c>, or with the current culture's decimal separator).</summary>
    public static bool TryAmount(string? text, out decimal amount) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out amount)
        || decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out amount);

    private static RemedyProposal Remedy(Func<string, string?> form, string currency)
    {
        var text = form("amount");
        Money? amount = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            amount = TryAmount(text, out var value) ? new Money(value, currency) : throw new FormatException("amount: must be a number such as 1250.50.");
        }

        return new RemedyProposal(Parse<RemedyKind>(form, "kind"), form("description") ?? "", amount);
    }

    private static Actor Colleague(Func<string, string?> form) =>
        People.Find(form("handler")) ?? throw new FormatException("handler: choose one of the people listed.");

    private static T Parse<T>(Func<string, string?> form, string name)
        where T : struct, Enum =>
        Enum.TryParse<T>(form(name), out var value) && Enum.IsDefined(value) ? value : throw new FormatException($"{name}: choose one of {string.Join(", ", Enum.GetNames<T>())}.");

    private static ActionField Choice<T>(string name)
        where T : struct, Enum => new(name, FieldKind.Choice, [.. Enum.GetNames<T>().Select(n => (n, n))]);

    private static ActionField Person(IReadOnlyList<Actor> colleagues) =>
        new("handler", FieldKind.Choice, [.. colleagues.Select(p => (p.Id.Value, p.Name))]);
}
