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
    public void CalendarDaysAndHours_AreExact()
    {
        var calendar = new WeekdayCalendar();

        calendar.Add(FridayAfternoon, 15, DeadlineUnit.CalendarDays).Should().Be(FridayAfternoon.AddDays(15));
        calendar.Add(FridayAfternoon, 24, DeadlineUnit.Hours).Should().Be(FridayAfternoon.AddHours(24));
    }

    [Fact]
    public void Add_NegativeAmount_Throws()
    {
        var act = () => new WeekdayCalendar().Add(FridayAfternoon, -1, DeadlineUnit.WorkingDays);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
    }
}
