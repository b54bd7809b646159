using Complaints.Workflow.Calendars;

namespace Complaints.Workflow.Tests.Calendars;

/// <summary>
/// Reading holiday data a host supplies: holiday-cn documents (one per year) and the GOV.UK bank holidays. A
/// document that is not in the format is a <see cref="FormatException"/>, never a half-read calendar.
/// </summary>
public sealed class HolidayDocumentTests
{
    private const string Year2026 = """{ "year": 2026, "days": [ { "date": "2026-03-02", "isOffDay": true }, { "date": "2026-03-07", "isOffDay": false } ] }""";

    private static string Year(int year, string days = "") => $$"""{ "year": {{year}}, "days": [ {{days}} ] }""";

    private static BusinessCalendar HolidayCn(params string[] documents) => BusinessCalendars.FromHolidayCn("x", documents, TimeZoneInfo.Utc);

    public static TheoryData<string, string> NotHolidayCn() => new()
    {
        { "not JSON", "holidays: none" },
        { "no year", """{ "days": [ { "date": "2026-03-02", "isOffDay": true } ] }""" },
        { "no days", """{ "year": 2026 }""" },
        { "a year that is not a number", """{ "year": "2026", "days": [ { "date": "2026-03-02", "isOffDay": true } ] }""" },
        { "days that are not a list", """{ "year": 2026, "days": { "date": "2026-03-02", "isOffDay": true } }""" },
        { "a day without a date", """{ "year": 2026, "days": [ { "isOffDay": true } ] }""" },
        { "a date in another format", """{ "year": 2026, "days": [ { "date": "02/03/2026", "isOffDay": true } ] }""" },
        { "isOffDay that is not true or false", """{ "year": 2026, "days": [ { "date": "2026-03-02", "isOffDay": "yes" } ] }""" },
        { "a document that is not an object", """[ 2026 ]""" },
    };

    [Theory]
    [MemberData(nameof(NotHolidayCn))]
    public void HolidayCn_NotInTheFormat_IsAFormatErrorShowingTheFormat(string scenario, string document)
    {
        _ = scenario;

        var act = () => HolidayCn(Year2026, document);

        act.Should().Throw<FormatException>().WithMessage("Not a holiday-cn document ({\"year\": …, \"days\": [{\"date\": \"YYYY-MM-DD\", \"isOffDay\": bool}]}): *");
    }

    [Fact]
    public void HolidayCn_NoDocumentsOrOnlyEmptyOnes_IsAFormatErrorSayingWhatToGive()
    {
        ((Func<BusinessCalendar>)(() => HolidayCn())).Should().Throw<FormatException>().WithMessage("*hold no days*at least one year*");
        ((Func<BusinessCalendar>)(() => HolidayCn(Year(2026)))).Should().Throw<FormatException>().WithMessage("*hold no days*");
    }

