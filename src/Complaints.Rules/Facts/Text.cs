namespace Complaints.Rules.Facts;

/// <summary>Text helpers a pack's expressions may call, e.g. <c>Text.ContainsAny(complaint.Description, "court|lawsuit|法院")</c>.</summary>
public static class Text
{
    /// <summary>
    /// Whether <paramref name="text"/> contains any of the <c>|</c>-separated <paramref name="words"/>, ignoring case.
    /// A word that starts with a Latin letter or digit must start a word in the text ("late" finds "late" and
    /// "lately" but not "plate"; "charge" finds "charged"); other words (Chinese 收费) match anywhere.
    /// </summary>
    /// <param name="text">The text searched.</param>
    /// <param name="words">Words separated by <c>|</c>.</param>
    /// <returns><see langword="true"/> if one occurs.</returns>
    public static bool ContainsAny(string text, string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var range in words.AsSpan().Split('|'))
        {
            var word = words.AsSpan(range).Trim();
            if (!word.IsEmpty && Occurs(text, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word must start a word in the text: it starts with a Latin letter or digit.</summary>
    internal static bool IsAnchored(ReadOnlySpan<char> word) => char.IsAsciiLetterOrDigit(word[0]);

    /// <summary>Whether <paramref name="position"/> starts a word of <paramref name="text"/>: no letter or digit before it.</summary>
    internal static bool StartsWord(ReadOnlySpan<char> text, int position) => position == 0 || !char.IsLetterOrDigit(text[position - 1]);

    /// <summary>Whether <paramref name="word"/> (trimmed, not empty) occurs in <paramref name="text"/> as <see cref="ContainsAny"/> decides.</summary>
    internal static bool Occurs(ReadOnlySpan<char> text, ReadOnlySpan<char> word)
    {
        var anchored = IsAnchored(word);
        for (var start = 0; start <= text.Length - word.Length;)
        {
            var at = text[start..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            var position = start + at;
            if (!anchored || StartsWord(text, position))
            {
                return true;
            }

            start = position + 1;
        }

        return false;
    }

    /// <summary>Whether <paramref name="value"/> equals one of the <c>|</c>-separated <paramref name="options"/>, ignoring case.</summary>
    /// <param name="value">The value.</param>
    /// <param name="options">Options separated by <c>|</c>.</param>
    /// <returns><see langword="true"/> if it is one of them.</returns>
    public static bool IsOneOf(string value, string options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var range in options.AsSpan().Split('|'))
        {
            if (options.AsSpan(range).Trim().Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
