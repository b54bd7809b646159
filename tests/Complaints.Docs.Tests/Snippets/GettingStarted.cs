#region gs-usings
using Complaints;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Workflow;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
#endregion
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

#region gs-sender
/// <summary>Sends notifications by email; the outbox dispatcher calls it, at least once per notification.</summary>
public sealed class EmailSender : INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        // notification.Recipient is "complainant", "actor:<id>" or "role:<role>": resolve it to an address from
        // the case or your directory of staff. Throw if it could not be sent; it is retried with a backoff.
        // notification.Id is stable: de-duplicate on it if a repeat would hurt.
        Console.WriteLine($"to {notification.Recipient}: {notification.Subject}");
        return Task.CompletedTask;
    }
}
#endregion

/// <summary>docs/getting-started.md, run on a temporary SQLite file and a fake clock.</summary>
public sealed class GettingStarted : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-docs-").FullName;

    // Monday 2 March 2026, 09:30 in Beijing: a working day on the hospital pack's calendar.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8)));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static void Register(IServiceCollection services)
    {
        #region gs-register
        services.AddComplaints().UsePack("hospital")
                .UseSqlite("Data Source=complaints.db")     // the cases, journals, deadlines and outbox
                .AddDeadlineWorker()                        // records warnings and breaches as they fall due
                .AddOutboxDispatcher()                      // sends the notifications each save queued …
                .AddNotificationSender<EmailSender>();      // … through your senders
        #endregion
    }

    [Fact]
    public async Task Registration_gives_the_service_on_sqlite_with_the_worker_and_the_dispatcher()
    {
        var services = new ServiceCollection();
        Register(services);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IComplaintStore>().Should().BeOfType<SqliteComplaintStore>();
        provider.GetRequiredService<ComplaintService>().Should().NotBeNull();
        provider.GetServices<IHostedService>().Select(s => s.GetType()).Should().BeEquivalentTo([typeof(DeadlineWorker), typeof(OutboxDispatcher), typeof(Complaints.Rules.CalendarHorizonWarning)]);
        provider.GetServices<INotificationSender>().Should().ContainSingle().Which.Should().BeOfType<EmailSender>();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddComplaints().UsePack("hospital")
                .UseSqlite($"Data Source={Path.Combine(_folder, "complaints.db")}")
                .AddDeadlineWorker()
                .AddOutboxDispatcher()
                .AddNotificationSender<EmailSender>();
        return services.BuildServiceProvider();
    }

    private static async Task<ComplaintId> DriveAsync(ComplaintService complaints)
    {
        #region gs-drive
        // People come from your directory; the workflow needs their id, name, roles and department.
        var nursing = new DepartmentId("nursing");
        var desk = new Actor(new ActorId("wang"), "Wang (service desk)", [ComplaintRoles.Staff]);
        var office = new Actor(new ActorId("chen"), "Chen (complaint office)", [ComplaintRoles.Coordinator]);
        var nurse = new Actor(new ActorId("zhao"), "Zhao (ward sister)", [ComplaintRoles.Handler], nursing);
        var head = new Actor(new ActorId("sun"), "Sun (head of nursing)", [ComplaintRoles.Manager], nursing);

        var received = await complaints.ReceiveAsync(desk, new ComplaintIntake(
            ComplaintKind.Complaint,
            Channel.Email,
            new Complainant("Li Na", new ContactDetails(Email: "li.na@example.com")),
            new ComplaintSubject(SubjectKind.Service, "Night care on ward 5", nursing),
            "My father's infusion ran dry overnight and no nurse came when we called; his hand swelled.",
            DesiredRemedy: "An apology and the extra treatment paid for",
            ClaimedAmount: new Money(3000, "CNY"),
            Flags: ComplaintFlags.HealthRisk));
        var id = received.Complaint.Id;

        var triaged = await complaints.ExecuteAsync(id, office, new Triage());
        Console.WriteLine($"{triaged.Complaint.Category}, {triaged.Complaint.Severity}, to {triaged.Complaint.Department}");
        await complaints.ExecuteAsync(id, office, new Assign(nurse));
        await complaints.ExecuteAsync(id, nurse, new StartInvestigation());
        await complaints.ExecuteAsync(id, nurse, new AddEvidence(new EvidenceReference("ward-5/night-log/2026-03-01")));
        await complaints.ExecuteAsync(id, nurse, new RecordFindings(new Findings(
            FindingOutcome.Substantiated, RootCause.StaffError, "The night round skipped bed 12.")));

        // ¥3,000 is above the handler's limit (¥1,000 in the hospital pack): the head of department approves.
        var proposed = await complaints.ExecuteAsync(id, nurse, new ProposeRemedy(new RemedyProposal(
            RemedyKind.Compensation, "Apology and the dermatology visit paid for", new Money(3000, "CNY"))));
        Console.WriteLine(proposed.Complaint.State);                                   // AwaitingApproval
        Console.WriteLine(string.Join(", ", await complaints.GetAllowedActionsAsync(id, head))); // Approve, DeclineApproval, …

        try
        {
            await complaints.ExecuteAsync(id, nurse, new Approve());                  // not the pending approver
        }
        catch (NotPermittedException refused)
        {
            Console.WriteLine(refused.Message);                                        // says who may act instead
        }

        await complaints.ExecuteAsync(id, head, new Approve("Agreed."));
        await complaints.ExecuteAsync(id, nurse, new CommunicateDecision(Channel.Phone, "We apologise; the visit is paid for."));
        await complaints.ExecuteAsync(id, nurse, new RecordCustomerAcceptance());
        await complaints.ExecuteAsync(id, nurse, new CompleteImplementation("Visit paid on 5 March."));
        await complaints.ExecuteAsync(id, office, new RecordFollowUp(Satisfaction.Satisfied));
        var closed = await complaints.ExecuteAsync(id, office, new Close("Settled; night rounds now signed off hourly."));
        Console.WriteLine(closed.Complaint.State);                                     // Closed
        #endregion
        return id;
    }

    private static async Task<IReadOnlyList<JournalEntry>> ReadAsync(ComplaintService complaints, ComplaintId id)
    {
        var office = new Actor(new ActorId("chen"), "Chen (complaint office)", [ComplaintRoles.Coordinator]);
        #region gs-journal
        var journal = await complaints.GetJournalAsync(id, office);
        foreach (var entry in journal)
        {
            Console.WriteLine($"{entry.Sequence,2} {entry.At:yyyy-MM-dd HH:mm} {entry.Actor.Name}: {entry.Event.GetType().Name} ({entry.From} -> {entry.To})");
        }

        // Every policy decision is on the entry it caused, with the rules that made it.
        var triage = journal.Select(e => e.Event).OfType<ComplaintTriaged>().Single();
        Console.WriteLine($"routed to {triage.Routing.Department} by {string.Join(", ", triage.Routing.Explanation.MatchedRules)}");
        foreach (var rule in triage.Severity.Explanation.Rules.Where(r => r.Matched))
        {
            Console.WriteLine($"  {rule.Rule}: {rule.Detail}");   // e.g. harm-to-patient-is-serious: tier Serious; … (saw complaint.HealthRisk=…)
        }

        foreach (var deadline in triage.Deadlines)
        {
            Console.WriteLine($"  {deadline.Kind} due {deadline.DueAt:yyyy-MM-dd HH:mm} ({deadline.Rule}, calendar {deadline.Calendar})");
        }
        #endregion
        return journal;
    }

    [Fact]
    public async Task A_complaint_is_driven_to_closed_and_its_journal_explains_it()
    {
        await using var provider = Build();
        var complaints = provider.GetRequiredService<ComplaintService>();

        var id = await DriveAsync(complaints);
        var journal = await ReadAsync(complaints, id);

        journal[^1].To.Should().Be(ComplaintState.Closed);
        var triage = journal.Select(e => e.Event).OfType<ComplaintTriaged>().Single();
        triage.Routing.Explanation.MatchedRules.Should().Contain("nursing-care-to-nursing-department");
        triage.Severity.Explanation.MatchedRules.Should().Contain("harm-to-patient-is-serious");
        triage.Severity.Explanation.Rules.Single(r => r.Rule == "harm-to-patient-is-serious").Detail.Should().StartWith("tier Serious; harm").And.Contain("(saw complaint.HealthRisk=");
        journal.Select(e => e.Event).OfType<RemedyApproved>().Single().Role.Should().Be(ComplaintRoles.Manager);
    }

    [Fact]
    public async Task The_worker_records_a_breach_and_the_dispatcher_sends_the_outbox()
    {
        await using var provider = Build();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var clock = _clock;
        var office = new Actor(new ActorId("chen"), "Chen (complaint office)", [ComplaintRoles.Coordinator]);
        var received = await complaints.ReceiveAsync(office, new ComplaintIntake(
            ComplaintKind.Complaint, Channel.Email, new Complainant("Li Na", new ContactDetails(Email: "li.na@example.com")),
            new ComplaintSubject(SubjectKind.Service, "Parking"), "The car park barrier charged me twice for one visit."));
        await complaints.ExecuteAsync(received.Complaint.Id, office, new Triage());

        #region gs-run-once
        // The host runs both as hosted services. A test (or a host that schedules them itself) runs one poll:
        var hosted = provider.GetServices<IHostedService>().ToList();
        var worker = hosted.OfType<DeadlineWorker>().Single();
        var dispatcher = hosted.OfType<OutboxDispatcher>().Single();

        clock.Advance(TimeSpan.FromDays(7));                   // FakeTimeProvider: a week later
        int alarms = await worker.RunOnceAsync();              // warnings and breaches now due, each recorded once
        int sent = await dispatcher.RunOnceAsync();            // acknowledgement, breach notices …
        #endregion

        alarms.Should().BePositive();
        sent.Should().BePositive();
        var journal = await complaints.GetJournalAsync(received.Complaint.Id, office);
        journal.Select(e => e.Event).OfType<DeadlineBreached>().Should().NotBeEmpty();
        (await worker.RunOnceAsync()).Should().Be(0, "an alarm is recorded once");
    }
}
