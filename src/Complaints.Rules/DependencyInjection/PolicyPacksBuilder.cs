using System.Diagnostics.CodeAnalysis;
using Complaints;
using Complaints.Policy;
using Complaints.Rules;
using Microsoft.Extensions.FileProviders;

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
    private readonly List<Func<IServiceProvider, PolicyPack>> _packs = [];
    private readonly PolicySelector _rules = new();
    private bool _hasRules;
    private Func<IServiceProvider, IPolicySelector>? _selector;
    private string? _default;

    internal PolicyPacksBuilder()
    {
    }

    /// <summary>Adds a built-in pack (<c>generic</c>, <c>hospital</c>, <c>tobacco-retail</c>, <c>auto-dealership</c>, <c>food-service</c>), optionally with an override folder.</summary>
    /// <param name="id">The pack id.</param>
    /// <param name="overrideFolder">A folder with a partial <c>pack.json</c> and/or replacement decision files, as for <c>UsePack</c>: on disk (relative to the content root), or in <paramref name="overrideFiles"/>.</param>
    /// <param name="overrideFiles">The file provider the override folder is read from; <see langword="null"/> for the disk.</param>
    /// <returns>This builder.</returns>
    public PolicyPacksBuilder Add(string id, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _packs.Add(sp => PolicyPacks.LoadBuiltIn(id, PackRegistration.Overrides(overrideFolder, overrideFiles, sp), overrideFiles));
        return this;
    }

    /// <summary>Adds the pack in <paramref name="folder"/> (relative to the host's content root when it has one); its id is the one its <c>pack.json</c> gives.</summary>
    /// <param name="folder">A folder holding <c>pack.json</c> and one file per decision point.</param>
    /// <param name="overrideFolder">An override folder, as for <see cref="Add"/>.</param>
    /// <param name="overrideFiles">The file provider the override folder is read from, as for <see cref="Add"/>.</param>
    /// <returns>This builder.</returns>
    public PolicyPacksBuilder AddFolder(string folder, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _packs.Add(sp => PolicyPacks.LoadFolder(PackRegistration.AgainstContentRoot(folder, sp), PackRegistration.Overrides(overrideFolder, overrideFiles, sp), overrideFiles));
        return this;
    }

    /// <summary>Adds the pack in the directory <paramref name="folder"/> of <paramref name="files"/> (<see cref="PolicyPacks.LoadFiles"/>); its id is the one its <c>pack.json</c> gives.</summary>
    /// <param name="files">The file provider, e.g. <c>new ManifestEmbeddedFileProvider(typeof(Program).Assembly)</c>.</param>
    /// <param name="folder">The pack's directory in <paramref name="files"/>; empty for the provider's root.</param>
    /// <param name="overrideFolder">An override folder, as for <see cref="Add"/>.</param>
    /// <param name="overrideFiles">The file provider the override folder is read from, as for <see cref="Add"/>.</param>
    /// <returns>This builder.</returns>
    public PolicyPacksBuilder AddFiles(IFileProvider files, string folder, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(folder);
        _packs.Add(sp => PolicyPacks.LoadFiles(files, folder, PackRegistration.Overrides(overrideFolder, overrideFiles, sp), overrideFiles));
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
            throw new InvalidOperationException("UsePacks adds no pack; add at least one with Add(\"hospital\"), AddFolder(folder) or AddFiles(provider, folder).");
        }

        if (_hasRules && _selector is not null)
        {
            throw new InvalidOperationException("UsePacks has both When… rules and SelectWith; choose packs with one or the other.");
        }

        var loaders = _packs.ToArray();
        var defaultId = _default;
        var packs = new PackRegistration(sp => Load(loaders, defaultId, sp));
        var rules = _rules;
        return (packs, _selector ?? (_hasRules ? _ => rules : null));
    }

    private static PolicyPack[] Load(Func<IServiceProvider, PolicyPack>[] loaders, string? defaultId, IServiceProvider services)
    {
        var loaded = Array.ConvertAll(loaders, load => load(services));
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
