using System.Globalization;
using System.Reflection;
using Complaints.Journal;
using Complaints.Policy;

namespace Complaints.Desk;

/// <summary>A decision recorded on a journal entry: which policy decision, the rules that matched with the values that fired them, and how many were checked.</summary>
public sealed record ShownDecision(string Name, IReadOnlyList<RuleTrace> Matched, int Checked);

/// <summary>
/// A journal entry as the case page shows it: what happened (the event's plain fields) and every decision with its
/// "why" (the explanation the policy recorded). The entry is the one the service returned for the reader, already
/// redacted; this only lays it out.
/// </summary>
public sealed record Explained(JournalEntry Entry, IReadOnlyList<(string Name, string Value)> Facts, IReadOnlyList<ShownDecision> Decisions)
{
    /// <summary>The event's name without its namespace (<c>ComplaintTriaged</c>).</summary>
    public string What => Entry.Event.GetType().Name;

    public static Explained Of(JournalEntry entry)
    {
        var facts = new List<(string, string)>();
        var decisions = new List<ShownDecision>();
        Walk(entry.Event, "", facts, decisions, depth: 0);
        return new Explained(entry, facts, decisions);
    }

    /// <summary>An item of a list the event carries, in a few words; <see langword="null"/> for one with no short form.</summary>
    private static string? Item(object item) => item switch
    {
        Actor a => a.Name,
        Deadline d => $"{d.Kind} {Format.Time(d.DueAt)}",
        string or Enum => item.ToString(),
        _ => null,
    };

    private static void Walk(object value, string prefix, List<(string, string)> facts, List<ShownDecision> decisions, int depth)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // The status key is the complainant's look-up secret's hash: nothing a member of staff needs to read.
            if (property.GetIndexParameters().Length > 0 || property.Name is "EqualityContract" or "StatusKey")
            {
                continue;
            }

            var name = prefix + property.Name;
            switch (property.GetValue(value))
            {
                case null or ComplaintIntake:
                    // The intake is shown at the top of the case page, once.
                    break;
                case PolicyDecision decision:
                    decisions.Add(new ShownDecision(name, [.. decision.Explanation.Rules.Where(r => r.Matched)], decision.Explanation.Rules.Count));
                    break;
                case PolicyExplanation explanation:
                    decisions.Add(new ShownDecision(prefix.TrimEnd('.') is { Length: > 0 } owner ? owner : name, [.. explanation.Rules.Where(r => r.Matched)], explanation.Rules.Count));
                    break;
                case Actor actor:
                    facts.Add((name, actor.Name));
                    break;
                case string or Enum or bool or int or long or decimal or Money or ActorId or DepartmentId or PolicyRef:
                    facts.Add((name, Convert.ToString(property.GetValue(value), CultureInfo.CurrentCulture)!));
                    break;
                case DateTimeOffset at:
                    facts.Add((name, Format.Time(at)));
                    break;
                case System.Collections.IEnumerable list when depth == 0:
                    var items = list.Cast<object>().Select(Item).OfType<string>().ToArray();
                    if (items.Length > 0)
                    {
                        facts.Add((name, string.Join("; ", items)));
                    }

                    break;
                case var nested when depth == 0 && nested.GetType().Namespace?.StartsWith("Complaints", StringComparison.Ordinal) == true:
                    Walk(nested, name + ".", facts, decisions, depth + 1);
                    break;
            }
        }
    }
}

/// <summary>How times are shown: in UTC, to the minute.</summary>
public static class Format
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
