using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Complaints.Benchmarks.Workloads;
using Complaints.Notifications;
using Complaints.Rules;
using Complaints.Storage.Sqlite;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Diagnostics;
using Complaints.Workflow.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Complaints.Benchmarks;

/// <summary>
/// Tail latency of SQLite under load (issue 21): <see cref="Writers"/> concurrent writers, each driving whole lives
/// (<see cref="CaseLife"/>, generic pack) of cases of its own through <see cref="ComplaintService"/> on one
/// <see cref="SqliteComplaintStore"/> file with the store's own settings; optionally with a deadline worker and an
/// outbox dispatcher polling beside them (their lease claims, and the dispatcher marking every message sent). Every
/// command's latency is the service's own <c>complaints.command.duration</c> (from validation to the saved case),
/// taken with a <see cref="MeterListener"/> for every command after a warm-up of one operation (JIT tiers, thread pool, file); the columns
/// p50, p99, p99.9, Max and Cmd/s are over all of a case's commands (all iterations, BenchmarkDotNet's pilot and
/// warm-up included), and a line <c>// Tail latency …</c> prints them too. The mean is per command.
/// </summary>
[Config(typeof(TailLatencyConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in the GlobalCleanup BenchmarkDotNet calls.")]
public class SqliteTailLatencyBenchmarks
{
    /// <summary>Concurrent writers.</summary>
    public const int Writers = 8;

    /// <summary>Lives each writer drives per operation.</summary>
    public const int LivesPerWriter = 10;

    /// <summary>Commands per operation.</summary>
    public const int CommandsPerOperation = Writers * LivesPerWriter * CaseLife.Commands;

    /// <summary>How often the deadline worker and the outbox dispatcher poll when <see cref="WithWorkers"/> (far more often than their defaults, to load the claims).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly BusinessCalendarRegistry _calendars = new(true);
    private readonly BenchClock _clock = new();
    private readonly List<double> _latencies = new(1 << 16);
    private string _folder = null!;
    private SqliteComplaintStore _store = null!;
    private CaseDriver[] _drivers = null!;
    private MeterListener _listener = null!;
    private CancellationTokenSource _stop = null!;
    private Task[] _background = [];
    private DeadlineWorker? _worker;
    private OutboxDispatcher? _dispatcher;
    private int _next;
    private long _ticks;
    private long _commands;

    /// <summary>Whether a deadline worker and an outbox dispatcher poll beside the writers.</summary>
    [Params(false, true)]
    public bool WithWorkers { get; set; }

    /// <summary>Creates the file, one service and driver per writer, warms up, starts listening and, if asked, the workers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "complaints-bench", "sqlite-tail-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.Delete(TailFigures.PathOf(WithWorkers));
        _store = new SqliteComplaintStore($"Data Source={Path.Combine(_folder, "complaints.db")}");
        _store.MigrateAsync().GetAwaiter().GetResult();
        var pack = PolicyPacks.LoadBuiltIn("generic");
        _drivers = Enumerable.Range(0, Writers).Select(_ => CaseLife.Driver(CaseLife.Service(_store, pack, _clock, _calendars))).ToArray();

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ComplaintsTelemetry.MeterName && instrument.Name == "complaints.command.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (_latencies)
            {
                _latencies.Add(seconds * 1000);
            }
        });
        _listener.Start();

        _stop = new CancellationTokenSource();
        if (WithWorkers)
        {
            var service = CaseLife.Service(_store, pack, _clock, _calendars);
            _worker = new DeadlineWorker(_store, service, _clock, Options.Create(new DeadlineWorkerOptions { WorkerId = "bench-deadlines" }));
            _dispatcher = new OutboxDispatcher(_store, [new NoSender()], _clock, Options.Create(new OutboxDispatcherOptions { WorkerId = "bench-outbox" }));
            _background = [Poll(_worker.RunOnceAsync, _stop.Token), Poll(_dispatcher.RunOnceAsync, _stop.Token)];
        }

        // Warm-up: one operation's lives, not counted (the first commands of a process run unoptimised code).
        RunWriters(LivesPerWriter);
        lock (_latencies)
        {
            _latencies.Clear();
        }
    }

    /// <summary>Stops the workers, writes and prints the figures, closes the store and deletes the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        Task.WaitAll(_background);
        _worker?.Dispose();
        _dispatcher?.Dispose();
        _listener.Dispose();
        double[] latencies;
        lock (_latencies)
        {
            latencies = [.. _latencies];
        }

        var figures = TailFigures.Of(latencies, _commands / TimeSpan.FromTicks(_ticks).TotalSeconds);
        figures.Write(WithWorkers);
        Console.WriteLine($"// Tail latency (SQLite, {Writers} writers{(WithWorkers ? ", deadline worker and outbox dispatcher beside" : "")}): {figures}");

        _store.Dispose();
        _stop.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One operation: every writer drives <see cref="LivesPerWriter"/> lives of its own, all at once.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = CommandsPerOperation, Description = "8 writers, whole lives, ComplaintService + SqliteComplaintStore")]
    public long Commands()
    {
        var start = Stopwatch.GetTimestamp();
        var sum = RunWriters(LivesPerWriter);
        _ticks += Stopwatch.GetElapsedTime(start).Ticks;
        _commands += CommandsPerOperation;
        return sum;
    }

    private long RunWriters(int lives)
    {
        var first = _next;
        _next += Writers * lives;
        var writers = new Task<long>[Writers];
        for (var w = 0; w < Writers; w++)
        {
            var driver = _drivers[w];
            var from = first + (w * lives);
            writers[w] = Task.Run(async () =>
            {
                long sum = 0;
                for (var i = from; i < from + lives; i++)
                {
                    sum += await CaseLife.RunAsync(driver, i).ConfigureAwait(false);
                }

                return sum;
            });
        }

        Task.WaitAll(writers);
        return writers.Sum(w => w.Result);
    }

    private static Task Poll(Func<CancellationToken, Task<int>> once, CancellationToken stop) => Task.Run(async () =>
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await once(stop).ConfigureAwait(false);
                await Task.Delay(PollInterval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }, CancellationToken.None);

    private sealed class NoSender : INotificationSender
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

