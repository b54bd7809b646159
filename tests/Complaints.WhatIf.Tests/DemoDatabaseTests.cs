using System.Reflection;
using Complaints.Cli;
using Microsoft.Data.Sqlite;

namespace Complaints.WhatIf.Tests;

/// <summary>The README's what-if: the demo's database replayed under samples/drafts/hospital-stricter.</summary>
public sealed class DemoDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-demo-whatif-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Complaints.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Complaints.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public async Task The_stricter_hospital_draft_changes_the_demos_general_deadlines_and_its_first_rejection()
    {
        var db = Path.Combine(_folder, "complaints-demo.db");
        var demo = Assembly.Load("Complaints.Demo").EntryPoint!;
        var console = Console.Out;
        using (var quiet = new StringWriter())
        {
            Console.SetOut(quiet);
            try
            {
                demo.Invoke(null, [new[] { "--db", db, "--out", _folder }]).Should().Be(0, quiet.ToString());
            }
            finally
            {
                Console.SetOut(console);
            }
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var draft = Path.Combine(RepoRoot(), "samples", "drafts", "hospital-stricter");
        var exit = await CliApp.RunAsync(["what-if", "--db", db, "--draft", draft], output, error);

        exit.Should().Be(CliApp.ChangesFound, error.ToString());
        var report = output.ToString();
        report.Should().Contain("What-if replay of draft hospital@1.1.0-draft+hospital.1.0.0")
            .And.Contain("resolve deadline: 3 working days from receipt, warning at 75 % → 2 working days from receipt, warning at 75 %")
            .And.Contain("escalate: no → yes")
            .And.Contain("draft rules (hospital@1.1.0-draft+hospital.1.0.0): remedy-rejected-repeatedly-to-leadership");
        var lines = report.Split(Environment.NewLine);
        lines.Where(l => l.StartsWith("deadlines ", StringComparison.Ordinal) || l.StartsWith("escalation ", StringComparison.Ordinal))
            .Should().OnlyContain(l => !l.EndsWith(" 0      0", StringComparison.Ordinal), "both points have changes");
        lines.Where(l => l.Length > 0 && char.IsLower(l[0]) && !l.StartsWith("deadlines ", StringComparison.Ordinal) && !l.StartsWith("escalation ", StringComparison.Ordinal))
            .Should().HaveCount(7).And.OnlyContain(l => l.EndsWith(" 0      0", StringComparison.Ordinal), "the draft changes nothing else");
    }
}
