using Complaints.Notifications;
using Complaints.Workflow.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow.Notifications;

/// <summary>
/// Sends the outbox: claims pending messages under a lease, hands each to every registered
/// <see cref="INotificationSender"/>, and marks it sent; a failed send is retried later with a growing, jittered backoff
/// (<see cref="OutboxDispatcherOptions.JitteredBackoffAfter"/>) and, after <see cref="OutboxDispatcherOptions.MaxAttempts"/>
/// failures, parked with its error, never dropped. Each message is isolated: a message the store cannot read is parked
/// by the claim, and a failure to record one message's outcome is logged and the others go on. Delivery is at least
/// once: a message may be sent again after a crash, with the same id, so senders can de-duplicate.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly IOutboxStore _outbox;
    private readonly INotificationSender[] _senders;
    private readonly TimeProvider _time;
    private readonly OutboxDispatcherOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly string _workerId;
    private readonly ComplaintsTelemetry _telemetry;

    /// <summary>What the last poll did, for the health check.</summary>
    internal Internal.PollHeartbeat Heartbeat { get; }

    /// <summary>The settings this worker polls with.</summary>
    internal TimeSpan PollInterval => _options.PollInterval;

    /// <summary>Creates the dispatcher. Hosts add it with <c>services.AddComplaints(...).AddOutboxDispatcher()</c>.</summary>
    /// <param name="outbox">Where messages are claimed and marked.</param>
    /// <param name="senders">The senders every message goes through, in order.</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">The dispatcher's settings.</param>
    /// <param name="logger">Where to log; nothing if <see langword="null"/>.</param>
    /// <param name="telemetry">Where messages are counted and polls traced (docs/operations.md); the process-wide <see cref="ComplaintsTelemetry.MeterName"/> meter if <see langword="null"/>.</param>
    /// <exception cref="OptionsValidationException">A setting of <paramref name="options"/> is out of range; the message names each.</exception>
    public OutboxDispatcher(
        IOutboxStore outbox,
        IEnumerable<INotificationSender> senders,
        TimeProvider time,
        IOptions<OutboxDispatcherOptions> options,
        ILogger<OutboxDispatcher>? logger = null,
        ComplaintsTelemetry? telemetry = null)
    {
        _telemetry = telemetry ?? ComplaintsTelemetry.Shared;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(senders);
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _senders = [.. senders];
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options.Value;
        Internal.WorkerSettings.ThrowIfAny<OutboxDispatcherOptions>(_options.Problems());
        _logger = logger ?? NullLogger<OutboxDispatcher>.Instance;
        Heartbeat = new Internal.PollHeartbeat(time.GetUtcNow());
        _workerId = _options.WorkerId ?? $"outbox-dispatcher-{Guid.CreateVersion7(time.GetUtcNow()):N}";
    }

    /// <summary>Claims the messages due now and sends each; returns how many this call marked sent.</summary>
    /// <param name="cancellationToken">Stops between messages.</param>
    /// <returns>The number of messages sent and marked.</returns>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken = default) =>
        ComplaintsTelemetry.RunBatchAsync(TelemetryNames.OutboxDispatchActivity, SendDueAsync, cancellationToken);

    private async Task<int> SendDueAsync(System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var claimedAt = _time.GetUtcNow();
        var claimed = await _outbox.ClaimOutboxAsync(claimedAt, _workerId, _options.Lease, _options.BatchSize, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(TelemetryNames.BatchClaimed, claimed.Count);
        var sent = 0;
        foreach (var message in claimed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var notification = message.Notification;
            try
            {
                foreach (var sender in _senders)
                {
                    await sender.SendAsync(notification, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any sender failure is recorded on the message and retried; it must not stop the batch.
            catch (Exception e)
#pragma warning restore CA1031
            {
                await RecordFailureAsync(message, e).ConfigureAwait(false);
                continue;
            }

            if (await RecordSentAsync(notification).ConfigureAwait(false))
            {
                sent++;
                _telemetry.OutboxMessageHandled(notification.Kind, TelemetryNames.Sent);
            }
        }

        _telemetry.OutboxPolled(Heartbeat.Completed(claimedAt, _time.GetUtcNow(), claimed.Count, claimed.Count == 0 ? null : claimed.Min(m => m.NextAttemptAt)));
        return sent;
    }

    private async Task RecordFailureAsync(OutboxMessage message, Exception failure)
    {
        var notification = message.Notification;
        var failures = message.Attempts + 1;
        DateTimeOffset? next = failures >= _options.MaxAttempts ? null : _time.GetUtcNow() + _options.JitteredBackoffAfter(failures, _options.Jitter());
        try
        {
            await _outbox.MarkFailedAsync(notification.Id, $"{failure.GetType().Name}: {failure.Message}", next, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Not recorded (store unavailable): the lease runs out and the message is claimed again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRecordFailed(notification.Id, About(notification), e);
            return;
        }

        _telemetry.OutboxMessageHandled(notification.Kind, next is null ? TelemetryNames.Parked : TelemetryNames.Failed);
        if (next is null)
        {
            LogParked(notification.Id, About(notification), failures, failure);
        }
        else
        {
            LogRetry(notification.Id, About(notification), failures, next.Value, failure);
        }
    }

    private async Task<bool> RecordSentAsync(Notification notification)
    {
        try
        {
            return await _outbox.MarkSentAsync(notification.Id, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Not recorded (store unavailable): the lease runs out and the message is sent again (at least once).
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRecordFailed(notification.Id, About(notification), e);
            return false;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing poll (store unavailable) must not stop the dispatcher; it tries again next time.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Heartbeat.Failed(e.GetType().Name);
                LogPollFailed(e);
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>What a notification is about, for the logs: <c>complaint &lt;id&gt;</c> or <c>corrective action &lt;id&gt;</c> (ids only, never a person).</summary>
    internal static string About(Notification notification) =>
        notification.CorrectiveActionId is { } action ? "corrective action " + action : "complaint " + notification.ComplaintId;

    [LoggerMessage(EventId = 6101, EventName = "OutboxSendRetried", Level = LogLevel.Warning, Message = "Sending notification {NotificationId} of {About} failed (attempt {Attempts}); trying again at {NextAttemptAt}.")]
    private partial void LogRetry(Guid notificationId, string about, int attempts, DateTimeOffset nextAttemptAt, Exception exception);

    [LoggerMessage(EventId = 6102, EventName = "OutboxMessageParked", Level = LogLevel.Error, Message = "Sending notification {NotificationId} of {About} failed {Attempts} times; parked with the error.")]
    private partial void LogParked(Guid notificationId, string about, int attempts, Exception exception);

    [LoggerMessage(EventId = 6103, EventName = "OutboxRecordFailed", Level = LogLevel.Error, Message = "Recording the outcome of notification {NotificationId} of {About} failed; it is claimed again when its lease runs out.")]
    private partial void LogRecordFailed(Guid notificationId, string about, Exception exception);

    [LoggerMessage(EventId = 6104, EventName = "OutboxPollFailed", Level = LogLevel.Warning, Message = "Looking for notifications to send failed; trying again at the next poll.")]
    private partial void LogPollFailed(Exception exception);
}