    [Fact]
    public void HolidayCn_OffDaysAreHolidays_AndWorkedDaysAreMakeUpDays()
    {
        var calendar = HolidayCn(Year2026);

        calendar.IsWorkingDay(new DateOnly(2026, 3, 2)).Should().BeFalse("Monday 2 March is off");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 3)).Should().BeTrue("an ordinary Tuesday");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 7)).Should().BeTrue("Saturday 7 March is worked");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 8)).Should().BeFalse("an ordinary Sunday");
    }

    [Fact]
    public void HolidayCn_CoversWholeYears_FromTheFirstThroughTheUnbrokenRunThatFollows()
    {
        var calendar = HolidayCn(Year(2027, """{ "date": "2027-10-01", "isOffDay": true }"""), Year2026, Year(2029, """{ "date": "2029-10-01", "isOffDay": true }"""));

        calendar.CoveredFrom.Should().Be(new DateOnly(2026, 1, 1));
        calendar.CoveredTo.Should().Be(new DateOnly(2027, 12, 31), "2028 is missing, and a missing year is not a year without holidays");
    }

    [Fact]
    public void HolidayCn_ALaterDocumentForTheSameYear_ReplacesTheEarlierOne()
    {
        var calendar = HolidayCn(Year2026, Year(2026, """{ "date": "2026-03-03", "isOffDay": true }"""));

        calendar.IsWorkingDay(new DateOnly(2026, 3, 2)).Should().BeTrue("the newer arrangement has no holiday on 2 March");
        calendar.IsWorkingDay(new DateOnly(2026, 3, 3)).Should().BeFalse();
    }

    [Fact]
    public void HolidayCn_ALaterEmptyDocumentForTheSameYear_KeepsTheData()
    {
        var calendar = HolidayCn(Year2026, Year(2026));

        calendar.IsWorkingDay(new DateOnly(2026, 3, 2)).Should().BeFalse();
        calendar.CoveredTo.Should().Be(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void HolidayCn_AnEmptyYear_IsNotCovered()
    {
        var calendar = HolidayCn(Year2026, Year(2027));

        calendar.CoveredTo.Should().Be(new DateOnly(2026, 12, 31));
    }

    [Fact]
    public void HolidayCn_HoursDefaultToNineToSix_UnlessGiven()
    {
        var standard = BusinessCalendars.FromHolidayCn("x", [Year2026], TimeZoneInfo.Utc);
        var own = BusinessCalendars.FromHolidayCn("y", [Year2026], TimeZoneInfo.Utc, new TimeOnly(8, 30), new TimeOnly(17, 0));

        (standard.Name, standard.WorkStart, standard.WorkEnd).Should().Be(("x", new TimeOnly(9, 0), new TimeOnly(18, 0)));
        (own.Name, own.WorkStart, own.WorkEnd).Should().Be(("y", new TimeOnly(8, 30), new TimeOnly(17, 0)));
        standard.Zone.Should().Be(TimeZoneInfo.Utc);
    }

    [Fact]
    public void ChinaWithHolidayFiles_AFile_IsReadLikeAFolderOfThem()
    {
        var file = Path.Combine(Path.GetTempPath(), $"holiday-cn-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, Year(2027, """{ "date": "2027-02-09", "isOffDay": true }"""));
        try
        {
            var china = BusinessCalendars.ChinaWithHolidayFiles(file);

            china.CoveredTo.Should().Be(new DateOnly(2027, 12, 31));
            china.IsWorkingDay(new DateOnly(2027, 2, 9)).Should().BeFalse();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void UkBankHolidays_ARegion_IsItsOwnCalendarInLondon_WorkingNineToHalfPastFive()
    {
        const string json = """{ "scotland": { "division": "scotland", "events": [ { "title": "St Andrew's Day", "date": "2026-11-30" }, { "title": "New Year's Day", "date": "2027-01-01" } ] } }""";

        var scotland = BusinessCalendars.FromUkBankHolidays(json, "scotland");

        scotland.Name.Should().Be("uk-scotland");
        scotland.Zone.BaseUtcOffset.Should().Be(TimeSpan.Zero);
        (scotland.WorkStart, scotland.WorkEnd).Should().Be((new TimeOnly(9, 0), new TimeOnly(17, 30)));
        (scotland.CoveredFrom, scotland.CoveredTo).Should().Be((new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)));
        scotland.IsWorkingDay(new DateOnly(2026, 11, 30)).Should().BeFalse();
        scotland.IsWorkingDay(new DateOnly(2026, 12, 1)).Should().BeTrue();
    }

    [Fact]
    public void UkBankHolidays_WithItsOwnHours_KeepsThem()
    {
        const string json = """{ "scotland": { "events": [ { "title": "St Andrew's Day", "date": "2026-11-30" } ] } }""";

        var scotland = BusinessCalendars.FromUkBankHolidays(json, "scotland", new TimeOnly(8, 0), new TimeOnly(16, 0));

        (scotland.WorkStart, scotland.WorkEnd).Should().Be((new TimeOnly(8, 0), new TimeOnly(16, 0)));
    }

    [Fact]
    public void HolidayCn_WithoutDocuments_IsAnArgumentError() =>
        ((Func<BusinessCalendar>)(() => BusinessCalendars.FromHolidayCn("x", null!, TimeZoneInfo.Utc))).Should().Throw<ArgumentNullException>();

    [Fact]
    public void ChinaWithHolidayFiles_AFolder_ReadsOnlyItsJsonFiles()
    {
        var folder = Directory.CreateTempSubdirectory("holiday-cn-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "2027.json"), Year(2027, """{ "date": "2027-02-09", "isOffDay": true }"""));
            File.WriteAllText(Path.Combine(folder.FullName, "README.md"), "# holiday-cn data, from NateScarlet/holiday-cn");

            var china = BusinessCalendars.ChinaWithHolidayFiles(folder.FullName);

            china.IsWorkingDay(new DateOnly(2027, 2, 9)).Should().BeFalse();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void UkBankHolidays_NotInTheFormat_IsAFormatError()
    {
        var noEvents = () => BusinessCalendars.FromUkBankHolidays("""{ "scotland": { "division": "scotland" } }""", "scotland");
        var noneListed = () => BusinessCalendars.FromUkBankHolidays("""{ "scotland": { "events": [] } }""", "scotland");
        var notJson = () => BusinessCalendars.FromUkBankHolidays("bank holidays", "scotland");

        noEvents.Should().Throw<FormatException>().WithMessage("Not a GOV.UK bank-holidays document*");
        noneListed.Should().Throw<FormatException>().WithMessage("Region 'scotland' lists no bank holidays.");
        notJson.Should().Throw<FormatException>();
    }
}
