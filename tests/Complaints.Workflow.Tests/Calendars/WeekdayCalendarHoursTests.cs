using Complaints.Policy;
using Complaints.Workflow.Calendars;

namespace Complaints.Workflow.Tests.Calendars;

/// <summary>Working hours on the weekday calendar (Monday to Friday, 09:00–17:00 unless set), and how it is made.</summary>
public sealed class WeekdayCalendarHoursTests
{
    /// <summary>A day of March 2026 (Monday 2 March), UTC.</summary>
    private static DateTimeOffset March(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void WorkingHours_EndingExactlyAtClosingTime_FallDueThatDayAtClosing() =>
        new WeekdayCalendar().Add(March(2, 9), 8, DeadlineUnit.WorkingHours).Should().Be(March(2, 17));

    [Fact]
    public void WorkingHours_ReceivedBeforeOpening_CountFromOpening() =>
        new WeekdayCalendar().Add(March(2, 7), 1, DeadlineUnit.WorkingHours).Should().Be(March(2, 10));

    [Theory]
    [InlineData(17, 0)]
    [InlineData(20, 30)]
    public void WorkingHours_ReceivedAtOrAfterClosing_CountFromTheNextOpening(int hour, int minute) =>
        new WeekdayCalendar().Add(March(2, hour, minute), 1, DeadlineUnit.WorkingHours).Should().Be(March(3, 10));

    [Fact]
    public void WorkingHours_OverTheWeekend_ResumeOnMonday()
    {
        var calendar = new WeekdayCalendar();

        calendar.Add(March(7, 10), 1, DeadlineUnit.WorkingHours).Should().Be(March(9, 10), "received on Saturday");
        calendar.Add(March(6, 16), 2, DeadlineUnit.WorkingHours).Should().Be(March(9, 10), "one hour on Friday, one on Monday");
    }

    [Fact]
    public void WorkingHours_WithItsOwnHours_CountOnlyThose()
    {
        var mornings = new WeekdayCalendar(workStart: new TimeOnly(8, 0), workEnd: new TimeOnly(12, 0));

        mornings.Add(March(2, 11), 2, DeadlineUnit.WorkingHours).Should().Be(March(3, 9));
        mornings.Add(March(2, 11), 1, DeadlineUnit.WorkingHours).Should().Be(March(2, 12));
    }

    [Fact]
    public void WorkingHours_InItsZone_CountLocalHours_AndKeepTheStartsOffset()
    {
        var shanghai = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById("China Standard Time");

        // 00:00 UTC on Monday is 08:00 in Shanghai: the clock starts at 09:00 there (01:00 UTC).
        var due = new WeekdayCalendar(shanghai).Add(March(2, 0), 1, DeadlineUnit.WorkingHours);

        due.Should().Be(March(2, 2));
        due.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void New_ByDefault_WorksNineToFiveInUtc()
    {
        var calendar = new WeekdayCalendar();

        calendar.WorkStart.Should().Be(new TimeOnly(9, 0));
        calendar.WorkEnd.Should().Be(new TimeOnly(17, 0));
        calendar.Name.Should().Be("weekdays (UTC)");
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(17, 9)]
    public void New_WorkEndingWhenOrBeforeItStarts_IsAnArgumentError(int start, int end)
    {
        var act = () => new WeekdayCalendar(workStart: new TimeOnly(start, 0), workEnd: new TimeOnly(end, 0));

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("workEnd");
    }

    [Fact]
    public void Add_UnknownUnit_IsAnArgumentError() =>
        new WeekdayCalendar().Invoking(c => c.Add(March(2, 9), 1, (DeadlineUnit)99)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("unit");
}
