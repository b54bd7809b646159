using System.Text.RegularExpressions;
using Complaints.Observability;

namespace Complaints.Demo.Tests;

/// <summary>The console exporter writes to <see cref="Console.Out"/>, which the test takes over: nothing else may run meanwhile.</summary>
[CollectionDefinition(nameof(ConsoleOut), DisableParallelization = true)]
public sealed class ConsoleOut;

/// <summary>samples/Complaints.Observability: what the OpenTelemetry console exporter prints for a few complaints.</summary>
[Collection(nameof(ConsoleOut))]
public sealed class ObservabilitySampleTests
{
    [Fact]
    public async Task TheSample_ExportsEveryInstrumentTheCommandsActivitiesAndLogEvents_AndNoComplainant()
    {
        using var exported = new StringWriter();
        using var summary = new StringWriter();
        var console = Console.Out;
        int code;
        Console.SetOut(exported);
        try
        {
            code = await ObservabilitySample.RunAsync([], summary);
        }
        finally
        {
            Console.SetOut(console);
        }

        var output = exported.ToString();
        code.Should().Be(0);
        summary.ToString().Should().StartWith("Summary: 2 complaints received, 1 command refused, ").And.NotContain(" 0 deadline alarms recorded").And.NotContain(" 0 notifications sent");
        foreach (var instrument in new[]
        {
            "complaints.commands", "complaints.command.duration", "complaints.cases.opened", "complaints.deadline.alarms", "complaints.outbox.messages",
            "complaints.policy.decision.duration", "complaints.store.save.duration", "complaints.deadlines.lag", "complaints.deadlines.claimed",
            "complaints.outbox.lag", "complaints.outbox.claimed",
        })
        {
            output.Should().Contain($"Metric Name: {instrument},", "the sample's meter provider listens to the whole Complaints.Workflow meter");
        }

        foreach (var activity in new[] { "complaints receive", "complaints triage", "complaints.store.save", "complaints.policy.decide", "complaints.deadlines.poll", "complaints.outbox.dispatch" })
        {
            output.Should().MatchRegex($@"Activity\.DisplayName:\s+{Regex.Escape(activity)}\r?\n");
        }

        foreach (var eventId in new[] { 4101, 4102, 4103, 4104, 4105 })
        {
            output.Should().MatchRegex($@"LogRecord\.EventId:\s+{eventId}\r?\n");
        }

        foreach (var secret in new[] { "Chen Jie", "chen.jie", "Zhao Min", "zhao.min" })
        {
            output.Should().NotContain(secret, "no metric, span or log carries a complainant");
        }
    }
}
