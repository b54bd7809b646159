using Complaints.Policy;
using Complaints.Workflow.Calendars;

namespace Complaints.Workflow.Tests.Calendars;

public sealed class WeekdayCalendarTests
{
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 3, 6, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WorkingDays_FromFriday_SkipTheWeekendAndFallDueAtTheEndOfTheDay()
    {
        var due = new WeekdayCalendar().Add(FridayAfternoon, 1, DeadlineUnit.WorkingDays);

        due.Should().Be(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), "one working day after Friday is Monday, due at its end");
    }

    [Fact]
    public void WorkingDays_ReceivedOnSaturday_CountFromMonday()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero);

        new WeekdayCalendar().Add(saturday, 3, DeadlineUnit.WorkingDays)
            .Should().Be(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero), "Mon, Tue, Wed: due at the end of Wednesday");
    }

    [Fact]
    public void WorkingHours_FromFridayAfternoon_ContinueOnMonday()
    {
        var due = new WeekdayCalendar().Add(FridayAfternoon, 4, DeadlineUnit.WorkingHours);

        due.Should().Be(new DateTimeOffset(2026, 3, 9, 11, 0, 0, TimeSpan.Zero), "2 hours on Friday until 17:00, 2 more from 09:00 Monday");
    }

    [Fact]
    public void WorkingDays_InAnotherZone_CountLocalDays()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var fridayEveningShanghai = new DateTimeOffset(2026, 3, 6, 20, 0, 0, TimeSpan.FromHours(8));

        var due = new WeekdayCalendar(shanghai).Add(fridayEveningShanghai, 1, DeadlineUnit.WorkingDays);

        due.Should().Be(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8)));
        due.Offset.Should().Be(TimeSpan.FromHours(8));
    }

    [Fact]
    public void CalendarDays_FallDueAtTheEndOfTheLastDay_AsBusinessCalendarCountsThem()
    {
        var calendar = new WeekdayCalendar();

        // Received Friday 6 March 15:00: day 1 is Saturday 7 March, day 15 is Saturday 21 March, due at its close.
        calendar.Add(FridayAfternoon, 15, DeadlineUnit.CalendarDays).Should().Be(new DateTimeOffset(2026, 3, 22, 0, 0, 0, TimeSpan.Zero));
        new BusinessCalendar("utc", TimeZoneInfo.Utc, [], [], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new TimeOnly(9, 0), new TimeOnly(17, 0)).Add(FridayAfternoon, 15, DeadlineUnit.CalendarDays)
            .Should().Be(calendar.Add(FridayAfternoon, 15, DeadlineUnit.CalendarDays));
    }

    [Fact]
    public void CalendarDays_CountInTheCalendarsZone()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var lateEveningUtc = new DateTimeOffset(2026, 3, 6, 20, 0, 0, TimeSpan.Zero); // already Saturday 04:00 in Shanghai

        new WeekdayCalendar(shanghai).Add(lateEveningUtc, 1, DeadlineUnit.CalendarDays)
            .Should().Be(new DateTimeOffset(2026, 3, 8, 16, 0, 0, TimeSpan.Zero)); // end of Sunday 8 March, Shanghai
    }

    [Fact]
    public void CalendarDays_EndingInASkippedMidnight_FallDueAtTheNextValidInstant()
    {
        // Chile starts summer time at midnight: Sunday 6 September 2026 begins at 01:00 (UTC-3).
        var santiago = TimeZoneInfo.TryFindSystemTimeZoneById("America/Santiago", out var z) ? z : TimeZoneInfo.FindSystemTimeZoneById("Pacific SA Standard Time");

        var due = new WeekdayCalendar(santiago).Add(new DateTimeOffset(2026, 9, 4, 10, 0, 0, TimeSpan.FromHours(-4)), 1, DeadlineUnit.CalendarDays);

        due.Should().Be(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), "the end of Saturday is the instant Sunday begins");
    }

    [Fact]
    public void Hours_AreExact()
    {
        new WeekdayCalendar().Add(FridayAfternoon, 24, DeadlineUnit.Hours).Should().Be(FridayAfternoon.AddHours(24));
    }

    [Fact]
    public void Add_NegativeAmount_Throws()
    {
        var act = () => new WeekdayCalendar().Add(FridayAfternoon, -1, DeadlineUnit.WorkingDays);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
    }
}
