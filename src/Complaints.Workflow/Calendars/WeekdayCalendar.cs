using Complaints.Policy;
using Complaints.Ports;

namespace Complaints.Workflow.Calendars;

/// <summary>
/// A business calendar of working weekdays (Monday to Friday) with fixed working hours in one time zone and no
/// public holidays. Exact for what it models; for deadlines that must skip public holidays and honour make-up
/// working days, register a holiday-aware <see cref="IBusinessCalendar"/>.
/// </summary>
public sealed class WeekdayCalendar : IBusinessCalendar
{
    private readonly TimeZoneInfo _zone;

    /// <summary>Creates the calendar.</summary>
    /// <param name="zone">The time zone working days are counted in; UTC if <see langword="null"/>.</param>
    /// <param name="workStart">When a working day starts, for working hours.</param>
    /// <param name="workEnd">When it ends.</param>
    public WeekdayCalendar(TimeZoneInfo? zone = null, TimeOnly? workStart = null, TimeOnly? workEnd = null)
    {
        _zone = zone ?? TimeZoneInfo.Utc;
        WorkStart = workStart ?? new TimeOnly(9, 0);
        WorkEnd = workEnd ?? new TimeOnly(17, 0);
        if (WorkEnd <= WorkStart)
        {
            throw new ArgumentException($"workEnd ({WorkEnd}) must be after workStart ({WorkStart}).", nameof(workEnd));
        }
    }

    /// <inheritdoc />
    public string Name => $"weekdays ({_zone.Id})";

    /// <summary>When a working day starts.</summary>
    public TimeOnly WorkStart { get; }

    /// <summary>When a working day ends.</summary>
    public TimeOnly WorkEnd { get; }

    /// <summary>
    /// The due time. Working days and calendar days count from the day after <paramref name="start"/>, and a
    /// deadline of N days falls due at the end of the Nth (midnight at its close, in the calendar's zone), as
    /// <see cref="BusinessCalendar"/> counts them; hours are exact; working hours count only time between <see cref="WorkStart"/> and
    /// <see cref="WorkEnd"/> on working days.
    /// </summary>
    /// <param name="start">When the clock starts.</param>
    /// <param name="amount">How many units; not negative.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The due time, with the start's offset.</returns>
    public DateTimeOffset Add(DateTimeOffset start, int amount, DeadlineUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return unit switch
        {
            DeadlineUnit.CalendarDays => AddCalendarDays(start, amount),
            DeadlineUnit.Hours => start.AddHours(amount),
            DeadlineUnit.WorkingDays => AddWorkingDays(start, amount),
            DeadlineUnit.WorkingHours => AddWorkingHours(start, amount),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown deadline unit."),
        };
    }

    private static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private DateTimeOffset AddCalendarDays(DateTimeOffset start, int amount)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, _zone).DateTime);
        return ToInstant(day.AddDays(amount + 1).ToDateTime(TimeOnly.MinValue), start.Offset);
    }

    private DateTimeOffset AddWorkingDays(DateTimeOffset start, int amount)
    {
        var local = TimeZoneInfo.ConvertTime(start, _zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < amount;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        // Due at the end of that day: midnight at its close, in the calendar's zone.
        return ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), start.Offset);
    }

    private DateTimeOffset AddWorkingHours(DateTimeOffset start, int amount)
    {
        var local = TimeZoneInfo.ConvertTime(start, _zone).DateTime;
        var remaining = TimeSpan.FromHours(amount);
        while (true)
        {
            var day = DateOnly.FromDateTime(local);
            var open = day.ToDateTime(WorkStart);
            var close = day.ToDateTime(WorkEnd);
            if (!IsWorkingDay(day) || local >= close)
            {
                local = day.AddDays(1).ToDateTime(WorkStart);
                continue;
            }

            if (local < open)
            {
                local = open;
            }

            var available = close - local;
            if (remaining <= available)
            {
                return ToInstant(local + remaining, start.Offset);
            }

            remaining -= available;
            local = day.AddDays(1).ToDateTime(WorkStart);
        }
    }

    private DateTimeOffset ToInstant(DateTime local, TimeSpan offset) => LocalTimes.ToInstant(local, _zone, offset);
}
