using System.Text;
using Complaints.Analysis;
using Complaints.Analysis.Reports;
using Complaints.Commands;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/improvement.md, "Reports": a quarter's report as an HTML page, Markdown and CSV.</summary>
public sealed class Reports : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-docs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_quarters_report_is_written_as_a_page_markdown_and_csv()
    {
        var clock = new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddComplaints().UsePack("generic");
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        for (var i = 0; i < 3; i++)
        {
            var received = await complaints.ReceiveAsync(A.Coordinator(), A.Complaint().InCategory("billing").BuildIntake());
            await complaints.ExecuteAsync(received.Complaint.Id, A.Coordinator(), new Triage());
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero));
        var folder = _folder;
        var timeProvider = clock;
        #region quarter-report
        // The first quarter of 2026 in China's time, by week, as of now, every pack.
        var analysis = provider.GetRequiredService<ComplaintAnalysis>();
        var china = TimeSpan.FromHours(8);
        var quarter = analysis.Period(new DateTimeOffset(2026, 1, 1, 0, 0, 0, china), new DateTimeOffset(2026, 4, 1, 0, 0, 0, china))
            with { Interval = TrendInterval.Week, Offset = china };
        var figures = await analysis.AnalyseAsync(quarter);

        var report = PeriodReport.Create(figures, timeProvider, title: "Complaints, first quarter 2026", organisation: "City Hospital");
        await File.WriteAllTextAsync(Path.Combine(folder, "2026-q1.html"), report.ToHtml());   // the page for the meeting
        await File.WriteAllTextAsync(Path.Combine(folder, "2026-q1.md"), report.ToMarkdown()); // for a wiki or an e-mail
        foreach (var table in report.ToCsv())                                                   // summary.csv, trend.csv, …
        {
            // With a byte-order mark, so that a spreadsheet reads non-ASCII text as UTF-8.
            await File.WriteAllTextAsync(Path.Combine(folder, table.Name), table.Content, new UTF8Encoding(true));
        }
        #endregion

        figures.Received.Should().Be(3);
        File.ReadAllText(Path.Combine(folder, "2026-q1.md")).Should().Contain("| Cases received | 3 | – |").And.Contain("| billing | 3 | 100.0% |");
        File.ReadAllText(Path.Combine(folder, "2026-q1.html")).Should().Contain("<title>Complaints, first quarter 2026 · 2026-01-01 – 2026-03-31</title>");
        File.ReadAllText(Path.Combine(folder, "trend.csv")).Should().StartWith("Starting,Cases\r\n2025-12-29,0\r\n", "weeks start on Monday");
    }

    [Fact]
    public void A_report_in_chinese_with_a_section_of_its_own()
    {
        var figures = PeriodAnalysis.Compute(
            new AnalysisQuery { From = ComplaintBuilder.DefaultReceivedAt.AddDays(-1), To = ComplaintBuilder.DefaultReceivedAt.AddDays(1), AsOf = ComplaintBuilder.DefaultReceivedAt.AddDays(1) },
            [], _ => []);
        var timeProvider = new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt.AddDays(1));
        #region report-labels-and-sections
        // Chinese words (English is the default); a host's own words replace any label.
        var labels = ReportLabels.ChineseSimplified.With(new Dictionary<string, string> { ["departments.title"] = "院周会通报：各科室情况" });

        // A section of the host's own after the built-in ones, in every format (its table is also corrective-actions.csv).
        var actions = new ReportTable("corrective-actions", "整改措施",
            [new ReportColumn("状态"), new ReportColumn("件数", Numeric: true)],
            [
                [ReportCell.Of("进行中"), ReportCell.Count(4)],
                [ReportCell.Of("已超期"), ReportCell.Count(1)],
                [ReportCell.Of("待验证"), ReportCell.Count(2)],
            ]);
        var report = PeriodReport.Create(figures, timeProvider, labels, organisation: "市第一医院") with
        {
            Sections = [new ReportSection("整改措施", [actions]) { Text = "本季度投诉引出的整改措施。" }],
        };
        #endregion

        report.ToMarkdown().Should().Contain("## 院周会通报：各科室情况").And.Contain("| 已超期 | 1 |");
        report.ToCsv().Select(f => f.Name).Should().EndWith("corrective-actions.csv");
        report.ToHtml().Should().Contain("lang=\"zh-CN\"");
    }
}
