using System.Buffers;

namespace Complaints.Rules.Facts;

/// <summary>
/// The search a <see cref="WordIndex"/> runs: a trie of every word of every list over case-folded characters. The
/// folding is built into the table that maps a character to its trie class, so a search folds each character of the
/// text once, by one table look-up. A search tries the trie at each position where some word's first character
/// occurs (only at word starts when every word through that character must start a word), skipping with the runtime's
/// vectorized searches to where a word may start, so its cost is linear in the text whatever the number of lists and
/// words, and the same for Latin and CJK words.
/// </summary>
/// <remarks>
/// A word with a surrogate character (outside the Basic Multilingual Plane) is left out of the trie and searched for
/// on its own as <see cref="Text.ContainsAny"/> does: ignoring case pairs surrogates, which a per-character fold does not.
/// </remarks>
internal sealed class WordMatcher
{
    /// <summary>The bit of a <see cref="_classes"/> entry that says the character is a letter or digit (so the next one does not start a word).</summary>
    private const ushort LetterOrDigit = 0x8000;

    /// <summary>
    /// The most Latin words one of the runtime's vectorized searches looks for: beyond about this many it is no longer
    /// vectorized, so more words are split into groups of at most this many, each searched for on its own.
    /// </summary>
    private const int WordsPerSkippingGroup = 32;

    /// <summary>The most groups of Latin words skipped to: with more words than fill them, the trie is tried at every character.</summary>
    private const int MostSkippingGroups = 4;

    private static char[]? s_fold;

    private readonly ushort[] _classes = new ushort[char.MaxValue + 1];
    private readonly int[] _firstAtWordStart;
    private readonly int[] _firstInsideWord;
    private readonly int[] _childStart;
    private readonly ushort[] _childClass;
    private readonly int[] _childNode;
    private readonly int[]?[] _anchoredEnds;
    private readonly int[]?[] _anywhereEnds;
    private readonly bool[] _anywhereBelow;
    private readonly (int List, string Word)[] _outside;
    private readonly SearchValues<string>[] _asciiGroups;
    private readonly bool _everyPosition;
    private readonly SearchValues<char>? _otherStarts;

