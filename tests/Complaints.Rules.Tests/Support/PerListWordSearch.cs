using System.Buffers;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Tests.Support;

/// <summary>
/// The search a constant word list was compiled to before <see cref="WordIndex"/> (kept here as the oracle the one-pass
/// search is compared with): <see cref="Text.ContainsAny"/> for one constant word list, prepared once at load: the words are split,
/// trimmed and handed to a <see cref="SearchValues{T}"/> searcher (ordinal, ignoring case, as
/// <see cref="string.IndexOf(string, StringComparison)"/> with <see cref="StringComparison.OrdinalIgnoreCase"/>),
/// so a search walks the text once for all the words instead of once per word. Same result as
/// <see cref="Text.ContainsAny"/> for every text: a word that starts with a Latin letter or digit must start a
/// word in the text, any other word may occur anywhere.
/// </summary>
internal sealed class PerListWordSearch
{
    private readonly SearchValues<string>? _anchored;
    private readonly SearchValues<string>? _anywhere;
    private readonly SearchValues<string>? _anywhereCaseless;

    /// <summary>Prepares the search for a <c>|</c>-separated word list.</summary>
    /// <param name="words">The words, as <see cref="Text.ContainsAny"/> takes them.</param>
    public PerListWordSearch(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var anchored = new List<string>();
        var anywhere = new List<string>();
        var anywhereCaseless = new List<string>();
        foreach (var range in words.AsSpan().Split('|'))
        {
            var word = words.AsSpan(range).Trim();
            if (!word.IsEmpty)
            {
                (Text.IsAnchored(word) ? anchored : IsCaseless(word) ? anywhereCaseless : anywhere).Add(word.ToString());
            }
        }

        _anchored = Searcher(anchored, StringComparison.OrdinalIgnoreCase);
        _anywhere = Searcher(anywhere, StringComparison.OrdinalIgnoreCase);
        _anywhereCaseless = Searcher(anywhereCaseless, StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="text"/> contains any of the words, as <see cref="Text.ContainsAny"/> decides.</summary>
    /// <param name="text">The text searched.</param>
    /// <returns><see langword="true"/> if one occurs.</returns>
    public bool FoundIn(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var span = text.AsSpan();
        if ((_anywhereCaseless is not null && span.ContainsAny(_anywhereCaseless)) || (_anywhere is not null && span.ContainsAny(_anywhere)))
        {
            return true;
        }

        if (_anchored is null)
        {
            return false;
        }

        // Visits every position where some anchored word occurs, in order. Whether a position starts a word does
        // not depend on which word occurs there, so this finds a word start if any word's occurrences have one.
        for (var start = 0; start < span.Length;)
        {
            var at = span[start..].IndexOfAny(_anchored);
            if (at < 0)
            {
                return false;
            }

            if (Text.StartsWord(span, start + at))
            {
                return true;
            }

            start += at + 1;
        }

        return false;
    }

    private static SearchValues<string>? Searcher(List<string> words, StringComparison comparison) =>
        words.Count > 0 ? SearchValues.Create(words.ToArray(), comparison) : null;

    /// <summary>
    /// Whether every character of <paramref name="word"/> is one Unicode gives no case mapping to or from (CJK
    /// ideographs, kana, Hangul syllables, CJK punctuation): such a word is found ignoring case exactly where it is
    /// found ordinally, and an ordinal search is much faster.
    /// </summary>
    internal static bool IsCaseless(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is not ((>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF')))
            {
                return false;
            }
        }

        return true;
    }
}
