using System.Diagnostics.Metrics;
using Complaints.Commands;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/operations.md: the workflow's metrics, heard without OpenTelemetry.</summary>
public sealed class OperationsMetrics
{
    [Fact]
    public async Task A_meter_listener_counts_refused_commands()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic");
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();

        #region operations-meter-listener
        // Without OpenTelemetry: count refused commands with a MeterListener (tests and dashboards of your own).
        long refused = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ComplaintsTelemetry.MeterName && instrument.Name == "complaints.commands")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "complaints.outcome" && (string?)tag.Value == "refused")
                {
                    Interlocked.Add(ref refused, value);
                }
            }
        });
        listener.Start();
        #endregion

        var received = await complaints.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake());
        var stranger = new Actor(new ActorId("visitor"), "A visitor", [], null);
        var act = () => complaints.ExecuteAsync(received.Complaint.Id, stranger, new Triage());

        await act.Should().ThrowAsync<NotPermittedException>();
        Interlocked.Read(ref refused).Should().BeGreaterThanOrEqualTo(1);
    }
}
