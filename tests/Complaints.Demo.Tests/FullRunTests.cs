namespace Complaints.Demo.Tests;

public sealed class FullRunTests
{
    [Fact]
    public async Task RunAsync_Default_WritesTheLifecycleDiagramAndReusesTheFile()
    {
        using var temp = new TempFolder();
        using var console = new TestConsole();
        using var error = new StringWriter();
        var db = temp.File("demo.db");
        string[] args = ["--db", db, "--out", temp.Path];

        (await DemoApp.RunAsync(args, console.Console, error, TestContext.Current.CancellationToken)).Should().Be(0, error.ToString());
        (await DemoApp.RunAsync(args, console.Console, error, TestContext.Current.CancellationToken)).Should().Be(0, "a second run adds its cases to the same file");

        File.ReadAllText(temp.File("lifecycle.mmd")).Should().StartWith("stateDiagram-v2");
        File.Exists(temp.File("lifecycle.dot")).Should().BeTrue();
        console.Output.Should().Contain($"In {db}: 20 cases");
        error.ToString().Should().BeEmpty();
    }
}