    /// <summary>Builds the trie for the lists, each a <c>|</c>-separated word list as <see cref="Text.ContainsAny"/> takes it.</summary>
    /// <param name="lists">The lists; a list's position is its id.</param>
    public WordMatcher(IReadOnlyList<string> lists)
    {
        Bits = Math.Max(1, (lists.Count + 63) >> 6);
        var fold = Fold;
        var children = new List<Dictionary<char, int>> { new() };
        var anchored = new List<List<int>?> { null };
        var anywhere = new List<List<int>?> { null };
        var outside = new List<(int, string)>();
        var asciiWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var otherFirsts = new HashSet<char>();
        for (var list = 0; list < lists.Count; list++)
        {
            var words = lists[list];
            foreach (var range in words.AsSpan().Split('|'))
            {
                var word = words.AsSpan(range).Trim();
                if (word.IsEmpty)
                {
                    continue;
                }

                if (word.ContainsAnyInRange('\uD800', '\uDFFF'))
                {
                    outside.Add((list, word.ToString()));
                    continue;
                }

                if (System.Text.Ascii.IsValid(word))
                {
                    asciiWords.Add(word.ToString());
                }
                else
                {
                    otherFirsts.Add(fold[word[0]]);
                }

                var node = 0;
                foreach (var c in word)
                {
                    if (!children[node].TryGetValue(fold[c], out var next))
                    {
                        next = children.Count;
                        children.Add([]);
                        anchored.Add(null);
                        anywhere.Add(null);
                        children[node].Add(fold[c], next);
                    }

                    node = next;
                }

                var ends = Text.IsAnchored(word) ? anchored : anywhere;
                if (!(ends[node] ??= []).Contains(list))
                {
                    ends[node]!.Add(list);
                }
            }
        }

        // A class per folded character of some word (0: no word has it); every character folding to it gets the class.
        var classOf = new Dictionary<char, ushort>();
        foreach (var edges in children)
        {
            foreach (var c in edges.Keys)
            {
                classOf.TryAdd(c, (ushort)(classOf.Count + 1));
            }
        }

        if (classOf.Count >= LetterOrDigit)
        {
            throw new ArgumentException($"The word lists use {classOf.Count} distinct characters; at most {LetterOrDigit - 1} are supported.", nameof(lists));
        }

        for (var c = 0; c <= char.MaxValue; c++)
        {
            _classes[c] = (ushort)((classOf.TryGetValue(fold[c], out var cls) ? cls : 0) | (char.IsLetterOrDigit((char)c) ? LetterOrDigit : 0));
        }

        // Children are numbered after their parent, so one backward pass sees every child before its parent.
        _firstAtWordStart = new int[classOf.Count + 1];
        _firstInsideWord = new int[classOf.Count + 1];
        _childStart = new int[children.Count + 1];
        _childClass = new ushort[children.Count - 1];
        _childNode = new int[children.Count - 1];
        _anchoredEnds = new int[]?[children.Count];
        _anywhereEnds = new int[]?[children.Count];
        _anywhereBelow = new bool[children.Count];
        var at = 0;
        for (var node = 0; node < children.Count; node++)
        {
            _childStart[node] = at;
            foreach (var (c, child) in children[node])
            {
                (_childClass[at], _childNode[at]) = (classOf[c], child);
                at++;
                if (node == 0)
                {
                    _firstAtWordStart[classOf[c]] = child;
                }
            }

            _anchoredEnds[node] = anchored[node]?.ToArray();
            _anywhereEnds[node] = anywhere[node]?.ToArray();
        }

        _childStart[children.Count] = at;
        for (var node = children.Count - 1; node > 0; node--)
        {
            _anywhereBelow[node] = _anywhereEnds[node] is not null;
            for (var i = _childStart[node]; i < _childStart[node + 1] && !_anywhereBelow[node]; i++)
            {
                _anywhereBelow[node] = _anywhereBelow[_childNode[i]];
            }
        }

        for (var cls = 1; cls < _firstAtWordStart.Length; cls++)
        {
            _firstInsideWord[cls] = _anywhereBelow[_firstAtWordStart[cls]] ? _firstAtWordStart[cls] : 0;
        }

        _outside = [.. outside];

        // What finds the places a word may start without looking at every character: the runtime's vectorized search
        // for the Latin words (ignoring case as IndexOf does), in groups small enough for it to stay vectorized, and
        // every character that folds to another word's first. With very many Latin words the trie is tried at every
        // character instead.
        var groups = (asciiWords.Count + WordsPerSkippingGroup - 1) / WordsPerSkippingGroup;
        _everyPosition = groups > MostSkippingGroups;
        _asciiGroups = _everyPosition || groups == 0
            ? []
            : [.. asciiWords.Order(StringComparer.OrdinalIgnoreCase).Index().GroupBy(w => w.Index % groups, w => w.Item)
                .Select(g => SearchValues.Create([.. g], StringComparison.OrdinalIgnoreCase))];
        var otherStarts = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (otherFirsts.Contains(fold[c]) && !char.IsSurrogate((char)c))
            {
                otherStarts.Add((char)c);
            }
        }

