using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Deadlines;

/// <summary>
/// Deadlines counted on provisional calendar days (China in 2027, before the State Council publishes its holidays) are
/// recounted on request once the host loads the official data, with a journal entry.
/// </summary>
public sealed class ReplanDeadlinesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // As the State Council might publish it: Tuesday 9 February off as a bridging day, Saturday 20 February worked.
    private const string Arrangement2027 = """
        { "year": 2027, "days": [
          { "name": "春节", "date": "2027-02-05", "isOffDay": true }, { "name": "春节", "date": "2027-02-08", "isOffDay": true },
          { "name": "春节", "date": "2027-02-09", "isOffDay": true }, { "name": "春节", "date": "2027-02-20", "isOffDay": false } ] }
        """;

    private static DateTimeOffset Cn(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, Beijing);

    [Fact]
    public async Task Replan_AfterTheOfficialDataIsLoaded_RecountsTheProvisionalDeadlinesWithAJournalEntry()
    {
        using var host = new ChinaHost(Cn(2027, 2, 3, 10));
        var id = await host.TriagedCase();
        host.Calendars.Register("cn", BusinessCalendars.China([Arrangement2027]));

        var result = await host.Service.ExecuteAsync(id, Coordinator, new ReplanDeadlines("The 2027 holidays were published."));

        var resolve = result.Complaint.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        resolve.DueAt.Should().Be(Cn(2027, 2, 11, 18), "Thursday 4, Wednesday 10 and Thursday 11: the bridging Tuesday is now known");
        (resolve.Provisional, resolve.Plan).Should().Be((false, null));
        var replanned = result.Entries.Single().Event.Should().BeOfType<DeadlinesReplanned>().Which;
        replanned.Reason.Should().Be("The 2027 holidays were published.");
        replanned.Changes.Should().ContainSingle(c => c.Kind == DeadlineKind.Resolve && c.From == Cn(2027, 2, 10, 18) && c.To == Cn(2027, 2, 11, 18));
        ComplaintReplay.Replay(await host.Store.ReadJournalAsync(id)).Should().BeEquivalentTo(await host.Store.LoadAsync(id), "the journal replays to the stored case");
    }

    [Fact]
    public async Task Replan_JournalAndCase_RoundTripThroughJsonAsStoresKeepThem()
    {
        using var host = new ChinaHost(Cn(2027, 2, 3, 10));
        var id = await host.TriagedCase();
        host.Calendars.Register("cn", BusinessCalendars.China([Arrangement2027]));
        await host.Service.ExecuteAsync(id, Coordinator, new ReplanDeadlines("The 2027 holidays were published."));
        var journal = await host.Store.ReadJournalAsync(id);

        var json = Harness.Json(journal);
        var back = System.Text.Json.JsonSerializer.Deserialize<JournalEntry[]>(json, ComplaintsJson.Options)!;

        Harness.Json(back).Should().Be(json);
        json.Should().Contain("\"deadlines-replanned\"").And.Contain("\"provisional\":true");
        Harness.Json(ComplaintReplay.Replay(back)).Should().Be(Harness.Json(await host.Store.LoadAsync(id)));
    }

    [Fact]
    public async Task Replan_AfterAPause_KeepsThePauseAndMovesByWhatTheOfficialDataChanges()
    {
        // The calendar knows 2025 only; 2026 is provisional until the "official" 2026 data below adds Wednesday 4 March off.
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        const string year2025 = """{ "year": 2025, "days": [ { "name": "元旦", "date": "2025-01-01", "isOffDay": true } ] }""";
        const string year2026 = """{ "year": 2026, "days": [ { "name": "example", "date": "2026-03-04", "isOffDay": true } ] }""";
        var calendar = new SwitchableCalendar(BusinessCalendars.FromHolidayCn("cn", [year2025], shanghai).WithProvisionalHolidays(ChinaStatutoryHolidays.For));
        var h = new Harness(calendar);
        var id = await h.DriveTo(ComplaintState.AwaitingCustomer);
        var pause = TimeSpan.FromDays(20);
        h.Time.Advance(pause);
        var resumed = await h.Do(id, Coordinator, new RecordCustomerAcceptance("Fine."));
        var followUp = resumed.Deadlines.Single(d => d.Kind == DeadlineKind.FollowUp);
        followUp.Provisional.Should().BeTrue();

        calendar.Current = BusinessCalendars.FromHolidayCn("cn", [year2025, year2026], shanghai);
        var replanned = await h.Do(id, Coordinator, new ReplanDeadlines("The 2026 holidays were published."));

        var after = replanned.Deadlines.Single(d => d.Kind == DeadlineKind.FollowUp);
        after.DueAt.Should().Be(followUp.DueAt + TimeSpan.FromDays(1), "one more day off in the count; the 20-day pause still counts");
        after.Provisional.Should().BeFalse();
    }

    [Fact]
    public async Task Replan_BeforeTheOfficialDataIsLoaded_IsRefusedSayingWhatIsMissing()
    {
        using var host = new ChinaHost(Cn(2027, 2, 3, 10));
        var id = await host.TriagedCase();

        var act = () => host.Service.ExecuteAsync(id, Coordinator, new ReplanDeadlines("Trying."));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Single().Should().Contain("official holiday data");
    }

    [Fact]
    public async Task Replan_ByAManagerOfTheCasesDepartment_IsNotPermitted()
    {
        using var host = new ChinaHost(Cn(2027, 2, 3, 10));
        var id = await host.TriagedCase();
        host.Calendars.Register("cn", BusinessCalendars.China([Arrangement2027]));

        var act = () => host.Service.ExecuteAsync(id, SalesManager, new ReplanDeadlines("The 2027 holidays were published."));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("coordinator");
    }

    [Fact]
    public async Task Replan_CaseWithoutProvisionalDeadlines_IsNotAllowedNow()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new ReplanDeadlines("Just in case."));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("an open provisional deadline");
    }

    /// <summary>A calendar the test swaps, as a host swaps its registered calendar when official data arrives.</summary>
    private sealed class SwitchableCalendar(BusinessCalendar current) : Ports.IBusinessCalendar
    {
        public BusinessCalendar Current { get; set; } = current;

        public string Name => Current.Name;

        public DateOnly? OfficialDataEndsOn => Current.OfficialDataEndsOn;

        public DateTimeOffset Add(DateTimeOffset start, int amount, Policy.DeadlineUnit unit) => Current.Add(start, amount, unit);

        public bool IsProvisional(DateTimeOffset start, DateTimeOffset due, Policy.DeadlineUnit unit) => Current.IsProvisional(start, due, unit);
    }

    /// <summary>A host on a policy counting on the China calendar, with a fake clock.</summary>
    private sealed class ChinaHost : IDisposable
    {
        private readonly ServiceProvider _provider;

        public ChinaHost(DateTimeOffset now)
        {
            var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(now));
            services.AddComplaints().UsePolicy(new TestPolicy { CalendarName = "cn" });
            _provider = services.BuildServiceProvider();
        }

        public ComplaintService Service => _provider.GetRequiredService<ComplaintService>();

        public BusinessCalendarRegistry Calendars => _provider.GetRequiredService<BusinessCalendarRegistry>();

        public Ports.IComplaintStore Store => _provider.GetRequiredService<Ports.IComplaintStore>();

        public async Task<ComplaintId> TriagedCase()
        {
            var id = (await Service.ReceiveAsync(Receiver, Harness.Intake(claim: 200))).Complaint.Id;
            var triaged = (await Service.ExecuteAsync(id, Coordinator, new Triage())).Complaint;
            triaged.Deadlines.Should().Contain(d => d.Provisional, "the case needs a provisional deadline");
            return id;
        }

        public void Dispose() => _provider.Dispose();
    }
}
