using Complaints.Policy;
using Complaints.Workflow.Calendars;

namespace Complaints.Workflow.Tests.Calendars;

/// <summary>
/// Which days a business calendar works, how it is made, and what it does with a date beyond its holiday data:
/// fail (the default), count plain weeks, or count provisional holidays.
/// </summary>
public sealed class BusinessCalendarDaysTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Six = new(18, 0);

    private static BusinessCalendar Calendar(IEnumerable<DayOfWeek>? restDays = null) =>
        new("test", TimeZoneInfo.Utc, [new DateOnly(2026, 3, 4)], [new DateOnly(2026, 3, 7)], From, To, Nine, Six, restDays);

    [Fact]
    public void IsWorkingDay_ByDefault_RestsOnSaturdayAndSunday_SkipsHolidays_AndWorksMakeUpDays()
    {
        var calendar = Calendar();

        calendar.IsWorkingDay(new DateOnly(2026, 3, 2)).Should().BeTrue("a Monday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 4)).Should().BeFalse("a holiday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 6)).Should().BeTrue("a Friday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 7)).Should().BeTrue("a make-up Saturday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 14)).Should().BeFalse("a Saturday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 15)).Should().BeFalse("a Sunday");
    }

    [Fact]
    public void IsWorkingDay_WithAFridayAndSaturdayWeekend_WorksSundays()
    {
        var calendar = new BusinessCalendar("gulf", TimeZoneInfo.Utc, [], [], From, To, Nine, Six, [DayOfWeek.Friday, DayOfWeek.Saturday]);

        calendar.IsWorkingDay(new DateOnly(2026, 3, 5)).Should().BeTrue("a Thursday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 6)).Should().BeFalse("a Friday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 7)).Should().BeFalse("a Saturday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 8)).Should().BeTrue("a Sunday");
        calendar.Add(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero), 1, DeadlineUnit.WorkingDays)
            .Should().Be(new DateTimeOffset(2026, 3, 8, 18, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void CoveredDays_FromTheFirstToTheLast_AreKnown_AndTheDaysOutsideAreAnError()
    {
        var calendar = Calendar();

        calendar.IsWorkingDay(From).Should().BeTrue("Thursday 1 January 2026 is the first covered day");
        calendar.IsWorkingDay(To).Should().BeTrue("Thursday 31 December 2026 is the last");
        calendar.Invoking(c => c.IsWorkingDay(From.AddDays(-1))).Should().Throw<BusinessCalendarException>()
            .Which.Should().Match<BusinessCalendarException>(e => e.Calendar == "test" && e.Date == From.AddDays(-1) && e.CoveredFrom == From && e.CoveredTo == To);
        calendar.Invoking(c => c.IsWorkingDay(To.AddDays(1))).Should().Throw<BusinessCalendarException>()
            .WithMessage("The business calendar 'test' has holiday data from 2026-01-01 to 2026-12-31; 2027-01-01 is beyond it. Load newer holiday data*WithWeekdayFallback*");
    }

    [Fact]
    public void IsProvisional_IsTrueOnlyOutsideTheCoveredDays()
    {
        var calendar = Calendar();

        calendar.IsProvisional(From).Should().BeFalse();
        calendar.IsProvisional(To).Should().BeFalse();
        calendar.IsProvisional(From.AddDays(-1)).Should().BeTrue();
        calendar.IsProvisional(To.AddDays(1)).Should().BeTrue();
        calendar.OfficialDataEndsOn.Should().Be(To);
    }

    [Fact]
    public void IsProvisional_ForADeadline_WhenWorkingTimeIsCountedOverAnUncoveredDay()
    {
        var calendar = Calendar();
        var covered = new DateTimeOffset(2026, 12, 30, 10, 0, 0, TimeSpan.Zero);
        var beyond = new DateTimeOffset(2027, 1, 4, 18, 0, 0, TimeSpan.Zero);

        calendar.IsProvisional(covered, covered.AddHours(2), DeadlineUnit.WorkingHours).Should().BeFalse();
        calendar.IsProvisional(covered, beyond, DeadlineUnit.WorkingDays).Should().BeTrue();
        calendar.IsProvisional(beyond, beyond.AddDays(1), DeadlineUnit.WorkingHours).Should().BeTrue();
        calendar.IsProvisional(covered, beyond, DeadlineUnit.CalendarDays).Should().BeFalse("calendar days do not depend on holidays");
        calendar.IsProvisional(covered, beyond, DeadlineUnit.Hours).Should().BeFalse("nor do hours");
    }

    [Fact]
    public void WithWeekdayFallback_CountsPlainWeeksBeyondTheData_WithTheCalendarsOwnRestDays()
    {
        var fallback = Calendar([DayOfWeek.Friday, DayOfWeek.Saturday]).WithWeekdayFallback();

        fallback.BeyondData.Should().Be(CalendarHorizon.RestDaysOnly);
        fallback.WeekdayFallback.Should().BeTrue();
        fallback.IsWorkingDay(new DateOnly(2027, 1, 1)).Should().BeFalse("a Friday, a rest day of this calendar");
        fallback.IsWorkingDay(new DateOnly(2027, 1, 3)).Should().BeTrue("a Sunday, a working day of this calendar");
        fallback.IsWorkingDay(new DateOnly(2026, 3, 4)).Should().BeFalse("the holidays it has data for still count");
        fallback.IsWorkingDay(new DateOnly(2026, 3, 7)).Should().BeTrue("and so do its make-up days");
    }

    [Fact]
    public void WithProvisionalHolidays_CountsTheRulesHolidaysBeyondTheData()
    {
        var provisional = Calendar().WithProvisionalHolidays(year => [new DateOnly(year, 1, 1)]);

        provisional.BeyondData.Should().Be(CalendarHorizon.Provisional);
        provisional.WeekdayFallback.Should().BeFalse();
        provisional.IsWorkingDay(new DateOnly(2027, 1, 1)).Should().BeFalse("the rule's holiday");
        provisional.IsWorkingDay(new DateOnly(2027, 1, 2)).Should().BeFalse("a Saturday");
        provisional.IsWorkingDay(new DateOnly(2027, 1, 4)).Should().BeTrue("a Monday");
        provisional.IsWorkingDay(new DateOnly(2026, 1, 1)).Should().BeTrue("within the data the rule is not used");
        provisional.Invoking(c => c.WithProvisionalHolidays(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void WithStrictHorizon_MakesDatesBeyondTheDataAnErrorAgain()
    {
        var strict = Calendar().WithWeekdayFallback().WithStrictHorizon();

        strict.BeyondData.Should().Be(CalendarHorizon.Strict);
        strict.WeekdayFallback.Should().BeFalse();
        strict.Invoking(c => c.IsWorkingDay(new DateOnly(2027, 1, 4))).Should().Throw<BusinessCalendarException>();
    }

    [Fact]
    public void Copies_KeepNameZoneHoursAndCoverage()
    {
        var original = Calendar();

        foreach (var copy in new[] { original.WithWeekdayFallback(), original.WithStrictHorizon(), original.WithProvisionalHolidays(_ => []) })
        {
            (copy.Name, copy.Zone, copy.WorkStart, copy.WorkEnd, copy.CoveredFrom, copy.CoveredTo)
                .Should().Be((original.Name, original.Zone, original.WorkStart, original.WorkEnd, original.CoveredFrom, original.CoveredTo));
        }
    }

    [Fact]
    public void New_DefaultsToAStrictHorizon_AndKeepsWhatItWasGiven()
    {
        var calendar = Calendar();

        calendar.Name.Should().Be("test");
        calendar.Zone.Should().Be(TimeZoneInfo.Utc);
        calendar.WorkStart.Should().Be(Nine);
        calendar.WorkEnd.Should().Be(Six);
        calendar.CoveredFrom.Should().Be(From);
        calendar.CoveredTo.Should().Be(To);
        calendar.BeyondData.Should().Be(CalendarHorizon.Strict);
        calendar.WeekdayFallback.Should().BeFalse();
    }

    [Fact]
    public void New_CoveringOneDay_IsAllowed()
    {
        var oneDay = new BusinessCalendar("one", TimeZoneInfo.Utc, [], [], From, From, Nine, Six);

        oneDay.IsWorkingDay(From).Should().BeTrue();
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(18, 9)]
    public void New_WorkEndingWhenOrBeforeItStarts_IsAnArgumentError(int start, int end)
    {
        var act = () => new BusinessCalendar("x", TimeZoneInfo.Utc, [], [], From, To, new TimeOnly(start, 0), new TimeOnly(end, 0));

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("workEnd");
    }

    [Fact]
    public void New_CoverageEndingBeforeItStarts_IsAnArgumentError()
    {
        var act = () => new BusinessCalendar("x", TimeZoneInfo.Utc, [], [], To, From, Nine, Six);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("coveredTo");
    }

    [Fact]
    public void New_WithoutANameOrZone_IsAnArgumentError()
    {
        ((Func<BusinessCalendar>)(() => new BusinessCalendar(" ", TimeZoneInfo.Utc, [], [], From, To, Nine, Six))).Should().Throw<ArgumentException>();
        ((Func<BusinessCalendar>)(() => new BusinessCalendar("x", null!, [], [], From, To, Nine, Six))).Should().Throw<ArgumentNullException>();
    }
}