        _otherStarts = otherStarts.Count > 0 ? SearchValues.Create([.. otherStarts]) : null;
    }

    /// <summary>The number of <see cref="ulong"/>s a search's result needs: one bit per list.</summary>
    public int Bits { get; }

    /// <summary>
    /// Each character's ordinal-ignore-case fold: two characters are equal ignoring case, as
    /// <see cref="StringComparison.OrdinalIgnoreCase"/> compares them, exactly when their folds are equal (surrogates,
    /// which it compares in pairs, fold to themselves).
    /// </summary>
    internal static char[] Fold => s_fold ??= CreateFold();

    /// <summary>
    /// Sets in <paramref name="found"/> the bit of every list one of whose words occurs in <paramref name="text"/> at or
    /// after <paramref name="from"/>, going on until list <paramref name="until"/>'s bit is set or the text ends.
    /// </summary>
    /// <param name="text">The text searched.</param>
    /// <param name="found">One bit per list, <see cref="Bits"/> long: those found so far, more set on return.</param>
    /// <param name="from">Where to go on from (0 to start).</param>
    /// <param name="until">The list whose word ends the search once found; -1 to search the whole text.</param>
    /// <returns>Where to go on from next time; past <paramref name="text"/>'s length once it is searched to the end.</returns>
    public int Search(ReadOnlySpan<char> text, Span<ulong> found, int from = 0, int until = -1)
    {
        var classes = _classes;
        var (stopWord, stopBit) = until < 0 ? (0, 0UL) : (until >> 6, 1UL << until);
        var groups = _asciiGroups;
        Span<int> nextInGroup = stackalloc int[groups.Length];
        nextInGroup.Fill(-1);
        var nextOther = -1;
        for (var p = from; p < text.Length; p++)
        {
            // Straight to the next place where a Latin word occurs (or the next character, with many Latin words) or another
            // word's first character does.
            var nextAscii = _everyPosition ? p : int.MaxValue;
            for (var g = 0; g < groups.Length; g++)
            {
                nextAscii = Math.Min(nextAscii, nextInGroup[g] >= p ? nextInGroup[g] : nextInGroup[g] = Next(text, p, groups[g]));
            }

            nextOther = nextOther >= p ? nextOther : Next(text, p, _otherStarts);
            p = Math.Min(nextAscii, nextOther);
            if (p >= text.Length)
            {
                break;
            }

            var cls = classes[text[p]] & ~LetterOrDigit;
            var atStart = p == 0 || (classes[text[p - 1]] & LetterOrDigit) == 0;
            var node = atStart ? _firstAtWordStart[cls] : _firstInsideWord[cls];
            if (node == 0)
            {
                continue;
            }

            for (var q = p + 1; ; q++)
            {
                Mark(atStart ? _anchoredEnds[node] : null, found);
                Mark(_anywhereEnds[node], found);
                if (q == text.Length || (node = Child(node, text[q])) == 0 || (!atStart && !_anywhereBelow[node]))
                {
                    break;
                }
            }

            if ((found[stopWord] & stopBit) != 0)
            {
                return p + 1;
            }
        }

        foreach (var (list, word) in _outside)
        {
            if ((found[list >> 6] & (1UL << list)) == 0 && Text.Occurs(text, word))
            {
                found[list >> 6] |= 1UL << list;
            }
        }

        return text.Length + 1;
    }

    private static int Next(ReadOnlySpan<char> text, int from, SearchValues<string> words) =>
        text[from..].IndexOfAny(words) is var at and >= 0 ? from + at : int.MaxValue;

    private static int Next(ReadOnlySpan<char> text, int from, SearchValues<char>? characters) =>
        characters is null ? int.MaxValue : text[from..].IndexOfAny(characters) is var at and >= 0 ? from + at : int.MaxValue;

    private int Child(int node, char c)
    {
        var cls = _classes[c] & ~LetterOrDigit;
        if (cls != 0)
        {
            for (var i = _childStart[node]; i < _childStart[node + 1]; i++)
            {
                if (_childClass[i] == cls)
                {
                    return _childNode[i];
                }
            }
        }

        return 0;
    }

    private static void Mark(int[]? lists, Span<ulong> found)
    {
        if (lists is not null)
        {
            foreach (var list in lists)
            {
                found[list >> 6] |= 1UL << list;
            }
        }
    }

    private static char[] CreateFold()
    {
        var fold = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var upper = char.IsSurrogate(c) ? c : char.ToUpperInvariant(c);
            fold[i] = upper != c && new ReadOnlySpan<char>(in c).Equals(new ReadOnlySpan<char>(in upper), StringComparison.OrdinalIgnoreCase) ? upper : c;
        }

        // A character whose upper case itself has another upper case ignoring case (a title-case digraph) goes to the last.
        for (var i = 0; i <= char.MaxValue; i++)
        {
            fold[i] = fold[fold[i]];
        }

        return fold;
    }
}
