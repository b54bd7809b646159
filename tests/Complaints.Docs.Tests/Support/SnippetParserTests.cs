using FluentAssertions;
using Xunit;

namespace Complaints.Docs.Tests.Support;

public sealed class SnippetParserTests
{
    [Fact]
    public void Dedent_removes_the_common_indentation_and_blank_edges()
    {
        SnippetSource.Dedent(["", "        var a = 1;", "", "            a++;  ", "   "]).Should().Be("var a = 1;\n\n    a++;");
    }

    [Fact]
    public void A_block_takes_the_marker_on_the_last_non_blank_line_before_its_fence()
    {
        string[] page =
        [
            "Text.",
            "<!-- snippet: hello -->",
            "",
            "```csharp",
            "Console.WriteLine(1);",
            "```",
            "",
            "```sh",
            "dotnet test",
            "```",
            "- item",
            "  <!-- file: Packs/x/pack.json -->",
            "  ```json",
            "  { }",
            "  ```",
        ];

        var blocks = DocBlocks.Parse("page.md", page);

        blocks.Should().HaveCount(3);
        blocks[0].Should().BeEquivalentTo(new { OpenLine = 4, CloseLine = 6, Language = "csharp", MarkerKind = "snippet", MarkerName = "hello", Text = "Console.WriteLine(1);" });
        blocks[1].Should().BeEquivalentTo(new { Language = "sh", MarkerKind = (string?)null, Text = "dotnet test" });
        blocks[2].Should().BeEquivalentTo(new { Indent = "  ", Language = "json", MarkerKind = "file", MarkerName = "Packs/x/pack.json", Text = "{ }" });
    }
}
