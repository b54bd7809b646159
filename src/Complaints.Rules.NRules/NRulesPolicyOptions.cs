using System.Reflection;
using Complaints.Policy;

namespace Complaints.Rules.NRules;

/// <summary>
/// What an <see cref="NRulesPolicy"/> is built from: the C# rules (from assemblies, or chosen rule types), the
/// identity recorded on cases and decisions, and the settings the rules read.
/// </summary>
public sealed class NRulesPolicyOptions
{
    private readonly List<Assembly> _assemblies = [];
    private readonly List<Type> _types = [];

    /// <summary>The id and version recorded on every case opened under the policy and on every decision (alone; layered over a pack, see <see cref="NRulesPolicy.Over"/>).</summary>
    /// <value>The default value is <c>nrules@0.0.0</c>; give your rule set's own.</value>
    public PolicyRef Identity { get; set; } = new("nrules", "0.0.0");

    /// <summary>
    /// The numbers, limits, role ladder and defaults the rules read; <see langword="null"/> (the default) for
    /// <see cref="PolicySettings.Empty"/> alone, or the pack's (<see cref="PolicySettings.From"/>) when layered over a pack.
    /// </summary>
    public PolicySettings? Settings { get; set; }

    /// <summary>The business calendar of the policy's deadlines, alone; <see langword="null"/> for the workflow's default (layered, the pack's).</summary>
    public string? CalendarName { get; set; }

    /// <summary>The culture its cases' notifications are written in when the intake names none (e.g. <c>zh-CN</c>), alone; <see langword="null"/> for the host's default (layered, the pack's).</summary>
    public string? Culture { get; set; }

    /// <summary>The intake attributes the policy relies on, alone; <see langword="null"/> accepts any (layered, the pack's).</summary>
    public IntakeSchema? IntakeSchema { get; set; }

    /// <summary>How the lifecycle varies under the policy, alone (layered, the pack's).</summary>
    /// <value>The default value is <see cref="LifecycleSettings.Default"/>.</value>
    public LifecycleSettings Lifecycle { get; set; } = LifecycleSettings.Default;

    /// <summary>When corrective actions are required and their terms under the policy, alone (layered, the pack's <c>improvement</c> section).</summary>
    /// <value>The default value is <see cref="Complaints.Improvement.CorrectiveActionSettings.Default"/>.</value>
    public Complaints.Improvement.CorrectiveActionSettings CorrectiveActions { get; set; } = Complaints.Improvement.CorrectiveActionSettings.Default;

    /// <summary>Adds every public, top-level rule class (derived from NRules' <c>Rule</c>) of <paramref name="assemblies"/>, found by NRules' <c>RuleRepository</c>.</summary>
    /// <param name="assemblies">The assemblies, e.g. <c>typeof(MyRule).Assembly</c>.</param>
    /// <returns>These options.</returns>
    public NRulesPolicyOptions RulesFrom(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        _assemblies.AddRange(assemblies.Select(a => a ?? throw new ArgumentException("An assembly is null.", nameof(assemblies))));
        return this;
    }

    /// <summary>Adds the given rule classes only, public or not, nested or not: to test one rule in isolation, or to choose a few.</summary>
    /// <param name="ruleTypes">The rule classes.</param>
    /// <returns>These options.</returns>
    public NRulesPolicyOptions Rules(params Type[] ruleTypes)
    {
        ArgumentNullException.ThrowIfNull(ruleTypes);
        _types.AddRange(ruleTypes.Select(t => t ?? throw new ArgumentException("A rule type is null.", nameof(ruleTypes))));
        return this;
    }

    internal IReadOnlyList<Assembly> Assemblies => _assemblies;

    internal IReadOnlyList<Type> Types => _types;
}
