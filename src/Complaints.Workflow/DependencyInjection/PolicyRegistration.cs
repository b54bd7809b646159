using Complaints.Policy;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// The policies chosen with <c>UsePolicy</c>/<c>UsePolicies</c> (and the packs of Complaints.Rules), made once, when
/// first needed: by the options validation at host start, which reports what cannot be made; then by the catalog.
/// </summary>
internal sealed class PolicyRegistration
{
    private readonly Lazy<IReadOnlyList<IComplaintPolicy>> _policies;
    private readonly Lazy<IPolicySelector?> _selector;

    public PolicyRegistration(Func<IEnumerable<IComplaintPolicy>> policies, Func<IPolicySelector?>? selector)
    {
        _policies = new(() =>
        {
            var made = policies()?.ToArray() ?? throw new InvalidOperationException("The complaint policy factory returned null.");
            if (made.Length == 0)
            {
                throw new InvalidOperationException("The complaint policy factory returned no policy; give at least one.");
            }

            if (Array.IndexOf(made, null) >= 0)
            {
                throw new InvalidOperationException("The complaint policy factory given to UsePolicy returned null.");
            }

            return made;
        });
        _selector = new(() => selector?.Invoke());
    }

    /// <summary>The policies, the default last; throws (each time asked) what making them threw.</summary>
    public IReadOnlyList<IComplaintPolicy> Policies => _policies.Value;

    /// <summary>The selector, or <see langword="null"/>.</summary>
    public IPolicySelector? Selector => _selector.Value;
}
