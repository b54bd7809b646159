using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Complaints.Benchmarks.Data;

/// <summary>
/// Complaint descriptions from real text (Data/Text/README.md): US CFPB complaint narratives and issue texts in English,
/// and Chinese prose on complaints and their handling. A description of a given length is the texts run together
/// from a random one on (each a paragraph of its own), cut at that length: the lengths the workload measures are real
/// narratives (about 1,000 characters), short issue texts (about 50) and long letters (20,000).
/// </summary>
public static class RealTexts
{
    /// <summary>The description sources of the intake workload: the generator's short texts, then real text at three lengths.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["generated", "en-50", "en-1k", "en-20k", "zh-50", "zh-1k", "zh-20k"];

    private static readonly Lazy<string[]> Narratives = new(() => Load("cfpb-narratives.json", "text"));
    private static readonly Lazy<string[]> Issues = new(() => Load("cfpb-issues.json", null));
    private static readonly Lazy<string[]> Chinese = new(() => Load("zh-complaint-prose.json", "text"));

    /// <summary>The English CFPB narratives.</summary>
    public static IReadOnlyList<string> EnglishNarratives => Narratives.Value;

    /// <summary>The English CFPB issue texts ("Issue. Sub-issue").</summary>
    public static IReadOnlyList<string> EnglishIssues => Issues.Value;

    /// <summary>The Chinese sentences.</summary>
    public static IReadOnlyList<string> ChineseSentences => Chinese.Value;

    /// <summary>
    /// <paramref name="complaints"/> with their descriptions drawn from <paramref name="source"/> (one of <see cref="Sources"/>;
    /// "generated" keeps them), seeded: the same seed gives the same descriptions.
    /// </summary>
    /// <param name="complaints">The generated complaints.</param>
    /// <param name="source">The source and length, e.g. "en-1k".</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The complaints with their new descriptions.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not one of <see cref="Sources"/>.</exception>
    public static Complaint[] Describe(IEnumerable<Complaint> complaints, string source, int seed)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        if (source == "generated")
        {
            return complaints.ToArray();
        }

        var (texts, length) = source switch
        {
            "en-50" => (EnglishIssues, 50),
            "en-1k" => (EnglishNarratives, 1_000),
            "en-20k" => (EnglishNarratives, 20_000),
            "zh-50" => (ChineseSentences, 50),
            "zh-1k" => (ChineseSentences, 1_000),
            "zh-20k" => (ChineseSentences, 20_000),
            _ => throw new ArgumentException($"Unknown description source '{source}'; use one of {string.Join(", ", Sources)}.", nameof(source)),
        };
        var random = new Random(seed);
        return complaints.Select(c => c with { Intake = c.Intake with { Description = Draw(random, texts, length) } }).ToArray();
    }

    /// <summary>The texts run together from a random one on, each a paragraph, cut at <paramref name="length"/> characters.</summary>
    /// <param name="random">The source of the starting text.</param>
    /// <param name="texts">The texts.</param>
    /// <param name="length">The length.</param>
    /// <returns>The description.</returns>
    public static string Draw(Random random, IReadOnlyList<string> texts, int length)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(texts);
        var text = new StringBuilder(length + 2_000);
        for (var i = random.Next(texts.Count); text.Length < length; i = (i + 1) % texts.Count)
        {
            text.Append(text.Length == 0 ? "" : "\n").Append(texts[i]);
        }

        return text.ToString(0, length);
    }

    private static string[] Load(string file, string? field)
    {
        using var stream = typeof(RealTexts).Assembly.GetManifestResourceStream("Complaints.Benchmarks.Text." + file)
            ?? throw new InvalidOperationException($"The benchmark assembly embeds no {file}; see Data/Text/README.md.");
        using var json = JsonDocument.Parse(stream);
        return json.RootElement.EnumerateArray()
            .Select(e => field is null ? e.GetString() : e.GetProperty(field).GetString())
            .Select(t => t ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{file} holds an entry without text.")))
            .ToArray();
    }
}
