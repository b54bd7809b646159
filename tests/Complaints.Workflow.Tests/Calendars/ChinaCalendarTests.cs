using Complaints.Workflow.Calendars;

namespace Complaints.Workflow.Tests.Calendars;

/// <summary>
/// The China calendar as this package ships it: its zone, hours and data, and how it counts years beyond the data.
/// Each test builds its own (<c>BusinessCalendars.China([])</c>) rather than the cached <c>China()</c>.
/// </summary>
public sealed class ChinaCalendarTests
{
    private readonly BusinessCalendar _china = BusinessCalendars.China([]);

    [Fact]
    public void China_IsShanghaiNineToSix_WithTheShippedDataFrom2007Through2026()
    {
        _china.Name.Should().Be("cn");
        _china.Zone.BaseUtcOffset.Should().Be(TimeSpan.FromHours(8));
        (_china.WorkStart, _china.WorkEnd).Should().Be((new TimeOnly(9, 0), new TimeOnly(18, 0)));
        (_china.CoveredFrom, _china.CoveredTo).Should().Be((new DateOnly(2007, 1, 1), new DateOnly(2026, 12, 31)));
        _china.BeyondData.Should().Be(CalendarHorizon.Provisional);
    }

    [Fact]
    public void China_TheShippedData_HasTheHolidaysAndMakeUpDays()
    {
        _china.IsWorkingDay(new DateOnly(2007, 1, 1)).Should().BeFalse("New Year's Day 2007, the first day of the data");
        _china.IsWorkingDay(new DateOnly(2026, 10, 1)).Should().BeFalse("National Day 2026");
        _china.IsWorkingDay(new DateOnly(2026, 10, 10)).Should().BeTrue("Saturday 10 October 2026 is a make-up working day");
        _china.IsWorkingDay(new DateOnly(2026, 10, 9)).Should().BeTrue("an ordinary Friday");
    }

    [Fact]
    public void China_AYearBeyondTheData_CountsTheStatutoryHolidaysAndWeekends()
    {
        _china.IsWorkingDay(new DateOnly(2027, 10, 1)).Should().BeFalse("National Day 2027, a Friday");
        _china.IsWorkingDay(new DateOnly(2027, 10, 4)).Should().BeTrue("Monday 4 October 2027: bridging days are not known before they are published");
        _china.IsWorkingDay(new DateOnly(2027, 10, 9)).Should().BeFalse("a Saturday");
    }

    [Fact]
    public void China_BeyondTheYearsTheStatutoryRuleKnows_CountsWeekendsOnly()
    {
        _china.IsWorkingDay(new DateOnly(2100, 10, 1)).Should().BeFalse("National Day 2100, a Friday, is still computed");
        _china.IsWorkingDay(new DateOnly(2101, 10, 3)).Should().BeTrue("Monday 3 October 2101 is beyond the rule: a plain Monday");
        _china.IsWorkingDay(new DateOnly(1901, 1, 1)).Should().BeFalse("New Year's Day 1901, a Tuesday, is computed");
        _china.IsWorkingDay(new DateOnly(1900, 1, 1)).Should().BeTrue("Monday 1 January 1900 is beyond the rule");
    }

    [Fact]
    public void China_Cached_IsOneInstanceThatCountsAsAFreshOne()
    {
        var cached = BusinessCalendars.China();

        BusinessCalendars.China().Should().BeSameAs(cached);
        _china.Should().NotBeSameAs(cached);
        (cached.CoveredFrom, cached.CoveredTo, cached.BeyondData).Should().Be((_china.CoveredFrom, _china.CoveredTo, _china.BeyondData));
    }

    [Fact]
    public void China_WithoutDocumentsOrPaths_IsAnArgumentError()
    {
        ((Func<BusinessCalendar>)(() => BusinessCalendars.China(null!))).Should().Throw<ArgumentNullException>();
        ((Func<BusinessCalendar>)(() => BusinessCalendars.ChinaWithHolidayFiles(null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void StatutoryHolidays_OfAYear_AreTheDatesTheLawFixes_InOrder()
    {
        // 2025: Spring Festival 29 January (eve 28 January), Qingming 4 April, Dragon Boat 31 May, Mid-Autumn 6 October
        // (after the leap sixth month).
        DateOnly[] expected =
        [
            new(2025, 1, 1), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31), new(2025, 4, 4),
            new(2025, 5, 1), new(2025, 5, 2), new(2025, 5, 31), new(2025, 10, 1), new(2025, 10, 2), new(2025, 10, 3), new(2025, 10, 6),
        ];

        ChinaStatutoryHolidays.For(2025).Should().Equal(expected);
    }

    [Fact]
    public void StatutoryHolidays_WhenMidAutumnFallsOnNationalDay_CountThatDayOnce()
    {
        // 2020: Mid-Autumn on 1 October; Dragon Boat 25 June, after the leap fourth month.
        DateOnly[] expected =
        [
            new(2020, 1, 1), new(2020, 1, 24), new(2020, 1, 25), new(2020, 1, 26), new(2020, 1, 27), new(2020, 4, 4),
            new(2020, 5, 1), new(2020, 5, 2), new(2020, 6, 25), new(2020, 10, 1), new(2020, 10, 2), new(2020, 10, 3),
        ];

        ChinaStatutoryHolidays.For(2020).Should().Equal(expected);
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2101)]
    public void StatutoryHolidays_OutsideTheLunarCalendarsRange_IsAnArgumentError(int year) =>
        ((Func<IReadOnlyList<DateOnly>>)(() => ChinaStatutoryHolidays.For(year))).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData(1901)]
    [InlineData(2100)]
    public void StatutoryHolidays_AtTheEdgesOfTheRange_AreComputed(int year) =>
        ChinaStatutoryHolidays.For(year).Should().HaveCountGreaterThan(10).And.Contain(new DateOnly(year, 1, 1));
}
