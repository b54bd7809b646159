using System.Text;
using Complaints.Rules.Facts;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Facts;

/// <summary>
/// Every word list of a pack searched for in one pass (<see cref="WordIndex"/>) decides, list by list, as the search
/// each list had of its own (<see cref="PerListWordSearch"/>) and as <see cref="Text.ContainsAny"/> (one ordinal
/// ignore-case <c>IndexOf</c> per word), for texts of every kind and lists whose words overlap.
/// </summary>
public sealed class WordIndexTests
{
    // Words that are prefixes of each other, inside each other, differ by case, accents, width or a case-mapping oddity.
    private static readonly string[] Words =
    [
        "fee", "fees", "a fee", "the fee", "fee refund", "charge", "charged", "overcharg", "overcharged twice", "discharge", "late",
        "plate", "lat", "ate", "e", "café", "CAFÉ", "cafe", "élan", "Élan", "ｆｅｅ", "ＦＥＥ", "ｆ", "收费", "乱收费", "收", "费用", "费",
        "态度", "态度差", "服务态度", "食物中毒", "中毒", "a", "1", "12", "2", "-", "- fee", "ﾚｼｰﾄ", "ſhip", "ship", "\u212Aey", "key",
        "ǅ", "ǆ", "σ", "Σ", "ς", "ß", "SS", "ı", "i", "İ", "\U00010400", "x\U00010428", "。", "退款。",
    ];

    // Text pieces: upper and lower case, accented, full-width, Chinese, digits, separators, surrogate pairs.
    private static readonly string[] Pieces =
    [
        "fee", "FEE", "Fee", "fees", "a ", "the ", "refund", "CHARGED", "charge", "over", "dis", "late", "PLATE", "café", "CAFÉ",
        "Élan", "ｆｅｅ", "ＦＥＥ", "ｆ", "收费", "乱", "收", "费", "用", "态度", "差", "服务", "食物", "中毒", "。", "，", " ", "  ", "-",
        "1", "2", "3", "ſ", "hip", "S", "\u212A", "ey", "ǅ", "ǆ", "σ", "ς", "Σ", "ß", "ss", "ı", "İ", "i", "\U00010400", "\U00010428",
        "x", "ﾚｼｰﾄ", "退款", "\u00A0", "_", "é", "e", "E",
    ];

    [Fact]
    public void FoundIn_RandomTextsAndOverlappingLists_AgreesWithEachListSearchedAlone()
    {
        var random = new Random(20261207);
        var outcomes = new int[2];
        for (var round = 0; round < 300; round++)
        {
            var lists = Enumerable.Range(0, random.Next(1, 90)).Select(_ => RandomList(random)).ToArray();
            var index = new WordIndex();
            var compiled = lists.Select(index.Add).ToArray();
            var oracles = lists.Select(l => new PerListWordSearch(l)).ToArray();
            // Lists asked in a random order about six texts in turn (more than a thread keeps passes for), each about twice:
            // a later answer comes from the kept pass, gone on from where an earlier question left it, or from a new one.
            var texts = Enumerable.Range(0, 6).Select(_ => RandomText(random)).ToArray();
            foreach (var text in Enumerable.Range(0, lists.Length * 12).Select(_ => texts[random.Next(texts.Length)]))
            {
                var i = random.Next(lists.Length);
                var expected = Text.ContainsAny(text, lists[i]);
                oracles[i].FoundIn(text).Should().Be(expected, "the oracles agree");
                compiled[i].FoundIn(text).Should().Be(expected, $"list \"{lists[i]}\" in text \"{Shorten(text)}\"");
                outcomes[expected ? 1 : 0]++;
            }
        }

        outcomes.Should().OnlyContain(n => n > 5_000, "the random cases must exercise both outcomes");
    }

