namespace Complaints.Observability;

/// <summary>
/// The sample's clock: real time, shifted forward when the sample skips a month, so the deadline worker finds the
/// breaches a month brings without the sample waiting for them. Timers (the workers' poll delays) run in real time.
/// </summary>
internal sealed class SampleClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();
    private TimeSpan _skipped;

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_started) + _skipped;

    /// <summary>Moves "now" forward by <paramref name="span"/>.</summary>
    public void Skip(TimeSpan span) => _skipped += span;
}
