using System.Text;
using Complaints.Analysis;
using Complaints.Analysis.Reports;
using Complaints.Workflow;
using Spectre.Console;

namespace Complaints.Demo;

/// <summary>
/// <c>--report PATH</c>: the analysis of what the demo ran, written as the HTML page at PATH, the Markdown beside it
/// (PATH with <c>.md</c>) and the CSV tables in a folder beside it (PATH's name with <c>-csv</c>).
/// </summary>
internal static class DemoReport
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>
    /// The scripted fortnight as a period: from Monday 2 March 2026 (midnight in China, where the packs count days) to
    /// the day after the demo clock stopped, by day, as of that time; every pack.
    /// </summary>
    public static AnalysisQuery Scripted(DateTimeOffset asOf)
    {
        var from = new DateTimeOffset(2026, 3, 2, 0, 0, 0, China);
        var end = asOf.ToOffset(China);
        var to = new DateTimeOffset(end.Year, end.Month, end.Day, 0, 0, 0, China).AddDays(1);
        return new AnalysisQuery { From = from, To = to < from.AddDays(1) ? from.AddDays(1) : to, AsOf = asOf, Interval = TrendInterval.Day, Offset = China };
    }

    /// <summary>The figures from the store (<see cref="ComplaintAnalysis"/>); <see langword="null"/> when it does not compute them.</summary>
    public static async Task<PeriodAnalysis?> AnalyseAsync(ComplaintAnalysis analysis, AnalysisQuery query, CancellationToken cancellationToken) =>
        analysis.IsAvailable ? await analysis.AnalyseAsync(query, cancellationToken) : null;

    /// <summary>
    /// The imported CFPB complaints as a report: from the first day one was received to the day after the last (UTC),
    /// by week (by month over more than half a year), as of the latest instant the import recorded; the reference
    /// computation over the imported cases (the import's store is gone by then). Made at that instant: the import's
    /// clock stops there.
    /// </summary>
    public static PeriodReport Cfpb(IReadOnlyList<Complaint> cases)
    {
        var first = cases.Count == 0 ? new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero) : cases.Min(c => c.ReceivedAt);
        var last = cases.Count == 0 ? first : cases.Max(c => c.ReceivedAt);
        var asOf = cases.Count == 0 ? first : cases.Max(c => new[] { c.ReceivedAt, c.ClosedAt ?? c.ReceivedAt }.Concat(c.Deadlines.Select(d => d.MetAt ?? c.ReceivedAt)).Max());
        var from = new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero);
        var to = new DateTimeOffset(last.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var query = new AnalysisQuery
        {
            From = from,
            To = to,
            AsOf = asOf,
            Pack = "generic",
            Interval = to - from > TimeSpan.FromDays(183) ? TrendInterval.Month : TrendInterval.Week,
        };
        return new PeriodReport
        {
            Title = "CFPB complaints under the generic pack",
            Organisation = "CFPB Consumer Complaint Database (public sample)",
            GeneratedAt = asOf,
            Analysis = PeriodAnalysis.Compute(query, cases, _ => []),
        };
    }

    /// <summary>Writes the page, the Markdown and the CSV tables, and says where.</summary>
    public static async Task WriteAsync(string path, PeriodReport report, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var html = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(html)!;
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, Path.GetFileNameWithoutExtension(html));
        var csv = stem + "-csv";
        // UTF-8 with a byte-order mark: spreadsheet programs then read Chinese labels and names correctly.
        var bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        await File.WriteAllTextAsync(html, report.ToHtml(), new UTF8Encoding(false), cancellationToken);
        await File.WriteAllTextAsync(stem + ".md", report.ToMarkdown(), new UTF8Encoding(false), cancellationToken);
        Directory.CreateDirectory(csv);
        foreach (var file in report.ToCsv())
        {
            await File.WriteAllTextAsync(Path.Combine(csv, file.Name), file.Content, bom, cancellationToken);
        }

        console.MarkupLineInterpolated($"Report of {report.Analysis.Received} cases written to [link]{html}[/] (and {Path.GetFileName(stem)}.md, {Path.GetFileName(csv)}/ beside it).");
    }
}
