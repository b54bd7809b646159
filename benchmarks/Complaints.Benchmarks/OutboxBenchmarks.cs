using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Workloads;
using Complaints.Notifications;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.Options;

namespace Complaints.Benchmarks;

/// <summary>
/// The outbox dispatcher: one <see cref="OutboxDispatcher.RunOnceAsync"/> claiming <see cref="Messages"/> pending
/// acknowledgements (one per triaged case, <see cref="AlarmSeed"/>), handing each to a sender that does nothing, and
/// marking each sent, in memory and on SQLite. Each iteration seeds a fresh store; times are per message.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in the IterationCleanup BenchmarkDotNet calls.")]
public class OutboxBenchmarks
{
    /// <summary>Pending messages per operation.</summary>
    public const int Messages = 40;

    private AlarmSeed _seed = null!;
    private OutboxDispatcher _dispatcher = null!;

    /// <summary>Which store.</summary>
    [Params("memory", "sqlite")]
    public string Store { get; set; } = "memory";

    /// <summary>Seeds a fresh store.</summary>
    [IterationSetup]
    public void Seed()
    {
        _seed = AlarmSeed.Create(Store, Messages);
        _dispatcher = new OutboxDispatcher((IOutboxStore)_seed.Store, [new NoSender()], _seed.Clock, Options.Create(new OutboxDispatcherOptions { BatchSize = Messages * 2, WorkerId = "bench" }));
    }

    /// <summary>Removes the store.</summary>
    [IterationCleanup]
    public void Cleanup()
    {
        _dispatcher.Dispose();
        _seed.Dispose();
    }

    /// <summary>One pass: claim, send and mark every pending message.</summary>
    /// <returns>How many were sent.</returns>
    [Benchmark(OperationsPerInvoke = Messages, Description = "Claim, send and mark pending messages")]
    public int RunOnce()
    {
        var sent = _dispatcher.RunOnceAsync().GetAwaiter().GetResult();
        return sent == Messages ? sent : throw new InvalidOperationException($"{sent} messages sent; expected {Messages}.");
    }

    private sealed class NoSender : INotificationSender
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
