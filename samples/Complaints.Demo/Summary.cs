using System.Globalization;
using Complaints.Ports;
using Complaints.Workflow;
using Spectre.Console;

namespace Complaints.Demo;

/// <summary>The end of a scripted run: a line per pack (counts, deadlines, approvals by level) and a line per case.</summary>
internal static class Summary
{
    /// <summary>How a case's deadlines ended: met on time, met late, breached (recorded by the worker), still open.</summary>
    public static (int OnTime, int Late, int Breached, int Open) Deadlines(IEnumerable<Complaint> cases)
    {
        var all = cases.SelectMany(c => c.Deadlines).ToArray();
        return (all.Count(d => d.MetAt is { } m && m <= d.DueAt),
            all.Count(d => d.MetAt is { } m && m > d.DueAt),
            all.Count(d => d.BreachedAt is not null),
            all.Count(d => d.MetAt is null));
    }

    /// <summary>Approval steps given, by role, plus remedies within the handler's own authority.</summary>
    public static string Approvals(IEnumerable<Complaint> cases)
    {
        var list = cases.ToArray();
        var byRole = list.SelectMany(c => c.Approvals).Where(a => a.ApprovedBy is not null).GroupBy(a => a.Role)
            .Select(g => $"{g.Key} {g.Count()}").ToList();
        var own = list.Count(c => c.Remedy is not null && c.Approvals.Count == 0);
        if (own > 0)
        {
            byRole.Insert(0, $"handler's own {own}");
        }

        return byRole.Count == 0 ? "-" : string.Join(", ", byRole);
    }

    public static async Task PrintAsync(IAnsiConsole console, ComplaintService service, IComplaintStore store, IReadOnlyList<DemoCase> cases, string dbPath, CancellationToken cancellationToken)
    {
        // The file may hold cases of earlier runs (on the same demo dates): the summary is of this run's.
        var final = new List<(DemoCase Case, Complaint Complaint)>();
        foreach (var demoCase in cases)
        {
            final.Add((demoCase, await service.GetAsync(demoCase.Id, demoCase.Script.Viewer, cancellationToken)));
        }

        console.WriteLine();
        console.Write(new Rule("[bold]Summary by pack[/]").LeftJustified());
        var packs = new Table().Border(TableBorder.Rounded)
            .AddColumn("Pack").AddColumn(new TableColumn("Cases").RightAligned()).AddColumn("Final states")
            .AddColumn("Deadlines").AddColumn("Approvals by level").AddColumn(new TableColumn("Escalations").RightAligned());
        foreach (var group in final.GroupBy(f => f.Case.Script.Pack))
        {
            var complaints = group.Select(g => g.Complaint).ToArray();
            var (onTime, late, breached, open) = Deadlines(complaints);
            packs.AddRow(
                new Text(group.Key),
                new Text(complaints.Length.ToString(CultureInfo.InvariantCulture)),
                new Text(string.Join(", ", complaints.GroupBy(c => c.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))),
                new Markup($"[green]{onTime} on time[/]" + (late > 0 ? $", [red]{late} late[/]" : "") + (breached > 0 ? $" ([red]{breached} breach recorded by the worker[/])" : "") + (open > 0 ? $", {open} open" : "")),
                new Text(Approvals(complaints)),
                new Text(complaints.Sum(c => c.EscalationLevel).ToString(CultureInfo.InvariantCulture)));
        }

        console.Write(packs);

        var rows = new Table().Border(TableBorder.Minimal)
            .AddColumn("Pack").AddColumn("Case").AddColumn("State").AddColumn("Tier").AddColumn("Department").AddColumn("Level").AddColumn("Approved by");
        foreach (var (demoCase, c) in final)
        {
            rows.AddRow(
                new Text(demoCase.Script.Pack), new Text(demoCase.Title), new Text(c.State.ToString()), new Text(c.Severity?.ToString() ?? "-"),
                new Text(c.Department?.ToString() ?? "-"), new Text(c.EscalationLevel.ToString(CultureInfo.InvariantCulture)),
                new Text(c.Approvals.Count == 0 ? "-" : string.Join(", ", c.Approvals.Select(a => $"{a.Role} ({a.ApprovedBy})"))));
        }

        console.Write(rows);
        var stored = await store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), cancellationToken);
        console.MarkupLineInterpolated($"   In {dbPath}: {stored.Sum(c => c.Count)} cases ({string.Join(", ", stored.Select(c => $"{c.Key} {c.Count}"))}); --reset starts it afresh.");
    }
}
