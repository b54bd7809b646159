using Complaints.Policy;
using Complaints.Workflow.Calendars;

namespace Complaints.Workflow.Tests.Calendars;

/// <summary>
/// How a business calendar counts a deadline: when the clock starts, how working days and working hours are
/// counted around rest days, holidays and make-up days, on a small calendar in UTC whose days are easy to follow.
/// </summary>
public sealed class BusinessCalendarCountingTests
{
    /// <summary>Wednesday 4 March 2026 is a holiday; Saturday 7 March 2026 is a make-up working day; 09:00–18:00.</summary>
    private static BusinessCalendar March2026() => new(
        "test",
        TimeZoneInfo.Utc,
        holidays: [new DateOnly(2026, 3, 4)],
        makeUpWorkingDays: [new DateOnly(2026, 3, 7)],
        coveredFrom: new DateOnly(2026, 1, 1),
        coveredTo: new DateOnly(2026, 12, 31),
        workStart: new TimeOnly(9, 0),
        workEnd: new TimeOnly(18, 0));

    /// <summary>A day of March 2026 (Monday 2 March is a working day), UTC.</summary>
    private static DateTimeOffset March(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void ClockStart_ReceivedBeforeOpening_StartsAtOpening() =>
        March2026().ClockStart(March(2, 7, 30)).Should().Be(March(2, 9));

    [Theory]
    [InlineData(9, 0)]
    [InlineData(12, 15)]
    [InlineData(17, 59)]
    public void ClockStart_ReceivedDuringWorkingHours_StartsAtReceipt(int hour, int minute) =>
        March2026().ClockStart(March(2, hour, minute)).Should().Be(March(2, hour, minute));

    [Fact]
    public void ClockStart_ReceivedAtClosingTime_StartsAtTheNextWorkingDaysOpening() =>
        March2026().ClockStart(March(2, 18)).Should().Be(March(3, 9));

    [Fact]
    public void ClockStart_ReceivedTheEveningBeforeAHoliday_StartsTheDayAfterIt() =>
        March2026().ClockStart(March(3, 18, 30)).Should().Be(March(5, 9), "Wednesday 4 March is a holiday");

    [Fact]
    public void ClockStart_OnAMakeUpSaturday_RunsAsOnAnyWorkingDay()
    {
        var calendar = March2026();

        calendar.ClockStart(March(7, 10)).Should().Be(March(7, 10));
        calendar.ClockStart(March(6, 19)).Should().Be(March(7, 9), "Friday evening's complaint starts on the make-up Saturday");
    }

    [Fact]
    public void ClockStart_KeepsTheOffsetOfTheReceipt()
    {
        var received = new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.FromHours(8)); // 07:00 UTC, before opening

        var start = March2026().ClockStart(received);

        start.Should().Be(March(2, 9));
        start.Offset.Should().Be(TimeSpan.FromHours(8));
    }

    [Fact]
    public void WorkingHours_EndingExactlyAtClosingTime_FallDueThatDayAtClosing() =>
        March2026().Add(March(2, 10), 8, DeadlineUnit.WorkingHours).Should().Be(March(2, 18));

    [Fact]
    public void WorkingHours_BeyondClosingTime_CarryOverToTheNextWorkingDay()
    {
        var calendar = March2026();

        calendar.Add(March(2, 10), 9, DeadlineUnit.WorkingHours).Should().Be(March(3, 10));
        calendar.Add(March(3, 10), 9, DeadlineUnit.WorkingHours).Should().Be(March(5, 10), "the holiday on Wednesday is skipped");
        calendar.Add(March(2, 10), 8 + 9 + 2, DeadlineUnit.WorkingHours).Should().Be(March(5, 11), "a whole working day is nine hours");
    }

    [Fact]
    public void WorkingHours_ReceivedBeforeOpening_CountFromOpening() =>
        March2026().Add(March(2, 7), 2, DeadlineUnit.WorkingHours).Should().Be(March(2, 11));

    [Fact]
    public void WorkingHours_ReceivedAtClosingTime_CountFromTheNextOpening() =>
        March2026().Add(March(2, 18), 1, DeadlineUnit.WorkingHours).Should().Be(March(3, 10));

    [Fact]
    public void WorkingDays_CountFromTheDayAfterTheStart_AndFallDueAtClosing()
    {
        var calendar = March2026();

        calendar.Add(March(2, 10), 1, DeadlineUnit.WorkingDays).Should().Be(March(3, 18));
        calendar.Add(March(2, 10), 2, DeadlineUnit.WorkingDays).Should().Be(March(5, 18), "Wednesday's holiday does not count");
        calendar.Add(March(6, 10), 1, DeadlineUnit.WorkingDays).Should().Be(March(7, 18), "the make-up Saturday counts");
        calendar.Add(March(6, 10), 2, DeadlineUnit.WorkingDays).Should().Be(March(9, 18), "Sunday does not");
    }

    [Fact]
    public void WorkingDays_None_FallDueAtTheCloseOfTheDayTheClockStarts() =>
        March2026().Add(March(8, 10), 0, DeadlineUnit.WorkingDays).Should().Be(March(9, 18), "received on Sunday, the clock starts on Monday");

    [Fact]
    public void CalendarDays_FallDueAtMidnightEndingTheLastDay_WhateverTheWorkingDays() =>
        March2026().Add(March(2, 20), 2, DeadlineUnit.CalendarDays).Should().Be(March(5, 0));

    [Fact]
    public void Hours_AreClockHoursFromReceipt() =>
        March2026().Add(March(2, 20), 5, DeadlineUnit.Hours).Should().Be(March(3, 1));

    [Fact]
    public void Add_NegativeAmountOrUnknownUnit_IsAnArgumentError()
    {
        var calendar = March2026();

        calendar.Invoking(c => c.Add(March(2, 10), -1, DeadlineUnit.Hours)).Should().Throw<ArgumentOutOfRangeException>();
        calendar.Invoking(c => c.Add(March(2, 10), 1, (DeadlineUnit)99)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("unit");
    }

    [Fact]
    public void WorkingDays_InTheCalendarsZone_CountLocalDaysAndLocalHours()
    {
        var shanghai = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById("China Standard Time");
        var calendar = new BusinessCalendar("sh", shanghai, [], [], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new TimeOnly(9, 0), new TimeOnly(18, 0));

        // 00:30 UTC on Monday is 08:30 in Shanghai: before opening, so the clock starts at 09:00 there (01:00 UTC).
        calendar.ClockStart(March(2, 0, 30)).Should().Be(March(2, 1));
        calendar.Add(March(2, 0, 30), 1, DeadlineUnit.WorkingDays).Should().Be(March(3, 10), "18:00 in Shanghai on Tuesday");
        calendar.Add(March(1, 23), 1, DeadlineUnit.CalendarDays).Should().Be(March(3, 16), "Sunday 23:00 UTC is Monday in Shanghai; due at the end of Tuesday there");
    }
}
