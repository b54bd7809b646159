using Complaints.Policy;

namespace Complaints.Benchmarks.Floors;

/// <summary>A pack's intake decisions (admissibility, severity, routing, deadlines) written by hand: the floor a pack is measured against.</summary>
public interface IIntakeFloor
{
    /// <summary>The policy the pack's decisions are recorded under.</summary>
    PolicyRef Identity { get; }

    /// <summary>Is the complaint ours to handle?</summary>
    /// <param name="complaint">The case as received.</param>
    /// <returns>The decision.</returns>
    AdmissibilityDecision DecideAdmissibility(Complaint complaint);

    /// <summary>The category and the tier.</summary>
    /// <param name="complaint">The case as received.</param>
    /// <returns>The decision.</returns>
    SeverityDecision Classify(Complaint complaint);

    /// <summary>The responsible department and role.</summary>
    /// <param name="complaint">The case with its category and tier set.</param>
    /// <returns>The decision.</returns>
    RoutingDecision Route(Complaint complaint);

    /// <summary>The deadlines.</summary>
    /// <param name="complaint">The case with category, tier and department set.</param>
    /// <returns>The decision.</returns>
    DeadlineDecision SetDeadlines(Complaint complaint);
}

/// <summary>The hand-written floor of each built-in pack.</summary>
public static class IntakeFloors
{
    /// <summary>The floor of built-in pack <paramref name="pack"/>.</summary>
    /// <param name="pack">The pack's id: generic, auto-dealership, food-service, hospital or tobacco-retail.</param>
    /// <returns>A new floor.</returns>
    /// <exception cref="ArgumentException">No floor is written for the pack.</exception>
    public static IIntakeFloor For(string pack) => pack switch
    {
        "generic" => new HandWrittenGenericPolicy(),
        "auto-dealership" => new HandWrittenAutoDealershipPolicy(),
        "food-service" => new HandWrittenFoodServicePolicy(),
        "hospital" => new HandWrittenHospitalPolicy(),
        "tobacco-retail" => new HandWrittenTobaccoRetailPolicy(),
        _ => throw new ArgumentException($"No hand-written floor for pack '{pack}'; write one in benchmarks/Complaints.Benchmarks/Floors.", nameof(pack)),
    };
}

/// <summary>A rule's name and its two traces, built once: a hand-written explanation only says which rules held.</summary>
internal sealed class FloorRule(string name)
{
    private readonly RuleTrace _matched = new(name, true);
    private readonly RuleTrace _notMatched = new(name, false);

    public string Name { get; } = name;

    public RuleTrace Trace(bool matched) => matched ? _matched : _notMatched;
}

/// <summary>What every floor reads the same way a pack's expressions do.</summary>
internal static class Floor
{
    /// <summary>
    /// Whether the text contains one of the words, ignoring case (one <c>IndexOf</c> per word): a Latin word must start a
    /// word of the text ("late" is not in "plate"); other words match anywhere. The floors' other words are Chinese,
    /// which has no case, so they are searched for ordinally (the same result, and much faster).
    /// </summary>
    public static bool ContainsAny(string text, params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            var comparison = char.IsAscii(word[0]) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
            {
                if (!char.IsAsciiLetterOrDigit(word[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The attribute's value, or "" (what <c>complaint.Attribute("name")</c> reads).</summary>
    public static string Attribute(Complaint complaint, string name) =>
        complaint.Intake.Attributes is { } attributes && attributes.TryGetValue(name, out var value) ? value : "";

    /// <summary>Whether the attribute has a value (what <c>complaint.HasAttribute("name")</c> reads).</summary>
    public static bool HasAttribute(Complaint complaint, string name) => Attribute(complaint, name).Length > 0;

    /// <summary>The category the rules compare with (<c>complaint.Category</c>): the decided one, else the intake's, else "".</summary>
    public static string Category(Complaint complaint) => complaint.Category ?? complaint.Intake.Category ?? "";

    /// <summary>The higher of the tier so far and <paramref name="tier"/>.</summary>
    public static Severity Max(Severity? current, Severity tier) => current is { } c && c > tier ? c : tier;

    /// <summary>A tier rule: when it matched, the tier rises to <paramref name="to"/> (the highest matched wins) and its reason is added.</summary>
    public static void Raise(ref Severity? tier, List<string> reasons, bool matched, Severity to, string reason)
    {
        if (matched)
        {
            tier = Max(tier, to);
            reasons.Add(reason);
        }
    }

    /// <summary>The category a severity decision ends with: the rules', else the intake's (if not blank), else the pack's default.</summary>
    public static string FinalCategory(string? category, Complaint complaint, string defaultCategory) =>
        category ?? (string.IsNullOrWhiteSpace(complaint.Intake.Category) ? defaultCategory : complaint.Intake.Category);

    /// <summary>The reasons of a severity decision: those found, or the pack's default tier's one reason.</summary>
    public static List<string> NoTierReasons(List<string> reasons, Severity? tier, Severity defaultTier)
    {
        if (tier is null)
        {
            reasons.Add($"no severity rule matched: the pack's default tier {defaultTier}");
        }

        return reasons;
    }
}
