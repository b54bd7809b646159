using Complaints.Workflow.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds the workflow's health checks: <c>services.AddHealthChecks().AddComplaintsChecks()</c>.</summary>
public static class ComplaintsHealthChecksBuilderExtensions
{
    /// <summary>The name of the check that the store answers a read at the schema this release needs.</summary>
    public const string StoreCheck = "complaints-store";

    /// <summary>The name of the check that the deadline worker completes its polls and keeps up.</summary>
    public const string DeadlineWorkerCheck = "complaints-deadline-worker";

    /// <summary>The name of the check that the outbox dispatcher completes its polls and keeps up.</summary>
    public const string OutboxDispatcherCheck = "complaints-outbox-dispatcher";

    /// <summary>The name of the check that the calendars' official holiday data covers the longest deadlines.</summary>
    public const string CalendarCheck = "complaints-calendar";

    /// <summary>
    /// Adds four checks, each tagged <c>complaints</c> and <paramref name="tags"/>: <see cref="StoreCheck"/> (Unhealthy
    /// when the store cannot be read, or its schema is not the one this release needs — the description says what to
    /// do), <see cref="DeadlineWorkerCheck"/> and <see cref="OutboxDispatcherCheck"/> (Unhealthy when the worker of this
    /// process has not completed a poll for <see cref="ComplaintsHealthCheckOptions.MissedPolls"/> intervals, Degraded
    /// when the oldest item it claimed was more than <see cref="ComplaintsHealthCheckOptions.DeadlineLag"/> /
    /// <see cref="ComplaintsHealthCheckOptions.OutboxLag"/> past due; Healthy when it is not added in this process), and
    /// <see cref="CalendarCheck"/> (Degraded when a case received now, or <see cref="ComplaintsHealthCheckOptions.CalendarLead"/>
    /// from now, would have a deadline past its calendar's official holiday data). Descriptions and data carry names,
    /// times and counts, never a complainant's identity. The thresholds are validated at host start.
    /// </summary>
    /// <param name="builder">The builder <c>AddHealthChecks()</c> returned.</param>
    /// <param name="configure">Adjusts the thresholds (they also bind from configuration: <c>AddComplaints(configuration)</c>).</param>
    /// <param name="tags">More tags for the four checks, e.g. <c>ready</c> for a readiness probe.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddComplaintsChecks(this IHealthChecksBuilder builder, Action<ComplaintsHealthCheckOptions>? configure = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ComplaintsHealthCheckOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintsHealthCheckOptions>, HealthOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        string[] all = ["complaints", .. tags ?? []];
        builder.Add(new HealthCheckRegistration(StoreCheck, static sp => new StoreHealthCheck(sp), HealthStatus.Unhealthy, all));
        builder.Add(new HealthCheckRegistration(DeadlineWorkerCheck, static sp => new PollingHealthCheck(sp, deadlines: true), HealthStatus.Unhealthy, all));
        builder.Add(new HealthCheckRegistration(OutboxDispatcherCheck, static sp => new PollingHealthCheck(sp, deadlines: false), HealthStatus.Unhealthy, all));
        builder.Add(new HealthCheckRegistration(CalendarCheck, static sp => new CalendarHealthCheck(sp), HealthStatus.Degraded, all));
        return builder;
    }

    private sealed class HealthOptionsValidator(IEnumerable<ConfiguredAt> bound) : IValidateOptions<ComplaintsHealthCheckOptions>
    {
        public ValidateOptionsResult Validate(string? name, ComplaintsHealthCheckOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(ConfiguredAt.Keyed<ComplaintsHealthCheckOptions>(bound, problems)) : ValidateOptionsResult.Success;
    }
}
