using Complaints.Policy;
using Complaints.Ports;
using Complaints.Rules;
using Complaints.Workflow.Calendars;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Chooses a policy pack for the workflow: <c>services.AddComplaints().UsePack("hospital")</c>.</summary>
public static class PolicyPackBuilderExtensions
{
    /// <summary>
    /// Decides every case with a built-in policy pack (<c>generic</c>, <c>hospital</c>, <c>tobacco-retail</c>,
    /// <c>auto-dealership</c>, <c>food-service</c>), optionally with an override folder. The pack is loaded and
    /// validated when the workflow's options are validated (at host start with <c>ValidateOnStart</c>), not at the
    /// first complaint; a pack that cannot be loaded, or that names a calendar nobody registered, stops the host there.
    /// Also adds <see cref="CalendarHorizonWarning"/>, which warns at start when the calendar's holiday data ends within
    /// the pack's longest deadline.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>.</param>
    /// <param name="id">The pack id.</param>
    /// <param name="overrideFolder">
    /// A folder with a partial <c>pack.json</c> and/or replacement decision files: on disk (a relative path resolves
    /// against the host's content root, <see cref="IHostEnvironment.ContentRootPath"/>, when the host registers one), or
    /// with <paramref name="overrideFiles"/> a directory of that provider (its root when <see langword="null"/>).
    /// </param>
    /// <param name="overrideFiles">The file provider the override folder is read from; <see langword="null"/> for the disk.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UsePack(this ComplaintsBuilder builder, string id, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return builder.Use(new PackRegistration(sp => PolicyPacks.LoadBuiltIn(id, PackRegistration.Overrides(overrideFolder, overrideFiles, sp), overrideFiles)));
    }

    /// <summary>
    /// Decides every case with the policy pack in <paramref name="folder"/>, loaded and checked as <see cref="UsePack"/>
    /// says. A relative <paramref name="folder"/> resolves against the host's content root
    /// (<see cref="IHostEnvironment.ContentRootPath"/>) when the host registers one, else against the current directory.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>.</param>
    /// <param name="folder">A folder holding <c>pack.json</c> and one file per decision point.</param>
    /// <param name="overrideFolder">An override folder, as for <see cref="UsePack"/>.</param>
    /// <param name="overrideFiles">The file provider the override folder is read from, as for <see cref="UsePack"/>.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UsePackFolder(this ComplaintsBuilder builder, string folder, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return builder.Use(new PackRegistration(sp => PolicyPacks.LoadFolder(PackRegistration.AgainstContentRoot(folder, sp), PackRegistration.Overrides(overrideFolder, overrideFiles, sp), overrideFiles)));
    }

    /// <summary>
    /// Decides every case with the policy pack in the directory <paramref name="folder"/> of <paramref name="files"/>
    /// (<see cref="PolicyPacks.LoadFiles"/>), loaded and checked as <see cref="UsePack"/> says: a pack shipped inside
    /// the host's assembly (<c>new ManifestEmbeddedFileProvider(typeof(Program).Assembly)</c>), or read from any other
    /// <see cref="IFileProvider"/>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>.</param>
    /// <param name="files">The file provider.</param>
    /// <param name="folder">The pack's directory in <paramref name="files"/>, <c>/</c>-separated; empty for the provider's root.</param>
    /// <param name="overrideFolder">An override folder, as for <see cref="UsePack"/>: on disk, or in <paramref name="overrideFiles"/>.</param>
    /// <param name="overrideFiles">The file provider the override folder is read from (which may be <paramref name="files"/>); <see langword="null"/> for the disk.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UsePackFiles(this ComplaintsBuilder builder, IFileProvider files, string folder, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(folder);
        return builder.Use(new PackRegistration(sp => PolicyPacks.LoadFiles(files, folder, PackRegistration.Overrides(overrideFolder, overrideFiles, sp), overrideFiles)));
    }

    /// <summary>
    /// Runs several policy packs in one deployment (a hospital group whose outpatient complaints follow <c>hospital</c>
    /// and whose canteen complaints follow <c>food-service</c>): <paramref name="configure"/> adds the packs and the rules
    /// that choose one per case at receipt. Each case keeps the pack and version it was opened under for life. Every
    /// pack is loaded and validated at host start as <see cref="UsePack"/> says; a rule or <see cref="PolicyPacksBuilder.Default"/>
    /// naming a pack that is not added stops the host there, naming the nearest added one.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>.</param>
    /// <param name="configure">Adds the packs and the selection rules.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No pack is added, or both <c>When…</c> rules and <c>SelectWith</c> are given.</exception>
    public static ComplaintsBuilder UsePacks(this ComplaintsBuilder builder, Action<PolicyPacksBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var packs = new PolicyPacksBuilder();
        configure(packs);
        var (registration, selector) = packs.Build();
        return builder.Use(registration, selector);
    }

    private static ComplaintsBuilder Use(this ComplaintsBuilder builder, PackRegistration pack, Func<IServiceProvider, IPolicySelector>? selector = null)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton(pack));
        builder.UsePolicies(static sp => sp.GetRequiredService<PackRegistration>().Packs(sp), selector);
        builder.Services.TryAddSingleton(static sp => new CalendarHorizonWarning(
            () => sp.GetRequiredService<PackRegistration>().Packs(sp),
            sp.GetRequiredService<BusinessCalendarRegistry>(),
            sp.GetRequiredService<IBusinessCalendar>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CalendarHorizonWarning>>() ?? (ILogger)NullLogger.Instance));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CalendarHorizonWarning>(static sp => sp.GetRequiredService<CalendarHorizonWarning>()));
        builder.Services.TryAddSingleton<ICalendarHorizonCheck>(static sp => sp.GetRequiredService<CalendarHorizonWarning>());
        return builder;
    }
}
