using Complaints.Workflow.Lifecycle;

namespace Complaints.Workflow.Tests.Lifecycle;

/// <summary>
/// Pins the lifecycle diagrams in docs/ to the machine the workflow runs. After a deliberate lifecycle change,
/// regenerate them with <c>COMPLAINTS_UPDATE_DIAGRAMS=1 dotnet test</c> and review the diff.
/// </summary>
public sealed class DiagramTests
{
    [Theory]
    [InlineData("lifecycle.mmd")]
    [InlineData("lifecycle.dot")]
    public void Diagram_InDocs_MatchesTheLifecycle(string file)
    {
        var generated = file.EndsWith(".mmd", StringComparison.Ordinal) ? ComplaintLifecycle.ToMermaid() : ComplaintLifecycle.ToDot();
        var path = Path.Combine(RepositoryRoot(), "docs", file);
        if (Environment.GetEnvironmentVariable("COMPLAINTS_UPDATE_DIAGRAMS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).Should().Be(generated, $"docs/{file} must show the lifecycle the workflow runs; regenerate it with COMPLAINTS_UPDATE_DIAGRAMS=1 dotnet test");
    }

    [Fact]
    public void Mermaid_NamesEveryStoredStateAndTheMainTriggers()
    {
        var mermaid = ComplaintLifecycle.ToMermaid();

        foreach (var state in Enum.GetValues<ComplaintState>())
        {
            mermaid.Should().Contain(state.ToString());
        }

        mermaid.Should().Contain("ProposeForApproval").And.Contain("CustomerRejects").And.Contain("Reopen");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Complaints.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Complaints.sln not found above the test's output folder.");
    }
}
