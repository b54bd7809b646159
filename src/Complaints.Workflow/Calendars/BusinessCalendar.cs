using System.Collections.Concurrent;
using Complaints.Policy;
using Complaints.Ports;

namespace Complaints.Workflow.Calendars;

/// <summary>
/// A business calendar: a time zone, working hours, weekly rest days, public holidays and make-up working days
/// (China's 调休: a Saturday or Sunday worked in exchange for a holiday), for the years its data covers.
/// Create one with <see cref="BusinessCalendars"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// How durations count:
/// <list type="bullet">
/// <item>The clock starts at receipt if that is within working hours on a working day; a complaint received
/// after hours, on a rest day or on a holiday starts at the opening of the next working day.</item>
/// <item>Working days count from the day after the start; N working days fall due at the close of work on the Nth.</item>
/// <item>Working hours count only time between opening and closing on working days.</item>
/// <item>Calendar days count from the day after receipt; N calendar days fall due at the end of the Nth day (midnight).</item>
/// <item>Hours are clock hours from receipt.</item>
/// </list>
/// What a date beyond the holiday data counts as is the calendar's <see cref="BeyondData"/>: a
/// <see cref="BusinessCalendarException"/> (<see cref="CalendarHorizon.Strict"/>, the default of a calendar built from
/// data), the rest days plus holidays computed by rule (<see cref="CalendarHorizon.Provisional"/>, see
/// <see cref="WithProvisionalHolidays"/>; the default of <see cref="BusinessCalendars.China()"/>), or the rest days only
/// (<see cref="CalendarHorizon.RestDaysOnly"/>, see <see cref="WithWeekdayFallback"/>). Deadlines counted over such days
/// are provisional (<see cref="IsProvisional(DateTimeOffset, DateTimeOffset, DeadlineUnit)"/>).
/// </remarks>
public sealed class BusinessCalendar : IBusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpDays;
    private readonly HashSet<DayOfWeek> _restDays;
    private readonly Func<int, IEnumerable<DateOnly>>? _provisionalHolidays;
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _provisionalByYear = new();

    /// <summary>Creates a calendar.</summary>
    /// <param name="name">Its name, recorded on every deadline it computes (e.g. <c>cn</c>).</param>
    /// <param name="zone">The time zone days are counted in.</param>
    /// <param name="holidays">Days off that would otherwise be working days.</param>
    /// <param name="makeUpWorkingDays">Rest days that are working days.</param>
    /// <param name="coveredFrom">The first date the holiday data covers.</param>
    /// <param name="coveredTo">The last date it covers.</param>
    /// <param name="workStart">When work starts.</param>
    /// <param name="workEnd">When work ends.</param>
    /// <param name="restDays">The weekly rest days; Saturday and Sunday if <see langword="null"/>.</param>
    public BusinessCalendar(
        string name,
        TimeZoneInfo zone,
        IEnumerable<DateOnly> holidays,
        IEnumerable<DateOnly> makeUpWorkingDays,
        DateOnly coveredFrom,
        DateOnly coveredTo,
        TimeOnly workStart,
        TimeOnly workEnd,
        IEnumerable<DayOfWeek>? restDays = null)
        : this(name, zone, holidays, makeUpWorkingDays, coveredFrom, coveredTo, workStart, workEnd, restDays, null)
    {
    }

    private BusinessCalendar(
        string name,
        TimeZoneInfo zone,
        IEnumerable<DateOnly> holidays,
        IEnumerable<DateOnly> makeUpWorkingDays,
        DateOnly coveredFrom,
        DateOnly coveredTo,
        TimeOnly workStart,
        TimeOnly workEnd,
        IEnumerable<DayOfWeek>? restDays,
        Func<int, IEnumerable<DateOnly>>? provisionalHolidays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(zone);
        if (workEnd <= workStart)
        {
            throw new ArgumentException($"workEnd ({workEnd}) must be after workStart ({workStart}).", nameof(workEnd));
        }

        if (coveredTo < coveredFrom)
        {
            throw new ArgumentException($"coveredTo ({coveredTo}) is before coveredFrom ({coveredFrom}).", nameof(coveredTo));
        }

        Name = name;
        Zone = zone;
        _holidays = [.. holidays];
        _makeUpDays = [.. makeUpWorkingDays];
        CoveredFrom = coveredFrom;
        CoveredTo = coveredTo;
        WorkStart = workStart;
        WorkEnd = workEnd;
        _restDays = [.. restDays ?? [DayOfWeek.Saturday, DayOfWeek.Sunday]];
        _provisionalHolidays = provisionalHolidays;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The time zone days are counted in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>When work starts.</summary>
    public TimeOnly WorkStart { get; }

    /// <summary>When work ends.</summary>
    public TimeOnly WorkEnd { get; }

    /// <summary>The first date the holiday data covers.</summary>
    public DateOnly CoveredFrom { get; }

    /// <summary>The last date the holiday data covers.</summary>
    public DateOnly CoveredTo { get; }

    /// <summary>Whether dates beyond the data count the weekly rest days only, instead of failing.</summary>
    public bool WeekdayFallback => BeyondData == CalendarHorizon.RestDaysOnly;

    /// <summary>What a date beyond the holiday data counts as.</summary>
    /// <value><see cref="CalendarHorizon.Strict"/> unless the calendar was made with <see cref="WithProvisionalHolidays"/> or <see cref="WithWeekdayFallback"/>.</value>
    public CalendarHorizon BeyondData { get; private init; }

    /// <summary>A copy that counts dates beyond its holiday data as plain weeks (rest days only) instead of failing.</summary>
    /// <returns>The copy.</returns>
    public BusinessCalendar WithWeekdayFallback() =>
        new(Name, Zone, _holidays, _makeUpDays, CoveredFrom, CoveredTo, WorkStart, WorkEnd, _restDays) { BeyondData = CalendarHorizon.RestDaysOnly };

    /// <summary>
    /// A copy that counts a year beyond its holiday data provisionally: the rest days plus the holidays
    /// <paramref name="holidaysOfYear"/> gives for that year (for China, <see cref="ChinaStatutoryHolidays.For"/>).
    /// </summary>
    /// <param name="holidaysOfYear">The holidays a year is known to have before its official data is published.</param>
    /// <returns>The copy.</returns>
    public BusinessCalendar WithProvisionalHolidays(Func<int, IEnumerable<DateOnly>> holidaysOfYear)
    {
        ArgumentNullException.ThrowIfNull(holidaysOfYear);
        return new(Name, Zone, _holidays, _makeUpDays, CoveredFrom, CoveredTo, WorkStart, WorkEnd, _restDays, holidaysOfYear) { BeyondData = CalendarHorizon.Provisional };
    }

    /// <summary>A copy that fails with <see cref="BusinessCalendarException"/> for any date beyond its holiday data.</summary>
    /// <returns>The copy.</returns>
    public BusinessCalendar WithStrictHorizon() =>
        new(Name, Zone, _holidays, _makeUpDays, CoveredFrom, CoveredTo, WorkStart, WorkEnd, _restDays) { BeyondData = CalendarHorizon.Strict };

    /// <summary>Whether <paramref name="day"/> is beyond the official holiday data, so that whether it is worked is an estimate.</summary>
    /// <param name="day">The date, in the calendar's zone.</param>
    /// <returns><see langword="true"/> outside <see cref="CoveredFrom"/>–<see cref="CoveredTo"/>.</returns>
    public bool IsProvisional(DateOnly day) => day < CoveredFrom || day > CoveredTo;

    /// <inheritdoc />
    public bool IsProvisional(DateTimeOffset start, DateTimeOffset due, DeadlineUnit unit) =>
        unit is DeadlineUnit.WorkingDays or DeadlineUnit.WorkingHours
        && (IsProvisional(Local(start).Day) || IsProvisional(Local(due).Day));

    /// <inheritdoc />
    public DateOnly? OfficialDataEndsOn => CoveredTo;

    /// <summary>Whether <paramref name="day"/> is a working day.</summary>
    /// <param name="day">The date, in the calendar's zone.</param>
    /// <returns><see langword="true"/> for a working day.</returns>
    /// <exception cref="BusinessCalendarException">The date is beyond the data and there is no fallback.</exception>
    public bool IsWorkingDay(DateOnly day)
    {
        if (IsProvisional(day))
        {
            return BeyondData switch
            {
                CalendarHorizon.Provisional => !_restDays.Contains(day.DayOfWeek) && !ProvisionalHolidays(day.Year).Contains(day),
                CalendarHorizon.RestDaysOnly => !_restDays.Contains(day.DayOfWeek),
                _ => throw new BusinessCalendarException(Name, day, CoveredFrom, CoveredTo),
            };
        }

        if (_makeUpDays.Contains(day))
        {
            return true;
        }

        return !_holidays.Contains(day) && !_restDays.Contains(day.DayOfWeek);
    }

    /// <inheritdoc />
    public DateTimeOffset Add(DateTimeOffset start, int amount, DeadlineUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return unit switch
        {
            DeadlineUnit.Hours => start.AddHours(amount),
            DeadlineUnit.CalendarDays => At(Local(start).Day.AddDays(amount + 1), TimeOnly.MinValue, start.Offset),
            DeadlineUnit.WorkingDays => AddWorkingDays(start, amount),
            DeadlineUnit.WorkingHours => AddWorkingHours(start, amount),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown deadline unit."),
        };
    }

    /// <summary>When the clock starts for something received at <paramref name="received"/>.</summary>
    /// <param name="received">The time of receipt.</param>
    /// <returns>Receipt itself within working hours; otherwise the next opening.</returns>
    public DateTimeOffset ClockStart(DateTimeOffset received)
    {
        var (day, time) = Local(received);
        if (IsWorkingDay(day) && time < WorkEnd)
        {
            return time < WorkStart ? At(day, WorkStart, received.Offset) : received;
        }

        return At(NextWorkingDay(day), WorkStart, received.Offset);
    }

    private DateTimeOffset AddWorkingDays(DateTimeOffset start, int amount)
    {
        var day = Local(ClockStart(start)).Day;
        for (var counted = 0; counted < amount;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return At(day, WorkEnd, start.Offset);
    }

    private DateTimeOffset AddWorkingHours(DateTimeOffset start, int amount)
    {
        var (day, time) = Local(ClockStart(start));
        var remaining = TimeSpan.FromHours(amount);
        while (true)
        {
            var available = WorkEnd - time;
            if (remaining <= available)
            {
                return At(day, time.Add(remaining), start.Offset);
            }

            remaining -= available;
            day = NextWorkingDay(day);
            time = WorkStart;
        }
    }

    private HashSet<DateOnly> ProvisionalHolidays(int year) =>
        _provisionalByYear.GetOrAdd(year, static (y, rule) => [.. rule!(y)], _provisionalHolidays);

    private DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));

        return day;
    }

    private (DateOnly Day, TimeOnly Time) Local(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private DateTimeOffset At(DateOnly day, TimeOnly time, TimeSpan offset) =>
        LocalTimes.ToInstant(day.ToDateTime(time, DateTimeKind.Unspecified), Zone, offset);
}
