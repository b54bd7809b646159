using System.Diagnostics;
using System.Diagnostics.Metrics;
using Complaints.Commands;
using Complaints.Notifications;
using Complaints.Ports;

namespace Complaints.Workflow.Diagnostics;

/// <summary>
/// The workflow's metrics and traces: one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// <see cref="MeterName"/> (<c>Complaints.Workflow</c>), with the instruments and activities listed in
/// docs/operations.md. <c>services.AddComplaints()</c> registers one built from the host's <see cref="IMeterFactory"/>
/// when it has one (a host built with <c>Host.CreateApplicationBuilder</c> does), else the workflow records on a
/// process-wide meter of the same name. Tags carry actions, outcomes, states, pack ids and case ids — never anything
/// that identifies a complainant, and no free text. When nothing listens, recording costs a flag check and allocates nothing.
/// </summary>
public sealed class ComplaintsTelemetry
{
    /// <summary>The name of the workflow's <see cref="Meter"/>: what a host passes to <c>AddMeter</c>.</summary>
    public const string MeterName = "Complaints.Workflow";

    /// <summary>The name of the workflow's <see cref="System.Diagnostics.ActivitySource"/>: what a host passes to <c>AddSource</c>.</summary>
    public const string ActivitySourceName = "Complaints.Workflow";

    private static readonly string? Version = typeof(ComplaintsTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The activity source every instance shares (activity sources have no factory).</summary>
    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);

    /// <summary>The instance used when none is given: a process-wide meter.</summary>
    internal static readonly ComplaintsTelemetry Shared = new(new Meter(MeterName, Version));

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _casesOpened;
    private readonly Counter<long> _casesClosed;
    private readonly Counter<long> _deadlineAlarms;
    private readonly Counter<long> _outboxMessages;
    private readonly Histogram<double> _decisionDuration;
    private readonly Histogram<double> _saveDuration;
    private Internal.PollHeartbeat.Snapshot? _deadlinePoll;
    private Internal.PollHeartbeat.Snapshot? _outboxPoll;

    /// <summary>Creates the workflow's instruments on a meter from <paramref name="meterFactory"/>, which owns (and disposes) it.</summary>
    /// <param name="meterFactory">The host's meter factory (<c>services.AddMetrics()</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="meterFactory"/> is <see langword="null"/>.</exception>
    public ComplaintsTelemetry(IMeterFactory meterFactory)
        : this((meterFactory ?? throw new ArgumentNullException(nameof(meterFactory))).Create(new MeterOptions(MeterName) { Version = Version }))
    {
    }

