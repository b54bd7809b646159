using System.Diagnostics;
using Complaints.Analysis;
using Complaints.Analysis.Reports;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Workflow.Import;
using Complaints.Workflow.InMemory;
using Spectre.Console;
using CfpbHistory = Complaints.Workflow.Import.CfpbImport;

namespace Complaints.Demo.Cfpb;

/// <summary>
/// The <c>--import</c> mode: a CFPB export (either column set) brought in as history with the packages' importer
/// (<see cref="ComplaintImporter"/> and <see cref="CfpbHistory.Mapping"/>), each row one case as it ended, not run
/// through today's workflow. Run again on the same SQLite file, it resumes: the rows already there are counted, not doubled.
/// </summary>
internal static class ImportDemo
{
    /// <summary>How many rejected rows the console lists.</summary>
    public const int RejectsShown = 5;

    public static async Task<int> RunAsync(string? path, string? db, bool reset, string? reportPath, IAnsiConsole console, CancellationToken cancellationToken)
    {
        path ??= CfpbDemo.DefaultCsv;
        if (!File.Exists(path))
        {
            throw new DemoException($"No CFPB export at {Path.GetFullPath(path)}.");
        }

        var store = db is null ? null : new SqliteComplaintStore($"Data Source={Database.Prepare(db, reset)}");
        try
        {
            var watch = Stopwatch.StartNew();
            var (result, cases) = await ImportAsync(path, store, console, cancellationToken);
            Print(console, path, db, result, watch.Elapsed);
            await PrintStatesAsync(console, cases, cancellationToken);

            if (reportPath is not null)
            {
                await DemoReport.WriteAsync(reportPath, await ReportAsync(cases, result, cancellationToken), console, cancellationToken);
            }

            return 0;
        }
        finally
        {
            store?.Dispose();
        }
    }

    /// <summary>Imports <paramref name="path"/> into <paramref name="sqlite"/> (migrated first), or into a new in-memory store; returns the result and the store holding the cases.</summary>
    public static async Task<(ImportResult Result, IComplaintStore Store)> ImportAsync(string path, SqliteComplaintStore? sqlite, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        IComplaintStore store = sqlite ?? (IComplaintStore)new InMemoryComplaintStore();
        if (sqlite is not null)
        {
            await sqlite.MigrateAsync(cancellationToken);
        }

        var importer = new ComplaintImporter(store, TimeProvider.System);
        var name = Path.GetFileName(path);
        ImportResult result;
        try
        {
            // A live status only on a terminal: redirected, each update would be a line of its own.
            result = console.Profile.Capabilities.Interactive
                ? await console.Status().StartAsync(
                    $"Importing {name}",
                    ctx => importer.ImportFileAsync(path, CfpbHistory.Mapping, new Progress<ImportResult>(r => ctx.Status($"Importing {name}: {r.Rows:N0} rows read")), cancellationToken))
                : await importer.ImportFileAsync(path, CfpbHistory.Mapping, cancellationToken: cancellationToken);
        }
        catch (ComplaintValidationException e)
        {
            throw new DemoException($"{Path.GetFullPath(path)}: {string.Join(" ", e.Errors.Select(x => x.Message))}");
        }

        return (result, store);
    }

    /// <summary>
    /// The imported history as a report, computed by the store (<see cref="IComplaintAnalytics"/>): from the day the
    /// earliest complaint was received to the day after the latest (UTC), by month (by week over less than half a
    /// year), as of now — an "In progress" complaint past its deadline counts as missed.
    /// </summary>
    public static async Task<PeriodReport> ReportAsync(IComplaintStore store, ImportResult result, CancellationToken cancellationToken)
    {
        var analytics = store as IComplaintAnalytics ?? throw new DemoException("This store does not compute the analysis.");
        var now = TimeProvider.System.GetUtcNow();
        var first = result.EarliestReceivedAt ?? now;
        var last = result.LatestReceivedAt ?? now;
        var from = new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero);
        var to = new DateTimeOffset(last.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var query = new AnalysisQuery
        {
            From = from,
            To = to,
            AsOf = now,
            Pack = CfpbHistory.Mapping.Policy.Id,
            Interval = to - from > TimeSpan.FromDays(183) ? TrendInterval.Month : TrendInterval.Week,
        };
        return new PeriodReport
        {
            Title = "CFPB complaints imported as history",
            Organisation = "CFPB Consumer Complaint Database (public data): product as category, company response as state and remedy, timeliness as the resolve deadline",
            GeneratedAt = now,
            Analysis = await analytics.AnalyseAsync(query, cancellationToken),
        };
    }

    private static void Print(IAnsiConsole console, string path, string? db, ImportResult result, TimeSpan took)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]History imported from {Markup.Escape(Path.GetFileName(path))}[/]").LeftJustified());
        console.MarkupLineInterpolated($"{result.Rows:N0} rows: [green]{result.Imported:N0} imported[/], {result.AlreadyPresent:N0} already present, [red]{result.Rejected:N0} rejected[/] — in {took.TotalSeconds:0.0} s, on {(db is null ? "the in-memory store" : Path.GetFullPath(db))}.");
        foreach (var rejected in result.RejectedRows.Take(RejectsShown))
        {
            console.MarkupLineInterpolated($"  [red]rejected[/] {rejected.ToString()}");
        }

        if (result.Rejected > RejectsShown)
        {
            console.MarkupLineInterpolated($"  … and {result.Rejected - RejectsShown:N0} more.");
        }
    }

    private static async Task PrintStatesAsync(IAnsiConsole console, IComplaintStore store, CancellationToken cancellationToken)
    {
        var states = await store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), cancellationToken);
        console.MarkupLineInterpolated($"In the store: {string.Join(", ", states.Select(s => $"{s.Key} {s.Count:N0}"))}.");
    }
}
