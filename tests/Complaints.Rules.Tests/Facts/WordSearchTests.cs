using Complaints.Rules.Facts;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Facts;

/// <summary>The one-pass search constant word lists are compiled to decides exactly as <see cref="Text.ContainsAny"/>.</summary>
public sealed class WordSearchTests
{
    // Letters whose ordinal-ignore-case matching is unusual (dotless and dotted i, long s, the Kelvin sign, sharp s,
    // final sigma, a title-case digraph), Chinese, digits, separators and a surrogate pair with a case pair (Deseret).
    private static readonly string[] Pieces =
    [
        "a", "A", "e", "É", "é", "i", "I", "ı", "İ", "k", "K", "\u212A", "s", "S", "ſ", "ß", "ss", "σ", "ς", "Σ", "ǅ", "ǆ",
        "收", "费", "态度", "配送", "食物中毒", "。", "1", "7", " ", "-", ".", "_", "\u00A0", "\U00010400", "\U00010428", "late", "Late", "charge",
    ];

    [Theory]
    [InlineData("The delivery was late.", "late")]
    [InlineData("The number plate was scratched.", "late")]
    [InlineData("plate, then late", "late")]
    [InlineData("platelate", "late|plate")]
    [InlineData("He was discharged on Monday.", "charge|bill")]
    [InlineData("他们乱收费。", "收费|fee")]
    [InlineData("乱收费", "fee|收费")]
    [InlineData("收费", "")]
    [InlineData("anything", " | |")]
    [InlineData("", "late")]
    [InlineData("LATE", "late")]
    [InlineData("ſhipping was slow", "shipping")]
    [InlineData("\u212Aelvin", "kelvin")]
    [InlineData("İnvoice", "invoice")]
    [InlineData("ınvoice", "invoice")]
    [InlineData("x\U00010428y", "\U00010400")]
    [InlineData("a\U00010428late", "late")]
    [InlineData("3late", "late")]
    [InlineData("_late", "late")]
    [InlineData("élate", "late")]
    [InlineData("overcharged twice", "overcharg|charged twice")]
    [InlineData("food poisoning", "poison|food poisoning")]
    [InlineData("a fee", "fees|a fee")]
    [InlineData("rude rude", "attitude | rude|态度")]
    public void FoundIn_TrickyTexts_AgreesWithContainsAny(string text, string words)
    {
        var index = new WordIndex();
        var lists = new[] { "late", words, "收费|fee", "x" }.Select(index.Add).ToArray();

        lists[1].FoundIn(text).Should().Be(Text.ContainsAny(text, words), $"text \"{text}\", words \"{words}\"");
        new WordIndex().Add(words).FoundIn(text).Should().Be(Text.ContainsAny(text, words), "alone in its index");
    }

    [Fact]
    public void FoundIn_NullText_IsFalseAsContainsAny() =>
        new WordIndex().Add("late").FoundIn(null!).Should().BeFalse().And.Be(Text.ContainsAny(null!, "late"));

    [Fact]
    public void FoundIn_RandomTextsAndWordLists_AgreesWithContainsAny()
    {
        var random = new Random(20251130);
        var found = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var words = string.Join('|', Enumerable.Range(0, random.Next(0, 5)).Select(_ => Phrase(random, 1, 3)));
            var text = Phrase(random, 0, 12);
            var expected = Text.ContainsAny(text, words);
            new WordIndex().Add(words).FoundIn(text).Should().Be(expected, $"text \"{text}\", words \"{words}\"");
            found += expected ? 1 : 0;
        }

        found.Should().BeInRange(2_000, 18_000, "the random cases must exercise both outcomes");
    }

    [Fact]
    public void IsCaseless_CharactersItAccepts_IgnoringCaseEqualNoOtherCharacter()
    {
        var groups = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var all = Enumerable.Range(0, 65536).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToArray();
        foreach (var c in all)
        {
            groups[c.ToString()] = groups.GetValueOrDefault(c.ToString()) + 1;
        }

        var caseless = all.Where(c => PerListWordSearch.IsCaseless([c])).ToArray();
        caseless.Should().Contain(['收', '态', 'あ', '가', '。']).And.NotContain(['a', 'É', 'ſ', '\u212A', 'Σ', '1', ' ']);
        caseless.Where(c => groups[c.ToString()] != 1).Should().BeEmpty("an ordinal search finds these exactly where an ignore-case search does");
    }

    private static string Phrase(Random random, int min, int max) =>
        string.Concat(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Pieces[random.Next(Pieces.Length)]));
}
