using Complaints.Ports;

namespace Complaints.Workflow.Calendars;

/// <summary>
/// The business calendars a workflow knows by name, so a policy pack can name its calendar (<c>"calendar": "cn"</c>).
/// Knows <c>cn</c> (<see cref="BusinessCalendars.China()"/>) and <c>weekdays</c> (<see cref="WeekdayCalendar"/>) from the
/// start; hosts register more. Thread-safe.
/// </summary>
public sealed class BusinessCalendarRegistry
{
    private readonly Dictionary<string, Lazy<IBusinessCalendar>> _calendars = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>Creates the registry with the built-in calendars.</summary>
    /// <param name="weekdayFallback">Whether the built-in holiday calendars count plain weeks beyond their data instead of their provisional holidays.</param>
    /// <param name="strictHorizon">Whether the built-in holiday calendars fail beyond their data instead of counting provisionally; wins over <paramref name="weekdayFallback"/>.</param>
    public BusinessCalendarRegistry(bool weekdayFallback = false, bool strictHorizon = false)
    {
        _calendars["cn"] = new(() => strictHorizon ? BusinessCalendars.China().WithStrictHorizon()
            : weekdayFallback ? BusinessCalendars.China().WithWeekdayFallback()
            : BusinessCalendars.China());
        _calendars["weekdays"] = new(() => new WeekdayCalendar());
    }

    /// <summary>Registers <paramref name="calendar"/> under <paramref name="name"/>, replacing any calendar of that name.</summary>
    /// <param name="name">The name packs use.</param>
    /// <param name="calendar">The calendar.</param>
    public void Register(string name, IBusinessCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(calendar);
        lock (_gate)
        {
            _calendars[name] = new(calendar);
        }
    }

    /// <summary>Whether a calendar is named <paramref name="name"/> (built in or registered); nothing is loaded.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> if <see cref="Get"/> would find it.</returns>
    public bool IsKnown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return _calendars.ContainsKey(name);
        }
    }

    /// <summary>The calendar named <paramref name="name"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="UnknownCalendarException">No calendar has that name.</exception>
    public IBusinessCalendar Get(string name)
    {
        lock (_gate)
        {
            return _calendars.TryGetValue(name, out var calendar)
                ? calendar.Value
                : throw new UnknownCalendarException(name, _calendars.Keys.Order());
        }
    }
}
