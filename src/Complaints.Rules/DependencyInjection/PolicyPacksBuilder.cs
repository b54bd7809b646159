using System.Diagnostics.CodeAnalysis;
using Complaints;
using Complaints.Policy;
using Complaints.Rules;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// The packs of a deployment that runs several, and how each new case chooses one:
/// <c>services.AddComplaints().UsePacks(p => p.Add("hospital").Add("food-service").WhenAttribute("unit", "canteen", "food-service"))</c>.
/// The first rule that matches a new case's intake chooses its pack; a case no rule matches is opened under the
/// <see cref="Default"/> pack.
/// </summary>
public sealed class PolicyPacksBuilder
{
    private readonly List<Func<PolicyPack>> _packs = [];
    private readonly PolicySelector _rules = new();
    private bool _hasRules;
    private Func<IServiceProvider, IPolicySelector>? _selector;
    private string? _default;

    internal PolicyPacksBuilder()
    {
    }

    /// <summary>Adds a built-in pack (<c>generic</c>, <c>hospital</c>, <c>tobacco-retail</c>, <c>auto-dealership</c>, <c>food-service</c>), optionally with an override folder.</summary>
    /// <param name="id">The pack id.</param>
    /// <param name="overrideFolder">A folder with a partial <c>pack.json</c> and/or replacement decision files.</param>
    /// <returns>This builder.</returns>
    public PolicyPacksBuilder Add(string id, string? overrideFolder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _packs.Add(() => PolicyPacks.LoadBuiltIn(id, overrideFolder));
        return this;
    }

    /// <summary>Adds the pack in <paramref name="folder"/>; its id is the one its <c>pack.json</c> gives.</summary>
    /// <param name="folder">A folder holding <c>pack.json</c> and one file per decision point.</param>
    /// <param name="overrideFolder">A folder with a partial <c>pack.json</c> and/or replacement decision files.</param>
    /// <returns>This builder.</returns>
    public PolicyPacksBuilder AddFolder(string folder, string? overrideFolder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _packs.Add(() => PolicyPacks.LoadFolder(folder, overrideFolder));
        return this;
    }

    /// <summary>The pack of the cases no rule chooses one for; by default the first added.</summary>
    /// <param name="id">The id of an added pack.</param>
    /// <returns>This builder.</returns>
    public PolicyPacksBuilder Default(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _default = id;
        return this;
    }

    /// <inheritdoc cref="PolicySelector.WhenKind"/>
    public PolicyPacksBuilder WhenKind(ComplaintKind kind, string pack) => Rule(r => r.WhenKind(kind, pack));

    /// <inheritdoc cref="PolicySelector.WhenChannel"/>
    public PolicyPacksBuilder WhenChannel(Channel channel, string pack) => Rule(r => r.WhenChannel(channel, pack));

    /// <inheritdoc cref="PolicySelector.WhenDepartment"/>
    public PolicyPacksBuilder WhenDepartment(DepartmentId department, string pack) => Rule(r => r.WhenDepartment(department, pack));

    /// <inheritdoc cref="PolicySelector.WhenAttribute"/>
    public PolicyPacksBuilder WhenAttribute(string name, string value, string pack) => Rule(r => r.WhenAttribute(name, value, pack));

    /// <inheritdoc cref="PolicySelector.When(Func{ComplaintIntake, bool}, string)"/>
    public PolicyPacksBuilder When(Func<ComplaintIntake, bool> predicate, string pack) => Rule(r => r.When(predicate, pack));

    /// <inheritdoc cref="PolicySelector.When(Func{ComplaintIntake, Actor, bool}, string)"/>
    public PolicyPacksBuilder When(Func<ComplaintIntake, Actor, bool> predicate, string pack) => Rule(r => r.When(predicate, pack));

    /// <inheritdoc cref="PolicySelector.ReadsAttribute"/>
    public PolicyPacksBuilder ReadsAttribute(string name) => Rule(r => r.ReadsAttribute(name));

    /// <summary>Chooses each new case's pack with <paramref name="selector"/> instead of <c>When…</c> rules.</summary>
    /// <param name="selector">The selector.</param>
    /// <returns>This builder.</returns>
    public PolicyPacksBuilder SelectWith(IPolicySelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        _selector = _ => selector;
        return this;
    }

    /// <summary>Chooses each new case's pack with a <typeparamref name="TSelector"/> the container makes (or resolves, if registered), instead of <c>When…</c> rules.</summary>
    /// <typeparam name="TSelector">The selector type.</typeparam>
    /// <returns>This builder.</returns>
    public PolicyPacksBuilder SelectWith<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSelector>()
        where TSelector : class, IPolicySelector
    {
        _selector = static sp => ActivatorUtilities.GetServiceOrCreateInstance<TSelector>(sp);
        return this;
    }

    private PolicyPacksBuilder Rule(Action<PolicySelector> add)
    {
        add(_rules);
        _hasRules = true;
        return this;
    }

    /// <summary>The registration: the packs, loaded in order with the default last, and the selector.</summary>
    internal (PackRegistration Packs, Func<IServiceProvider, IPolicySelector>? Selector) Build()
    {
        if (_packs.Count == 0)
        {
            throw new InvalidOperationException("UsePacks adds no pack; add at least one with Add(\"hospital\") or AddFolder(folder).");
        }

        if (_hasRules && _selector is not null)
        {
            throw new InvalidOperationException("UsePacks has both When… rules and SelectWith; choose packs with one or the other.");
        }

        var loaders = _packs.ToArray();
        var defaultId = _default;
        var packs = new PackRegistration(() => Load(loaders, defaultId));
        var rules = _rules;
        return (packs, _selector ?? (_hasRules ? _ => rules : null));
    }

    private static PolicyPack[] Load(Func<PolicyPack>[] loaders, string? defaultId)
    {
        var loaded = Array.ConvertAll(loaders, load => load());
        var ids = loaded.Select(p => p.Identity.Id).ToArray();
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"UsePacks adds pack '{twice.Key}' twice; a deployment runs one version of each pack for new cases.");
        }

        defaultId ??= ids[0];
        var index = Array.IndexOf(ids, defaultId);
        if (index < 0)
        {
            var near = NearestName.Of(defaultId, ids) is { } n ? $" Did you mean '{n}'?" : "";
            throw new InvalidOperationException($"UsePacks names '{defaultId}' as the default pack, but it is not among the packs added ({string.Join(", ", ids)}).{near}");
        }

        // The default goes last: the catalog's current policy, for the cases no rule chooses a pack for.
        return [.. loaded.Where((_, i) => i != index), loaded[index]];
    }
}
