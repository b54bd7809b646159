using Complaints.Commands;
using Complaints.Policy;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Workflow.Tests.Calendars;

/// <summary>Working days on real holiday data: China's holidays and make-up days (调休), UK bank holidays by region.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    // Built for each test (not the cached BusinessCalendars.China()), so a change to how it is built shows in every test.
    private BusinessCalendar China { get; } = BusinessCalendars.China([]);

    private static DateTimeOffset Cn(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, Beijing);

    [Fact]
    public void China_NationalDayWeek_SkipsTheHolidaysAndCountsTheMakeUpSaturday()
    {
        // 1–7 October 2026 are holidays; Saturday 10 October is a make-up working day.
        var due = China.Add(Cn(2026, 9, 30, 10), 3, DeadlineUnit.WorkingDays);

        due.Should().Be(Cn(2026, 10, 10, 18));
    }

    [Fact]
    public void China_SpringFestivalEve_MakeUpSaturdayIsTheNextWorkingDay()
    {
        China.Add(Cn(2026, 2, 13, 15), 1, DeadlineUnit.WorkingDays).Should().Be(Cn(2026, 2, 14, 18));
        China.IsWorkingDay(new DateOnly(2026, 2, 14)).Should().BeTrue("调休: Saturday 14 February 2026 is worked");
        China.IsWorkingDay(new DateOnly(2026, 2, 16)).Should().BeFalse("Monday 16 February 2026 is a Spring Festival holiday");
    }

    [Fact]
    public void China_ReceivedOnAHoliday_ClockStartsAtTheNextWorkingDaysOpening()
    {
        China.ClockStart(Cn(2026, 10, 3, 11)).Should().Be(Cn(2026, 10, 8, 9));
        China.Add(Cn(2026, 10, 3, 11), 1, DeadlineUnit.WorkingDays).Should().Be(Cn(2026, 10, 9, 18));
    }

    [Fact]
    public void China_ReceivedAfterHours_CountsFromTheNextWorkingDay()
    {
        var duringHours = China.Add(Cn(2026, 3, 6, 10), 1, DeadlineUnit.WorkingDays);
        var afterHours = China.Add(Cn(2026, 3, 6, 19), 1, DeadlineUnit.WorkingDays);

        duringHours.Should().Be(Cn(2026, 3, 9, 18));
        afterHours.Should().Be(Cn(2026, 3, 10, 18), "received Friday evening, the clock starts Monday morning");
    }

    [Fact]
    public void China_YearBoundary_UsesTheDecemberDaysListedInTheNextYearsFile()
    {
        // 2019.json lists 29 December 2018 (Saturday) as a working day and 30–31 December as holidays.
        China.Add(Cn(2018, 12, 28, 10), 1, DeadlineUnit.WorkingDays).Should().Be(Cn(2018, 12, 29, 18));
        China.Add(Cn(2018, 12, 28, 10), 2, DeadlineUnit.WorkingDays).Should().Be(Cn(2019, 1, 2, 18));
    }

    [Fact]
    public void China_WorkingHours_CarryOverToTheMakeUpDay()
    {
        China.Add(Cn(2026, 2, 13, 16), 4, DeadlineUnit.WorkingHours).Should().Be(Cn(2026, 2, 14, 11));
    }

    [Fact]
    public void China_CalendarDays_CountFromTheDayAfterReceiptToTheEndOfTheLastDay()
    {
        // "30 days from the day after receipt": received 2 March, day 30 is 1 April.
        China.Add(Cn(2026, 3, 2, 10), 30, DeadlineUnit.CalendarDays).Should().Be(Cn(2026, 4, 2, 0));
    }

    [Fact]
    public void China_BeyondTheData_IsAClearErrorUnlessFallbackIsChosen()
    {
        var act = () => China.WithStrictHorizon().Add(Cn(2026, 12, 30, 10), 5, DeadlineUnit.WorkingDays);

        act.Should().Throw<BusinessCalendarException>()
            .Which.Message.Should().Contain("2007-01-01 to 2026-12-31").And.Contain("2027-01-0").And.Contain("WithWeekdayFallback");
        China.WithWeekdayFallback().Add(Cn(2026, 12, 30, 10), 5, DeadlineUnit.WorkingDays).Should().Be(Cn(2027, 1, 6, 18));
    }

    [Fact]
    public void China_BeyondTheData_CountsTheStatutoryHolidaysProvisionally()
    {
        // 2027 has no official data: New Year's Day (Friday 1 January) is still a holiday.
        var start = Cn(2026, 12, 30, 10);

        var due = China.Add(start, 2, DeadlineUnit.WorkingDays);

        due.Should().Be(Cn(2027, 1, 4, 18), "Thursday 31 December, then Monday 4 January: 1 January is statutory");
        China.IsProvisional(start, due, DeadlineUnit.WorkingDays).Should().BeTrue();
        China.IsProvisional(Cn(2026, 12, 1, 10), China.Add(Cn(2026, 12, 1, 10), 2, DeadlineUnit.WorkingDays), DeadlineUnit.WorkingDays).Should().BeFalse();
        China.IsWorkingDay(new DateOnly(2027, 2, 5)).Should().BeFalse("Spring Festival eve 2027, by the lunar calendar");
        China.IsWorkingDay(new DateOnly(2027, 2, 8)).Should().BeFalse("the third day of the first lunar month 2027");
        China.IsWorkingDay(new DateOnly(2027, 2, 9)).Should().BeTrue("no bridging day can be known before the State Council publishes");
    }

    [Fact]
    public void China_WithNewerData_UsesItInsteadOfTheProvisionalDays()
    {
        // An arrangement for 2027 as the State Council might publish it: a bridging Tuesday off, a make-up Saturday worked.
        const string arrangement2027 = """
            { "year": 2027, "days": [
              { "name": "春节", "date": "2027-02-05", "isOffDay": true }, { "name": "春节", "date": "2027-02-08", "isOffDay": true },
              { "name": "春节", "date": "2027-02-09", "isOffDay": true }, { "name": "春节", "date": "2027-02-20", "isOffDay": false } ] }
            """;

        var china = BusinessCalendars.China([arrangement2027]);

        china.CoveredTo.Should().Be(new DateOnly(2027, 12, 31));
        china.IsWorkingDay(new DateOnly(2027, 2, 9)).Should().BeFalse();
        china.IsWorkingDay(new DateOnly(2027, 2, 20)).Should().BeTrue();
        china.IsProvisional(Cn(2027, 2, 3, 10), china.Add(Cn(2027, 2, 3, 10), 3, DeadlineUnit.WorkingDays), DeadlineUnit.WorkingDays).Should().BeFalse();
        BusinessCalendars.China().IsWorkingDay(new DateOnly(2027, 2, 9)).Should().BeTrue("the shipped calendar is unchanged");
    }

    [Fact]
    public void China_FromHolidayFilesInAFolder_LoadsThem()
    {
        var folder = Directory.CreateTempSubdirectory("holiday-cn-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "2027.json"), """{ "year": 2027, "days": [ { "name": "春节", "date": "2027-02-09", "isOffDay": true } ] }""");

            var china = BusinessCalendars.ChinaWithHolidayFiles(folder.FullName);

            china.IsWorkingDay(new DateOnly(2027, 2, 9)).Should().BeFalse();
            china.CoveredTo.Year.Should().Be(2027);
            var missing = () => BusinessCalendars.ChinaWithHolidayFiles(Path.Combine(folder.FullName, "2028.json"));
            missing.Should().Throw<FileNotFoundException>().WithMessage("*2028.json*");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Triage_In2027OnTheChinaCalendar_WorksAndSaysTheDeadlinesAreProvisional()
    {
        // Wednesday 3 February 2027, 10:00 in Beijing, days before the Spring Festival; no official 2027 data ships.
        var time = new FakeTimeProvider(Cn(2027, 2, 3, 10));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddComplaints().UsePolicy(new TestPolicy { CalendarName = "cn" });
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();
        var id = (await service.ReceiveAsync(People.Receiver, Harness.Intake(claim: 200))).Complaint.Id;

        var result = await service.ExecuteAsync(id, People.Coordinator, new Triage());

        var resolve = result.Complaint.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        resolve.Provisional.Should().BeTrue();
        resolve.DueAt.Should().Be(Cn(2027, 2, 10, 18), "Thursday 4, then (eve and the first three days off) Tuesday 9 and Wednesday 10 February");
        var triaged = result.Entries.Select(e => e.Event).OfType<Journal.ComplaintTriaged>().Single();
        triaged.DeadlineRules.Provisional.Should().BeTrue();
        triaged.DeadlineRules.Explanation.Rules.Should().Contain(r => r.Rule == "calendar-provisional" && r.Detail!.Contains("2026-12-31") && r.Detail.Contains("ReplanDeadlines"));
    }

    [Fact]
    public async Task Triage_In2027WithStrictHorizon_FailsNamingTheCalendar()
    {
        var time = new FakeTimeProvider(Cn(2027, 2, 3, 10));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddComplaints(o => o.StrictCalendarHorizon = true).UsePolicy(new TestPolicy { CalendarName = "cn" });
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();
        var id = (await service.ReceiveAsync(People.Receiver, Harness.Intake(claim: 200))).Complaint.Id;

        var act = () => service.ExecuteAsync(id, People.Coordinator, new Triage());

        (await act.Should().ThrowAsync<BusinessCalendarException>()).Which.Calendar.Should().Be("cn");
    }

    [Fact]
    public void CalendarDays_EndingInASkippedMidnight_FallDueAtTheNextValidInstant()
    {
        // Chile starts summer time at midnight: Sunday 6 September 2026 begins at 01:00 (UTC-3).
        var santiago = Zone("America/Santiago", "Pacific SA Standard Time");
        var chile = new BusinessCalendar("cl", santiago, [], [], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new TimeOnly(9, 0), new TimeOnly(18, 0));
        santiago.IsInvalidTime(new DateTime(2026, 9, 6, 0, 0, 0)).Should().BeTrue("the test needs a skipped midnight");

        var due = chile.Add(new DateTimeOffset(2026, 9, 4, 10, 0, 0, TimeSpan.FromHours(-4)), 1, DeadlineUnit.CalendarDays);

        due.Should().Be(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), "the end of Saturday is the instant Sunday begins, 01:00 summer time");
    }

    [Fact]
    public void WorkingHours_OpeningInASkippedHour_StartAtTheNextValidInstant()
    {
        // A night desk (00:00–08:00, every day) in Santiago: Sunday 6 September 2026 opens at 01:00, as the clocks go forward.
        var santiago = Zone("America/Santiago", "Pacific SA Standard Time");
        var nightDesk = new BusinessCalendar("cl-night", santiago, [], [], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new TimeOnly(0, 0), new TimeOnly(8, 0), restDays: []);

        var due = nightDesk.Add(new DateTimeOffset(2026, 9, 5, 10, 0, 0, TimeSpan.FromHours(-4)), 1, DeadlineUnit.WorkingHours);

        due.Should().Be(new DateTimeOffset(2026, 9, 6, 5, 0, 0, TimeSpan.Zero), "one working hour from Sunday's first valid instant (04:00 UTC)");
    }

    [Fact]
    public void WorkingHours_EndingInARepeatedHour_FallDueAtItsFirstOccurrence()
    {
        // Chile ends summer time at midnight: Saturday 4 April 2026, 23:00–24:00 happens twice (UTC-3, then UTC-4).
        var santiago = Zone("America/Santiago", "Pacific SA Standard Time");
        var eveningDesk = new BusinessCalendar("cl-evening", santiago, [], [], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new TimeOnly(20, 0), new TimeOnly(23, 59), restDays: []);
        santiago.IsAmbiguousTime(new DateTime(2026, 4, 4, 23, 0, 0)).Should().BeTrue("the test needs a repeated hour");
        var opening = new DateTimeOffset(2026, 4, 4, 20, 0, 0, TimeSpan.FromHours(-3));

        var due = eveningDesk.Add(opening, 3, DeadlineUnit.WorkingHours);

        due.Should().Be(opening.AddHours(3), "23:00 the first time, three hours after opening, not an hour later");
    }

    [Fact]
    public void Exception_BeyondTheData_IsAComplaintException()
    {
        var only2026 = BusinessCalendars.FromHolidayCn("x", ["""{ "year": 2026, "days": [ { "date": "2026-10-01", "isOffDay": true } ] }"""], TimeZoneInfo.Utc);

        var act = () => only2026.Add(Cn(2026, 12, 30, 10), 5, DeadlineUnit.WorkingDays);

        act.Should().Throw<ComplaintException>("a host maps one base type").Which.Should().BeOfType<BusinessCalendarException>();
    }

    [Fact]
    public void Uk_EasterInEnglandAndScotland_DiffersByRegion()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendars", "Data", "bank-holidays.json"));
        var england = BusinessCalendars.FromUkBankHolidays(json, "england-and-wales");
        var scotland = BusinessCalendars.FromUkBankHolidays(json, "scotland");
        var maundyThursday = new DateTimeOffset(2025, 4, 17, 10, 0, 0, TimeSpan.FromHours(1));

        england.Add(maundyThursday, 1, DeadlineUnit.WorkingDays).Should().Be(new DateTimeOffset(2025, 4, 22, 17, 30, 0, TimeSpan.FromHours(1)));
        scotland.Add(maundyThursday, 1, DeadlineUnit.WorkingDays).Should().Be(new DateTimeOffset(2025, 4, 21, 17, 30, 0, TimeSpan.FromHours(1)), "Easter Monday is no bank holiday in Scotland");
        england.Name.Should().Be("uk-england-and-wales");
    }

    [Fact]
    public void Uk_UnknownRegion_ListsTheRegions()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendars", "Data", "bank-holidays.json"));

        var act = () => BusinessCalendars.FromUkBankHolidays(json, "wales");

        act.Should().Throw<ArgumentException>().WithMessage("*no region 'wales'; it has england-and-wales, scotland, northern-ireland.*");
    }

    [Fact]
    public void HolidayCn_NotThatFormat_IsAFormatError()
    {
        var act = () => BusinessCalendars.FromHolidayCn("x", ["""{ "year": 2026, "days": [ { "date": "2026-13-01", "isOffDay": true } ] }"""], TimeZoneInfo.Utc);

        act.Should().Throw<FormatException>().WithMessage("Not a holiday-cn document*");
    }

    [Fact]
    public async Task Triage_UnderAPackThatNamesTheChinaCalendar_ComputesDeadlinesOnIt()
    {
        // Received Wednesday 30 September 2026 at 10:00 in Beijing, just before the National Day holidays.
        var time = new FakeTimeProvider(Cn(2026, 9, 30, 10));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddComplaints().UsePolicy(new TestPolicy { CalendarName = "cn" });
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();
        var id = (await service.ReceiveAsync(People.Receiver, Harness.Intake(claim: 200))).Complaint.Id;

        var triaged = (await service.ExecuteAsync(id, People.Coordinator, new Triage())).Complaint;

        var resolve = triaged.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        resolve.Calendar.Should().Be("cn");
        resolve.DueAt.Should().Be(Cn(2026, 10, 10, 18));
    }

    [Fact]
    public void Registry_UnknownCalendar_SaysHowToRegisterIt()
    {
        var act = () => new BusinessCalendarRegistry().Get("uk-scotland");

        act.Should().Throw<UnknownCalendarException>().WithMessage("*No business calendar is named 'uk-scotland'*AddCalendar*")
            .Which.Should().BeAssignableTo<ComplaintException>("a host maps every error a command raises from one base type");
    }

    private static TimeZoneInfo Zone(string iana, string windows) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(windows);
}
