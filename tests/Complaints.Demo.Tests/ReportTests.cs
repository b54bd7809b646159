using System.Xml.Linq;

namespace Complaints.Demo.Tests;

/// <summary><c>--report PATH</c>: the analysis of what the demo ran, as an HTML page, Markdown and CSV (the run itself is in <see cref="FullRunTests"/>).</summary>
public sealed class ReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>The page at <paramref name="page"/>, the Markdown and the CSV beside it count <paramref name="cases"/> cases received.</summary>
    internal static async Task ShouldHoldTheRunsCasesAsync(string page, string output, int cases)
    {
        var html = XDocument.Parse(await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken));
        var summary = html.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == "summary");
        summary.Descendants(Xhtml + "tr").Select(tr => string.Join("|", tr.Elements().Select(c => c.Value)))
            .Should().Contain($"Cases received|{cases}|–");
        html.Descendants(Xhtml + "h1").Single().Value.Should().Be("Complaints of the demo fortnight");
        html.Descendants().Where(e => e.Name.LocalName == "svg").Select(e => (string?)e.Attribute("id"))
            .Should().Equal(["chart-trend", "chart-root-causes", "chart-departments", "chart-corrective-actions"]);
        // The two corrective actions the scripted run proposes: the dealership's approved and in progress, the food
        // distributor's completed and awaiting its check of effectiveness.
        html.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == "corrective-actions")
            .Descendants(Xhtml + "tr").Select(tr => string.Join("|", tr.Elements().Select(c => c.Value)))
            .Should().Contain(["Proposed in the period|2", "In progress|1", "Completed, awaiting verification|1"]);

        var stem = Path.Combine(Path.GetDirectoryName(page)!, Path.GetFileNameWithoutExtension(page));
        (await File.ReadAllTextAsync(stem + ".md", TestContext.Current.CancellationToken)).Should().Contain($"| Cases received | {cases} | – |");
        var csv = await File.ReadAllBytesAsync(Path.Combine(stem + "-csv", "summary.csv"), TestContext.Current.CancellationToken);
        csv.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "spreadsheets read UTF-8 by its mark");
        System.Text.Encoding.UTF8.GetString(csv[3..]).Should().Contain($"Cases received,{cases},\r\n");
        output.Should().Contain($"Report of {cases} cases written to");
    }

    [Fact]
    public async Task Report_WithoutAPath_PrintsUsageAndExits2()
    {
        using var console = new TestConsole();
        using var error = new StringWriter();

        var code = await DemoApp.RunAsync(["--report"], console.Console, error, TestContext.Current.CancellationToken);

        code.Should().Be(2);
        error.ToString().Should().StartWith("--report needs a file path").And.Contain("--report PATH");
        console.Output.Should().BeEmpty();
    }
}
