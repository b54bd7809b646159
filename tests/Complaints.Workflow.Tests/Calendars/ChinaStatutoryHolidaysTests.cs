using System.Text.Json;
using Complaints.Workflow.Calendars;

namespace Complaints.Workflow.Tests.Calendars;

/// <summary>
/// The statutory holidays computed for a year without official data, checked against the years that have it. The
/// official arrangement adds bridging days and make-up working days that no rule can know, so the check is one way:
/// every day the rule computes must be a day off in the official data, not the other way round.
/// </summary>
public sealed class ChinaStatutoryHolidaysTests
{
    private static readonly Dictionary<DateOnly, (string Name, bool IsOffDay)> Official = LoadOfficialDays();

    public static TheoryData<int> OfficialYearsUnderTheCurrentLaw => [2025, 2026];

    public static TheoryData<int> OfficialYearsWithTheLunarHolidays => [.. Enumerable.Range(2008, 19)];

    [Theory]
    [MemberData(nameof(OfficialYearsUnderTheCurrentLaw))]
    public void For_AYearUnderTheCurrentLaw_EveryComputedHolidayIsOffInTheOfficialData(int year)
    {
        var computed = ChinaStatutoryHolidays.For(year);

        computed.Should().HaveCount(13, "1 + 4 + 1 + 2 + 1 + 1 + 3 days under the law as amended in 2024")
            .And.OnlyContain(day => IsOff(day), "each statutory holiday is off in the State Council's arrangement");
    }

    [Theory]
    [MemberData(nameof(OfficialYearsWithTheLunarHolidays))]
    public void For_EveryOfficialYearSince2008_TheFestivalDaysAreOff(int year)
    {
        // The festivals themselves, statutory since 2008 (the eve and 2 May only since 2025).
        var computed = ChinaStatutoryHolidays.For(year);
        var springFestival = computed[2];
        DateOnly[] festivals = [new(year, 1, 1), springFestival, springFestival.AddDays(1), ChinaStatutoryHolidays.QingmingDay(year), new(year, 5, 1), new(year, 10, 1)];

        festivals.Should().OnlyContain(day => IsOff(day));
        var dragonBoatAndMidAutumn = computed.Where(d => d > new DateOnly(year, 5, 2) && !(d.Month == 10 && d.Day <= 3)).ToArray();
        dragonBoatAndMidAutumn.Should().NotBeEmpty().And.OnlyContain(day => IsOff(day), "the Dragon Boat and Mid-Autumn festivals are off");
        Official.Where(d => d.Value.Name == "春节" && d.Value.IsOffDay && d.Key.Year == year).Select(d => d.Key).Should().Contain(springFestival, "the computed lunar new year is inside the official Spring Festival holidays");
    }

    [Theory]
    [MemberData(nameof(OfficialYearsWithTheLunarHolidays))]
    public void QingmingDay_IsOneOfTheOfficialQingmingHolidays(int year)
    {
        var qingming = ChinaStatutoryHolidays.QingmingDay(year);

        Official.Where(d => d.Value.Name == "清明节" && d.Value.IsOffDay).Select(d => d.Key).Should().Contain(qingming);
        qingming.Month.Should().Be(4);
        qingming.Day.Should().BeInRange(4, 5);
    }

    [Fact]
    public void QingmingDay_Through2100_StaysOnTheFourthOrFifthOfApril()
    {
        Enumerable.Range(2000, 101).Select(ChinaStatutoryHolidays.QingmingDay)
            .Should().OnlyContain(d => d.Month == 4 && d.Day >= 4 && d.Day <= 5);
    }

    private static bool IsOff(DateOnly day) =>
        Official.TryGetValue(day, out var official) ? official.IsOffDay : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static Dictionary<DateOnly, (string, bool)> LoadOfficialDays()
    {
        var assembly = typeof(BusinessCalendars).Assembly;
        var days = new Dictionary<DateOnly, (string, bool)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Complaints.Calendars/holiday-cn/", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(assembly.GetManifestResourceStream(name)!);
            foreach (var day in document.RootElement.GetProperty("days").EnumerateArray())
            {
                days[DateOnly.Parse(day.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)] =
                    (day.GetProperty("name").GetString()!, day.GetProperty("isOffDay").GetBoolean());
            }
        }

        return days;
    }
}
