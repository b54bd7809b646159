namespace Complaints.Demo;

/// <summary>
/// The demo's clock: a <see cref="TimeProvider"/> whose "now" is set by the demo, so a week of complaint
/// handling runs in a second and the timeline still shows realistic times. It only moves forward.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void MoveTo(DateTimeOffset instant)
    {
        if (instant < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The demo clock is at {_now:u} and does not go back.");
        }

        _now = instant;
    }
}
