using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow.Deadlines;

/// <summary>
/// Finds due deadline warnings and breaches and records them through the normal command path, as
/// <see cref="Actor.System"/>: the same permission, policy and journal rules as any command. Alarms live on the
/// case in the store, so a restart loses nothing; each is recorded once, because the command refuses an alarm
/// already recorded and the store's optimistic version check refuses a racing second write. Each alarm is isolated:
/// one that fails unexpectedly (its case cannot be read, say) is parked in the store with its error and logged, and
/// the others go on; an operator lists parked alarms with <see cref="IDeadlineStore.ReadParkedDeadlineAlarmsAsync"/>
/// and releases them with <see cref="IDeadlineStore.ReleaseDeadlineAlarmAsync"/>. When it is given the
/// <see cref="Improvement.CorrectiveActionService"/>, each poll also records the due warnings and breaches of corrective
/// and preventive actions (<see cref="Improvement.CorrectiveActionService.RecordDueDeadlinesAsync"/>).
/// </summary>
public sealed partial class DeadlineWorker : BackgroundService
{
    private readonly IDeadlineStore _deadlines;
    private readonly ComplaintService _service;
    private readonly TimeProvider _time;
    private readonly DeadlineWorkerOptions _options;
    private readonly ILogger<DeadlineWorker> _logger;
    private readonly string _workerId;

    /// <summary>What the last poll did, for the health check.</summary>
    internal Internal.PollHeartbeat Heartbeat { get; }

    /// <summary>The settings this worker polls with.</summary>
    internal TimeSpan PollInterval => _options.PollInterval;
    private readonly Improvement.CorrectiveActionService? _correctiveActions;
    private readonly ComplaintsTelemetry _telemetry;

    /// <summary>Creates the worker. Hosts add it with <c>services.AddComplaints(...).AddDeadlineWorker()</c>.</summary>
    /// <param name="deadlines">Where due alarms are claimed.</param>
    /// <param name="service">The command service alarms are recorded through.</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">The worker's settings.</param>
    /// <param name="logger">Where to log; nothing if <see langword="null"/>.</param>
    /// <param name="correctiveActions">The corrective-action service whose deadline alarms each poll records too; none if <see langword="null"/>.</param>
    /// <param name="telemetry">Where alarms are counted and polls traced (docs/operations.md); the process-wide <see cref="ComplaintsTelemetry.MeterName"/> meter if <see langword="null"/>.</param>
    /// <exception cref="OptionsValidationException">A setting of <paramref name="options"/> is out of range; the message names each.</exception>
    public DeadlineWorker(
        IDeadlineStore deadlines,
        ComplaintService service,
        TimeProvider time,
        IOptions<DeadlineWorkerOptions> options,
        ILogger<DeadlineWorker>? logger = null,
        Improvement.CorrectiveActionService? correctiveActions = null,
        ComplaintsTelemetry? telemetry = null)
    {
        _telemetry = telemetry ?? ComplaintsTelemetry.Shared;
        _correctiveActions = correctiveActions;
        ArgumentNullException.ThrowIfNull(options);
        _deadlines = deadlines ?? throw new ArgumentNullException(nameof(deadlines));
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options.Value;
        Internal.WorkerSettings.ThrowIfAny<DeadlineWorkerOptions>(_options.Problems());
        _logger = logger ?? NullLogger<DeadlineWorker>.Instance;
        Heartbeat = new Internal.PollHeartbeat(time.GetUtcNow());
        _workerId = _options.WorkerId ?? $"deadline-worker-{Guid.CreateVersion7(time.GetUtcNow()):N}";
    }

    /// <summary>Claims the alarms due now and records each, then the corrective actions' due alarms; returns how many were recorded by this call.</summary>
    /// <param name="cancellationToken">Stops between alarms.</param>
    /// <returns>The number of alarms recorded.</returns>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken = default) =>
        ComplaintsTelemetry.RunBatchAsync(TelemetryNames.DeadlinePollActivity, RecordDueAsync, cancellationToken);

