using System.Globalization;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow;

namespace Complaints.Demo;

/// <summary>Prints a case's journal as a timeline: who did what, when, the state change, and the policy's reasons.</summary>
internal static class Timeline
{
    public static string Time(DateTimeOffset at) => at.ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture);

    public static async Task PrintAsync(ComplaintService service, Actor viewer, DemoCase demoCase)
    {
        var complaint = await service.GetAsync(demoCase.Id, viewer);
        var journal = await service.GetJournalAsync(demoCase.Id, viewer);
        var rows = new List<string[]>();
        foreach (var entry in journal)
        {
            var states = entry.From == entry.To ? entry.To.ToString() : $"{entry.From} → {entry.To}";
            rows.Add([Time(entry.At), entry.Actor.Name, states, entry.Event.GetType().Name, Why(entry.Event)]);
            rows.AddRange(demoCase.Notes.Where(n => n.AfterSequence == entry.Sequence)
                .Select(n => new[] { Time(n.At), n.Actor.Name, "-", n.What, n.Why }));
        }

        Console.WriteLine();
        var tier = complaint.Severity is { } severity ? $", {complaint.Category}/{severity}" : "";
        var routed = complaint.Department is { } d ? $" → {d}" : "";
        Console.WriteLine($"== {demoCase.Title}: {complaint.State}{tier}{routed} (policy {complaint.Policy})");
        Table.Print("   ", ["Time (UTC)", "Actor", "From → To", "Event", "Decision / why"], rows);
        foreach (var note in demoCase.Notes.Where(n => n.Detail is not null))
        {
            Console.WriteLine($"   ! {note.Detail}");
        }

        if (complaint.Deadlines.Count > 0)
        {
            var deadlines = complaint.Deadlines
                .Select(x => new[] { x.Kind.ToString(), Time(x.DueAt), x.MetAt is { } met ? Time(met) + (met > x.DueAt ? " (late)" : "") : "open", x.Rule })
                .ToArray();
            Console.WriteLine();
            Table.Print("   ", ["Deadline", "Due", "Met", "Rule"], deadlines);
        }
    }

    private static string Why(ComplaintEvent e) => e switch
    {
        ComplaintReceived x => $"{x.Intake.Channel}: {x.Intake.Complainant.Name} about {x.Intake.Subject.Name}",
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
        FindingsRecorded x => $"{x.Findings.Outcome}, {x.Findings.Cause}: {x.Findings.Summary}",
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
        ComplaintClosed x => x.Summary,
        ComplaintReopened x => x.Reason,
        ComplaintWithdrawn x => x.Reason,
        _ => "",
    };

    private static string Authority(ApprovalDecision approval, string who) =>
        approval.WithinHandlerAuthority ? $"within the {who}'s authority" : "needs " + string.Join(" then ", approval.Steps);

    /// <summary>The rules that matched, in brackets.</summary>
    private static string Rules(params PolicyDecision?[] decisions) =>
        "[" + string.Join(", ", decisions.OfType<PolicyDecision>().SelectMany(d => d.Explanation.MatchedRules)) + "]";

    /// <summary>The rules considered, for a decision where none matched.</summary>
    private static string Checked(PolicyDecision decision) => "checked " + string.Join(", ", decision.Explanation.Rules.Select(r => r.Rule));
}
