using Complaints.Ports;
using Complaints.Rules;
using Complaints.Workflow.Calendars;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// <param name="overrideFolder">A folder with a partial <c>pack.json</c> and/or replacement decision files.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UsePack(this ComplaintsBuilder builder, string id, string? overrideFolder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return builder.Use(new PackRegistration(() => PolicyPacks.LoadBuiltIn(id, overrideFolder)));
    }

    /// <summary>Decides every case with the policy pack in <paramref name="folder"/>, loaded and checked as <see cref="UsePack"/> says.</summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>.</param>
    /// <param name="folder">A folder holding <c>pack.json</c> and one file per decision point.</param>
    /// <param name="overrideFolder">A folder with a partial <c>pack.json</c> and/or replacement decision files.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UsePackFolder(this ComplaintsBuilder builder, string folder, string? overrideFolder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return builder.Use(new PackRegistration(() => PolicyPacks.LoadFolder(folder, overrideFolder)));
    }

    private static ComplaintsBuilder Use(this ComplaintsBuilder builder, PackRegistration pack)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton(pack));
        builder.UsePolicy(static sp => sp.GetRequiredService<PackRegistration>().Pack);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CalendarHorizonWarning>(static sp => new CalendarHorizonWarning(
            sp.GetRequiredService<PackRegistration>(),
            sp.GetRequiredService<BusinessCalendarRegistry>(),
            sp.GetRequiredService<IBusinessCalendar>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CalendarHorizonWarning>>() ?? (ILogger)NullLogger.Instance)));
        return builder;
    }
}
