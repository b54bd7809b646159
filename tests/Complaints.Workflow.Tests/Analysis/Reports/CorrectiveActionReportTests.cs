using System.Globalization;
using System.Xml.Linq;
using Complaints.Analysis.Reports;
using Complaints.Improvement;

namespace Complaints.Workflow.Tests.Analysis.Reports;

/// <summary>The report's "Corrective actions" section, from figures built by hand for the fixture's quarter (UTC+08:00).</summary>
public sealed class CorrectiveActionReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly TimeSpan China = ReportFixture.China;

    /// <summary>
    /// 6 proposed; 2 awaiting approval and 5 in progress (7 open), 3 of them overdue; 2 awaiting verification, 1 of them
    /// late; 4 verified effective, 1 ineffective, 1 declined, 0 cancelled. The bar: 4 open on time, 3 overdue, 1 awaiting
    /// verification on time, 1 late — 9 running.
    /// </summary>
    internal static CorrectiveActionFigures Figures() => new()
    {
        Query = ReportFixture.Quarter,
        Proposed = 6,
        AwaitingApproval = 2,
        InProgress = 5,
        Overdue = 3,
        AwaitingVerification = 2,
        VerificationOverdue = 1,
        VerifiedEffective = 4,
        FoundIneffective = 1,
        Declined = 1,
        Cancelled = 0,
        Departments =
        [
            new CorrectiveActionDepartmentFigures(new DepartmentId("finance"), 4, 5, 2, 1, 3, 1),
            new CorrectiveActionDepartmentFigures(null, 2, 2, 1, 1, 1, 0),
        ],
        Actions =
        [
            new OpenCorrectiveAction(new CorrectiveActionId(Guid.Empty), "Check every bill twice", RootCause.StaffError, new DepartmentId("finance"), new ActorId("li"),
                new DateTimeOffset(2026, 3, 20, 18, 0, 0, TimeSpan.Zero), CorrectiveActionState.Open, true),
            new OpenCorrectiveAction(new CorrectiveActionId(Guid.Empty), "=Fix <b>rota</b> | nights", RootCause.ProcessGap, null, new ActorId("wu"),
                new DateTimeOffset(2026, 4, 10, 1, 0, 0, TimeSpan.Zero), CorrectiveActionState.AwaitingApproval, false),
        ],
    };

    [Fact]
    public void Markdown_HasTheSectionAfterTheDepartments()
    {
        var md = (ReportFixture.Report() with { CorrectiveActions = Figures() }).ToMarkdown();

        md.Should().Contain("## Corrective actions\n\n");
        md.IndexOf("## Corrective actions", StringComparison.Ordinal).Should().BeGreaterThan(md.IndexOf("## Per department", StringComparison.Ordinal));
        md.Should().Contain(
            "| Figure | Actions |\n| :--- | ---: |\n| Proposed in the period | 6 |\n| Awaiting approval | 2 |\n| In progress | 5 |\n| Open and overdue | 3 |\n" +
            "| Completed, awaiting verification | 2 |\n| Of which the verification is overdue | 1 |\n| Verified effective in the period | 4 |\n" +
            "| Found ineffective in the period | 1 |\n| Declined in the period | 1 |\n| Cancelled in the period | 0 |\n");
        md.Should().Contain("| Department | Proposed | Open | Overdue | Awaiting verification | Verified effective | Ineffective |\n| :--- | ---: | ---: | ---: | ---: | ---: | ---: |\n" +
            "| finance | 4 | 5 | 2 | 1 | 3 | 1 |\n| (not routed) | 2 | 2 | 1 | 1 | 1 | 0 |\n");
        // Due dates in the query's offset (UTC+08:00): 18:00 UTC on Mar 20 is Mar 21 in China.
        md.Should().Contain("| Check every bill twice | Staff error | finance | li | In progress | 2026-03-21 | yes |\n");
        md.Should().Contain("| =Fix &lt;b&gt;rota&lt;/b&gt; \\| nights | Process gap | (not routed) | wu | Awaiting approval | 2026-04-10 | no |\n");
    }

    [Fact]
    public void Html_HasTheTables_AndABarOfTheRunningActions()
    {
        var html = (ReportFixture.Report() with { CorrectiveActions = Figures() }).ToHtml();
        var page = XDocument.Parse(html);

        var section = page.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "corrective-actions");
        section.Element(Xhtml + "h2")!.Value.Should().Be("Corrective actions");
        Rows(page, "corrective-actions").Should().HaveCount(10).And.Contain("Open and overdue|3");
        Rows(page, "corrective-actions-departments").Should().Equal("finance|4|5|2|1|3|1", "(not routed)|2|2|1|1|1|0");
        Rows(page, "corrective-actions-open").Should().Equal(
            "Check every bill twice|Staff error|finance|li|In progress|2026-03-21|yes",
            "=Fix <b>rota</b> | nights|Process gap|(not routed)|wu|Awaiting approval|2026-04-10|no");
        page.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == "corrective-actions-open").Attribute("class")!.Value
            .Should().Be("wide", "the list spans the grid of tables");

        var chart = page.Descendants(Svg + "svg").Single(s => (string?)s.Attribute("id") == "chart-corrective-actions");
        chart.Element(Svg + "desc")!.Value.Should().StartWith("One bar of the 9 running actions split by where they stand: Open, on time 4; Open, overdue 3; Awaiting verification 1; Verification overdue 1.");
        var bars = chart.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToArray();
        bars.Select(b => (int)b.Attribute("data-value")!).Should().Equal(4, 3, 1, 1);
        var widths = bars.Select(b => Number(b, "width")).ToArray();
        widths.Sum().Should().BeApproximately(740, 0.05, "the bar spans the chart's width");
        for (var i = 0; i < bars.Length; i++)
        {
            widths[i].Should().BeApproximately(740.0 * (int)bars[i].Attribute("data-value")! / 9, 0.01, "each segment is proportional to its count");
        }

        chart.Descendants(Svg + "text").Select(t => t.Value).Should().Contain(["Open, on time: 4", "Open, overdue: 3", "Awaiting verification: 1", "Verification overdue: 1"]);
    }

    [Fact]
    public void Csv_HasAFilePerTable_WithTheDueTimeInFull()
    {
        var files = (ReportFixture.Report() with { CorrectiveActions = Figures() }).ToCsv();

        File(files, "corrective-actions.csv").Should().StartWith("Figure,Actions\r\nProposed in the period,6\r\nAwaiting approval,2\r\n").And.EndWith("Cancelled in the period,0\r\n");
        File(files, "corrective-actions-departments.csv").Should().Be(
            "Department,Proposed,Open,Overdue,Awaiting verification,Verified effective,Ineffective\r\nfinance,4,5,2,1,3,1\r\n(not routed),2,2,1,1,1,0\r\n");
        File(files, "corrective-actions-open.csv").Should().Be(
            "Action,Root cause,Department,Owner,State,Due,Overdue\r\n" +
            "Check every bill twice,Staff error,finance,li,In progress,2026-03-21T02:00:00+08:00,yes\r\n" +
            "'=Fix <b>rota</b> | nights,Process gap,(not routed),wu,Awaiting approval,2026-04-10T09:00:00+08:00,no\r\n");
        files.Select(f => f.Name).Should().ContainInOrder("departments.csv", "corrective-actions.csv", "corrective-actions-departments.csv", "corrective-actions-open.csv");
    }

    [Fact]
    public void WithoutFigures_TheReportHasNoSection()
    {
        var report = ReportFixture.Report();

        report.ToMarkdown().Should().NotContain("Corrective actions").And.NotContain("Open and overdue");
        XDocument.Parse(report.ToHtml()).Descendants(Xhtml + "section").Should().NotContain(s => ((string?)s.Attribute("id") ?? "").StartsWith("corrective", StringComparison.Ordinal));
        report.ToCsv().Should().NotContain(f => f.Name.StartsWith("corrective", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyFigures_SaySo_WithoutABar()
    {
        var empty = Figures() with
        {
            Proposed = 0, AwaitingApproval = 0, InProgress = 0, Overdue = 0, AwaitingVerification = 0, VerificationOverdue = 0,
            VerifiedEffective = 0, FoundIneffective = 0, Declined = 0, Departments = [], Actions = [],
        };
        var html = (ReportFixture.Report() with { CorrectiveActions = empty }).ToHtml();

        html.Should().Contain("No corrective or preventive action was open, awaiting verification or decided in this period.");
        html.Should().NotContain("chart-corrective-actions");
    }

    [Fact]
    public void ChineseLabels_NameTheSectionFiguresAndStates()
    {
        var md = (ReportFixture.Report(labels: ReportLabels.ChineseSimplified) with { CorrectiveActions = Figures() }).ToMarkdown();

        md.Should().Contain("## 纠正预防措施\n");
        md.Should().Contain("| 本期提出 | 6 |\n| 待审批 | 2 |\n| 实施中 | 5 |\n| 未完成且已超期 | 3 |\n| 已完成，待验证效果 | 2 |\n");
        md.Should().Contain("| 措施 | 根本原因 | 部门 | 负责人 | 状态 | 期限 | 超期 |");
        md.Should().Contain("| Check every bill twice | 员工失误 | finance | li | 实施中 | 2026-03-21 | 是 |");
        md.Should().Contain("| 待审批 | 2026-04-10 | 否 |");
        ReportLabels.ChineseSimplified.Of(CorrectiveActionState.Completed).Should().Be("已完成");
        ReportLabels.English.Of(CorrectiveActionState.Open).Should().Be("In progress");
    }

    [Fact]
    public void ChineseLabels_CoverEveryCorrectiveActionKey()
    {
        var missing = ReportLabels.Keys.Where(k => k.StartsWith("capa.", StringComparison.Ordinal) && ReportLabels.ChineseSimplified[k] == ReportLabels.English[k]);

        missing.Should().BeEmpty();
        Enum.GetValues<CorrectiveActionState>().Select(s => ReportLabels.ChineseSimplified.Of(s)).Should().OnlyHaveUniqueItems()
            .And.NotContain(s => s.Any(char.IsAsciiLetter));
        ReportLabels.English.With(new Dictionary<string, string> { ["CorrectiveActionState.Open"] = "Under way" }).Of(CorrectiveActionState.Open).Should().Be("Under way");
    }

    [Fact]
    public void FiguresOfAnotherQuery_AreRefusedNamingTheField()
    {
        var report = ReportFixture.Report() with { CorrectiveActions = Figures() with { Query = ReportFixture.Quarter with { AsOf = ReportFixture.Quarter.AsOf.AddHours(1) } } };

        var act = () => report.ToMarkdown();

        act.Should().Throw<ComplaintValidationException>().Which.Errors.Select(e => e.Field).Should().Equal("CorrectiveActions.Query");
    }

    private static string[] Rows(XDocument page, string table) =>
        [.. page.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == table)
            .Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").Select(tr => string.Join("|", tr.Elements().Select(c => c.Value)))];

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static string File(IReadOnlyList<CsvFile> files, string name) => files.Single(f => f.Name == name).Content;
}