    [Fact]
    public void FoundIn_LongTexts_FindsWordsAtTheEdgesAndAcrossTheWholeText()
    {
        var filler = string.Concat(Enumerable.Repeat("The car was delivered on time, 车辆按时交付。", 500));
        var index = new WordIndex();
        var (start, end, middle, nowhere) = (index.Add("收费|overcharg"), index.Add("退款"), index.Add("rude|态度"), index.Add("bribe|红包"));
        foreach (var text in new[] { "Overcharged! " + filler, filler + "退款", filler[..10_000] + "态度" + filler[10_000..], filler })
        {
            start.FoundIn(text).Should().Be(Text.ContainsAny(text, "收费|overcharg"));
            end.FoundIn(text).Should().Be(Text.ContainsAny(text, "退款"));
            middle.FoundIn(text).Should().Be(Text.ContainsAny(text, "rude|态度"));
            nowhere.FoundIn(text).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData(20)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(400)]
    public void FoundIn_ManyLatinWords_AgreesWithEachListSearchedAlone(int latinWords)
    {
        // Many distinct Latin words are searched for in groups (or, with very many, by trying the trie everywhere): every
        // word must still be found wherever it occurs, whichever group holds it.
        var random = new Random(latinWords);
        var latin = Words.Where(w => System.Text.Ascii.IsValid(w)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        while (latin.Count < latinWords)
        {
            var word = random.Next(3) == 0 ? latin[random.Next(latin.Count)] + random.Next(100) : latin[random.Next(latin.Count)] + latin[random.Next(latin.Count)];
            if (!latin.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                latin.Add(word);
            }
        }

        latin = latin.Take(latinWords).ToList();
        var lists = latin.Chunk(5).Select(chunk => string.Join('|', chunk.Append(Words[random.Next(Words.Length)]))).ToArray();
        var index = new WordIndex();
        var compiled = lists.Select(index.Add).ToArray();
        var found = 0;
        for (var round = 0; round < 200; round++)
        {
            var text = RandomText(random) + (random.Next(2) == 0 ? " " + latin[random.Next(latin.Count)].ToUpperInvariant() + RandomText(random) : "");
            for (var i = 0; i < lists.Length; i++)
            {
                var expected = Text.ContainsAny(text, lists[i]);
                compiled[i].FoundIn(text).Should().Be(expected, $"list \"{lists[i]}\" in text \"{Shorten(text)}\"");
                found += expected ? 1 : 0;
            }
        }

        found.Should().BeGreaterThan(100, "the texts contain words of the lists");
    }

    [Fact]
    public void FoundIn_EqualTextsAsDifferentStrings_SearchesEachByItsContent()
    {
        var index = new WordIndex();
        var late = index.Add("late");
        var text = new StringBuilder("It came late.");

        late.FoundIn(text.ToString()).Should().BeTrue();
        text.Replace("late", "fine");
        late.FoundIn(text.ToString()).Should().BeFalse("a new text is searched, not the kept result of the last one");
    }

    [Fact]
    public void Add_AfterASearch_SearchesTheNewListToo()
    {
        var index = new WordIndex();
        var late = index.Add("late");
        const string text = "It came late and they were rude.";
        late.FoundIn(text).Should().BeTrue();

        var rude = index.Add("rude|态度");

        rude.FoundIn(text).Should().BeTrue();
        late.FoundIn(text).Should().BeTrue();
        index.Add("rude|态度").Should().BeSameAs(rude, "the same list text is one list");
        index.Count.Should().Be(2);
    }

    [Fact]
    public void FoundIn_ManyThreads_EachGetsTheAnswerForItsOwnText()
    {
        var index = new WordIndex();
        var lists = Enumerable.Range(0, 70).Select(i => index.Add($"w{i}|词{i}")).ToArray();
        var (failures, found) = (0, 0);
        Parallel.For(0, 2_000, n =>
        {
            var text = $"x w{n % 70} 词{(n + 1) % 70}";
            for (var i = 0; i < lists.Length; i++)
            {
                var expected = Text.ContainsAny(text, $"w{i}|词{i}");
                if (expected)
                {
                    Interlocked.Increment(ref found);
                }

                if (lists[i].FoundIn(text) != expected)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        failures.Should().Be(0);
        found.Should().BeGreaterThan(2_000, "the texts contain words of the lists");
    }

    [Fact]
    public void Fold_EveryCharacter_EqualsAnotherExactlyWhenOrdinalIgnoreCaseDoes()
    {
        var fold = WordMatcher.Fold;
        var groups = new Dictionary<string, char>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var first = groups.TryAdd(c.ToString(), c) ? c : groups[c.ToString()];
            fold[c].Should().Be(fold[first], $"U+{i:X4} equals U+{(int)first:X4} ignoring case");
        }

        fold.Distinct().Count().Should().Be(groups.Count, "characters not equal ignoring case fold apart");
    }

    private static string RandomList(Random random) =>
        string.Join('|', Enumerable.Range(0, random.Next(0, 7)).Select(_ => random.Next(8) switch
        {
            0 => Words[random.Next(Words.Length)].ToUpperInvariant(),
            1 => " " + Words[random.Next(Words.Length)] + " ",
            2 => Words[random.Next(Words.Length)] + Words[random.Next(Words.Length)],
            _ => Words[random.Next(Words.Length)],
        }));

    private static string RandomText(Random random)
    {
        var pieces = random.Next(10) switch
        {
            0 => 0,
            1 => random.Next(1_500, 3_000),
            2 when random.Next(4) == 0 => random.Next(7_000, 9_000),
            _ => random.Next(1, 30),
        };
        var text = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : $"{text[..100]}…({text.Length} chars)…{text[^100..]}";
}
