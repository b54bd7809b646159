using Complaints.Policy;
using Complaints.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Returned by <c>AddComplaints</c> so adapters can chain: <c>services.AddComplaints().UsePolicy(...).UseStore&lt;T&gt;()</c>.</summary>
public sealed class ComplaintsBuilder
{
    internal ComplaintsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for adapters that register more.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Uses <paramref name="policy"/> for every decision.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UsePolicy(IComplaintPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Services.Replace(ServiceDescriptor.Singleton(new PolicyCatalog(policy)));
        return this;
    }

    /// <summary>Uses a policy of type <typeparamref name="TPolicy"/>, created by the container as a singleton.</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UsePolicy<TPolicy>()
        where TPolicy : class, IComplaintPolicy
    {
        Services.Replace(ServiceDescriptor.Singleton<TPolicy, TPolicy>());
        Services.Replace(ServiceDescriptor.Singleton(static sp => new PolicyCatalog(sp.GetRequiredService<TPolicy>())));
        return this;
    }

    /// <summary>Uses a store of type <typeparamref name="TStore"/> instead of the in-memory one.</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UseStore<TStore>()
        where TStore : class, IComplaintStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IComplaintStore, TStore>());
        return this;
    }

    /// <summary>
    /// Adds the hosted <see cref="Complaints.Workflow.Deadlines.DeadlineWorker"/>, which records deadline warnings and
    /// breaches through the command path. The store must implement <see cref="IDeadlineStore"/> (the built-in stores do).
    /// </summary>
    /// <param name="configure">Adjusts the worker's settings.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder AddDeadlineWorker(Action<Complaints.Workflow.Deadlines.DeadlineWorkerOptions>? configure = null)
    {
        Services.AddOptions<Complaints.Workflow.Deadlines.DeadlineWorkerOptions>().Configure(configure ?? (static _ => { }));
        Services.TryAddSingleton(static sp => sp.GetRequiredService<IComplaintStore>() as IDeadlineStore
            ?? throw new InvalidOperationException("The registered complaint store does not implement IDeadlineStore, which the deadline worker needs to claim due deadlines."));
        Services.AddHostedService<Complaints.Workflow.Deadlines.DeadlineWorker>();
        return this;
    }

    /// <summary>Registers a business calendar under a name policy packs can give as their <c>calendar</c>.</summary>
    /// <param name="name">The name, e.g. <c>uk-scotland</c>.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder AddCalendar(string name, IBusinessCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(calendar);
        Services.AddSingleton(new CalendarRegistration(name, calendar));
        return this;
    }

    /// <summary>Computes deadlines on <paramref name="calendar"/> when the policy names no calendar, instead of the default weekday calendar.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UseCalendar(IBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Services.Replace(ServiceDescriptor.Singleton(calendar));
        return this;
    }
}
