using System.Text.RegularExpressions;

namespace Complaints.Docs.Tests.Support;

/// <summary>
/// The fenced code blocks of a Markdown page, and the marker before each: <c>&lt;!-- snippet: name --&gt;</c> (a
/// region of Snippets/*.cs) or <c>&lt;!-- file: path --&gt;</c> (a whole file under tests/Complaints.Docs.Tests),
/// on the last non-blank line before the opening fence.
/// </summary>
internal static partial class DocBlocks
{
    /// <summary>The Markdown pages whose blocks are checked, relative to the repository root.</summary>
    public static IReadOnlyList<string> Pages()
    {
        var pages = new List<string> { "README.md" };
        pages.AddRange(Directory.EnumerateFiles(RepoRoot.Combine("docs"), "*.md", SearchOption.AllDirectories).Select(RepoRoot.Relative));
        pages.AddRange(Directory.EnumerateFiles(RepoRoot.Combine("src", "Complaints.Rules", "Packs"), "README.md", SearchOption.AllDirectories).Select(RepoRoot.Relative));
        return [.. pages.Order(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<DocBlock> Parse(string page, IReadOnlyList<string> lines)
    {
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Count; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value;
            var fence = open.Groups["fence"].Value;
            var language = open.Groups["lang"].Value.Trim();
            var close = i + 1;
            while (close < lines.Count && !(lines[close].StartsWith(indent, StringComparison.Ordinal) && lines[close].Trim() == fence))
            {
                close++;
            }

            if (close == lines.Count)
            {
                throw new InvalidOperationException($"{page}:{i + 1}: the code block opened here is never closed.");
            }

            var marker = (Kind: (string?)null, Name: (string?)null);
            var previous = i - 1;
            while (previous >= 0 && string.IsNullOrWhiteSpace(lines[previous]))
            {
                previous--;
            }

            if (previous >= 0 && Marker().Match(lines[previous]) is { Success: true } m)
            {
                marker = (m.Groups["kind"].Value, m.Groups["name"].Value);
            }

            var body = lines.Skip(i + 1).Take(close - i - 1)
                .Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart())
                .ToArray();
            blocks.Add(new DocBlock(page, i + 1, close + 1, indent, language, marker.Kind, marker.Name, string.Join("\n", body)));
            i = close;
        }

        return blocks;
    }

    public static bool IsCSharp(string language) => language is "csharp" or "cs" or "c#" or "C#";

    [GeneratedRegex(@"^(?<indent>\s*)(?<fence>```+)(?<lang>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*(?<kind>snippet|file):\s*(?<name>\S+)\s*-->\s*$")]
    private static partial Regex Marker();
}

/// <summary>A fenced block: page, the lines of its opening and closing fences (1-based), indentation, language, marker and text.</summary>
internal sealed record DocBlock(string Page, int OpenLine, int CloseLine, string Indent, string Language, string? MarkerKind, string? MarkerName, string Text);
