namespace Complaints.Rules;

/// <summary>The pack chosen with <c>UsePack</c>/<c>UsePackFolder</c>, loaded once, when first needed.</summary>
/// <param name="load">Loads the pack.</param>
internal sealed class PackRegistration(Func<PolicyPack> load)
{
    private readonly Lazy<PolicyPack> _pack = new(load);

    /// <summary>The pack; loading it throws <see cref="PolicyPackException"/> (or an I/O error) if it cannot be loaded, each time it is asked for.</summary>
    public PolicyPack Pack => _pack.Value;
}
