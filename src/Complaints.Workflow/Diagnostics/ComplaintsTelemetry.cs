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
    }

    /// <summary>The meter the instruments are on.</summary>
    public Meter Meter { get; }

    /// <summary>Whether anything records commands: a listener on a command instrument or on the activity source.</summary>
    internal bool CommandsObserved => _commands.Enabled || _commandDuration.Enabled || _casesOpened.Enabled || _casesClosed.Enabled || Source.HasListeners();

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

            if (failure is not null)
            {
                // The type only: messages are for the caller, and the tag must never carry free text.
                activity.SetTag(TelemetryNames.ErrorType, failure.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }

            activity.Dispose();
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

    /// <summary>Starts the activity of a store save (a child of the command's); <see langword="null"/> when nothing listens.</summary>
    internal static Activity? StartSave() => Source.StartActivity(TelemetryNames.SaveActivity, ActivityKind.Internal);

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
