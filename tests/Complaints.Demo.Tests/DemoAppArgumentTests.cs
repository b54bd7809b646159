using Complaints.Demo.Tests.Cfpb;

namespace Complaints.Demo.Tests;

public sealed class DemoAppArgumentTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        using var error = new StringWriter();
        var code = await DemoApp.RunAsync(args, console.Console, error, TestContext.Current.CancellationToken);
        return (code, console.Output, error.ToString());
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("run")]
    [InlineData("--out")]
    [InlineData("--db")]
    [InlineData("--db", "--reset")]
    public async Task RunAsync_UnknownOrMalformedArgument_PrintsUsageAndExits2(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        code.Should().Be(2);
        error.Should().Contain("Usage: dotnet run --project samples/Complaints.Demo");
        error.Split('\n')[0].Should().MatchRegex("^(Unknown argument: |--out needs|--db needs)");
        output.Should().BeEmpty("nothing runs when the arguments are wrong");
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndExits0()
    {
        var (code, output, error) = await RunAsync("--help");

        code.Should().Be(0);
        output.Should().Contain("--cfpb [PATH]").And.Contain("--db PATH");
        error.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_DbIsADirectory_OneLineErrorAndExit1()
    {
        using var temp = new TempFolder();

        var (code, _, error) = await RunAsync("--db", temp.Path, "--out", temp.Path);

        code.Should().Be(1);
        OneLine(error).Should().Contain("Cannot use the database").And.Contain("directory");
    }

    [Fact]
    public async Task RunAsync_DbIsNotSqlite_OneLineErrorAndExit1()
    {
        using var temp = new TempFolder();
        var notSqlite = temp.File("notes.db");
        await File.WriteAllTextAsync(notSqlite, "These are meeting notes, not a SQLite database. " + new string('x', 200), TestContext.Current.CancellationToken);

        var (code, _, error) = await RunAsync("--db", notSqlite, "--out", temp.Path);

        code.Should().Be(1);
        OneLine(error).Should().Contain("Cannot use the database").And.Contain("not a database");
    }

    [Fact]
    public async Task RunAsync_DbFolderCannotBeCreated_OneLineErrorAndExit1()
    {
        using var temp = new TempFolder();
        var file = temp.File("plain-file");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        // The database's folder would be a path under a regular file: nobody can create it, not even root.
        var (code, _, error) = await RunAsync("--db", Path.Combine(file, "demo.db"), "--out", temp.Path);

        code.Should().Be(1);
        OneLine(error).Should().Contain("Cannot use the database").And.Contain("cannot be created");
    }

    [Fact]
    public async Task RunAsync_CfpbFileMissing_OneLineErrorAndExit1()
    {
        using var temp = new TempFolder();

        var (code, _, error) = await RunAsync("--cfpb", temp.File("missing.csv"));

        code.Should().Be(1);
        OneLine(error).Should().Contain("No CFPB export at");
    }

    [Fact]
    public async Task RunAsync_CfpbFileMalformed_OneLineErrorNamingTheLine()
    {
        using var temp = new TempFolder();
        var csv = temp.File("broken.csv");
        await File.WriteAllTextAsync(csv, CfpbRows.Header + "\n2023-08-25,\"never closed\n", TestContext.Current.CancellationToken);

        var (code, _, error) = await RunAsync("--cfpb", csv);

        code.Should().Be(1);
        OneLine(error).Should().Contain("Line 2").And.Contain("not closed");
    }

    [Theory]
    [InlineData(new[] { "--cfpb" }, null)]
    [InlineData(new[] { "--cfpb", "export.csv" }, "export.csv")]
    [InlineData(new[] { "--cfpb", "--reset" }, null)]
    public void Parse_Cfpb_PathIsOptional(string[] args, string? path)
    {
        var (options, problem) = DemoOptions.Parse(args);

        problem.Should().BeNull();
        options!.Mode.Should().Be(DemoMode.Cfpb);
        options.CfpbPath.Should().Be(path);
    }

    [Fact]
    public void Parse_NoArguments_ScriptedRunOnTheDefaultFile()
    {
        var (options, problem) = DemoOptions.Parse([]);

        problem.Should().BeNull();
        options!.Mode.Should().Be(DemoMode.Scripted);
        options.DbPath.Should().BeNull();
        options.OutDir.Should().Be(".");
    }

    /// <summary>The error is exactly one line, with no stack trace.</summary>
    private static string OneLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle("a bad input is one line, not a stack trace: {0}", error);
        error.Should().NotContain("   at ", "no stack trace").And.NotContain("Exception:");
        return lines[0];
    }
}
