using System.Buffers;

namespace Complaints.Rules.Facts;

/// <summary>
/// <see cref="Text.ContainsAny"/> for one constant word list, prepared once at load: the words are split,
/// trimmed and handed to a <see cref="SearchValues{T}"/> searcher (ordinal, ignoring case, as
/// <see cref="string.IndexOf(string, StringComparison)"/> with <see cref="StringComparison.OrdinalIgnoreCase"/>),
/// so a search walks the text once for all the words instead of once per word. Same result as
/// <see cref="Text.ContainsAny"/> for every text: a word that starts with a Latin letter or digit must start a
/// word in the text, any other word may occur anywhere.
/// </summary>
internal sealed class WordSearch
{
    private readonly SearchValues<string>? _anchored;
    private readonly SearchValues<string>? _anywhere;

    /// <summary>Prepares the search for a <c>|</c>-separated word list.</summary>
    /// <param name="words">The words, as <see cref="Text.ContainsAny"/> takes them.</param>
    public WordSearch(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var anchored = new List<string>();
        var anywhere = new List<string>();
        foreach (var range in words.AsSpan().Split('|'))
        {
            var word = words.AsSpan(range).Trim();
            if (!word.IsEmpty)
            {
                (Text.IsAnchored(word) ? anchored : anywhere).Add(word.ToString());
            }
        }

        _anchored = anchored.Count > 0 ? SearchValues.Create(anchored.ToArray(), StringComparison.OrdinalIgnoreCase) : null;
        _anywhere = anywhere.Count > 0 ? SearchValues.Create(anywhere.ToArray(), StringComparison.OrdinalIgnoreCase) : null;
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
        if (_anywhere is not null && span.ContainsAny(_anywhere))
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
}
