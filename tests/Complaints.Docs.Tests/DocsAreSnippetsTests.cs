using Complaints.Docs.Tests.Support;
using Xunit;

namespace Complaints.Docs.Tests;

/// <summary>
/// Every ```csharp block in README.md, docs/**/*.md and the pack READMEs is a snippet of Snippets/*.cs, which this
/// project compiles and its tests run; every block marked with a file shows that file as it is. A block that drifts
/// fails here; <c>COMPLAINTS_UPDATE_DOCS=1 dotnet test --project tests/Complaints.Docs.Tests</c> rewrites the docs
/// from the sources.
/// </summary>
public sealed class DocsAreSnippetsTests
{
    private const string Update = "COMPLAINTS_UPDATE_DOCS";
    private const string HowToUpdate = "COMPLAINTS_UPDATE_DOCS=1 dotnet test --project tests/Complaints.Docs.Tests";

    private static bool Updating => Environment.GetEnvironmentVariable(Update) == "1";

    [Fact]
    public void Every_csharp_block_is_a_snippet_and_every_marked_block_matches_its_source()
    {
        var snippets = SnippetSource.Load();
        var problems = new List<string>();
        foreach (var page in DocBlocks.Pages())
        {
            var path = RepoRoot.Combine(page);
            var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
            var blocks = DocBlocks.Parse(page, lines);
            var rewrites = new List<(DocBlock Block, string Text)>();
            foreach (var block in blocks)
            {
                if (block.MarkerKind is null)
                {
                    if (DocBlocks.IsCSharp(block.Language))
                    {
                        problems.Add(
                            $"{page}:{block.OpenLine}: this ```{block.Language} block is not proven to compile. Put its code in a '#region name' of " +
                            $"tests/Complaints.Docs.Tests/Snippets/*.cs (inside a test that runs it), write <!-- snippet: name --> on the line before the " +
                            $"fence, and run {HowToUpdate}.");
                    }

                    continue;
                }

                string? expected;
                string source;
                if (block.MarkerKind == "snippet")
                {
                    source = $"snippet '{block.MarkerName}'";
                    expected = snippets.All.TryGetValue(block.MarkerName!, out var snippet) ? snippet.Text : null;
                    if (expected is null)
                    {
                        problems.Add(
                            $"{page}:{block.OpenLine - 1}: <!-- snippet: {block.MarkerName} --> names no region of tests/Complaints.Docs.Tests/Snippets/*.cs " +
                            $"(known: {string.Join(", ", snippets.All.Keys.Order(StringComparer.Ordinal))}). Add '#region {block.MarkerName}' there or fix the name.");
                        continue;
                    }

                    source += $" ({snippets.All[block.MarkerName!].File})";
                }
                else
                {
                    // "packs/my-pack/pack.json" is under tests/Complaints.Docs.Tests; "/docs/lifecycle.mmd" is from the repository's root.
                    var file = block.MarkerName!.StartsWith('/')
                        ? RepoRoot.Combine(block.MarkerName![1..].Split('/'))
                        : Path.Combine(RepoRoot.TestProject, block.MarkerName!);
                    source = $"file {RepoRoot.Relative(file)}";
                    if (!File.Exists(file))
                    {
                        problems.Add($"{page}:{block.OpenLine - 1}: <!-- file: {block.MarkerName} --> names no file (a path under tests/Complaints.Docs.Tests, or from the repository's root when it starts with '/').");
                        continue;
                    }

                    expected = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
                }

                if (block.Text == expected)
                {
                    continue;
                }

                if (Updating)
                {
                    rewrites.Add((block, expected));
                    continue;
                }

                problems.Add(
                    $"{page}:{block.OpenLine}: the block differs from {source}; {FirstDifference(block.Text, expected, block.OpenLine)}. " +
                    (block.MarkerKind == "snippet" ? "Change the snippet (it is compiled and run)" : "Change the file (it is what the tests load or generate)") +
                    $", not the page, then run {HowToUpdate}.");
            }

            if (rewrites.Count > 0)
            {
                // Bottom-up, so earlier line numbers stay valid.
                foreach (var (block, text) in rewrites.OrderByDescending(r => r.Block.OpenLine))
                {
                    var body = text.Split('\n').Select(l => l.Length == 0 ? l : block.Indent + l);
                    lines.RemoveRange(block.OpenLine, block.CloseLine - block.OpenLine - 1);
                    lines.InsertRange(block.OpenLine, body);
                }

                File.WriteAllText(path, string.Join("\n", lines));
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"The documentation's code must be the code these tests compile and run ({problems.Count} problems):\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public void Every_snippet_is_shown_somewhere()
    {
        var snippets = SnippetSource.Load();
        var used = DocBlocks.Pages()
            .SelectMany(page => DocBlocks.Parse(page, File.ReadAllText(RepoRoot.Combine(page)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')))
            .Where(b => b.MarkerKind == "snippet")
            .Select(b => b.MarkerName!)
            .ToHashSet(StringComparer.Ordinal);

        var unused = snippets.All.Values.Where(s => !used.Contains(s.Name))
            .Select(s => $"{s.File}: region '{s.Name}' is shown on no page; mark a block with <!-- snippet: {s.Name} --> or remove the region.")
            .ToArray();
        if (unused.Length > 0)
        {
            Assert.Fail(string.Join("\n", unused));
        }
    }

    private static string FirstDifference(string actual, string expected, int openLine)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            var left = i < a.Length ? a[i] : null;
            var right = i < e.Length ? e[i] : null;
            if (left != right)
            {
                return $"first at page line {openLine + 1 + i}: the page has {Show(left)}, the source {Show(right)}";
            }
        }

        return "they differ in whitespace";
    }

    private static string Show(string? line) => line is null ? "no line" : $"`{line.Trim()}`";
}