/// <summary>The tail latency figures of one benchmark case, handed from the run (which may be another process) to the summary's columns through a file.</summary>
/// <param name="Count">Commands measured.</param>
/// <param name="P50">Median latency, ms.</param>
/// <param name="P99">99th percentile, ms.</param>
/// <param name="P999">99.9th percentile, ms.</param>
/// <param name="Max">The slowest command, ms.</param>
/// <param name="PerSecond">Commands per second over the measured operations.</param>
public sealed record TailFigures(int Count, double P50, double P99, double P999, double Max, double PerSecond)
{
    /// <summary>The figures of <paramref name="latencies"/> (ms).</summary>
    /// <param name="latencies">Every command's latency, ms.</param>
    /// <param name="perSecond">Commands per second.</param>
    /// <returns>The figures.</returns>
    public static TailFigures Of(double[] latencies, double perSecond)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        Array.Sort(latencies);
        return new(latencies.Length, Percentile(latencies, 0.50), Percentile(latencies, 0.99), Percentile(latencies, 0.999), latencies.Length == 0 ? double.NaN : latencies[^1], perSecond);
    }

    /// <summary>Where the figures of the case with <paramref name="withWorkers"/> are kept.</summary>
    /// <param name="withWorkers">The case's parameter.</param>
    /// <returns>The path.</returns>
    public static string PathOf(bool withWorkers)
    {
        var folder = Path.Combine(Path.GetTempPath(), "complaints-bench", "tail-latency");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, withWorkers ? "with-workers.txt" : "writers-only.txt");
    }

    /// <summary>Keeps the figures for the columns.</summary>
    /// <param name="withWorkers">The case's parameter.</param>
    public void Write(bool withWorkers) =>
        File.WriteAllText(PathOf(withWorkers), string.Join(' ', new[] { Count, P50, P99, P999, Max, PerSecond }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));

    /// <summary>The figures kept for the case with <paramref name="withWorkers"/>, if any.</summary>
    /// <param name="withWorkers">The case's parameter.</param>
    /// <returns>The figures, or <see langword="null"/>.</returns>
    public static TailFigures? Read(bool withWorkers)
    {
        var path = PathOf(withWorkers);
        if (!File.Exists(path))
        {
            return null;
        }

        var v = File.ReadAllText(path).Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new((int)v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count} commands, p50 {P50:0.00} ms, p99 {P99:0.00} ms, p99.9 {P999:0.00} ms, max {Max:0.0} ms, {PerSecond:0} commands/s");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>The tail latency columns: p50, p99, p99.9, Max (ms) and Cmd/s, from the figures the run kept.</summary>
public sealed class TailLatencyConfig : ManualConfig
{
    /// <summary>Adds the columns.</summary>
    public TailLatencyConfig()
    {
        AddColumn(
            new TailColumn("p50 ms", f => f.P50),
            new TailColumn("p99 ms", f => f.P99),
            new TailColumn("p99.9 ms", f => f.P999),
            new TailColumn("Max ms", f => f.Max),
            new TailColumn("Cmd/s", f => f.PerSecond),
            new TailColumn("Commands", f => f.Count));
    }

    private sealed class TailColumn(string name, Func<TailFigures, double> value) : IColumn
    {
        public string Id => "Tail." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"{name} over every measured command (the service's complaints.command.duration)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            benchmarkCase.Parameters["WithWorkers"] is bool withWorkers && TailFigures.Read(withWorkers) is { } figures
                ? value(figures).ToString(name is "Cmd/s" or "Commands" ? "0" : "0.00", CultureInfo.InvariantCulture)
                : "?";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