    private async Task<int> RecordDueAsync(System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var claimedAt = _time.GetUtcNow();
        var due = await _deadlines.ClaimDueDeadlinesAsync(claimedAt, _workerId, _options.Lease, _options.BatchSize, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(TelemetryNames.BatchClaimed, due.Count);
        var recorded = 0;
        foreach (var alarm in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ComplaintCommand command = alarm.Alarm == DeadlineAlarm.Breach ? new RecordDeadlineBreach(alarm.Kind) : new RecordDeadlineWarning(alarm.Kind);
            try
            {
                await _service.ExecuteAsync(alarm.ComplaintId, Actor.System, command, cancellationToken: cancellationToken).ConfigureAwait(false);
                recorded++;
                _telemetry.DeadlineAlarmHandled(alarm.Alarm, alarm.Kind, TelemetryNames.Recorded);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One alarm that cannot be recorded must not stop the others: it is parked with its error.
            catch (Exception e) when (e is UnreadableCaseException or PolicyVersionNotLoadedException or not ComplaintException)
#pragma warning restore CA1031
            {
                await ParkAsync(alarm, e).ConfigureAwait(false);
                _telemetry.DeadlineAlarmHandled(alarm.Alarm, alarm.Kind, TelemetryNames.Parked);
            }
            catch (ComplaintException e)
            {
                // Already recorded by another worker, met meanwhile, or changed under us: nothing to do now;
                // if it is still due, the next poll claims it again.
                LogSkipped(alarm.ComplaintId, alarm.Kind, alarm.Alarm, e.Message);
                _telemetry.DeadlineAlarmHandled(alarm.Alarm, alarm.Kind, TelemetryNames.Skipped);
            }
        }

        if (_correctiveActions is not null)
        {
            recorded += await _correctiveActions.RecordDueDeadlinesAsync(_options.BatchSize, cancellationToken).ConfigureAwait(false);
        }

        _telemetry.DeadlinesPolled(Heartbeat.Completed(claimedAt, _time.GetUtcNow(), due.Count, due.Count == 0 ? null : due.Min(d => d.DueAt)));
        return recorded;
    }

    private async Task ParkAsync(DueDeadline alarm, Exception failure)
    {
        try
        {
            await _deadlines.ParkDeadlineAlarmAsync(alarm, $"{failure.GetType().Name}: {failure.Message}", _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            LogParked(alarm.ComplaintId, alarm.Kind, alarm.Alarm, failure);
        }
#pragma warning disable CA1031 // Not even parked (store unavailable): its lease runs out and a later poll tries it again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogParkFailed(alarm.ComplaintId, alarm.Kind, alarm.Alarm, failure, e.Message);
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
#pragma warning disable CA1031 // A failing poll (store unavailable) must not stop the worker; it tries again next time.
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

    [LoggerMessage(EventId = 5101, EventName = "DeadlineAlarmSkipped", Level = LogLevel.Debug, Message = "Skipped the {Alarm} of the {Kind} deadline of complaint {ComplaintId}: {Reason}")]
    private partial void LogSkipped(ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm, string reason);

    [LoggerMessage(EventId = 5102, EventName = "DeadlineAlarmParked", Level = LogLevel.Error, Message = "Recording the {Alarm} of the {Kind} deadline of complaint {ComplaintId} failed; parked it with the error (ReadParkedDeadlineAlarmsAsync lists it, ReleaseDeadlineAlarmAsync retries it). The other alarms go on.")]
    private partial void LogParked(ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm, Exception exception);

    [LoggerMessage(EventId = 5103, EventName = "DeadlineAlarmParkFailed", Level = LogLevel.Error, Message = "Recording the {Alarm} of the {Kind} deadline of complaint {ComplaintId} failed, and parking it failed too ({ParkError}); a later poll tries it again.")]
    private partial void LogParkFailed(ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm, Exception exception, string parkError);

    [LoggerMessage(EventId = 5104, EventName = "DeadlinePollFailed", Level = LogLevel.Warning, Message = "Looking for due deadlines failed; trying again at the next poll.")]
    private partial void LogPollFailed(Exception exception);
}
