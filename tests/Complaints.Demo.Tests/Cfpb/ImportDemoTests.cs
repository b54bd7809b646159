namespace Complaints.Demo.Tests.Cfpb;

/// <summary>The demo's history import (<c>--import</c>, and <c>--cfpb</c> on an export with the older column set).</summary>
public sealed class ImportDemoTests
{
    private const string Header2015 = ",Complaint ID,Product,Sub-product,Issue,Sub-issue,State,ZIP code,Date received,Date sent to company,Company response,Timely response?,Consumer disputed?";

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        using var error = new StringWriter();
        var code = await DemoApp.RunAsync(args, console.Console, error, TestContext.Current.CancellationToken);
        return (code, console.Output, error.ToString());
    }

    [Fact]
    public async Task Cfpb_OlderColumnSet_ImportedAsHistory_PrintsCountsAndTheRejectedRowWithItsLine()
    {
        using var temp = new TempFolder();
        var csv = temp.File("2015.csv");
        await File.WriteAllTextAsync(csv, Header2015 + "\r\n"
            + "0,1291006,Debt collection,,Communication tactics,Frequent or repeated calls,TX,76119,3/19/2015,3/19/2015,In progress,Yes,\r\n"
            + "1,1290580,Mortgage,,Loan servicing,,CA,95003,1/2/2015,1/5/2015,Closed with explanation,Yes,No\r\n"
            + "2,1290581,Mortgage,,Loan servicing,,CA,95003,2015-13-01,1/5/2015,Closed with explanation,Yes,No\r\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await RunAsync("--cfpb", csv);

        code.Should().Be(0, error);
        output.Should().Contain("older CFPB column set")
            .And.Contain("3 rows: 2 imported, 0 already present, 1 rejected")
            .And.Contain("line 4: 'Date received' '2015-13-01' is not a date")
            .And.Contain("In the store: Closed 1, Investigating 1.");
    }

    [Fact]
    public async Task Import_OnASqliteFileTwice_SecondRunFindsEveryRowPresent()
    {
        using var temp = new TempFolder();
        var csv = temp.File("2015.csv");
        await File.WriteAllTextAsync(csv, Header2015 + "\n0,1291006,Debt collection,,Communication tactics,,TX,76119,3/19/2015,3/19/2015,In progress,Yes,\n", TestContext.Current.CancellationToken);
        var db = temp.File("history.db");

        var first = await RunAsync("--import", csv, "--db", db);
        var second = await RunAsync("--import", csv, "--db", db);

        first.Output.Should().Contain("1 rows: 1 imported, 0 already present, 0 rejected");
        second.Code.Should().Be(0, second.Error);
        second.Output.Should().Contain("1 rows: 0 imported, 1 already present, 0 rejected").And.Contain("In the store: Investigating 1.");
    }

    [Fact]
    public async Task Import_WithReport_WritesTheHistorysFiguresComputedByTheStore()
    {
        using var temp = new TempFolder();
        var csv = temp.File("2015.csv");
        await File.WriteAllTextAsync(csv, Header2015 + "\n"
            + "0,1291006,Debt collection,,Communication tactics,,TX,76119,3/19/2015,3/19/2015,In progress,Yes,\n"
            + "1,1290580,Mortgage,,Loan servicing,,CA,95003,1/2/2015,1/5/2015,Closed with explanation,Yes,No\n"
            + "2,1290581,Mortgage,,Loan servicing,,CA,95003,1/7/2015,1/8/2015,Closed with monetary relief,No,Yes\n", TestContext.Current.CancellationToken);
        var report = temp.File("history.html");

        var (code, output, error) = await RunAsync("--import", csv, "--db", temp.File("history.db"), "--report", report);

        code.Should().Be(0, error);
        output.Should().Contain("Report of 3 cases written to");
        var markdown = await File.ReadAllTextAsync(Path.ChangeExtension(report, ".md"), TestContext.Current.CancellationToken);
        // Product is the category: two mortgages, one debt collection; the company's response the remedy's kind.
        markdown.Should().Contain("| mortgage | 2 | 66.7% |").And.Contain("| debt-collection | 1 | 33.3% |").And.Contain("| Compensation | 1 |");
        File.Exists(report).Should().BeTrue();
    }

    [Fact]
    public async Task Import_FileOfAnotherExport_OneLineErrorNamingTheMissingColumns()
    {
        using var temp = new TempFolder();
        var csv = temp.File("other.csv");
        await File.WriteAllTextAsync(csv, "name,age\nLi,3\n", TestContext.Current.CancellationToken);

        var (code, _, error) = await RunAsync("--import", csv);

        code.Should().Be(1);
        error.Trim().Should().NotContain("\n").And.Contain("The header lacks 'Complaint ID'");
    }

    [Theory]
    [InlineData(new[] { "--import" }, null)]
    [InlineData(new[] { "--import", "export.csv", "--db", "h.db" }, "export.csv")]
    public void Parse_Import_PathIsOptional(string[] args, string? path)
    {
        var (options, problem) = DemoOptions.Parse(args);

        problem.Should().BeNull();
        options!.Mode.Should().Be(DemoMode.Import);
        options.ImportPath.Should().Be(path);
    }
}
