using Complaints.Notifications;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the outbox dispatcher and notification senders on a <see cref="ComplaintsBuilder"/>.</summary>
public static class OutboxBuilderExtensions
{
    /// <summary>
    /// Adds the hosted <see cref="OutboxDispatcher"/>, which sends the notifications saves wrote to the outbox through
    /// every registered <see cref="INotificationSender"/>. The store must implement <see cref="IOutboxStore"/> (the built-in stores do).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the dispatcher's settings.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder AddOutboxDispatcher(this ComplaintsBuilder builder, Action<OutboxDispatcherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OutboxDispatcherOptions>().Configure(configure ?? (static _ => { }));
        builder.Services.TryAddSingleton(static sp => sp.GetRequiredService<Complaints.Ports.IComplaintStore>() as IOutboxStore
            ?? throw new InvalidOperationException("The registered complaint store does not implement IOutboxStore, which the outbox dispatcher needs to claim notifications."));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }

    /// <summary>Adds a sender of type <typeparamref name="TSender"/> (a singleton) that every outbox message goes through.</summary>
    /// <typeparam name="TSender">The sender type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder AddNotificationSender<TSender>(this ComplaintsBuilder builder)
        where TSender : class, INotificationSender
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, TSender>());
        return builder;
    }
}
