using System.Text;

namespace Complaints.Docs.Tests.Support;

/// <summary>
/// The named regions of <c>tests/Complaints.Docs.Tests/Snippets/**/*.cs</c>. A region <c>#region name</c> …
/// <c>#endregion</c> is a snippet; several regions of one name (in one file, in order) make one snippet, joined by a
/// blank line, so that a snippet can show a file's <c>using</c> directives and the statements of a method.
/// Each region is dedented by its common indentation.
/// </summary>
internal sealed class SnippetSource
{
    private SnippetSource(IReadOnlyDictionary<string, Snippet> snippets) => All = snippets;

    public IReadOnlyDictionary<string, Snippet> All { get; }

    public static SnippetSource Load()
    {
        var folder = Path.Combine(RepoRoot.TestProject, "Snippets");
        var parts = new Dictionary<string, (string File, List<string> Texts)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = RepoRoot.Relative(file);
            var lines = File.ReadAllLines(file);
            string? open = null;
            var body = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                var trimmed = lines[i].Trim();
                if (trimmed.StartsWith("#region ", StringComparison.Ordinal))
                {
                    if (open is not null)
                    {
                        throw new InvalidOperationException($"{relative}:{i + 1}: region '{trimmed[8..].Trim()}' opens inside region '{open}'; snippet regions do not nest.");
                    }

                    open = trimmed[8..].Trim();
                    body.Clear();
                }
                else if (trimmed.StartsWith("#endregion", StringComparison.Ordinal) && open is not null)
                {
                    if (parts.TryGetValue(open, out var existing) && existing.File != relative)
                    {
                        throw new InvalidOperationException($"Snippet '{open}' is defined in both {existing.File} and {relative}; give one of them another name.");
                    }

                    if (!parts.TryGetValue(open, out existing))
                    {
                        existing = (relative, []);
                        parts[open] = existing;
                    }

                    existing.Texts.Add(Dedent(body));
                    open = null;
                }
                else if (open is not null)
                {
                    body.Add(lines[i]);
                }
            }

            if (open is not null)
            {
                throw new InvalidOperationException($"{relative}: region '{open}' has no #endregion.");
            }
        }

        return new SnippetSource(parts.ToDictionary(p => p.Key, p => new Snippet(p.Key, p.Value.File, string.Join("\n\n", p.Value.Texts)), StringComparer.Ordinal));
    }

    public static string Dedent(IReadOnlyList<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(lines[start]))
        {
            start++;
        }

        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1]))
        {
            end--;
        }

        var kept = lines.Skip(start).Take(end - start).Select(l => l.TrimEnd()).ToArray();
        var indent = kept.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        var text = new StringBuilder();
        foreach (var line in kept)
        {
            text.Append(line.Length == 0 ? string.Empty : line[indent..]).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}

/// <summary>One snippet: its name, the file that holds it, and its text (lines joined by <c>\n</c>, no final newline).</summary>
internal sealed record Snippet(string Name, string File, string Text);
