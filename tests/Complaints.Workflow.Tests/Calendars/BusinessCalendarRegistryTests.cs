using Complaints.Workflow.Calendars;

namespace Complaints.Workflow.Tests.Calendars;

/// <summary>The calendars a policy pack can name: the built-in <c>cn</c> and <c>weekdays</c>, and those a host registers.</summary>
public sealed class BusinessCalendarRegistryTests
{
    [Fact]
    public void Get_Weekdays_IsTheBuiltInWeekdayCalendar_WhateverTheCase()
    {
        var registry = new BusinessCalendarRegistry();

        var weekdays = registry.Get("weekdays");

        weekdays.Should().BeOfType<WeekdayCalendar>().Which.Name.Should().Be("weekdays (UTC)");
        registry.Get("WEEKDAYS").Should().BeSameAs(weekdays, "built once, on first use");
    }

    [Fact]
    public void Get_Cn_ByDefault_CountsYearsBeyondTheDataProvisionally()
    {
        var china = new BusinessCalendarRegistry().Get("cn").Should().BeOfType<BusinessCalendar>().Subject;

        china.Name.Should().Be("cn");
        china.BeyondData.Should().Be(CalendarHorizon.Provisional);
    }

    [Fact]
    public void Get_Cn_WithWeekdayFallback_CountsPlainWeeksBeyondTheData()
    {
        var china = (BusinessCalendar)new BusinessCalendarRegistry(weekdayFallback: true).Get("cn");

        china.WeekdayFallback.Should().BeTrue();
        china.IsWorkingDay(new DateOnly(2027, 10, 1)).Should().BeTrue("Friday 1 October 2027 is beyond the data: a plain Friday");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Get_Cn_WithStrictHorizon_FailsBeyondTheData_WhateverTheFallback(bool weekdayFallback)
    {
        var china = (BusinessCalendar)new BusinessCalendarRegistry(weekdayFallback, strictHorizon: true).Get("cn");

        china.BeyondData.Should().Be(CalendarHorizon.Strict);
        china.Invoking(c => c.IsWorkingDay(new DateOnly(2027, 10, 1))).Should().Throw<BusinessCalendarException>();
    }

    [Fact]
    public void IsKnown_TheBuiltInsAndTheRegistered_NotOthers()
    {
        var registry = new BusinessCalendarRegistry();

        registry.IsKnown("cn").Should().BeTrue();
        registry.IsKnown("Weekdays").Should().BeTrue();
        registry.IsKnown("uk-scotland").Should().BeFalse();
        registry.Register("uk-scotland", new WeekdayCalendar());
        registry.IsKnown("uk-scotland").Should().BeTrue();
        registry.Invoking(r => r.IsKnown(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Register_UnderABuiltInName_ReplacesIt()
    {
        var registry = new BusinessCalendarRegistry();
        var mine = new WeekdayCalendar(workEnd: new TimeOnly(18, 0));

        registry.Register("cn", mine);

        registry.Get("CN").Should().BeSameAs(mine);
    }

    [Fact]
    public void Register_WithoutANameOrCalendar_IsAnArgumentError()
    {
        var registry = new BusinessCalendarRegistry();

        registry.Invoking(r => r.Register(" ", new WeekdayCalendar())).Should().Throw<ArgumentException>();
        registry.Invoking(r => r.Register("x", null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Get_UnknownName_ListsTheKnownNamesInOrder()
    {
        var registry = new BusinessCalendarRegistry();
        registry.Register("uk-scotland", new WeekdayCalendar());

        var act = () => registry.Get("uk");

        act.Should().Throw<UnknownCalendarException>().WithMessage("*known: cn, uk-scotland, weekdays.")
            .Which.Calendar.Should().Be("uk");
    }
}
