namespace Complaints.Rules.Loading;

/// <summary>The nearest of some valid names to a misspelt one, for load errors that say what was probably meant.</summary>
internal static class Nearest
{
    /// <summary>The valid name nearest to <paramref name="name"/> (case-insensitive edit distance), or <see langword="null"/> when none is near.</summary>
    public static string? To(string name, IEnumerable<string> valid)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in valid)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Near: at most a third of the longer name differs (a typo, not another word).
        return best is not null && bestDistance * 3 <= Math.Max(name.Length, best.Length) ? best : null;
    }

    /// <summary><c>" (did you mean 'x'?)"</c> when a valid name is near, else <c>""</c>.</summary>
    public static string Hint(string name, IEnumerable<string> valid) => To(name, valid) is { } near ? $" (did you mean '{near}'?)" : "";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
