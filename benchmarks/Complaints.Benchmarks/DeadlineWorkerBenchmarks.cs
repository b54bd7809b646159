using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Workloads;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Microsoft.Extensions.Options;

namespace Complaints.Benchmarks;

/// <summary>
/// The deadline worker: one <see cref="DeadlineWorker.RunOnceAsync"/> claiming and recording <see cref="Alarms"/> due
/// warnings (one per case, <see cref="AlarmSeed"/>), in memory and on SQLite. Each iteration seeds a fresh store, so an
/// operation is one pass over the due alarms; times are per alarm (claimed and recorded through the command path).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in the IterationCleanup BenchmarkDotNet calls.")]
public class DeadlineWorkerBenchmarks
{
    /// <summary>Due alarms per operation.</summary>
    public const int Alarms = 40;

    private AlarmSeed _seed = null!;
    private DeadlineWorker _worker = null!;

    /// <summary>Which store.</summary>
    [Params("memory", "sqlite")]
    public string Store { get; set; } = "memory";

    /// <summary>Seeds a fresh store and moves the clock to when the warnings are due.</summary>
    [IterationSetup]
    public void Seed()
    {
        _seed = AlarmSeed.Create(Store, Alarms);
        _seed.Clock.Now = AlarmSeed.WarningsDue;
        _worker = new DeadlineWorker((IDeadlineStore)_seed.Store, _seed.Service, _seed.Clock, Options.Create(new DeadlineWorkerOptions { BatchSize = Alarms * 2, WorkerId = "bench" }));
    }

    /// <summary>Removes the store.</summary>
    [IterationCleanup]
    public void Cleanup()
    {
        _worker.Dispose();
        _seed.Dispose();
    }

    /// <summary>One pass: claim the due alarms and record each.</summary>
    /// <returns>How many were recorded.</returns>
    [Benchmark(OperationsPerInvoke = Alarms, Description = "Claim and record due warnings")]
    public int RunOnce()
    {
        var recorded = _worker.RunOnceAsync().GetAwaiter().GetResult();
        return recorded == Alarms ? recorded : throw new InvalidOperationException($"{recorded} alarms recorded; expected {Alarms}.");
    }
}
