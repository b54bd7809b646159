namespace Complaints.Rules;

/// <summary>The packs chosen with <c>UsePack</c>/<c>UsePackFolder</c>/<c>UsePacks</c>, loaded once, when first needed.</summary>
/// <param name="load">Loads the packs, the default last.</param>
internal sealed class PackRegistration(Func<IReadOnlyList<PolicyPack>> load)
{
    private readonly Lazy<IReadOnlyList<PolicyPack>> _packs = new(load);

    /// <summary>One pack.</summary>
    /// <param name="load">Loads it.</param>
    public PackRegistration(Func<PolicyPack> load)
        : this(() => [load()])
    {
    }

    /// <summary>The packs, the default last; loading them throws <see cref="PolicyPackException"/> (or an I/O error) if one cannot be loaded, each time they are asked for.</summary>
    public IReadOnlyList<PolicyPack> Packs => _packs.Value;
}
