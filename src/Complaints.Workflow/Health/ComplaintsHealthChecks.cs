using System.Globalization;
using Complaints.Ports;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow.Health;

/// <summary>The store answers a read, at the schema this release needs.</summary>
internal sealed class StoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <summary>No case has it (ids are UUID v7, this one is all zeros): the probe reads nothing.</summary>
    private static readonly ComplaintId Probe = new(Guid.Empty);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = services.GetRequiredService<IComplaintStore>();
        var name = store.GetType().Name;
        try
        {
            _ = await store.LoadAsync(Probe, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The complaint store {name} answers reads.", Data(("store", name)));
        }
        catch (StoreSchemaException e)
        {
            // Its message names the database and says what to do; it never names a case.
            return HealthCheckResult.Unhealthy(
                e.Message,
                data: Data(("store", name), ("schemaVersion", e.FoundVersion), ("supportedSchemaVersion", e.SupportedVersion)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure to read is the answer: the store is not reachable.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy(
                $"The complaint store {name} cannot be read ({e.GetType().Name}: {e.Message}). Check that the database is up and the connection string (and its credentials) are right.",
                data: Data(("store", name), ("error", e.GetType().Name)));
        }
    }

    internal static Dictionary<string, object> Data(params (string Key, object Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
}

/// <summary>The deadline worker or outbox dispatcher of this process completes its polls, and is not falling behind.</summary>
internal sealed class PollingHealthCheck(IServiceProvider services, bool deadlines) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        var options = services.GetRequiredService<IOptions<ComplaintsHealthCheckOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (what, heartbeat, interval, lease, threshold, thresholdName, add, failedLog) = deadlines
            ? services.GetService<DeadlineWorker>() is { } worker
                ? ("The deadline worker", worker.Heartbeat, worker.PollInterval, services.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value.Lease,
                    options.DeadlineLag, "DeadlineLag", "AddDeadlineWorker()", "Looking for due deadlines failed")
                : default
            : services.GetService<OutboxDispatcher>() is { } dispatcher
                ? ("The outbox dispatcher", dispatcher.Heartbeat, dispatcher.PollInterval, services.GetRequiredService<IOptions<OutboxDispatcherOptions>>().Value.Lease,
                    options.OutboxLag, "OutboxLag", "AddOutboxDispatcher()", "Looking for notifications to send failed")
                : default;
        if (heartbeat is null)
        {
            return HealthCheckResult.Healthy(
                $"{(deadlines ? "The deadline worker" : "The outbox dispatcher")} does not run in this process (it was not added with {(deadlines ? "AddDeadlineWorker()" : "AddOutboxDispatcher()")}).");
        }

        var last = heartbeat.Last;
        var data = StoreHealthCheck.Data(
            ("pollInterval", interval.ToString("c", CultureInfo.InvariantCulture)),
            ("lastPollCompletedAt", last.CompletedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "never"),
            ("lastPollClaimed", last.Claimed),
            ("lagSeconds", (last.Lag ?? TimeSpan.Zero).TotalSeconds));
        if (last.Failure is { } failure)
        {
            data["lastPollFailure"] = failure;
        }

        var allowed = (interval * options.MissedPolls) + lease;
        var since = last.CompletedAt ?? last.CreatedAt;
        if (now - since > allowed)
        {
            var failing = last.Failure is { } f
                ? $" Its last poll failed ({f}); the log has the error ('{failedLog}')."
                : $" It may have stopped, or a poll hangs; {add} starts it with the host.";
            return HealthCheckResult.Unhealthy(
                $"{what} has not completed a poll since {since:O} ({Minutes(now - since)}; allowed: {options.MissedPolls} poll intervals of {interval} plus the lease).{failing}",
                data: data);
        }

        if (last.Lag is { } lag && lag > threshold)
        {
            return HealthCheckResult.Degraded(
                $"{what} is falling behind: the oldest item its last poll claimed was {Minutes(lag)} past due (threshold {thresholdName}: {threshold}). " +
                "Raise BatchSize, shorten PollInterval or add a node; check that senders and the store are not slow.",
                data: data);
        }

        return HealthCheckResult.Healthy($"{what} completes its polls and keeps up.", data);
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} minutes")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} seconds");
}

/// <summary>The calendars' official holiday data covers the policies' longest deadlines, looking <see cref="ComplaintsHealthCheckOptions.CalendarLead"/> ahead.</summary>
internal sealed class CalendarHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<ICalendarHorizonCheck>() is not { } horizon)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No policy pack registered a calendar horizon check (a hand-written policy is not checked)."));
        }

        var options = services.GetRequiredService<IOptions<ComplaintsHealthCheckOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var warnings = horizon.Check(now);
        if (warnings.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded(string.Join(" ", warnings), data: StoreHealthCheck.Data(("horizonReached", true))));
        }

        var ahead = horizon.Check(now + options.CalendarLead);
        return Task.FromResult(ahead.Count > 0
            ? HealthCheckResult.Degraded(
                $"Within {options.CalendarLead.TotalDays:0} days (CalendarLead): " + string.Join(" ", ahead),
                data: StoreHealthCheck.Data(("horizonReached", false)))
            : HealthCheckResult.Healthy("The calendars' official data covers the longest deadlines.", StoreHealthCheck.Data(("horizonReached", false))));
    }
}
