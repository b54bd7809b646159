using System.Diagnostics.CodeAnalysis;
using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Improvement;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Returned by <c>AddComplaints</c> so adapters can chain: <c>services.AddComplaints().UsePolicy(...).UseStore&lt;T&gt;()</c>.</summary>
public sealed class ComplaintsBuilder
{
    internal ComplaintsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for adapters that register more.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The notice templates as this builder's calls have made them so far: each call is checked on top of the earlier ones.</summary>
    private NoticeTemplates _templatesSoFar = NoticeTemplates.Default;

    /// <summary>
    /// The configuration section given to <c>AddComplaints(configuration)</c>, for adapters that read their own
    /// sections from it (<c>UsePack(configuration)</c>, <c>UseSqlite(configuration)</c>); <see langword="null"/> when the
    /// workflow was registered in code.
    /// </summary>
    public Microsoft.Extensions.Configuration.IConfiguration? Configuration { get; internal set; }

    /// <summary>Uses <paramref name="policy"/> for every decision.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UsePolicy(IComplaintPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Register(_ => [policy], null);
    }

    /// <summary>
    /// Uses the policy <paramref name="factory"/> makes, once, when the workflow is first needed (at host start with
    /// <c>ValidateOnStart</c>: the options validation loads it, so a policy that cannot be made stops the host there,
    /// saying why). Extensions such as Complaints.Rules' <c>UsePack</c> register their policy this way.
    /// </summary>
    /// <param name="factory">Makes the policy from the container.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UsePolicy(Func<IServiceProvider, IComplaintPolicy> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Register(sp => [factory(sp)], null);
    }

    /// <summary>Uses a policy of type <typeparamref name="TPolicy"/>, created by the container as a singleton.</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UsePolicy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPolicy>()
        where TPolicy : class, IComplaintPolicy
    {
        Services.Replace(ServiceDescriptor.Singleton<TPolicy, TPolicy>());
        return Register(static sp => [sp.GetRequiredService<TPolicy>()], null);
    }

    /// <summary>
    /// Refines the policies chosen before (<c>UsePack</c>, <c>UsePacks</c>, <see cref="UsePolicy(IComplaintPolicy)"/>,
    /// <see cref="UsePolicies"/>) with <paramref name="decorate"/>, called once with all of them when they are made (at host
    /// start); their selector is kept. Complaints.Rules.NRules' <c>WithNRules</c> layers C# rules over the packs this way.
    /// </summary>
    /// <param name="decorate">Gives the refined policies, in the same order (the last stays the default), from those chosen.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No policy was chosen before.</exception>
    public ComplaintsBuilder DecoratePolicies(Func<IReadOnlyList<IComplaintPolicy>, IEnumerable<IComplaintPolicy>> decorate)
    {
        ArgumentNullException.ThrowIfNull(decorate);
        var chosen = Services.LastOrDefault(d => d.ServiceType == typeof(PolicyRegistration) && d.ImplementationFactory is not null)
            ?? throw new InvalidOperationException(
                "DecoratePolicies refines the policies chosen before it, and none is: call UsePack(\"…\") (or UsePackFolder, UsePacks, UsePolicy) first.");
        var inner = chosen.ImplementationFactory!;
        Services.Remove(chosen);
        Services.AddSingleton(sp =>
        {
            var registration = (PolicyRegistration)inner(sp);
            return new PolicyRegistration(() => decorate(registration.Policies), () => registration.Selector);
        });
        return this;
    }

    /// <summary>
    /// Runs several policies in one deployment (e.g. one pack per organisation of a group): <paramref name="selector"/>
    /// chooses the pack of each new case at receipt, and the case keeps that pack and version for life. The policies
    /// are made once, at host start (as <see cref="UsePolicy(Func{IServiceProvider, IComplaintPolicy})"/> says); a
    /// selector whose <see cref="IPolicySelector.Packs"/> names a pack that is not among them stops the host there.
    /// Complaints.Rules' <c>UsePacks</c> registers its packs this way.
    /// </summary>
    /// <param name="policies">Makes the policies from the container; the last is the default, for cases the selector chooses no pack for.</param>
    /// <param name="selector">Makes the selector from the container; <see langword="null"/> opens every case under the default.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UsePolicies(Func<IServiceProvider, IEnumerable<IComplaintPolicy>> policies, Func<IServiceProvider, IPolicySelector>? selector = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return Register(policies, selector);
    }

    private ComplaintsBuilder Register(Func<IServiceProvider, IEnumerable<IComplaintPolicy>> policies, Func<IServiceProvider, IPolicySelector>? selector)
    {
        Services.Replace(ServiceDescriptor.Singleton(sp => new PolicyRegistration(
            () => policies(sp),
            selector is null ? null : () => selector(sp) ?? throw new InvalidOperationException("The policy selector factory given to UsePolicies returned null."))));
        return this;
    }

    /// <summary>Uses a store of type <typeparamref name="TStore"/> instead of the in-memory one.</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UseStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IComplaintStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IComplaintStore, TStore>());
        return this;
    }

    /// <summary>
    /// Adds the hosted <see cref="DeadlineWorker"/>, which records deadline warnings and breaches through the command
    /// path. The store must implement <see cref="IDeadlineStore"/> (the built-in stores do). When the store also keeps
    /// corrective actions (<see cref="ICorrectiveActionStore"/>), their deadlines are recorded too. The settings are
    /// validated at host start.
    /// </summary>
    /// <param name="configure">Adjusts the worker's settings.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder AddDeadlineWorker(Action<DeadlineWorkerOptions>? configure = null)
    {
        Services.AddOptions<DeadlineWorkerOptions>().Configure(configure ?? (static _ => { })).ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeadlineWorkerOptions>, WorkerOptionsValidator>());
        // Corrective actions' deadlines too, when the store keeps actions (a store that does not still runs the cases' deadlines).
        Services.TryAddSingleton(static sp => new DeadlineWorker(
            sp.GetRequiredService<IDeadlineStore>(),
            sp.GetRequiredService<ComplaintService>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DeadlineWorkerOptions>>(),
            sp.GetService<ILogger<DeadlineWorker>>(),
            CorrectiveActionsIfKept(sp),
            sp.GetService<Complaints.Workflow.Diagnostics.ComplaintsTelemetry>()));
        Services.AddHostedService(static sp => sp.GetRequiredService<DeadlineWorker>()); // one instance: the health check reads its polls
        return this;
    }

    /// <summary>The corrective-action service, if the store keeps actions (its <see cref="ICorrectiveActionStore"/> resolves); else <see langword="null"/>.</summary>
    private static CorrectiveActionService? CorrectiveActionsIfKept(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<ICorrectiveActionStore>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return services.GetRequiredService<CorrectiveActionService>();
    }

    /// <summary>
    /// Adds the hosted <see cref="OutboxDispatcher"/>, which sends the notifications saves wrote to the outbox through
    /// every registered <see cref="INotificationSender"/>. The store must implement <see cref="IOutboxStore"/> (the
    /// built-in stores do). The settings are validated at host start.
    /// </summary>
    /// <param name="configure">Adjusts the dispatcher's settings.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder AddOutboxDispatcher(Action<OutboxDispatcherOptions>? configure = null)
    {
        Services.AddOptions<OutboxDispatcherOptions>().Configure(configure ?? (static _ => { })).ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxDispatcherOptions>, WorkerOptionsValidator>());
        Services.TryAddSingleton<OutboxDispatcher>();
        Services.AddHostedService(static sp => sp.GetRequiredService<OutboxDispatcher>()); // one instance: the health check reads its polls
        return this;
    }

    /// <summary>Adds a sender of type <typeparamref name="TSender"/> (a singleton) that every outbox message goes through.</summary>
    /// <typeparam name="TSender">The sender type.</typeparam>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder AddNotificationSender<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSender>()
        where TSender : class, INotificationSender
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, TSender>());
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

    /// <summary>
    /// Replaces or adds notice templates for <paramref name="culture"/> (<see cref="NoticeTemplates.With"/>), on top of
    /// the shipped English and Simplified Chinese ones and of earlier calls. Checked here: an unknown key or placeholder
    /// throws at once.
    /// </summary>
    /// <param name="culture">The culture, e.g. <c>zh-CN</c> or <c>fr</c>.</param>
    /// <param name="templates">The templates, words and formats by key (<see cref="NoticeTemplates.Placeholders"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="NoticeTemplateException">A key, placeholder or format is not valid.</exception>
    public ComplaintsBuilder UseNoticeTemplates(string culture, IReadOnlyDictionary<string, string> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templatesSoFar = _templatesSoFar.With(culture, templates); // fails here, at registration, not when a message is due
        var copy = new Dictionary<string, string>(templates, StringComparer.Ordinal);
        Services.Configure<ComplaintsOptions>(o => o.NoticeTemplates = o.NoticeTemplates.With(culture, copy));
        return this;
    }

    /// <summary>
    /// Changes the notice templates as a whole: e.g. <c>t =&gt; t.WithDefaultCulture("zh-CN")</c> for a host whose
    /// complainants read Chinese, or <c>t =&gt; t.WithStaffCulture("en")</c> to write to staff in English whatever the
    /// case's culture. Run once here on the templates the earlier calls made, so a bad template throws at registration.
    /// </summary>
    /// <param name="configure">Given the templates so far, returns the ones to use.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="NoticeTemplateException">A key, placeholder or format is not valid.</exception>
    public ComplaintsBuilder UseNoticeTemplates(Func<NoticeTemplates, NoticeTemplates> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _templatesSoFar = configure(_templatesSoFar) ?? throw new ArgumentException("The configure function returned null: return the templates to use.", nameof(configure));
        Services.Configure<ComplaintsOptions>(o => o.NoticeTemplates = configure(o.NoticeTemplates));
        return this;
    }
}
