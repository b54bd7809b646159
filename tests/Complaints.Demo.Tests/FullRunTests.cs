namespace Complaints.Demo.Tests;

public sealed class FullRunTests
{
    [Fact]
    public async Task RunAsync_Default_WritesTheLifecycleDiagramAndTheReport_AndReusesTheFile()
    {
        using var temp = new TempFolder();
        using var console = new TestConsole();
        using var error = new StringWriter();
        var db = temp.File("demo.db");
        string[] args = ["--db", db, "--out", temp.Path];
        var page = Path.Combine(temp.Path, "out", "report.html");

        (await DemoApp.RunAsync([.. args, "--report", page], console.Console, error, TestContext.Current.CancellationToken)).Should().Be(0, error.ToString());
        await ReportTests.ShouldHoldTheRunsCasesAsync(page, console.Output, Cases.All().Count);
        (await DemoApp.RunAsync(args, console.Console, error, TestContext.Current.CancellationToken)).Should().Be(0, "a second run adds its cases to the same file");

        File.ReadAllText(temp.File("lifecycle.mmd")).Should().StartWith("stateDiagram-v2");
        File.Exists(temp.File("lifecycle.dot")).Should().BeTrue();
        console.Output.Should().Contain($"In {db}: 20 cases");
        error.ToString().Should().BeEmpty();
    }
}
