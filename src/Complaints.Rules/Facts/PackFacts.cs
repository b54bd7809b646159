namespace Complaints.Rules.Facts;

/// <summary>
/// What a pack's expressions see of the pack itself, as <c>pack</c>: its approval limits and named settings,
/// so an integrator can change a number in <c>pack.json</c> without touching a rule.
/// </summary>
public sealed class PackFacts
{
    private readonly Dictionary<string, decimal> _limits;
    private readonly Dictionary<string, decimal> _settings;

    internal PackFacts(string id, string version, string currency, Dictionary<string, decimal> limits, Dictionary<string, decimal> settings)
    {
        Id = id;
        Version = version;
        Currency = currency;
        _limits = limits;
        _settings = settings;
    }

    /// <summary>The pack's id.</summary>
    public string Id { get; }

    /// <summary>The pack's version.</summary>
    public string Version { get; }

    /// <summary>The pack's currency (ISO 4217).</summary>
    public string Currency { get; }

    /// <summary>The most <paramref name="role"/> may approve alone, from the pack's roles.</summary>
    /// <param name="role">A role with an <c>approvalLimit</c> in <c>pack.json</c>.</param>
    /// <returns>The limit.</returns>
    /// <exception cref="KeyNotFoundException">The role has no limit (found when the pack is loaded).</exception>
    public decimal Limit(string role) =>
        _limits.TryGetValue(role, out var limit) ? limit : throw new KeyNotFoundException($"Role '{role}' has no approvalLimit in pack {Id}.");

    /// <summary>A named number from the pack's <c>settings</c>.</summary>
    /// <param name="name">The setting's name.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="KeyNotFoundException">No such setting (found when the pack is loaded).</exception>
    public decimal Setting(string name) =>
        _settings.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"Pack {Id} has no setting '{name}'.");
}
