using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Complaints.Rules;

/// <summary>The packs chosen with <c>UsePack</c>/<c>UsePackFolder</c>/<c>UsePackFiles</c>/<c>UsePacks</c>, loaded once, when first needed.</summary>
/// <param name="load">Loads the packs, the default last, with the container (for the host's content root).</param>
internal sealed class PackRegistration(Func<IServiceProvider, IReadOnlyList<PolicyPack>> load)
{
    private readonly Lock _gate = new();
    private Lazy<IReadOnlyList<PolicyPack>>? _packs;

    /// <summary>One pack.</summary>
    /// <param name="load">Loads it.</param>
    public PackRegistration(Func<IServiceProvider, PolicyPack> load)
        : this(sp => [load(sp)])
    {
    }

    /// <summary>
    /// The packs, the default last, loaded the first time they are asked for; loading them throws
    /// <see cref="PolicyPackException"/> (or an I/O error) if one cannot be loaded, each time they are asked for.
    /// </summary>
    /// <param name="services">The container: a relative folder on disk resolves against its <see cref="IHostEnvironment.ContentRootPath"/>.</param>
    public IReadOnlyList<PolicyPack> Packs(IServiceProvider services)
    {
        lock (_gate)
        {
            _packs ??= new(() => load(services));
        }

        return _packs.Value;
    }

    /// <summary>
    /// <paramref name="folder"/> made absolute against the host's content root when it is relative and the host
    /// registers an <see cref="IHostEnvironment"/> with one, as the SQLite store's file path is; else unchanged.
    /// </summary>
    public static string AgainstContentRoot(string folder, IServiceProvider services) =>
        Path.IsPathFullyQualified(folder) || services.GetService<IHostEnvironment>()?.ContentRootPath is not { Length: > 0 } root
            ? folder
            : Path.GetFullPath(Path.Combine(root, folder));

    /// <summary>The override folder as loading takes it: in <paramref name="files"/> as given, on disk against the content root.</summary>
    public static string? Overrides(string? folder, IFileProvider? files, IServiceProvider services) =>
        files is null && folder is not null ? AgainstContentRoot(folder, services) : folder;
}
