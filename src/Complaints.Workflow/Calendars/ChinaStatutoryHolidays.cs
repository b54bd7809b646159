using System.Globalization;

namespace Complaints.Workflow.Calendars;

/// <summary>
/// The public holidays that 《全国年节及纪念日放假办法》 (as amended, in force from 2025) fixes by date, computed for any
/// year from 1901 to 2100: what China's calendar can know about a year before the State Council publishes its
/// arrangement (bridging days and make-up working days, 调休, cannot be known in advance).
/// </summary>
/// <remarks>
/// New Year's Day (1 January); the Spring Festival (its eve, 除夕, and the first three days of the first lunar month);
/// Qingming (the day of the Qingming solar term); Labour Day (1–2 May); the Dragon Boat Festival (5th day of the 5th
/// lunar month); the Mid-Autumn Festival (15th day of the 8th lunar month); National Day (1–3 October). Lunar dates
/// come from <see cref="ChineseLunisolarCalendar"/>; the solar term from <see cref="QingmingDay"/>.
/// </remarks>
public static class ChinaStatutoryHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The statutory holidays of <paramref name="year"/>, in date order.</summary>
    /// <param name="year">A year from 1901 to 2100.</param>
    /// <returns>The dates.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1901–2100.</exception>
    public static IReadOnlyList<DateOnly> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1901);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2100);
        var newYear = LunarDate(year, 1, 1);
        DateOnly[] days =
        [
            new(year, 1, 1),
            newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2),
            QingmingDay(year),
            new(year, 5, 1), new(year, 5, 2),
            LunarDate(year, 5, 5),
            LunarDate(year, 8, 15),
            new(year, 10, 1), new(year, 10, 2), new(year, 10, 3),
        ];
        return [.. days.Distinct().Order()];
    }

    /// <summary>
    /// The date, in Beijing time, of the Qingming solar term: the moment the Sun's apparent ecliptic longitude
    /// reaches 15°. Computed with the low-accuracy solar coordinates of J. Meeus, <i>Astronomical Algorithms</i>
    /// (2nd ed., ch. 25: about 0.01°, i.e. some 15 minutes in time), solved by Newton's method, taking terrestrial
    /// time as universal time (ΔT is about a minute this century). Good for 2000–2100 unless the term falls within
    /// minutes of midnight; checked against the official holidays of 2008–2026.
    /// </summary>
    /// <param name="year">The year.</param>
    /// <returns>The day of the Qingming solar term (4 or 5 April in this century).</returns>
    public static DateOnly QingmingDay(int year)
    {
        var jd = JulianDay(new DateTimeOffset(year, 4, 4, 12, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 20; i++)
        {
            var delta = Normalize(15.0 - ApparentSolarLongitude(jd));
            jd += delta * 365.2422 / 360.0;
            if (Math.Abs(delta) < 1e-7)
            {
                break;
            }
        }

        var instant = new DateTimeOffset(2000, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(jd - 2451545.0).ToOffset(Beijing);
        return DateOnly.FromDateTime(instant.DateTime);
    }

    private static DateOnly LunarDate(int year, int month, int day)
    {
        // Months after a leap month are numbered one higher: GetLeapMonth gives the leap month's position.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static double JulianDay(DateTimeOffset instant) => 2451545.0 + (instant.UtcDateTime - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays;

    private static double ApparentSolarLongitude(double jd)
    {
        var t = (jd - 2451545.0) / 36525.0;
        var l0 = 280.46646 + (36000.76983 * t) + (0.0003032 * t * t);
        var m = Radians(357.52911 + (35999.05029 * t) - (0.0001537 * t * t));
        var c = ((1.914602 - (0.004817 * t) - (0.000014 * t * t)) * Math.Sin(m))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * m))
            + (0.000289 * Math.Sin(3 * m));
        var omega = Radians(125.04 - (1934.136 * t));
        return l0 + c - 0.00569 - (0.00478 * Math.Sin(omega));
    }

    private static double Normalize(double degrees) => ((degrees % 360.0) + 540.0) % 360.0 - 180.0;

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;
}
