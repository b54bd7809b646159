using System.Globalization;
using System.Text;
using Complaints.Policy;

namespace Complaints.Testing;

/// <summary>Renders a <see cref="PolicyExplanation"/> for failure messages: the pack, the matched rules with what they saw, and any rule that failed.</summary>
internal static class Explanations
{
    private const string ErrorPrefix = "error:";

    public static bool IsError(string? detail) => detail is not null && detail.StartsWith(ErrorPrefix, StringComparison.Ordinal);

    public static string Of(PolicyExplanation? explanation)
    {
        if (explanation is null)
        {
            return "The decision has no explanation.";
        }

        var text = new StringBuilder();
        var rules = explanation.Rules ?? [];
        var matched = rules.Where(r => r.Matched).ToArray();
        text.Append(CultureInfo.InvariantCulture, $"Decided by {explanation.Policy}; ");
        if (matched.Length == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"no rule matched of {rules.Count} considered.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"matched rules ({matched.Length} of {rules.Count}):");
            foreach (var rule in matched)
            {
                text.AppendLine().Append("  - ").Append(rule.Rule);
                if (!string.IsNullOrEmpty(rule.Detail))
                {
                    text.Append(": ").Append(rule.Detail);
                }
            }
        }

        foreach (var failed in rules.Where(r => IsError(r.Detail)))
        {
            text.AppendLine().Append("  ! ").Append(failed.Rule).Append(" failed with an ").Append(failed.Detail);
        }

        return text.ToString();
    }
}
