using System.Text.Json.Serialization;

namespace Complaints.Policy;

/// <summary>Why a decision came out as it did: the policy and version, and each rule with what it saw.</summary>
/// <param name="Policy">The pack (id and version) that decided.</param>
/// <param name="Rules">The rules considered, in order, with whether they matched.</param>
public sealed record PolicyExplanation(PolicyRef Policy, IReadOnlyList<RuleTrace> Rules)
{
    /// <summary>The names of the rules that matched.</summary>
    [JsonIgnore]
    public IEnumerable<string> MatchedRules => Rules.Where(r => r.Matched).Select(r => r.Rule);
}

/// <summary>One rule's part in a decision.</summary>
/// <param name="Rule">The rule's name in the pack.</param>
/// <param name="Matched">Whether its condition held.</param>
/// <param name="Detail">The values it saw or what it contributed, for a person to read.</param>
public sealed record RuleTrace(string Rule, bool Matched, string? Detail = null);

/// <summary>Base of every typed decision: each carries its explanation.</summary>
/// <param name="Explanation">The rules that produced it and the pack version.</param>
public abstract record PolicyDecision(PolicyExplanation Explanation);
