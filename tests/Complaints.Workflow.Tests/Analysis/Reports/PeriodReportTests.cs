using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Complaints.Analysis;
using Complaints.Analysis.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Workflow.Tests.Analysis.Reports;

public sealed class PeriodReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // ---- Markdown ----

    [Fact]
    public void ToMarkdown_ShowsEveryFigureOfTheQuarter()
    {
        var md = ReportFixture.Report().ToMarkdown();

        md.Should().StartWith("# Q1 2026 complaints\n\n- **Organisation:** City Hospital\n- **Policy pack:** hospital\n- **Period:** 2026-01-01 – 2026-03-31\n");
        md.Should().Contain("- **Figures as of:** 2026-04-01 09:00 UTC+08:00\n- **Generated:** 2026-04-01 17:30 UTC+08:00\n");
        md.Should().Contain("| Cases received | 40 | – |\n| Still open | 6 | 15.0% |\n| Closed | 30 | 75.0% |\n| Escalated at least once | 3 | 7.5% |\n");
        md.Should().Contain("| Deadlines met on time (every kind) | 75 | 90.4% |\n| Median time to acknowledge | 3.0 h | – |\n| Median time to resolve | 4.5 d | – |\n| Satisfied at follow-up (of those reached) | 66.7% | – |\n");
        md.Should().Contain("| Starting | Cases |\n| :--- | ---: |\n| 2026-01 | 12 |\n| 2026-02 | 8 |\n| 2026-03 | 20 |\n");
        md.Should().Contain("### By state\n\n| State | Cases | Share |\n| :--- | ---: | ---: |\n| Closed | 30 | 75.0% |\n| Investigating | 4 | 10.0% |\n| Withdrawn | 4 | 10.0% |\n| Awaiting approval | 2 | 5.0% |\n");
        md.Should().Contain("| billing, fees | 18 | 45.0% |\n| service attitude | 12 | 30.0% |\n");
        md.Should().Contain("| (not classified) | 7 | 17.5% |");
        md.Should().Contain("| (not routed) | 7 | 17.5% |");
        md.Should().Contain("| Walk in | 8 | 20.0% |");
        md.Should().Contain("| Not substantiated | 8 | 20.0% |\n| (no findings yet) | 12 | 30.0% |");
        md.Should().Contain("| Root cause | Cases | Share | Cumulative share |\n| :--- | ---: | ---: | ---: |\n| Staff error | 14 | 50.0% | 50.0% |\n| Process gap | 7 | 25.0% | 75.0% |\n| Product defect | 4 | 14.3% | 89.3% |\n| Customer misunderstanding | 3 | 10.7% | 100.0% |\n");
        md.Should().Contain("received at most 90 days before it.\n\n| Repeats | Cases | Share |\n| :--- | ---: | ---: |\n| Same complainant | 3 | 7.5% |\n| Same subject | 5 | 12.5% |\n| Same root cause in the same department | 2 | 5.0% |\n");
        md.Should().Contain("| Acknowledge | 38 | 2 | 0 | 0 | 0 | 95.0% |\n| Propose | 0 | 0 | 0 | 0 | 0 | – |\n| Resolve | 27 | 3 | 2 | 4 | 4 | 84.4% |\n| Notify result | 0 | 0 | 0 | 0 | 0 | – |\n| Follow up | 10 | 0 | 1 | 2 | 0 | 90.9% |\n");
        md.Should().Contain("| Receipt to acknowledgement | 40 | 3.0 h | 20.0 h |\n| Receipt to closure | 30 | 4.5 d | 12.0 d |\n");
        md.Should().Contain("| Apology | 10 | – |\n| Refund | 6 | 1,200.50 CNY |\n| Compensation | 2 | 3,000.00 CNY; 50.00 EUR |\n");
        md.Should().Contain("20 cases had a follow-up (their last one counts); satisfied or very satisfied: 66.7% of those reached.");
        md.Should().Contain("| Satisfied | 8 | 40.0% |\n| Very satisfied | 4 | 20.0% |\n| Unreachable | 2 | 10.0% |\n");
        md.Should().Contain("| Closures with a reward decision | 2 |\n| Of which the reporter was eligible | 1 |\n");
        md.Should().Contain("| Warning | 1 | – |\n| Fine | 2 | 300.00 CNY |\n");
        md.Should().Contain("| Department | Received | Open | Closed | Overdue | On-time rate | Median time to resolve |\n| :--- | ---: | ---: | ---: | ---: | ---: | ---: |\n| finance | 20 | 3 | 16 | 1 | 90.0% | 3.0 d |\n| medical-affairs | 13 | 2 | 9 | 1 | 60.0% | 30.0 h |\n| (not routed) | 7 | 1 | 5 | 0 | – | – |\n");
    }

    [Fact]
    public void ToMarkdown_EscapesTextFromTheData()
    {
        var md = ReportFixture.Report().ToMarkdown();

        md.Should().Contain("| &lt;script&gt;alert(1)&lt;/script&gt; | 1 | 2.5% |");
        md.Should().NotContain("<script>");
        var piped = ReportFixture.Report(ReportFixture.Analysis() with { ByCategory = [new("a|b\nc", 1)] }).ToMarkdown();
        piped.Should().Contain("| a\\|b c | 1 | 2.5% |", "a pipe or a line break in a category must not break the table");
    }

    // ---- HTML ----

    [Fact]
    public void ToHtml_IsAWellFormedSelfContainedPageWithoutScripts()
    {
        var html = ReportFixture.Report().ToHtml();

        html.Should().StartWith("<!DOCTYPE html>\n");
        var page = XDocument.Parse(html);
        var root = page.Root!;
        root.Name.Should().Be(Xhtml + "html");
        root.Attribute("lang")!.Value.Should().Be("en");
        root.Descendants(Xhtml + "title").Single().Value.Should().Be("Q1 2026 complaints · 2026-01-01 – 2026-03-31");
        root.Descendants().Where(e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object").Should().BeEmpty();
        root.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal))
            .Should().BeEmpty("the page loads nothing and runs nothing");
        root.Descendants(Xhtml + "meta").Should().Contain(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy" && ((string)m.Attribute("content")!).StartsWith("default-src 'none'", StringComparison.Ordinal));
        root.Descendants(Xhtml + "style").Single().Value.Should().Contain("@page { size: A4;");
        html.Should().NotContain("<script>").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public void ToHtml_TablesHoldTheFigures()
    {
        var page = XDocument.Parse(ReportFixture.Report().ToHtml());

        Rows(page, "root-causes").Should().Equal(
            "Staff error|14|50.0%|50.0%", "Process gap|7|25.0%|75.0%", "Product defect|4|14.3%|89.3%", "Customer misunderstanding|3|10.7%|100.0%");
        Rows(page, "deadlines")[2].Should().Be("Resolve|27|3|2|4|4|84.4%");
        Rows(page, "times").Should().Equal("Receipt to acknowledgement|40|3.0 h|20.0 h", "Receipt to closure|30|4.5 d|12.0 d");
        Rows(page, "departments").Should().Equal("finance|20|3|16|1|90.0%|3.0 d", "medical-affairs|13|2|9|1|60.0%|30.0 h", "(not routed)|7|1|5|0|–|–");
        Rows(page, "by-category").Should().Contain("<script>alert(1)</script>|1|2.5%", "the category is text in the cell, not markup");
        Rows(page, "remedies").Should().Contain("Compensation|2|3,000.00 CNY; 50.00 EUR");
        page.Descendants(Xhtml + "dd").Select(d => d.Value).Should().Contain(["City Hospital", "hospital", "2026-01-01 – 2026-03-31"]);
    }

    [Fact]
    public void ToHtml_ChartsAreAccessibleInlineSvg()
    {
        var page = XDocument.Parse(ReportFixture.Report().ToHtml());
        var charts = page.Descendants(Svg + "svg").ToArray();

        charts.Select(c => (string)c.Attribute("id")!).Should().Equal("chart-trend", "chart-root-causes", "chart-departments");
        foreach (var chart in charts)
        {
            var id = (string)chart.Attribute("id")!;
            chart.Attribute("role")!.Value.Should().Be("img");
            chart.Attribute("aria-labelledby")!.Value.Should().Be($"{id}-title {id}-desc");
            chart.Elements(Svg + "title").Single().Attribute("id")!.Value.Should().Be($"{id}-title");
            chart.Elements(Svg + "desc").Single().Value.Should().EndWith("The table below holds the same figures.");
        }

        charts[0].Element(Svg + "title")!.Value.Should().Be("Cases received per month");
        charts[0].Element(Svg + "desc")!.Value.Should().StartWith("A line of the cases received per month, 3 buckets from 2026-01 to 2026-03; the highest is 20 (starting 2026-03).");
        charts[1].Element(Svg + "desc")!.Value.Should().Contain("Staff error accounts for 50.0% of the cases with findings.");
    }

    [Fact]
    public void ParetoBars_AreAsTallAsTheirCounts_AndTheCumulativeLineEndsAtTheTop()
    {
        var chart = Chart(ReportFixture.Report().ToHtml(), "chart-root-causes");
        var bars = chart.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToArray();

        bars.Select(b => (int)Number(b, "data-value")).Should().Equal(14, 7, 4, 3);
        var heights = bars.Select(b => Number(b, "height")).ToArray();
        var bottoms = bars.Select(b => Number(b, "y") + Number(b, "height")).ToArray();
        bottoms.Should().AllSatisfy(b => b.Should().BeApproximately(bottoms[0], 0.02), "every bar stands on the axis");
        heights[0].Should().BeGreaterThan(100);
        for (var i = 1; i < bars.Length; i++)
        {
            (heights[i] / heights[0]).Should().BeApproximately(Number(bars[i], "data-value") / 14, 0.002);
        }

        var line = chart.Descendants(Svg + "polyline").Single(p => (string?)p.Attribute("class") == "cumulative");
        var ys = ((string)line.Attribute("points")!).Split(' ').Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        ys.Should().BeInDescendingOrder("the cumulative share only rises");
        ys[^1].Should().BeApproximately(16, 0.02, "100% is the top of the plot (y = 16)");
        heights[0].Should().BeApproximately(14 / 15.0 * 224, 0.02, "the scale of 14 cases tops at 15 (steps of 5) over 224 px");
    }

    [Fact]
    public void DepartmentBars_AreAsLongAsTheirOnTimeRates()
    {
        var chart = Chart(ReportFixture.Report().ToHtml(), "chart-departments");
        var bars = chart.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToArray();

        bars.Select(b => Number(b, "data-value")).Should().Equal(0.9, 0.6);
        Number(bars[0], "width").Should().BeApproximately(0.9 * 520, 0.01, "100% is the full width of the plot (520)");
        Number(bars[1], "width").Should().BeApproximately(0.6 * 520, 0.01);
        chart.Descendants(Svg + "text").Select(t => t.Value).Should().Contain(["finance", "medical-affairs", "(not routed)", "no deadlines due", "90%", "60%"]);
    }

    [Fact]
    public void TrendLine_HasAPointPerBucketAtItsHeight()
    {
        var chart = Chart(ReportFixture.Report().ToHtml(), "chart-trend");
        var points = chart.Descendants(Svg + "circle").ToArray();

        points.Select(p => (int)Number(p, "data-value")).Should().Equal(12, 8, 20);
        var ys = points.Select(p => Number(p, "cy")).ToArray();
        // The scale tops at 20 over 220 px from y = 16: 12 → 236 - 132 = 104; 8 → 148; 20 → 16.
        ys.Should().Equal(104, 148, 16);
    }

    // ---- CSV ----

    [Fact]
    public void ToCsv_WritesOneRfc4180FilePerTable()
    {
        var files = ReportFixture.Report().ToCsv();

        files.Select(f => f.Name).Should().Equal(
            "summary.csv", "trend.csv", "by-state.csv", "by-category.csv", "by-department.csv", "by-severity.csv", "by-channel.csv", "by-finding.csv",
            "root-causes.csv", "recurrence.csv", "deadlines.csv", "times.csv", "escalations.csv", "remedies.csv", "satisfaction.csv", "rewards.csv",
            "sanctions.csv", "departments.csv");
        File(files, "root-causes.csv").Should().Be(
            "Root cause,Cases,Share (%),Cumulative share (%)\r\nStaff error,14,50.0,50.0\r\nProcess gap,7,25.0,75.0\r\nProduct defect,4,14.3,89.3\r\nCustomer misunderstanding,3,10.7,100.0\r\n");
        File(files, "times.csv").Should().Be(
            "Measure,Cases,Median (hours),90th percentile (hours)\r\nReceipt to acknowledgement,40,3.0,20.0\r\nReceipt to closure,30,108.0,288.0\r\n");
        File(files, "departments.csv").Should().Be(
            "Department,Received,Open,Closed,Overdue,On-time rate (%),Median time to resolve (hours)\r\nfinance,20,3,16,1,90.0,72.0\r\nmedical-affairs,13,2,9,1,60.0,30.0\r\n(not routed),7,1,5,0,,\r\n");
        File(files, "remedies.csv").Should().Contain("Compensation,2,3000.00 CNY; 50.00 EUR\r\n");
        File(files, "summary.csv").Should().StartWith("Figure,Value,Share (%)\r\nCases received,40,\r\nStill open,6,15.0\r\n");
        foreach (var file in files)
        {
            var records = ParseCsv(file.Content);
            records.Should().AllSatisfy(r => r.Should().HaveCount(records[0].Length), $"every record of {file.Name} has the header's fields");
        }
    }

    [Fact]
    public void ToCsv_QuotesFieldsAndDisarmsFormulas()
    {
        var categories = File(ReportFixture.Report().ToCsv(), "by-category.csv");

        categories.Should().Contain("\"billing, fees\",18,45.0\r\n");
        categories.Should().Contain("\"'=HYPERLINK(\"\"http://x\"\",\"\"pay\"\")\",2,5.0\r\n");
        ParseCsv(categories).Select(r => r[0]).Should().Contain(["billing, fees", "'" + ReportFixture.FormulaCategory, ReportFixture.ScriptCategory]);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+31 20 123", "'+31 20 123")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("-5", "-5")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void CsvField_IsQuotedAndFormulaSafe(string value, string expected) => CsvRenderer.Field(value).Should().Be(expected);

    // ---- An empty period ----

    [Fact]
    public void EmptyPeriod_RendersInEveryFormatWithoutDividingByZero()
    {
        var report = ReportFixture.Report(ReportFixture.Empty());

        var md = report.ToMarkdown();
        var html = report.ToHtml();
        var csv = report.ToCsv();

        foreach (var text in csv.Select(f => f.Content).Append(md).Append(html))
        {
            text.Should().NotContain("NaN").And.NotContain("∞").And.NotContain("Infinity");
        }

        md.Should().Contain("No cases were received in this period.").And.Contain("| Cases received | 0 | – |").And.Contain("No findings were recorded for the period's cases.");
        var page = XDocument.Parse(html);
        page.Descendants(Svg + "svg").Select(s => (string)s.Attribute("id")!).Should().Equal(["chart-trend"], "no Pareto or department bars without data");
        page.Descendants(Svg + "circle").Select(c => Number(c, "cy")).Should().AllSatisfy(y => y.Should().Be(236), "an empty bucket lies on the axis");
        File(csv, "root-causes.csv").Should().Be("Root cause,Cases,Share (%),Cumulative share (%)\r\n");
        File(csv, "summary.csv").Should().Contain("Deadlines met on time (every kind),0,\r\n");
        var noTrend = ReportFixture.Report(ReportFixture.Empty() with { Trend = [] });
        XDocument.Parse(noTrend.ToHtml()).Descendants(Svg + "svg").Should().BeEmpty();
    }

    // ---- Labels, sections, clock ----

    [Fact]
    public void ChineseLabels_TranslateEveryLabel_AndMarkThePage()
    {
        foreach (var key in ReportLabels.Keys)
        {
            ReportLabels.ChineseSimplified[key].Should().NotBe(ReportLabels.English[key], $"'{key}' is translated");
        }

        foreach (var value in Enum.GetValues<ComplaintState>().Cast<Enum>().Concat(Enum.GetValues<RootCause>().Cast<Enum>()).Concat(Enum.GetValues<DeadlineKind>().Cast<Enum>()))
        {
            var key = value.GetType().Name + "." + value;
            ReportLabels.ChineseSimplified.With(new Dictionary<string, string>())[key].Should().NotBe(key);
        }

        var html = ReportFixture.Report(labels: ReportLabels.ChineseSimplified).ToHtml();
        var page = XDocument.Parse(html);
        page.Root!.Attribute("lang")!.Value.Should().Be("zh-CN");
        Rows(page, "root-causes")[0].Should().Be("员工失误|14|50.0%|50.0%");
        Rows(page, "times")[1].Should().Be("受理至结案|30|4.5 天|12.0 天");
        page.Descendants(Xhtml + "h2").Select(h => h.Value).Should().Contain(["根本原因（帕累托）", "各部门情况（周会通报）"]);
        File(ReportFixture.Report(labels: ReportLabels.ChineseSimplified).ToCsv(), "deadlines.csv").Should().StartWith("时限,按时完成,逾期完成,已超期,未到期,已终止,按时率（%）\r\n受理告知,38,");
    }

    [Fact]
    public void Labels_With_ReplacesWords_AndRefusesAnUnknownKey()
    {
        var labels = ReportLabels.English.With(new Dictionary<string, string> { ["departments.title"] = "Weekly meeting", ["RootCause.StaffError"] = "Human error" }, "en-GB");

        var md = ReportFixture.Report(labels: labels).ToMarkdown();
        md.Should().Contain("## Weekly meeting").And.Contain("| Human error | 14 |");
        labels.Language.Should().Be("en-GB");
        ReportLabels.English["departments.title"].Should().Be("Per department (for the weekly meeting)", "the English set is unchanged");

        var act = () => ReportLabels.English.With(new Dictionary<string, string> { ["rootcauses.title"] = "x" });
        act.Should().Throw<ArgumentException>().WithMessage("'rootcauses.title' is not a report label*");
    }

    [Fact]
    public void ExtraSections_RenderInEveryFormat()
    {
        var actions = new ReportTable("corrective-actions", "Corrective actions",
            [new ReportColumn("Status"), new ReportColumn("Actions", Numeric: true)],
            [[ReportCell.Of("Open"), ReportCell.Count(4)], [ReportCell.Of("Overdue"), ReportCell.Count(1)], [ReportCell.Of("Verified effective"), ReportCell.Count(2)]]);
        var report = ReportFixture.Report() with { Sections = [new ReportSection("Corrective actions", [actions]) { Text = "Actions arising from the quarter's cases." }] };

        report.ToMarkdown().Should().EndWith("## Corrective actions\n\nActions arising from the quarter's cases.\n\n| Status | Actions |\n| :--- | ---: |\n| Open | 4 |\n| Overdue | 1 |\n| Verified effective | 2 |\n\n");
        Rows(XDocument.Parse(report.ToHtml()), "corrective-actions").Should().Equal("Open|4", "Overdue|1", "Verified effective|2");
        File(report.ToCsv(), "corrective-actions.csv").Should().Be("Status,Actions\r\nOpen,4\r\nOverdue,1\r\nVerified effective,2\r\n");
    }

    [Fact]
    public void ExtraSections_WithABadTable_AreRefusedNamingTheField()
    {
        var clash = new ReportTable("summary", "Summary again", [new ReportColumn("A")], []);
        var badName = new ReportTable("Corrective Actions", "x", [new ReportColumn("A")], [[ReportCell.Of("1"), ReportCell.Of("2")]]);
        var report = ReportFixture.Report() with { Sections = [new ReportSection("Corrective actions", [clash, badName])] };

        var act = () => report.ToHtml();

        act.Should().Throw<ComplaintValidationException>().Which.Errors.Select(e => e.Field).Should().Equal(
            "Sections[0].Tables[0].Name", "Sections[0].Tables[1].Name", "Sections[0].Tables[1].Rows[0]");
    }

    [Fact]
    public void Create_TakesTheTimeFromTheClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 2, 1, 15, 0, TimeSpan.Zero));

        var report = PeriodReport.Create(ReportFixture.Analysis(), clock, ReportLabels.ChineseSimplified, organisation: "市第一医院");

        report.GeneratedAt.Should().Be(clock.GetUtcNow());
        report.Title.Should().Be("投诉分析报告");
        report.ToMarkdown().Should().StartWith("# 投诉分析报告\n\n- **单位:** 市第一医院\n").And.Contain("- **生成时间:** 2026-04-02 09:15 UTC+08:00\n");
    }

    [Fact]
    public void HtmlText_DropsCharactersXmlCannotHold()
    {
        var report = ReportFixture.Report(ReportFixture.Analysis() with { ByCategory = [new("bell\u0007 and \uD800 lone", 1)] });

        var page = XDocument.Parse(report.ToHtml());

        Rows(page, "by-category").Should().Equal("bell\uFFFD and \uFFFD lone|1|2.5%");
    }

    [Fact]
    public void LongTrend_TableIsFoldedUnderTheChart_AndAShortOneIsNot()
    {
        var days = Enumerable.Range(0, 90).Select(d => new TrendPoint(new DateTimeOffset(2026, 1, 1, 0, 0, 0, ReportFixture.China).AddDays(d), d % 7)).ToArray();
        var byDay = ReportFixture.Report(ReportFixture.Analysis() with { Trend = days, Query = ReportFixture.Quarter with { Interval = TrendInterval.Day } });

        var folded = XDocument.Parse(byDay.ToHtml()).Descendants(Xhtml + "details").Single();
        folded.Element(Xhtml + "summary")!.Value.Should().Be("Show the figures as a table");
        folded.Element(Xhtml + "table")!.Attribute("id")!.Value.Should().Be("trend");
        Rows(XDocument.Parse(byDay.ToHtml()), "trend").Should().HaveCount(90, "folded, not cut");
        XDocument.Parse(ReportFixture.Report().ToHtml()).Descendants(Xhtml + "details").Should().BeEmpty();
    }

    [Fact]
    public void Period_NotOnLocalMidnights_IsShownWithTimesAndOffset()
    {
        var query = ReportFixture.Quarter with { From = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero) };

        ReportFixture.Report(ReportFixture.Analysis() with { Query = query }).ToMarkdown()
            .Should().Contain("- **Period:** 2026-03-02 17:00 – 2026-03-09 17:00 (UTC+08:00)\n");
    }

    // ---- helpers ----

    private static string[] Rows(XDocument page, string table) =>
        [.. page.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == table)
            .Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").Select(tr => string.Join("|", tr.Elements().Select(c => c.Value)))];

    private static XElement Chart(string html, string id) =>
        XDocument.Parse(html).Descendants(Svg + "svg").Single(s => (string?)s.Attribute("id") == id);

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static string File(IReadOnlyList<CsvFile> files, string name) => files.Single(f => f.Name == name).Content;

    /// <summary>An RFC 4180 reader: quoted fields with doubled quotes and line breaks, records ended by CRLF.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                c.Should().NotBe('"', "a quote inside an unquoted field is not RFC 4180");
                field.Append(c);
            }
        }

        fields.Should().BeEmpty("the last record ends with CRLF");
        field.Length.Should().Be(0);
        return records;
    }
}
