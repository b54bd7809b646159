using System.Collections.Frozen;
using Complaints.Policy;

namespace Complaints.Rules.NRules;

/// <summary>
/// The numbers, roles and defaults C# rules read (a threshold, the handler's goodwill limit, the role ladder): given
/// by the host with <see cref="NRulesPolicyOptions.Settings"/>, or taken from the pack a rule set is layered over
/// (<see cref="From(PolicyPack)"/>). Every request fact carries it as <see cref="PolicyRequest.Settings"/>.
/// </summary>
public sealed class PolicySettings
{
    private readonly FrozenDictionary<string, decimal> _numbers = FrozenDictionary<string, decimal>.Empty;
    private readonly FrozenDictionary<string, decimal> _limits = FrozenDictionary<string, decimal>.Empty;
    private readonly FrozenDictionary<string, int> _rank = FrozenDictionary<string, int>.Empty;
    private readonly IReadOnlyList<string> _ladder = [];

    /// <summary>Settings with no numbers, no roles, currency CNY and the workflow's defaults.</summary>
    public static PolicySettings Empty { get; } = new();

    /// <summary>The currency amounts are stated in (ISO 4217).</summary>
    /// <value>The default value is <c>CNY</c>.</value>
    public string Currency { get; init; } = "CNY";

    /// <summary>Named numbers (<c>seriousLoss</c> → 5000), read by rules with <see cref="Setting"/>; names are case-insensitive.</summary>
    public IReadOnlyDictionary<string, decimal> Numbers
    {
        get => _numbers;
        init => _numbers = (value ?? throw new ArgumentNullException(nameof(value))).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The approval limit of each role that has one (<c>handler</c> → 200), read by rules with <see cref="Limit"/>; names are case-insensitive.</summary>
    public IReadOnlyDictionary<string, decimal> ApprovalLimits
    {
        get => _limits;
        init => _limits = (value ?? throw new ArgumentNullException(nameof(value))).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The roles from the lowest to the highest (<c>staff</c>, <c>handler</c>, <c>manager</c>, <c>general-manager</c>):
    /// approval steps are ordered by it, roles not on it last.
    /// </summary>
    public IReadOnlyList<string> Ladder
    {
        get => _ladder;
        init
        {
            _ladder = (value ?? throw new ArgumentNullException(nameof(value))).ToArray();
            _rank = _ladder.Select((role, i) => (role, i)).DistinctBy(x => x.role, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(x => x.role, x => x.i, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>The category of a complaint no rule and no receiver categorised.</summary>
    /// <value>The default value is <c>general</c>.</value>
    public string DefaultCategory { get; init; } = "general";

    /// <summary>The tier of a complaint no rule gave one.</summary>
    /// <value>The default value is <see cref="Severity.General"/>.</value>
    public Severity DefaultTier { get; init; } = Severity.General;

    /// <summary>The department of a complaint no rule routed.</summary>
    /// <value>The default value is <c>customer-service</c>.</value>
    public string DefaultDepartment { get; init; } = "customer-service";

    /// <summary>The handling role of a complaint no rule routed.</summary>
    /// <value>The default value is <c>handler</c>.</value>
    public string DefaultHandlerRole { get; init; } = "handler";

    /// <summary>A named number.</summary>
    /// <param name="name">Its name, e.g. <c>seriousLoss</c>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="KeyNotFoundException">There is no such setting; the message names it and the settings there are.</exception>
    public decimal Setting(string name) =>
        _numbers.TryGetValue(name, out var value) ? value
        : throw new KeyNotFoundException($"There is no setting '{name}' (settings: {string.Join(", ", _numbers.Keys.Order(StringComparer.Ordinal))}); add it to PolicySettings.Numbers.");

    /// <summary>A role's approval limit.</summary>
    /// <param name="role">The role, e.g. <c>handler</c>.</param>
    /// <returns>The limit, in <see cref="Currency"/>.</returns>
    /// <exception cref="KeyNotFoundException">The role has no limit; the message names it.</exception>
    public decimal Limit(string role) =>
        _limits.TryGetValue(role, out var value) ? value
        : throw new KeyNotFoundException($"Role '{role}' has no approval limit (roles with one: {string.Join(", ", _limits.Keys.Order(StringComparer.Ordinal))}); add it to PolicySettings.ApprovalLimits.");

    /// <summary>A role's place on <see cref="Ladder"/> (0 the lowest); <see cref="int.MaxValue"/> for a role not on it.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The rank.</returns>
    public int Rank(string role) => role is not null && _rank.TryGetValue(role, out var rank) ? rank : int.MaxValue;

    /// <summary>The settings of a policy pack: its currency, <c>settings</c>, role ladder and approval limits, and its defaults.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The settings.</returns>
    public static PolicySettings From(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var m = pack.Manifest;
        return new PolicySettings
        {
            Currency = m.Currency,
            Numbers = m.Settings,
            ApprovalLimits = m.Roles.Where(r => r.ApprovalLimit is not null).ToDictionary(r => r.Id, r => r.ApprovalLimit!.Value, StringComparer.OrdinalIgnoreCase),
            Ladder = m.Roles.Select(r => r.Id).ToArray(),
            DefaultCategory = m.DefaultCategory,
            DefaultTier = Enum.TryParse<Severity>(m.DefaultTier, ignoreCase: true, out var tier) ? tier : Severity.General,
            DefaultDepartment = m.DefaultDepartment,
            DefaultHandlerRole = m.DefaultHandlerRole,
        };
    }
}
