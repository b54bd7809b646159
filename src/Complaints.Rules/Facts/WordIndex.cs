namespace Complaints.Rules.Facts;

/// <summary>
/// Every constant word list of a pack (<c>Text.ContainsAny(text, "constant|words")</c>), searched for in one pass over
/// a text: the lists' words go into one trie over case-folded characters, and a search walks the text once, noting
/// every list one of whose words occurs. The pass is kept per thread for the last few texts searched (by reference,
/// a string being immutable), so every rule of a decision that asks about the same description shares it; it goes
/// only as far as the questions need (a list already found answers at once), and at most once over the text.
/// Same result as <see cref="Text.ContainsAny"/> for every text and list: ignoring case as
/// <see cref="string.IndexOf(string, StringComparison)"/> with <see cref="StringComparison.OrdinalIgnoreCase"/>; a word
/// that starts with a Latin letter or digit must start a word in the text, any other word may occur anywhere.
/// </summary>
/// <remarks>Lists may be added until the first search and after it (the trie is then built again); searches may run on any thread.</remarks>
internal sealed class WordIndex
{
    private const int Recent = 4;

    [ThreadStatic]
    private static Found[]? t_found;

    [ThreadStatic]
    private static int t_next;

    private readonly Dictionary<string, WordList> _lists = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private readonly Lock _gate = new();
    private volatile WordMatcher? _matcher;

    /// <summary>The number of distinct word lists added.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _words.Count;
            }
        }
    }

    /// <summary>The list for a <c>|</c>-separated word list, added if new (the same text gives the same list).</summary>
    /// <param name="words">The words, as <see cref="Text.ContainsAny"/> takes them.</param>
    /// <returns>The list, to ask whether a text contains one of its words.</returns>
    public WordList Add(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        lock (_gate)
        {
            if (!_lists.TryGetValue(words, out var list))
            {
                list = new WordList(this, _words.Count);
                _lists.Add(words, list);
                _words.Add(words);
                _matcher = null;
            }

            return list;
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> contains a word of list <paramref name="list"/>: known if this thread's pass over
    /// the text already found it or ended, else the pass goes on until it finds it or the text ends.
    /// </summary>
    internal bool Contains(int list, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var pass = Pass(text);
        var (word, bit) = (list >> 6, 1UL << list);
        if ((pass.Lists[word] & bit) == 0 && pass.Next <= text.Length)
        {
            pass.Next = pass.Matcher!.Search(text, pass.Lists, pass.Next, list);
        }

        return (pass.Lists[word] & bit) != 0;
    }

    /// <summary>This thread's pass over <paramref name="text"/>, as far as it went, or a new one.</summary>
    private Found Pass(string text)
    {
        var matcher = _matcher ?? Build();
        var recent = t_found ??= new Found[Recent];
        foreach (var kept in recent)
        {
            if (kept is not null && ReferenceEquals(kept.Text, text) && ReferenceEquals(kept.Matcher, matcher))
            {
                return kept;
            }
        }

        var slot = recent[t_next] ??= new Found();
        t_next = (t_next + 1) % Recent;
        if (slot.Lists.Length != matcher.Bits)
        {
            slot.Lists = new ulong[matcher.Bits];
        }

        Array.Clear(slot.Lists);
        (slot.Text, slot.Matcher, slot.Next) = (text, matcher, 0);
        return slot;
    }

    private WordMatcher Build()
    {
        lock (_gate)
        {
            return _matcher ??= new WordMatcher(_words);
        }
    }

    private sealed class Found
    {
        public string? Text;
        public WordMatcher? Matcher;
        public ulong[] Lists = [];

        /// <summary>Where the pass goes on from; past the text's end once it ended.</summary>
        public int Next;
    }
}

/// <summary>One word list of a <see cref="WordIndex"/>: what a compiled condition calls for <c>Text.ContainsAny(text, "constant|words")</c>.</summary>
internal sealed class WordList
{
    private readonly WordIndex _index;
    private readonly int _id;

    internal WordList(WordIndex index, int id) => (_index, _id) = (index, id);

    /// <summary>Whether <paramref name="text"/> contains any of the words, as <see cref="Text.ContainsAny"/> decides.</summary>
    /// <param name="text">The text searched.</param>
    /// <returns><see langword="true"/> if one occurs.</returns>
    public bool FoundIn(string text) => _index.Contains(_id, text);
}
