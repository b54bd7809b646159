using System.Globalization;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow;
using Spectre.Console;

namespace Complaints.Demo;

/// <summary>Prints a case's journal as a timeline: who did what, when, the state change, and the policy's reasons.</summary>
internal static class Timeline
{
    public static string Time(DateTimeOffset at) => at.ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture);

    public static async Task PrintAsync(IAnsiConsole console, ComplaintService service, DemoCase demoCase, CancellationToken cancellationToken = default)
    {
        var viewer = demoCase.Script.Viewer;
        var complaint = await service.GetAsync(demoCase.Id, viewer, cancellationToken);
        var journal = await service.GetJournalAsync(demoCase.Id, viewer, cancellationToken);
        var table = new Table().Border(TableBorder.Minimal).Expand()
            .AddColumn("Time (UTC)").AddColumn("Actor").AddColumn("From → To").AddColumn("Event").AddColumn("Decision / why");
        table.Columns[0].NoWrap();
        foreach (var entry in journal)
        {
            var states = entry.From == entry.To ? entry.To.ToString() : $"{entry.From} → {entry.To}";
            AddRow(table, Time(entry.At), entry.Actor.Name, states, entry.Event.GetType().Name, Why(entry.Event), Style(entry.Event));
            foreach (var note in demoCase.Notes.Where(n => n.AfterSequence == entry.Sequence))
            {
                AddRow(table, Time(note.At), note.Actor.Name, "-", note.What, note.Why, new Style(Color.Yellow));
            }
        }

        var tier = complaint.Severity is { } severity ? $", {complaint.Category}/{severity}" : "";
        var routed = complaint.Department is { } d ? $" → {d}" : "";
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(demoCase.Title)}[/]").LeftJustified());
        console.MarkupLineInterpolated($"   [grey]{complaint.State}{tier}{routed}; policy {complaint.Policy}; level {complaint.EscalationLevel}[/]");
        console.Write(table);
        foreach (var note in demoCase.Notes.Where(n => n.Detail is not null))
        {
            console.MarkupLineInterpolated($"   [yellow]![/] {note.Detail}");
        }

        if (complaint.Deadlines.Count > 0)
        {
            var deadlines = new Table().Border(TableBorder.Minimal).AddColumn("Deadline").AddColumn("Due").AddColumn("Met").AddColumn("Rule");
            foreach (var x in complaint.Deadlines)
            {
                var met = x.MetAt is { } at ? Time(at) + (at > x.DueAt ? " (late)" : "") : x.BreachedAt is not null ? "breached" : "open";
                deadlines.AddRow(new Text(x.Kind.ToString()), new Text(Time(x.DueAt)), new Text(met, met.Contains("late", StringComparison.Ordinal) || met == "breached" ? new Style(Color.Red) : Color.Green), new Text(x.Rule));
            }

            console.Write(deadlines);
        }
    }

    private static void AddRow(Table table, string time, string actor, string states, string what, string why, Style style) =>
        table.AddRow(new Text(time), new Text(actor), new Text(states), new Text(what, style), new Text(why));

    private static Style Style(ComplaintEvent e) => e switch
    {
        DeadlineBreached or Escalated or CustomerRejected or ApprovalDeclined => new Style(Color.Red),
        DeadlineWarned or HandlerRecused => new Style(Color.Yellow),
        ComplaintClosed or ResolvedOnSpot => new Style(Color.Green),
        RemedyApproved => new Style(Color.Aqua),
        _ => Spectre.Console.Style.Plain,
    };

    private static string Why(ComplaintEvent e) => e switch
    {
        ComplaintReceived x => $"{x.Intake.Channel}: {x.Intake.Complainant.Name ?? "(anonymous)"} about {x.Intake.Subject.Name}",
        ReadBackConfirmed x => $"record read back and confirmed ({x.Method})",
        ComplaintTriaged x => $"{x.Severity.Category}, {x.Severity.Tier}; to {x.Routing.Department} {Rules(x.Admissibility, x.Severity, x.Routing, x.DeadlineRules)}",
        ComplaintRejected x => $"{x.Reason} {Rules(x.Decision)}",
        ComplaintRedirected x => $"to {x.To}: {x.Reason} {Rules(x.Decision)}",
        ResolvedOnSpot x => $"{x.Remedy.Description}; {x.Severity.Tier}, {Authority(x.Approval, "receiver")} {Rules(x.Severity, x.Approval)}",
        HandlerAssigned x => $"{x.Handler.Name}; no conflict ({Checked(x.Recusal)})",
        HandlerRecused x => $"{x.Handler} stepped aside: {x.Reason}",
        InvestigationStarted => "",
        EvidenceAdded x => x.Evidence.Description ?? x.Evidence.Reference,
        AccusedHeard x => $"\"{x.Statement}\"",
        FindingsRecorded x => $"{x.Findings.Outcome}, {x.Findings.Cause}: {x.Findings.Summary}{(x.Findings.Fine is { } fine ? $" (fine {fine})" : "")}",
        EmergencyMeetingRecorded x => $"{x.Meeting.Attendees.Count} attended: {x.Meeting.Minutes}",
        RemedyProposed x => $"{x.Remedy.Kind}{(x.Remedy.Amount is { } m ? $" {m}" : "")}; {Authority(x.Approval, "handler")} {Rules(x.Approval)}",
        RemedyApproved x => $"{x.Role} step: {x.Note} (no conflict; {Checked(x.Recusal)})",
        ApprovalDeclined x => $"{x.Role} declined: {x.Reason}",
        DecisionCommunicated x => $"{x.Channel}: {x.Message}",
        CustomerAccepted x => x.Comment ?? "",
        CustomerRejected x => $"round {x.Round}: {x.Reason}",
        Escalated x => $"level {x.Level}, notify {x.Decision?.NotifyRole ?? "-"}: {x.Reason} {Rules(x.Decision)}",
        ImplementationCompleted x => x.Summary,
        FollowUpRecorded x => x.Comment is null ? x.Satisfaction.ToString() : $"{x.Satisfaction}: {x.Comment}",
        ComplaintClosed x => x.Reward is { Eligible: true } r ? $"{x.Summary} Reward {r.Min}–{r.Max} ({r.MinPercent:0.##}–{r.MaxPercent:0.##} % of the {r.Basis.ToString().ToLowerInvariant()}) [{r.Explanation.MatchedRules.First()}]" : x.Summary,
        ComplaintReopened x => x.Reason,
        ComplaintWithdrawn x => x.Reason,
        DeadlineWarned x => $"{x.Kind} due {Time(x.DueAt)}",
        DeadlineBreached x => $"{x.Kind} was due {Time(x.DueAt)}; {(x.Escalation.Escalate ? "escalate" : "no escalation")} {Rules(x.Escalation)}",
        AccountabilityAssessed x => $"{x.Person}, {x.Misconduct}: {string.Join(", ", x.Decision.Sanctions.Select(s => s.Amount is { } a ? $"{s.Kind} {a}" : s.Kind.ToString()))} {Rules(x.Decision)}",
        DeadlineExtended x => $"{x.Kind} {Time(x.From)} → {Time(x.To)}: {x.ReasonGivenToComplainant}",
        DeadlinesReplanned x => $"{string.Join(", ", x.Changes.Select(c => $"{c.Kind} {Time(c.From)} → {Time(c.To)}"))}: {x.Reason}",
        _ => "",
    };

    private static string Authority(ApprovalDecision approval, string who) =>
        approval.WithinHandlerAuthority ? $"within the {who}'s authority" : "needs " + string.Join(" then ", approval.Steps);

    /// <summary>The rules that matched, in brackets.</summary>
    private static string Rules(params PolicyDecision?[] decisions) =>
        "[" + string.Join(", ", decisions.OfType<PolicyDecision>().SelectMany(d => d.Explanation.MatchedRules)) + "]";

    /// <summary>The rules considered, for a decision where none matched.</summary>
    private static string Checked(PolicyDecision decision) => $"{decision.Explanation.Rules.Count} rules checked";
}
