using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Complaints.Workflow.Diagnostics;

namespace Complaints.Workflow.Tests.Diagnostics;

/// <summary>One measurement an instrument recorded, with its tags.</summary>
internal sealed record Recorded(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>
/// A meter factory of its own (so only this test's instruments are heard, whatever runs in parallel) and a listener
/// for the workflow's activities under a root activity the recorder starts (so only this test's activities are kept).
/// </summary>
internal sealed class TelemetryRecorder : IMeterFactory
{
    private const string TestSourceName = "Complaints.Workflow.Tests.Telemetry";
    private static readonly ActivitySource TestSource = new(TestSourceName);
    private readonly List<Meter> _meters = [];
    private readonly MeterListener _listener = new();
    private readonly ActivityListener _activityListener;
    private readonly Activity? _root;

    public TelemetryRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, this))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
        _activityListener = new ActivityListener
        {
            // By name: touching TestSource here would create it while the listener is being added, and miss it.
            ShouldListenTo = static source => source.Name is ComplaintsTelemetry.ActivitySourceName or TestSourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == ComplaintsTelemetry.ActivitySourceName && _root is { } root && activity.TraceId == root.TraceId)
                {
                    Activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        // Current from here on in the test that made the recorder: the workflow's activities become its children.
        _root = TestSource.StartActivity("test")!;
        Telemetry = new ComplaintsTelemetry(this);
    }

    public ComplaintsTelemetry Telemetry { get; }

    public ConcurrentQueue<Recorded> Measurements { get; } = new();

    public ConcurrentQueue<Activity> Activities { get; } = new();

    /// <summary>Asks the observable gauges for their values now (they are recorded as measurements like the others).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public IEnumerable<Recorded> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    public Meter Create(MeterOptions options)
    {
        options.Scope = this;
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        _root?.Dispose();
        _activityListener.Dispose();
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        Measurements.Enqueue(new Recorded(instrument.Name, instrument.Unit, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), copy));
    }
}
