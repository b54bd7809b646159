using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow;
using System.Diagnostics.Metrics;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Diagnostics;
using Complaints.Workflow.Improvement;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintsOptions>, ComplaintsOptionsValidator>(static sp => new ComplaintsOptionsValidator(
            sp.GetServices<CalendarRegistration>(), sp, sp.GetServices<ConfiguredAt>())));
        services.TryAddSingleton(TimeProvider.System);
        // On the host's meter factory when it has one (hosts do; so can tests, to keep their measurements apart).
        services.TryAddSingleton(static sp => sp.GetService<IMeterFactory>() is { } meters ? new ComplaintsTelemetry(meters) : ComplaintsTelemetry.Shared);
        services.TryAddSingleton<IComplaintStore, InMemoryComplaintStore>();
        services.TryAddSingleton<IAuditLog>(static sp => sp.GetRequiredService<IComplaintStore>() is var store && store is IAuditLog audit
            ? audit
            : throw new InvalidOperationException(
                $"The complaint store {store.GetType().Name} does not implement IAuditLog, where reads of a confidential complainant and refused commands are put on record. Implement it on the store, or register an IAuditLog."));
        services.TryAddSingleton(static sp => Port<IDeadlineStore>(sp, "claim due deadlines for the deadline worker"));
        services.TryAddSingleton(static sp => Port<IOutboxStore>(sp, "keep the notification outbox the dispatcher sends from"));
        services.TryAddSingleton(static sp => Port<ICorrectiveActionStore>(sp, "keep corrective and preventive actions"));
        services.TryAddSingleton<IBusinessCalendar>(static _ => new WeekdayCalendar());
        services.TryAddSingleton(static sp => CalendarRegistration.Registry(
            sp.GetServices<CalendarRegistration>(), sp.GetRequiredService<IOptions<ComplaintsOptions>>().Value));
        services.TryAddSingleton(static sp =>
        {
            // The options first: their validation loads the policies and reports one that cannot be made, saying why.
            var options = sp.GetRequiredService<IOptions<ComplaintsOptions>>().Value;
            var registration = sp.GetService<PolicyRegistration>() ?? throw new InvalidOperationException(NoPolicy);
            return new PolicyCatalog(
                registration.Policies,
                registration.Selector,
                options.PolicyVersionFallback,
                sp.GetService<ILogger<PolicyCatalog>>());
        });
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<ComplaintsOptions>>();
            _ = options.Value;
            return new ComplaintService(
                sp.GetRequiredService<IComplaintStore>(),
                sp.GetRequiredService<PolicyCatalog>(),
                sp.GetRequiredService<IBusinessCalendar>(),
                sp.GetRequiredService<TimeProvider>(),
                options,
                sp.GetRequiredService<BusinessCalendarRegistry>(),
                sp.GetService<IAuditLog>(),
                sp.GetRequiredService<ComplaintsTelemetry>(),
                sp.GetService<ILogger<ComplaintService>>());
        });
        services.TryAddSingleton(static sp => new ComplaintAnalysis(
            sp.GetRequiredService<IComplaintStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<Complaints.Analysis.IComplaintAnalytics>(),
            // The registered action store when the store keeps actions (a host's own store without them: no action figures).
            sp.GetRequiredService<IComplaintStore>() is ICorrectiveActionStore ? sp.GetRequiredService<ICorrectiveActionStore>() : null));
        services.TryAddSingleton(static sp => new CorrectiveActionService(
            sp.GetRequiredService<ICorrectiveActionStore>(),
            sp.GetRequiredService<IComplaintStore>(),
            sp.GetRequiredService<PolicyCatalog>(),
            sp.GetRequiredService<IBusinessCalendar>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ComplaintsOptions>>(),
            sp.GetRequiredService<BusinessCalendarRegistry>()));
        return new ComplaintsBuilder(services);
    }

    /// <summary>The registered store as <typeparamref name="TPort"/>, for the ports every built-in store implements.</summary>
    private static TPort Port<TPort>(IServiceProvider services, string purpose)
        where TPort : class
    {
        var store = services.GetRequiredService<IComplaintStore>();
        return store as TPort ?? throw new InvalidOperationException(
            $"The complaint store {store.GetType().Name} does not implement {typeof(TPort).Name}, which it needs to {purpose}. Implement it on the store, or register an {typeof(TPort).Name}.");
    }

    private const string NoPolicy =
        "No complaint policy is registered. Choose a policy pack with services.AddComplaints().UsePack(\"generic\") (or UsePackFolder; both from the Complaints.Rules package), or register your own with services.AddComplaints().UsePolicy(...).";
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

internal sealed class ComplaintsOptionsValidator(IEnumerable<CalendarRegistration> calendars, IServiceProvider services, IEnumerable<ConfiguredAt> bound) : IValidateOptions<ComplaintsOptions>
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

        if (options.NoticeTemplates is null)
        {
            failures.Add("ComplaintsOptions.NoticeTemplates is null; leave it at NoticeTemplates.Default or change it with AddComplaints().UseNoticeTemplates(…).");
        }

        CheckPolicy(failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(ConfiguredAt.Keyed<ComplaintsOptions>(bound, failures));
    }

    /// <summary>
    /// Loads the registered policies now (at host start with <c>ValidateOnStart</c>) rather than at the first complaint,
    /// and checks that the calendar each names is known, and that the selector chooses only loaded packs: a policy
    /// naming a calendar nobody registered, or a misspelt pack id, would otherwise fail only at the first case it
    /// meets. No policy registered is reported when the service is first resolved.
    /// </summary>
    private void CheckPolicy(List<string> failures)
    {
        IReadOnlyList<IComplaintPolicy> policies;
        try
        {
            if (services.GetService<PolicyRegistration>() is not { } registration)
            {
                return;
            }

            policies = registration.Policies;
            try
            {
                CheckSelector(failures, registration.Selector, policies);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add("The policy selector cannot be made: " + e.Message);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A policy pack that fails to load (a bad rule, a missing folder) stops the host at start, saying why.
            failures.Add("The complaint policy cannot be loaded: " + e.Message);
            return;
        }

        var known = CalendarRegistration.Registry(calendars);
        foreach (var policy in policies)
        {
            if (policy.CalendarName is { } calendar && !known.IsKnown(calendar))
            {
                failures.Add(
                    $"The policy '{policy.Identity.Id}' computes deadlines on the business calendar '{calendar}', which is neither built in (cn, weekdays) nor registered. " +
                    $"Register it with services.AddComplaints(...).AddCalendar(\"{calendar}\", calendar).");
            }
        }
    }

    private static void CheckSelector(List<string> failures, IPolicySelector? selector, IReadOnlyList<IComplaintPolicy> policies)
    {
        if (selector is null)
        {
            return;
        }

        var loaded = policies.Select(p => p.Identity.Id).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var pack in selector.Packs)
        {
            if (!loaded.Contains(pack, StringComparer.Ordinal))
            {
                var near = NearestName.Of(pack, loaded) is { } n ? $" Did you mean '{n}'?" : "";
                failures.Add(
                    $"The policy selector {selector.GetType().Name} chooses pack '{pack}', which is not loaded (loaded: {string.Join(", ", loaded)}).{near} " +
                    "Add the pack, or correct the selector.");
            }
        }
    }
}
