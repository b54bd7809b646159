using Complaints.Policy;
using Complaints.Rules;
using Complaints.Ports;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the complaint workflow.</summary>
public static class ComplaintsServiceCollectionExtensions
{
    /// <summary>Registers the workflow with default options, the in-memory store and a weekday calendar.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to choose the policy, store and calendar.</returns>
    public static ComplaintsBuilder AddComplaints(this IServiceCollection services) => services.AddComplaints(static _ => { });

    /// <summary>Registers the workflow, the in-memory store (until an adapter replaces it) and a weekday calendar.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>A builder to choose the policy, store and calendar.</returns>
    public static ComplaintsBuilder AddComplaints(this IServiceCollection services, Action<ComplaintsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<ComplaintsOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintsOptions>, ComplaintsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IComplaintStore, InMemoryComplaintStore>();
        services.TryAddSingleton<IAuditLog>(static sp => sp.GetRequiredService<IComplaintStore>() is var store && store is IAuditLog audit
            ? audit
            : throw new InvalidOperationException(
                $"The complaint store {store.GetType().Name} does not implement IAuditLog, where reads of a confidential complainant and refused commands are put on record. Implement it on the store, or register an IAuditLog."));
        services.TryAddSingleton<IBusinessCalendar>(static _ => new WeekdayCalendar());
        services.TryAddSingleton(static sp => sp.GetRequiredService<IOptions<ComplaintsOptions>>().Value.Pack is { } pack
            ? new PolicyCatalog(pack.Value)
            : throw new InvalidOperationException(NoPolicy));
        services.TryAddSingleton(static sp => CalendarRegistration.Registry(
            sp.GetServices<CalendarRegistration>(), sp.GetRequiredService<IOptions<ComplaintsOptions>>().Value));
        services.TryAddSingleton(static sp => new ComplaintService(
            sp.GetRequiredService<IComplaintStore>(),
            sp.GetRequiredService<PolicyCatalog>(),
            sp.GetRequiredService<IBusinessCalendar>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ComplaintsOptions>>(),
            sp.GetRequiredService<BusinessCalendarRegistry>(),
            sp.GetService<IAuditLog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CalendarHorizonWarning>(static sp => new CalendarHorizonWarning(
            sp.GetRequiredService<IOptions<ComplaintsOptions>>(),
            sp.GetRequiredService<BusinessCalendarRegistry>(),
            sp.GetRequiredService<IBusinessCalendar>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CalendarHorizonWarning>>() ?? NullLogger<CalendarHorizonWarning>.Instance)));
        return new ComplaintsBuilder(services);
    }

    private const string NoPolicy =
        "No complaint policy is registered. Choose a policy pack with services.AddComplaints(o => o.UsePack(\"generic\")) (or UsePackFolder), or register your own with services.AddComplaints().UsePolicy(...).";
}

internal sealed record CalendarRegistration(string Name, IBusinessCalendar Calendar)
{
    /// <summary>The built-in calendars plus <paramref name="registrations"/>.</summary>
    public static BusinessCalendarRegistry Registry(IEnumerable<CalendarRegistration> registrations, ComplaintsOptions? options = null)
    {
        var registry = new BusinessCalendarRegistry(options?.CalendarWeekdayFallback ?? false, options?.StrictCalendarHorizon ?? false);
        foreach (var registration in registrations)
        {
            registry.Register(registration.Name, registration.Calendar);
        }

        return registry;
    }
}

internal sealed class ComplaintsOptionsValidator(IEnumerable<CalendarRegistration> calendars) : IValidateOptions<ComplaintsOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplaintsOptions options)
    {
        var failures = new List<string>();
        if (options.ReopenWindow < TimeSpan.Zero || options.ReopenWindow > TimeSpan.FromDays(3650))
        {
            failures.Add($"ComplaintsOptions.ReopenWindow is {options.ReopenWindow}; set it between 0 and 3650 days.");
        }

        if (options.ConflictRetries is < 0 or > 100)
        {
            failures.Add($"ComplaintsOptions.ConflictRetries is {options.ConflictRetries}; set it between 0 and 100.");
        }

        if (options.Pack is { } pack)
        {
            try
            {
                // A pack naming a calendar nobody registered would fail only at its first triage: say so now.
                if (pack.Value.CalendarName is { } calendar && !KnowsCalendar(calendar))
                {
                    failures.Add(
                        $"The policy pack '{pack.Value.Identity.Id}' computes deadlines on the business calendar '{calendar}', which is neither built in (cn, weekdays) nor registered. " +
                        $"Register it with services.AddComplaints(...).AddCalendar(\"{calendar}\", calendar).");
                }
            }
            catch (Exception e) when (e is PolicyPackException or ArgumentException or IOException)
            {
                failures.Add("The policy pack chosen with UsePack/UsePackFolder cannot be loaded: " + e.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private bool KnowsCalendar(string name) => CalendarRegistration.Registry(calendars).IsKnown(name);
}
