using Complaints.Notifications;

namespace Complaints.Observability;

/// <summary>
/// Stands in for e-mail and SMS: counts what the dispatcher hands it. A real sender would deliver the notification;
/// the outbox dispatcher's metrics, traces and logs are the same either way.
/// </summary>
internal sealed class CountingSender : INotificationSender
{
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _sent);
        return Task.CompletedTask;
    }
}
