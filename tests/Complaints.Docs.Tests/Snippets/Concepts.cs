using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Permissions;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/concepts.md, docs/deadlines.md and docs/storage.md.</summary>
public sealed class Concepts
{
    [Fact]
    public async Task Permissions_are_changed_at_registration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        #region permissions
        services.AddComplaints(options =>
        {
            // Duty managers see every case and may also triage (acting on a case needs seeing it).
            options.SeeAllRoles.Add("duty-manager");
            options.Permissions.Allow(ComplaintAction.Triage, "duty-manager");
            // Only a coordinator closes a case.
            options.Permissions[ComplaintAction.Close] = new PermissionRule([ComplaintRoles.Coordinator]);
        }).UsePack("generic");
        #endregion
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var dutyManager = new Actor(new ActorId("ma"), "Ma", ["duty-manager"]);

        var received = await complaints.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake());
        var triaged = await complaints.ExecuteAsync(received.Complaint.Id, dutyManager, new Triage());

        triaged.Complaint.State.Should().Be(ComplaintState.Triaged);
        provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value.Permissions[ComplaintAction.Close].Relations.Should().Be(ActorRelation.None);
    }

    [Fact]
    public async Task Guidance_and_accountability_come_from_the_pack()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        services.AddComplaints().UsePack("generic");
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var coordinator = A.Coordinator();
        var handler = A.Handler();
        var manager = A.Manager();
        var received = await complaints.ReceiveAsync(coordinator, A.Complaint().WithAttribute("complainant-type", "domineering").BuildIntake());
        var id = received.Complaint.Id;
        await complaints.ExecuteAsync(id, coordinator, new Triage());
        await complaints.ExecuteAsync(id, coordinator, new Assign(handler));

        #region guidance-and-accountability
        // Handling advice for this case, from the pack's guidance rules, for the handler's screen.
        var guidance = await complaints.GetGuidanceAsync(id, handler);
        foreach (var advice in guidance.Advice)
        {
            Console.WriteLine(advice);
        }

        // A manager records what a member of staff answers for; the pack's penalties name the sanctions.
        var assessed = await complaints.ExecuteAsync(id, manager, new AssessAccountability(handler, Misconduct.LateHandling));
        var penalty = assessed.Entries.Select(e => e.Event).OfType<AccountabilityAssessed>().Single().Decision;
        Console.WriteLine(string.Join(", ", penalty.Sanctions.Select(s => $"{s.Kind} ({s.Rule})")));   // Warning (late-handling-warning)
        #endregion

        guidance.Explanation.MatchedRules.Should().Contain(["feelings-before-facts", "domineering"]);
        penalty.Sanctions.Should().ContainSingle().Which.Should().Be(new Sanction(SanctionKind.Warning, null, "late-handling-warning"));
    }

    [Fact]
    public async Task Queries_find_overdue_cases_and_approvals()
    {
        var fake = new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(fake);
        services.AddComplaints().UsePack("generic");
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var coordinator = A.Coordinator();
        var manager = A.Manager();
        var received = await complaints.ReceiveAsync(coordinator, A.Complaint().BuildIntake());
        await complaints.ExecuteAsync(received.Complaint.Id, coordinator, new Triage());
        fake.Advance(TimeSpan.FromDays(30));

        #region queries
        var clock = provider.GetRequiredService<TimeProvider>();
        var overdue = await complaints.QueryAsync(coordinator, new ComplaintQuery { DueBefore = clock.GetUtcNow() });
        var toApprove = await complaints.QueryAsync(manager, new ComplaintQuery { AwaitingApprovalByRole = ComplaintRoles.Manager });
        #endregion

        overdue.Select(c => c.Id).Should().Equal(received.Complaint.Id);
        toApprove.Should().BeEmpty();
    }

    [Fact]
    public async Task The_access_audit_shows_refusals_and_who_read_a_confidential_complainant()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        services.AddComplaints().UsePack("generic");
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var coordinator = A.Coordinator();
        var intake = A.Complaint().AboutStaff("wang", "sales").BuildIntake();
        var id = (await complaints.ReceiveAsync(coordinator, intake)).Complaint.Id;
        var outsider = new Actor(new ActorId("zhou"), "Zhou (warehouse)", [ComplaintRoles.Staff], new DepartmentId("warehouse"));
        await FluentActions.Awaiting(() => complaints.GetAsync(id, outsider)).Should().ThrowAsync<NotPermittedException>();
        await complaints.GetAsync(id, coordinator);

        #region access-audit
        var refusals = await complaints.GetAuditAsync(coordinator, new AuditQuery { ComplaintId = id, Kind = AuditKind.Refused });
        var whoReadIt = await complaints.GetAuditAsync(coordinator, new AuditQuery { ComplaintId = id, Kind = AuditKind.IdentityRead });
        #endregion

        refusals.Should().ContainSingle().Which.Actor.Should().Be(outsider.Id);
        whoReadIt.Select(r => r.Actor).Should().Contain(coordinator.Id);
    }

    [Fact]
    public async Task The_deadline_worker_and_a_calendar_are_registered()
    {
        var services = new ServiceCollection();
        #region deadline-worker
        services.AddComplaints().UsePack("tobacco-retail")
                .AddDeadlineWorker(o => o.PollInterval = TimeSpan.FromSeconds(30));
        #endregion
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value.PollInterval.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_pack_counts_on_a_calendar_registered_by_name()
    {
        var bankHolidays = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", "bank-holidays.json"));
        var myPack = Path.Combine(AppContext.BaseDirectory, "packs", "my-pack");
        var scottishShops = Path.Combine(AppContext.BaseDirectory, "packs", "scottish-shops");
        var services = new ServiceCollection();
        // Wednesday 31 December 2025, 10:00 in Edinburgh.
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 10, 0, 0, TimeSpan.Zero)));
        #region add-calendar
        // bankHolidays: the GOV.UK feed (https://www.gov.uk/bank-holidays.json), fetched and kept by the host.
        var scotland = BusinessCalendars.FromUkBankHolidays(bankHolidays, "scotland");
        services.AddComplaints().UsePackFolder(myPack, scottishShops)   // scottish-shops/pack.json: { "calendar": "uk-scotland" }
                .AddCalendar("uk-scotland", scotland);
        #endregion
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();

        var received = await complaints.ReceiveAsync(A.Coordinator(), A.Complaint().BuildIntake());
        var triaged = await complaints.ExecuteAsync(received.Complaint.Id, A.Coordinator(), new Triage());

        // 1 and 2 January are bank holidays in Scotland: 1 working day from 31 December ends on Monday 5 January, 17:30.
        var acknowledge = triaged.Complaint.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge);
        acknowledge.Calendar.Should().Be("uk-scotland");
        acknowledge.DueAt.Should().Be(new DateTimeOffset(2026, 1, 5, 17, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Newer_holiday_data_is_loaded_at_run_time_and_provisional_deadlines_replanned()
    {
        var holidayFolder = Directory.CreateTempSubdirectory("holiday-cn-").FullName;
        try
        {
            var services = new ServiceCollection();
            // Wednesday 3 February 2027, 10:00 in Beijing: no 2027 data ships with the package.
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2027, 2, 3, 10, 0, 0, TimeSpan.FromHours(8))));
            services.AddComplaints().UsePack("hospital");
            await using var provider = services.BuildServiceProvider();
            var complaints = provider.GetRequiredService<ComplaintService>();
            var coordinator = A.Coordinator();
            var received = await complaints.ReceiveAsync(coordinator, A.Complaint().BuildIntake());
            var id = received.Complaint.Id;
            var triaged = await complaints.ExecuteAsync(id, coordinator, new Triage());
            triaged.Complaint.Deadlines.Should().Contain(d => d.Provisional);

            // The State Council publishes 2027: the host drops the holiday-cn file in its folder.
            await File.WriteAllTextAsync(Path.Combine(holidayFolder, "2027.json"),
                """{ "year": 2027, "days": [ { "name": "春节", "date": "2027-02-09", "isOffDay": true } ] }""");
            #region replan-deadlines
            // holidayFolder: holiday-cn files the host keeps (e.g. 2027.json from github.com/NateScarlet/holiday-cn).
            provider.GetRequiredService<BusinessCalendarRegistry>().Register("cn", BusinessCalendars.ChinaWithHolidayFiles(holidayFolder));
            var replanned = await complaints.ExecuteAsync(id, coordinator, new ReplanDeadlines("The State Council published the 2027 holidays."));
            #endregion

            replanned.Complaint.Deadlines.Where(d => d.MetAt is null).Should().NotContain(d => d.Provisional);
            replanned.Entries.Single().Event.Should().BeOfType<DeadlinesReplanned>();
        }
        finally
        {
            Directory.Delete(holidayFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Strict_calendar_horizon_is_an_option()
    {
        var services = new ServiceCollection();
        #region strict-calendar-horizon
        services.AddComplaints(o =>
        {
            o.StrictCalendarHorizon = true;   // beyond the official data: BusinessCalendarException, not a provisional deadline
        }).UsePack("hospital");
        #endregion
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<BusinessCalendarRegistry>().Get("cn").Should().BeOfType<BusinessCalendar>()
            .Which.BeyondData.Should().Be(CalendarHorizon.Strict);
    }

    [Fact]
    public async Task Stores_are_registered_and_migrated()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-docs-").FullName;
        try
        {
            var services = new ServiceCollection();
            #region use-sqlite
            services.AddComplaints().UsePack("generic")
                    .UseSqlite("Data Source=complaints.db")   // IComplaintStore, IDeadlineStore and IOutboxStore, one singleton
                    .AddDeadlineWorker();
            #endregion
            services.AddComplaints().UseSqlite($"Data Source={Path.Combine(folder, "complaints.db")}");
            await using var provider = services.BuildServiceProvider();
            #region migrate-at-start
            // Optional: create or upgrade the schema at start-up rather than at the first call.
            await provider.GetRequiredService<SqliteComplaintStore>().MigrateAsync();
            #endregion
            File.Exists(Path.Combine(folder, "complaints.db")).Should().BeTrue();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PostgreSql_is_registered_without_connecting()
    {
        var services = new ServiceCollection();
        var connectionString = "Host=db.internal;Database=complaints;Username=app;Password=secret";
        #region use-postgresql
        services.AddComplaints().UsePack("generic")
                .UsePostgreSql(connectionString, o => o.Schema = "complaints")   // IComplaintStore and IDeadlineStore, one singleton
                .AddDeadlineWorker();                                            // on every node, or only on some
        #endregion
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IComplaintStore>().GetType().Name.Should().Be("PostgreSqlComplaintStore");
        _ = typeof(NpgsqlDataSource);
    }
}
