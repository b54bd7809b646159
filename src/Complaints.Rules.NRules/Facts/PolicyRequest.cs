using System.Globalization;
using Complaints.Policy;

namespace Complaints.Rules.NRules;

/// <summary>
/// The fact a C# rule matches for one decision: the case, the settings and what the decision point asks about (a
/// remedy, a person, a trigger). A rule's action states its outcome on the request (<c>r.RequireApproval("manager")</c>);
/// the policy reads the outcome once every rule has fired. One request is inserted per decision, in a session of its
/// own, so a rule matching <see cref="ApprovalRequest"/> never sees another decision's facts.
/// </summary>
/// <remarks>
/// A request prints (<see cref="ToString"/>) the case's id, state, kind, category, tier and claim, and what the point
/// asks about — never who complained: explanations show it as the facts a rule matched.
/// </remarks>
public abstract class PolicyRequest
{
    private readonly List<RuleContribution> _contributions = [];

    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="settings">The settings.</param>
    private protected PolicyRequest(Complaint complaint, PolicySettings settings)
    {
        Complaint = complaint ?? throw new ArgumentNullException(nameof(complaint));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The case as the workflow has it now.</summary>
    public Complaint Complaint { get; }

    /// <summary>The settings (numbers, limits, the role ladder) of the policy.</summary>
    public PolicySettings Settings { get; }

    /// <summary>The amount claimed at intake; 0 if none.</summary>
    public decimal ClaimAmount => Complaint.Intake.ClaimedAmount?.Amount ?? 0;

    /// <summary>The case's tier if classified, else <see langword="null"/>.</summary>
    public Severity? Tier => Complaint.Severity;

    /// <summary>Whether the intake carries <paramref name="flag"/>.</summary>
    /// <param name="flag">A flag, e.g. <see cref="ComplaintFlags.SafetyRisk"/>.</param>
    /// <returns><see langword="true"/> if flagged.</returns>
    public bool HasFlag(ComplaintFlags flag) => (Complaint.Intake.Flags & flag) == flag;

    /// <summary>An intake attribute's value, or <see langword="null"/> when absent or blank.</summary>
    /// <param name="name">The attribute, e.g. <c>licence-plate</c>.</param>
    /// <returns>The value.</returns>
    public string? Attribute(string name) =>
        Complaint.Intake.Attributes is { } attributes && attributes.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The rule whose action runs now (set by the policy before each firing).</summary>
    internal string FiringRule { get; set; } = "(outside a rule)";

    /// <summary>What each rule's action stated, in firing order.</summary>
    internal IReadOnlyList<RuleContribution> Contributions => _contributions;

    /// <summary>Records that the firing rule stated <paramref name="what"/>, for the explanation.</summary>
    /// <param name="what">The outcome in words, without the complainant's identity.</param>
    private protected void Stated(string what) => _contributions.Add(new RuleContribution(FiringRule, what));

    /// <summary>What this request asks about, for <see cref="ToString"/>; empty for the case alone.</summary>
    /// <returns>The words.</returns>
    private protected virtual string About() => "";

    /// <summary>The request in a few words: the case (id, state, kind, category, tier, claim) and what the point asks about — never who complained.</summary>
    /// <returns>For example <c>ApprovalRequest(case 0190… Assigned, complaint, billing/General, claim 1200 CNY; remedy Refund 1200 CNY)</c>.</returns>
    public override string ToString()
    {
        var c = Complaint;
        var about = About();
        return string.Create(CultureInfo.InvariantCulture,
            $"{GetType().Name}(case {c.Id} {c.State}, {c.Intake.Kind}, {c.Category ?? c.Intake.Category ?? "uncategorised"}/{(c.Severity?.ToString() ?? "unclassified")}{(c.Intake.ClaimedAmount is { } claim ? $", claim {claim}" : "")}{(c.Intake.Flags == ComplaintFlags.None ? "" : $", flags {c.Intake.Flags}")}{(about.Length == 0 ? "" : "; " + about)})");
    }

    /// <summary>A person in a few words: id, roles and department (a member of staff, never the complainant's name).</summary>
    private protected static string Describe(Actor person) =>
        $"{person.Id} [{string.Join(", ", person.Roles)}]{(person.Department is { } d ? " in " + d : "")}";
}

/// <summary>One thing a rule's action stated.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="What">What it stated.</param>
internal sealed record RuleContribution(string Rule, string What);