    private ComplaintsTelemetry(Meter meter)
    {
        Meter = meter;
        _commands = meter.CreateCounter<long>(
            "complaints.commands", "{command}", "Commands issued on cases, by action and outcome (ok, refused, invalid, conflict, not_found, cancelled, error).");
        _commandDuration = meter.CreateHistogram(
            "complaints.command.duration", "s", "How long a command took, from validation to the saved case (retries on conflict included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _casesOpened = meter.CreateCounter<long>("complaints.cases.opened", "{case}", "Complaints received, by pack.");
        _casesClosed = meter.CreateCounter<long>(
            "complaints.cases.closed", "{case}", "Cases that reached an end state (Closed, Rejected, Redirected, Withdrawn), by pack and state.");
        _deadlineAlarms = meter.CreateCounter<long>(
            "complaints.deadline.alarms", "{alarm}", "Deadline warnings and breaches the deadline worker handled, by alarm, deadline kind and outcome (recorded, skipped, parked).");
        _outboxMessages = meter.CreateCounter<long>(
            "complaints.outbox.messages", "{message}", "Outbox messages the dispatcher handled, by notification kind and outcome (sent, failed, parked).");
        _decisionDuration = meter.CreateHistogram(
            "complaints.policy.decision.duration", "s", "How long the policy took to make one decision a command asked for, by decision point and pack.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1] });
        _saveDuration = meter.CreateHistogram(
            "complaints.store.save.duration", "s", "How long one save of a case took in the store, by outcome (ok, conflict, cancelled, error).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        meter.CreateObservableGauge(
            "complaints.deadlines.lag", () => Lag(Volatile.Read(ref _deadlinePoll)), "s",
            "How far past due the oldest alarm the deadline worker's last poll claimed was; 0 when it claimed none. Nothing before its first poll.");
        meter.CreateObservableGauge(
            "complaints.deadlines.claimed", () => Claimed(Volatile.Read(ref _deadlinePoll)), "{alarm}",
            "How many alarms the deadline worker's last poll claimed; when that is its BatchSize, more are waiting. Nothing before its first poll.");
        meter.CreateObservableGauge(
            "complaints.outbox.lag", () => Lag(Volatile.Read(ref _outboxPoll)), "s",
            "How far past its send time the oldest message the outbox dispatcher's last poll claimed was; 0 when it claimed none. Nothing before its first poll.");
        meter.CreateObservableGauge(
            "complaints.outbox.claimed", () => Claimed(Volatile.Read(ref _outboxPoll)), "{message}",
            "How many messages the outbox dispatcher's last poll claimed; when that is its BatchSize, more are waiting. Nothing before its first poll.");
    }

    /// <summary>The meter the instruments are on.</summary>
    public Meter Meter { get; }

    /// <summary>Whether anything records commands: a listener on a command instrument or on the activity source.</summary>
    internal bool CommandsObserved => _commands.Enabled || _commandDuration.Enabled || _casesOpened.Enabled || _casesClosed.Enabled || Source.HasListeners();

    /// <summary>Whether anything records policy decisions: a listener on their histogram or on the activity source.</summary>
    internal bool DecisionsObserved => _decisionDuration.Enabled || Source.HasListeners();

    /// <summary>Whether anything records store saves: a listener on their histogram or on the activity source.</summary>
    internal bool SavesObserved => _saveDuration.Enabled || Source.HasListeners();

    /// <summary>Starts a command's activity (<see langword="null"/> when nothing listens).</summary>
    internal static Activity? StartCommand(ComplaintAction action, ComplaintId? id)
    {
        var activity = Source.StartActivity(TelemetryNames.CommandActivity, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = TelemetryNames.CommandDisplayName(action);
            activity.SetTag(TelemetryNames.Action, TelemetryNames.Of(action));
            if (id is { } caseId)
            {
                activity.SetTag(TelemetryNames.CaseId, caseId.Value.ToString());
            }
        }

        return activity;
    }

    /// <summary>Records a finished command on the instruments and its activity.</summary>
    internal void CommandDone(CommandObservation observation, string outcome, Exception? failure)
    {
        var action = TelemetryNames.Of(observation.Action);
        var pack = observation.Policy?.Id;
        var activity = observation.Activity;
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.Outcome, outcome);
            if (observation.Policy is { } policy)
            {
                activity.SetTag(TelemetryNames.Pack, policy.Id);
                activity.SetTag(TelemetryNames.PolicyVersion, policy.Version);
            }

            if (observation.CaseId is { } id && activity.GetTagItem(TelemetryNames.CaseId) is null)
            {
                activity.SetTag(TelemetryNames.CaseId, id.Value.ToString());
            }

            if (observation.To is { } to)
            {
                activity.SetTag(TelemetryNames.State, TelemetryNames.Of(to));
            }

            Done(activity, outcome, failure);
        }

        if (_commands.Enabled || _commandDuration.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryNames.Action, action },
                { TelemetryNames.Outcome, outcome },
            };
            if (pack is not null)
            {
                tags.Add(TelemetryNames.Pack, pack);
            }

