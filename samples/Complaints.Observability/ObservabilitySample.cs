using Complaints.Commands;
using Complaints.Notifications;
using Complaints.Workflow;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Diagnostics;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Complaints.Observability;

/// <summary>
/// A host that hands the workflow's meter, activity source and log events to OpenTelemetry's console exporter, runs
/// a few complaints through <c>AddComplaints</c> on the in-memory store, lets a month pass for the deadline worker
/// and the outbox dispatcher, and exits. Everything it exports is listed in docs/operations.md.
/// </summary>
public static class ObservabilitySample
{
    private static readonly DepartmentId CustomerService = new("customer-service");
    private static readonly DepartmentId Logistics = new("logistics");
    private static readonly Actor Coordinator = new(new("ye"), "Ye (customer service)", [ComplaintRoles.Coordinator], CustomerService);
    private static readonly Actor Dispatcher = new(new("pan"), "Pan (dispatcher)", [ComplaintRoles.Handler], Logistics);
    private static readonly Actor Visitor = new(new("guest"), "A visitor", [], null);

    /// <summary>Runs the sample; the exporters write to the console, <paramref name="output"/> gets a summary.</summary>
    /// <param name="args">The host's arguments (configuration overrides such as <c>--Logging:LogLevel:Default=Warning</c>).</param>
    /// <param name="output">Where the summary goes.</param>
    /// <returns>0.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = new SampleClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var sender = new CountingSender();

        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<INotificationSender>(sender);
        builder.Services.AddComplaints()
            .UsePack("generic")
            // Each polls once at start; the sample then asks for one more poll after skipping a month.
            .AddDeadlineWorker(o => o.PollInterval = TimeSpan.FromHours(1))
            .AddOutboxDispatcher(o => o.PollInterval = TimeSpan.FromHours(1));

        // Wiring: the meter and the activity source by name, and the logs (EventIds 4101–6104) with their fields.
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Complaints", LogLevel.Debug);
        builder.Logging.AddOpenTelemetry(logs =>
        {
            logs.IncludeFormattedMessage = true;
            logs.AddConsoleExporter();
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("Complaints.Observability"))
            .WithMetrics(metrics => metrics.AddMeter(ComplaintsTelemetry.MeterName).AddConsoleExporter())
            .WithTracing(tracing => tracing.AddSource(ComplaintsTelemetry.ActivitySourceName).AddConsoleExporter());

        // Disposing the host flushes the exporters: the metrics are printed once, at the end.
        using (var host = builder.Build())
        {
            await host.StartAsync().ConfigureAwait(false);
            var service = host.Services.GetRequiredService<ComplaintService>();

            var late = await OpenAsync(service, "Sofa three weeks late", "Chen Jie", "chen.jie@example.com").ConfigureAwait(false);
            await service.ExecuteAsync(late, Dispatcher, new StartInvestigation()).ConfigureAwait(false);
            var scratched = await OpenAsync(service, "Table delivered scratched", "Zhao Min", "zhao.min@example.com").ConfigureAwait(false);
            await service.ExecuteAsync(scratched, Dispatcher, new StartInvestigation()).ConfigureAwait(false);
            await service.ExecuteAsync(scratched, Dispatcher, new Escalate("The customer asked for the manager.")).ConfigureAwait(false);
            var refused = await RefusedAsync(service, late).ConfigureAwait(false);

            // A month passes: the deadline worker records the breaches (escalating the cases), the dispatcher sends.
            clock.Skip(TimeSpan.FromDays(30));
            var recorded = await host.Services.GetRequiredService<DeadlineWorker>().RunOnceAsync().ConfigureAwait(false);
            var sent = await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync().ConfigureAwait(false);

            await host.StopAsync().ConfigureAwait(false);
            await output.WriteLineAsync(
                $"Summary: 2 complaints received, {(refused ? 1 : 0)} command refused, {recorded} deadline alarms recorded, {sent} notifications sent ({sender.Sent} handed to the sender).").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Receives a complaint, triages it and assigns it to the dispatcher.</summary>
    private static async Task<ComplaintId> OpenAsync(ComplaintService service, string what, string name, string email)
    {
        var intake = new ComplaintIntake(
            ComplaintKind.Complaint, Channel.OnlineForm, new Complainant(name, new ContactDetails(Email: email)),
            new ComplaintSubject(SubjectKind.Service, "Home delivery"), what, Category: "delivery");
        var id = (await service.ReceiveAsync(Coordinator, intake).ConfigureAwait(false)).Complaint.Id;
        await service.ExecuteAsync(id, Coordinator, new Triage()).ConfigureAwait(false);
        await service.ExecuteAsync(id, Coordinator, new Assign(Dispatcher)).ConfigureAwait(false);
        return id;
    }

    /// <summary>Someone without a role tries to triage a case: counted as <c>refused</c>, traced as an error.</summary>
    private static async Task<bool> RefusedAsync(ComplaintService service, ComplaintId id)
    {
        try
        {
            await service.ExecuteAsync(id, Visitor, new Triage()).ConfigureAwait(false);
            return false;
        }
        catch (ComplaintException)
        {
            return true;
        }
    }
}
