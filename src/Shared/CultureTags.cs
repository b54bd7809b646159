namespace Complaints;

/// <summary>
/// The one check of a culture tag's shape (an intake's, a notice template's, a pack's, an NRules configuration's),
/// compiled into Complaints.Workflow and Complaints.Rules from this one file (Complaints.Rules.NRules uses
/// Complaints.Rules' copy); internal, not an API.
/// </summary>
internal static class CultureTags
{
    /// <summary>A BCP 47-shaped tag: letters, digits and hyphens, at most 35 characters, no empty subtag.</summary>
    /// <param name="tag">The tag, e.g. <c>zh-CN</c>.</param>
    /// <returns>Whether it has that shape (whether the culture exists is not asked).</returns>
    public static bool IsValid(string tag) =>
        tag.Length is > 0 and <= 35 && tag[0] != '-' && tag[^1] != '-' && !tag.Contains("--", StringComparison.Ordinal)
        && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