            _commands.Add(1, tags);
            if (_commandDuration.Enabled)
            {
                _commandDuration.Record(observation.Elapsed().TotalSeconds, tags);
            }
        }

        if (failure is null && pack is not null)
        {
            if (observation.Action == ComplaintAction.Receive)
            {
                _casesOpened.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Pack, pack));
            }

            if (observation.To is { } to && TelemetryNames.IsEnd(to) && !(observation.From is { } from && TelemetryNames.IsEnd(from)))
            {
                _casesClosed.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Pack, pack), new KeyValuePair<string, object?>(TelemetryNames.State, TelemetryNames.Of(to)));
            }
        }
    }

    /// <summary>Starts timing a store save, and its activity (a child of the command's; none when nothing listens to the source).</summary>
    internal static Timing StartSave(TimeProvider time) =>
        new(Source.StartActivity(TelemetryNames.SaveActivity, ActivityKind.Internal), time.GetTimestamp());

    /// <summary>Records a finished store save: its duration by outcome, and ends its activity (marked when it failed).</summary>
    internal void SaveDone(Timing save, TimeProvider time, Exception? failure)
    {
        var outcome = failure switch
        {
            null => TelemetryNames.Ok,
            ConcurrencyException => TelemetryNames.Conflict,
            OperationCanceledException => TelemetryNames.Cancelled,
            _ => TelemetryNames.Error,
        };
        Done(save.Activity, outcome, failure);
        if (_saveDuration.Enabled)
        {
            _saveDuration.Record(time.GetElapsedTime(save.Started).TotalSeconds, new KeyValuePair<string, object?>(TelemetryNames.Outcome, outcome));
        }
    }

    /// <summary>Starts timing one policy decision at <paramref name="point"/>, and its activity (a child of the command's).</summary>
    internal static Timing StartDecision(string point, TimeProvider time)
    {
        var activity = Source.StartActivity(TelemetryNames.DecisionActivity, ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.DecisionPoint, point);
        return new(activity, time.GetTimestamp());
    }

    /// <summary>Records a finished policy decision: its duration by decision point and pack, and ends its activity.</summary>
    internal void DecisionDone(Timing decision, TimeProvider time, string point, string pack, Exception? failure)
    {
        Done(decision.Activity, TelemetryNames.Error, failure);
        if (_decisionDuration.Enabled)
        {
            _decisionDuration.Record(
                time.GetElapsedTime(decision.Started).TotalSeconds,
                new KeyValuePair<string, object?>(TelemetryNames.DecisionPoint, point),
                new KeyValuePair<string, object?>(TelemetryNames.Pack, pack));
        }
    }

    /// <summary>
    /// Ends an activity; on failure with the exception's type and status Error described by <paramref name="failedAs"/>
    /// (the type only: messages are for the caller, and a tag must never carry free text).
    /// </summary>
    private static void Done(Activity? activity, string failedAs, Exception? failure)
    {
        if (activity is null)
        {
            return;
        }

        if (failure is not null)
        {
            activity.SetTag(TelemetryNames.ErrorType, failure.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, failedAs);
        }

        activity.Dispose();
    }

    /// <summary>Keeps what the deadline worker's last poll claimed, for the <c>complaints.deadlines.*</c> gauges.</summary>
    internal void DeadlinesPolled(Internal.PollHeartbeat.Snapshot poll) => Volatile.Write(ref _deadlinePoll, poll);

    /// <summary>Keeps what the outbox dispatcher's last poll claimed, for the <c>complaints.outbox.*</c> gauges.</summary>
    internal void OutboxPolled(Internal.PollHeartbeat.Snapshot poll) => Volatile.Write(ref _outboxPoll, poll);

    private static Measurement<double>[] Lag(Internal.PollHeartbeat.Snapshot? poll) =>
        poll is { CompletedAt: not null } ? [new((poll.Lag ?? TimeSpan.Zero).TotalSeconds)] : [];

    private static Measurement<int>[] Claimed(Internal.PollHeartbeat.Snapshot? poll) =>
        poll is { CompletedAt: not null } ? [new(poll.Claimed)] : [];

    /// <summary>
    /// Runs one poll of a background worker in an activity named <paramref name="name"/> (none when nothing listens):
    /// tags it with what the poll did, or with the error's type and status when it throws.
    /// </summary>
    internal static async Task<int> RunBatchAsync(string name, Func<Activity?, CancellationToken, Task<int>> poll, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity(name, ActivityKind.Internal);
        try
        {
            var done = await poll(activity, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(TelemetryNames.BatchDone, done);
            return done;
        }
        catch (Exception e) when (activity is not null)
        {
            activity.SetTag(TelemetryNames.ErrorType, e.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, TelemetryNames.OutcomeOf(e));
            throw;
        }
    }

    /// <summary>Records what the deadline worker did with one due alarm.</summary>
    internal void DeadlineAlarmHandled(DeadlineAlarm alarm, DeadlineKind kind, string outcome)
    {
        if (_deadlineAlarms.Enabled)
        {
            _deadlineAlarms.Add(
                1,
                new KeyValuePair<string, object?>(TelemetryNames.Alarm, TelemetryNames.Of(alarm)),
                new KeyValuePair<string, object?>(TelemetryNames.DeadlineKind, TelemetryNames.Of(kind)),
                new KeyValuePair<string, object?>(TelemetryNames.Outcome, outcome));
        }
    }

    /// <summary>Records what the outbox dispatcher did with one message.</summary>
    internal void OutboxMessageHandled(NotificationKind kind, string outcome)
    {
        if (_outboxMessages.Enabled)
        {
            _outboxMessages.Add(
                1,
                new KeyValuePair<string, object?>(TelemetryNames.NotificationKind, TelemetryNames.Of(kind)),
                new KeyValuePair<string, object?>(TelemetryNames.Outcome, outcome));
        }
    }
}

/// <summary>A timed step of a command (a store save, a policy decision): its activity, if any, and when it started.</summary>
/// <param name="Activity">The step's activity; <see langword="null"/> when nothing listens to the source.</param>
/// <param name="Started">The <see cref="TimeProvider.GetTimestamp"/> at its start.</param>
internal readonly record struct Timing(Activity? Activity, long Started);

/// <summary>What one command's telemetry collects on its way; made only when something listens.</summary>
internal sealed class CommandObservation(TimeProvider time, ComplaintAction action, ComplaintId? caseId, Activity? activity)
{
    private readonly long _started = time.GetTimestamp();

    public ComplaintAction Action { get; } = action;

    public Activity? Activity { get; } = activity;

    public ComplaintId? CaseId { get; set; } = caseId;

    public PolicyRef? Policy { get; set; }

    public ComplaintState? From { get; set; }

    public ComplaintState? To { get; set; }

    public TimeSpan Elapsed() => time.GetElapsedTime(_started);
}
