using System.Diagnostics;
using System.Globalization;
using Complaints.Ports;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Complaints.Demo.Cfpb;

/// <summary>The <c>--cfpb</c> mode: the CFPB complaint sample through intake and closure under the generic pack with a 15-day deadline.</summary>
internal static class CfpbDemo
{
    public const string Assumption = """
        The export has no date on which the company responded, so no response time is invented. The CFPB expects a
        company to respond within 15 calendar days of the day it sent the complaint to the company, and its
        "Timely response?" column says whether the company did. The import therefore receives each complaint on
        "Date sent to company" (the company's receipt) under the generic pack with its deadlines replaced by one:
        respond within 15 calendar days (Data/cfpb-15-days). Met or missed is the CFPB's flag; counted from "Date
        received" (the consumer's filing) it is met only when the complaint reached the company the same day,
        missed when it took more than 15 days or the flag says late, and otherwise cannot be told. A closed
        complaint's answer is recorded at the latest instant the flag allows (a minute before the deadline; a day
        after it when late): the timelines show bounds, not dates. "In progress" complaints stay open.
        """;

    /// <summary>The calendar the override names: plain days in UTC (only calendar days are counted, so holidays do not matter).</summary>
    public const string CalendarName = "utc";

    private static readonly BusinessCalendar Calendar = new(
        CalendarName, TimeZoneInfo.Utc, [], [], new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31), new TimeOnly(9, 0), new TimeOnly(17, 0));

    public static string DefaultCsv => Path.Combine(AppContext.BaseDirectory, "Data", "cfpb_complaints_2023_sample.csv");

    public static string OverrideFolder => Path.Combine(AppContext.BaseDirectory, "Data", "cfpb-15-days");

    public static async Task<int> RunAsync(DemoOptions options, string? db, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        var path = options.CfpbPath ?? DefaultCsv;
        if (!File.Exists(path))
        {
            throw new DemoException($"No CFPB export at {Path.GetFullPath(path)}.");
        }

        if (!CfpbFile.HasCurrentColumns(path))
        {
            // The older column set (no Company, no Submitted via): it cannot be run through today's workflow as the
            // 2023 sample is, but it imports as history.
            console.MarkupLine("[grey]This export has the older CFPB column set: imported as history (as --import does).[/]");
            return await ImportDemo.RunAsync(path, db, options.Reset, options.ReportPath, console, cancellationToken);
        }

        IReadOnlyList<CfpbComplaint> rows;
        try
        {
            rows = CfpbFile.Read(path);
        }
        catch (FormatException e)
        {
            throw new DemoException($"{Path.GetFullPath(path)}: {e.Message}");
        }

        var connection = db is null ? null : $"Data Source={Database.Prepare(db, options.Reset)}";
        var watch = Stopwatch.StartNew();
        var imported = await ImportAsync(rows, connection, console, options.Engine, cancellationToken);
        console.MarkupLineInterpolated($"[grey]Imported {imported.Count:N0} complaints from {Path.GetFileName(path)} in {watch.Elapsed.TotalSeconds:0.0} s, on {(db is null ? "the in-memory store" : Path.GetFullPath(db))}{(options.Engine == DemoEngine.NRules ? ", the pack on NRules" : "")}.[/]");
        Print(console, imported);
        if (options.ReportPath is { } report)
        {
            await DemoReport.WriteAsync(report, DemoReport.Cfpb([.. imported.Select(i => i.Case)]), console, cancellationToken);
        }

        return 0;
    }

    /// <summary>Imports <paramref name="rows"/> on a fresh workflow (in memory, or SQLite when a connection string is given), the pack on its own evaluator.</summary>
    public static Task<IReadOnlyList<ImportedComplaint>> ImportAsync(IReadOnlyList<CfpbComplaint> rows, string? sqlite, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        ImportAsync(rows, sqlite, console, DemoEngine.Default, cancellationToken);

    /// <summary>Imports <paramref name="rows"/> on a fresh workflow (in memory, or SQLite when a connection string is given), the pack on <paramref name="engine"/>.</summary>
    public static async Task<IReadOnlyList<ImportedComplaint>> ImportAsync(IReadOnlyList<CfpbComplaint> rows, string? sqlite, IAnsiConsole console, DemoEngine engine, CancellationToken cancellationToken = default)
    {
        var clock = new ImportClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var builder = services.AddComplaints().UsePack("generic", OverrideFolder)
            .AddCalendar(CalendarName, Calendar);
        if (sqlite is not null)
        {
            builder.UseSqlite(sqlite);
        }

        if (engine == DemoEngine.NRules)
        {
            builder.OnNRules();
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<IComplaintStore>().CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), cancellationToken);
        var import = new CfpbImport(provider.GetRequiredService<ComplaintService>(), clock);
        IReadOnlyList<ImportedComplaint> imported = [];
        await console.Progress().AutoClear(true).HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Importing {rows.Count:N0} CFPB complaints", maxValue: Math.Max(1, rows.Count));
                imported = await import.RunAsync(rows, done => task.Value = done, cancellationToken);
            });
        return imported;
    }

    private static void Print(IAnsiConsole console, IReadOnlyList<ImportedComplaint> imported)
    {
        console.WriteLine();
        console.Write(new Rule("[bold]CFPB complaints under the generic pack, 15-calendar-day response deadline[/]").LeftJustified());
        console.Write(new Panel(new Text(Assumption.ReplaceLineEndings(" "))).Header("Assumption").Expand());

        var policy = imported.Count > 0 ? imported[0].Case.Policy.ToString() : "-";
        console.MarkupLineInterpolated($"Policy {policy}: {imported.Count(i => i.Case.State == ComplaintState.Closed):N0} closed, {imported.Count(i => !i.Case.IsFinal):N0} open ({string.Join(", ", imported.GroupBy(i => i.Case.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"))}).");

        console.Write(Breakdown("Company response to consumer", imported, i => i.Row.CompanyResponse, _ => null));
        console.Write(Breakdown("Submitted via", imported, i => i.Row.SubmittedVia, key => CfpbMapping.Channel(key).ToString()));

        var gaps = imported.GroupBy(i => i.Row.DaysToCompany switch { <= 0 => "same day", <= 15 => "1–15 days", _ => "over 15 days" })
            .Select(g => $"{g.Key} {g.Count():N0}");
        console.MarkupLineInterpolated($"Date received → Date sent to company: {string.Join(", ", gaps)}.");

        var disputed = imported.Count(i => i.Row.Disputed && CfpbMapping.IsClosed(CfpbMapping.Response(i.Row.CompanyResponse)));
        if (disputed > 0)
        {
            console.MarkupLineInterpolated($"{disputed:N0} closed complaint(s) the consumer disputed (Consumer disputed? = Yes) are back under investigation in the model, so open.");
        }

        var deadlines = imported.Select(i => i.Case.Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.Resolve)).OfType<Deadline>().ToArray();
        console.MarkupLineInterpolated($"In the model, the 15-day deadline is met on time on {deadlines.Count(d => d.MetAt <= d.DueAt):N0} cases, late on {deadlines.Count(d => d.MetAt > d.DueAt):N0}, and not met (no final answer) on {deadlines.Count(d => d.MetAt is null):N0}.");

        var companies = new Table().Border(TableBorder.Minimal).Title("Companies with the most complaints")
            .AddColumn("Company").AddColumn(new TableColumn("Complaints").RightAligned()).AddColumn(new TableColumn("Closed").RightAligned()).AddColumn(new TableColumn("Timely (CFPB)").RightAligned());
        foreach (var g in imported.GroupBy(i => i.Row.Company).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5))
        {
            companies.AddRow(new Text(g.Key), Number(g.Count()), Number(g.Count(i => i.Case.State == ComplaintState.Closed)), Number(g.Count(i => i.Row.Timely == true)));
        }

        console.Write(companies);
    }

    private static Table Breakdown(string title, IReadOnlyList<ImportedComplaint> imported, Func<ImportedComplaint, string> key, Func<string, string?> mappedTo)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumn(title).AddColumn(new TableColumn("Complaints").RightAligned())
            .AddColumn(new TableColumn("Closed").RightAligned()).AddColumn(new TableColumn("Open").RightAligned())
            .AddColumn(new TableColumn("From the company's receipt: met / missed").RightAligned())
            .AddColumn(new TableColumn("From the consumer's filing: met / missed / can't tell").RightAligned());
        foreach (var g in imported.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Append(null))
        {
            var rows = g?.ToArray() ?? imported.ToArray();
            var label = g is null ? "All" : mappedTo(g.Key) is { } mapped ? $"{g.Key} (as {mapped})" : g.Key;
            var company = rows.Select(r => Timeliness.FromCompanyReceipt(r.Row)).ToArray();
            var consumer = rows.Select(r => Timeliness.FromConsumerComplaint(r.Row)).ToArray();
            table.AddRow(
                new Text(label, g is null ? new Style(decoration: Decoration.Bold) : Style.Plain),
                Number(rows.Length),
                Number(rows.Count(r => r.Case.State == ComplaintState.Closed)),
                Number(rows.Count(r => !r.Case.IsFinal)),
                new Text($"{Count(company, DeadlineOutcome.Met)} / {Count(company, DeadlineOutcome.Missed)}" + (company.Contains(DeadlineOutcome.CannotTell) ? $" ({Count(company, DeadlineOutcome.CannotTell)} no flag)" : "")),
                new Text($"{Count(consumer, DeadlineOutcome.Met)} / {Count(consumer, DeadlineOutcome.Missed)} / {Count(consumer, DeadlineOutcome.CannotTell)}"));
        }

        return table;
    }

    private static string Count(DeadlineOutcome[] outcomes, DeadlineOutcome outcome) => outcomes.Count(o => o == outcome).ToString("N0", CultureInfo.InvariantCulture);

    private static Text Number(int n) => new(n.ToString("N0", CultureInfo.InvariantCulture));
}
