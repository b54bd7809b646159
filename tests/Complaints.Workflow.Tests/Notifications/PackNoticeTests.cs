using Complaints.Commands;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Testing;
using Complaints.Testing.Stores;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Workflow.Tests.Notifications;

/// <summary>
/// The notices a pack adds (its <c>notices.json</c>), written to the outbox in the save that causes them: who is told at
/// which event, with what text, never twice, and never the complainant's identity to staff.
/// </summary>
public sealed class PackNoticeTests
{
    private static readonly ContactDetails Contact = new(Phone: "+86 139 1111 2222", Email: "wang.fang@example.cn");

    private static readonly Actor Receiver = A.Receiver();
    private static readonly Actor Coordinator = A.Coordinator();

    // ---- auto-dealership: a major complaint at once to the department manager and the general manager --------

    [Fact]
    public async Task Dealership_major_complaint_is_reported_at_triage_to_the_department_manager_and_the_general_manager()
    {
        var s = new Setup("auto-dealership");
        var id = await s.ReceiveAsync(A.Complaint().From("王芳", Contact, customerId: "C-778899").InCategory("repair-quality").Flagged(ComplaintFlags.SafetyRisk));

        var triaged = await s.DoAsync(id, Coordinator, new Triage());

        triaged.Severity.Should().Be(Severity.Major);
        var alerts = (await s.OutboxAsync(id)).Where(n => n.Kind == NotificationKind.Alert).ToArray();
        alerts.Select(n => n.Recipient).Should().Equal(Notification.ToRole("manager", new DepartmentId("service")), Notification.ToRole("general-manager"));
        alerts.Should().OnlyContain(n => n.Sequence == triaged.Version, "the alerts are written in the triage's own save");
        alerts.Should().OnlyContain(n => n.Body.Contains("major", StringComparison.Ordinal) && n.Body.Contains("routed to service", StringComparison.Ordinal));
        alerts[0].Recipient.Should().Be("role:manager@service");
        foreach (var secret in new[] { "王芳", Contact.Phone!, Contact.Email!, "C-778899" })
        {
            alerts.Should().OnlyContain(m => !m.Subject.Contains(secret, StringComparison.Ordinal) && !m.Body.Contains(secret, StringComparison.Ordinal), "staff never see {0}", secret);
        }
    }

    [Fact]
    public async Task Dealership_general_complaint_reports_to_no_manager_at_triage()
    {
        var s = new Setup("auto-dealership");
        var id = await s.ReceiveAsync(A.Complaint().From("王芳", Contact).InCategory("repair-quality"));

        var triaged = await s.DoAsync(id, Coordinator, new Triage());

        triaged.Severity.Should().Be(Severity.General);
        var outbox = await s.OutboxAsync(id);
        outbox.Should().NotContain(n => n.Kind == NotificationKind.Alert);
        outbox.Select(n => (n.Kind, n.Recipient)).Should().Equal((NotificationKind.Acknowledgement, Notification.Complainant));
    }

    // ---- every pack: rejection, redirection, extension, progress --------------------------------------------

    [Fact]
    public async Task Rejection_at_triage_is_told_to_the_complainant_with_the_reason()
    {
        var s = new Setup("auto-dealership");
        var id = await s.ReceiveAsync(A.Complaint().From("王芳", Contact).WithAttribute("in-court"));

        var rejected = await s.DoAsync(id, Coordinator, new Triage());

        rejected.State.Should().Be(ComplaintState.Rejected);
        var notice = (await s.OutboxAsync(id)).Should().ContainSingle(n => n.Kind == NotificationKind.Rejection).Which;
        notice.Recipient.Should().Be(Notification.Complainant);
        notice.Body.Should().StartWith($"We cannot take up your complaint {id}: ").And.Contain("already before a court or an arbitration body");
    }

    [Fact]
    public async Task Redirection_by_a_person_is_told_to_the_complainant_with_the_reason_and_where_to_go()
    {
        var s = new Setup("generic");
        var id = await s.ReceiveAsync(A.Complaint().From("王芳", Contact));

        await s.DoAsync(id, Coordinator, new Redirect("the city's consumer association", "The shop is not one of ours"));

        var notice = (await s.OutboxAsync(id)).Should().ContainSingle(n => n.Kind == NotificationKind.Redirection).Which;
        notice.Recipient.Should().Be(Notification.Complainant);
        notice.Body.Should().Contain("the city's consumer association").And.Contain("The shop is not one of ours.").And.Contain("reply to this message");
    }

    [Fact]
    public async Task Rejection_of_an_anonymous_complainant_without_contact_is_told_to_no_one()
    {
        var s = new Setup("generic");
        var id = await s.ReceiveAsync(A.Complaint().Anonymous());

        await s.DoAsync(id, Coordinator, new Reject("No facts to investigate."));

        (await s.OutboxAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Extension_is_told_to_the_complainant_with_the_reason_and_the_new_date()
    {
        var s = new Setup("tobacco-retail");
        var id = await s.ReceiveAsync(A.Complaint().From("王芳", Contact));
        var triaged = await s.DoAsync(id, Coordinator, new Triage());
        var resolve = triaged.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        var newDue = resolve.DueAt.AddDays(20);

        await s.DoAsync(id, A.Manager("manager", triaged.Department!.Value.Value), new ExtendDeadline(DeadlineKind.Resolve, newDue, "Three retailers must be heard"));

        var notice = (await s.OutboxAsync(id)).Should().ContainSingle(n => n.Kind == NotificationKind.DeadlineExtension).Which;
        notice.Recipient.Should().Be(Notification.Complainant);
        notice.Body.Should().Contain("Three retailers must be heard.").And.Contain($"reply by {newDue:yyyy-MM-dd}");
    }

    [Fact]
    public async Task At_the_promised_time_without_a_result_the_complainant_is_told_of_progress()
    {
        var store = new InMemoryComplaintStore();
        var h = new StoreHarness(store);
        var id = await h.DriveToAsync(ComplaintState.Assigned, A.Complaint().From("王芳", Contact));
        var resolve = (await h.StoredAsync(id)).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        h.Time.Advance(TimeSpan.FromDays(40));

        await new DeadlineWorker(store, h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions())).RunOnceAsync();

        var progress = (await store.ReadOutboxAsync(id)).Select(m => m.Notification).Should().ContainSingle(n => n.Kind == NotificationKind.Progress).Which;
        progress.Recipient.Should().Be(Notification.Complainant);
        progress.Body.Should().Contain($"by {resolve.DueAt:yyyy-MM-dd}").And.Contain("no result yet");
    }

    // ---- the acknowledgement ---------------------------------------------------------------------------------

    [Fact]
    public async Task Acknowledgement_promises_the_resolution_deadline_not_the_latest_one()
    {
        var s = new Setup("generic");
        var id = await s.ReceiveAsync(A.Complaint().From("王芳", Contact));

        var triaged = await s.DoAsync(id, Coordinator, new Triage());

        var resolve = triaged.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).DueAt;
        var latest = triaged.Deadlines.Max(d => d.DueAt);
        latest.Date.Should().NotBe(resolve.Date, "the follow-up call is later than the resolution");
        var acknowledgement = (await s.OutboxAsync(id)).Single(n => n.Kind == NotificationKind.Acknowledgement);
        acknowledgement.Body.Should().EndWith($"will reply by {resolve:yyyy-MM-dd}.");
    }

    [Fact]
    public async Task Acknowledgement_without_a_resolve_deadline_yet_promises_no_other_deadlines_date()
    {
        var h = new Harness();
        h.Policy.ResolveStartsAt = ClockStart.Assigned;
        var id = await h.Receive();

        await h.Do(id, Coordinator, new Triage());

        var acknowledgement = (await h.Store.ReadOutboxAsync(id)).Select(m => m.Notification).Single(n => n.Kind == NotificationKind.Acknowledgement);
        acknowledgement.Body.Should().EndWith("will reply by the time our policy sets.", "the follow-up call's date is no reply date");
    }

    // ---- hand-written policies and idempotence ----------------------------------------------------------------

    [Fact]
    public async Task A_hand_written_policy_that_does_not_decide_notices_adds_none()
    {
        var h = new Harness();
        var id = await h.Receive();

        await h.Do(id, People.Coordinator, new Reject("No facts to investigate."));

        (await h.Store.ReadOutboxAsync(id)).Should().BeEmpty("the default DecideNotices adds nothing, and the workflow itself tells no one of a rejection");
        ((IComplaintPolicy)h.Policy).DecideNotices(await h.Stored(id), new NoticeEvent("rejected")).Notices.Should().BeEmpty();
    }

    [Fact]
    public async Task Planning_again_gives_the_same_notices_with_the_same_ids_and_a_notice_the_workflow_already_sends_is_sent_once()
    {
        var s = new Setup("auto-dealership");
        var id = await s.ReceiveAsync(A.Complaint().From("王芳", Contact).InCategory("repair-quality").Flagged(ComplaintFlags.SafetyRisk));
        await s.DoAsync(id, Coordinator, new Triage());
        var c = await s.Store.LoadAsync(id);
        var journal = await s.Store.ReadJournalAsync(id);

        var first = NotificationPlanner.Plan(c!, journal, s.Pack);
        var again = NotificationPlanner.Plan(c!, journal, s.Pack);

        again.Should().Equal(first);
        first.Select(n => n.Id).Should().OnlyHaveUniqueItems();
        first.Should().OnlyContain(n => n.Id == Notification.StableId(id, n.Sequence, n.Kind, n.Recipient));
        (await s.OutboxAsync(id)).Should().Equal(first, "the outbox holds exactly what the saves planned");

        // A policy that also asks for the acknowledgement the workflow sends, and twice for the same alert, gets each once.
        var doubled = new NoticePolicy(s.Pack, at =>
        {
            var notices = s.Pack.DecideNotices(c!, at).Notices;
            Notice[] extra = at.Name == "triaged" ? [new Notice(Notice.Complainant, NotificationKind.Acknowledgement, "the complainant is told")] : [];
            return [.. notices, .. notices, .. extra];
        });
        NotificationPlanner.Plan(c!, journal, doubled).Should().Equal(first);
    }

    // ---- recipients and texts, planned from a policy's notices --------------------------------------------------

    [Fact]
    public void Recipients_map_onto_the_complainant_an_actor_a_role_or_a_role_in_the_cases_department()
    {
        var handler = A.Handler("han", "service");
        var assigned = A.Complaint().From("王芳", Contact).Classified("repair", Severity.Serious).RoutedTo("service", "manager").AssignedTo(handler).Build();
        var received = A.Complaint().From("王芳", Contact).Build();
        var policy = new NoticePolicy(Generic, _ =>
        [
            new Notice(Notice.Complainant, NotificationKind.Progress, "told"),
            new Notice(Notice.Owner, NotificationKind.Alert, "told"),
            new Notice(Notice.Handler, NotificationKind.DeadlineWarning, "told"),
            new Notice("general-manager", NotificationKind.Alert, "told"),
            new Notice("manager" + Notice.OfTheDepartment, NotificationKind.Alert, "told"),
        ]);

        Recipients(assigned, policy).Should().Equal(
            Notification.Complainant, "actor:han", "actor:han", "role:general-manager", "role:manager@service");
        Recipients(received, policy).Should().Equal(
            [Notification.Complainant, Notification.ToActor(received.ReceivedBy.Id), "role:general-manager", "role:manager"],
            "the receiver owns a case until a handler is named, no handler is told while there is none, and a case without a department tells the role");
        Recipients(A.Complaint().Anonymous().Build(), policy).Should().NotContain(Notification.Complainant, "an anonymous complainant without contact cannot be reached");
    }

    [Fact]
    public void A_notice_to_staff_names_the_case_what_happened_and_why_but_not_the_complainant()
    {
        var complaint = A.Complaint().From("王芳", Contact, customerId: "C-778899").Classified("repair", Severity.Major).RoutedTo("service", "manager").Build();
        var policy = new NoticePolicy(Generic, _ => [new Notice("general-manager", NotificationKind.Alert, "the general manager follows every late case") { Text = "Call customer relations." }]);
        var due = StoreHarness.Start.AddDays(3);

        var sent = NotificationPlanner.Plan(complaint, [Entry(complaint, new DeadlineWarned(DeadlineKind.Propose, due))], policy).Single(n => n.Kind == NotificationKind.Alert);

        sent.Subject.Should().Be($"Complaint {complaint.Id}: deadline warned");
        sent.Body.Should().Be($"Complaint {complaint.Id} (repair, major, about {complaint.Intake.Subject.Name}): deadline warned (proposal deadline, due {due:u}). " +
                              "The general manager follows every late case. Call customer relations.");
        foreach (var secret in new[] { "王芳", Contact.Phone!, Contact.Email!, "C-778899" })
        {
            (sent.Subject + sent.Body).Should().NotContain(secret);
        }
    }

    [Fact]
    public void A_notice_to_the_complainant_at_another_event_says_what_happened_in_their_words()
    {
        var complaint = A.Complaint().From("王芳", Contact).Build();
        var policy = new NoticePolicy(Generic, _ => [new Notice(Notice.Complainant, NotificationKind.Alert, "internal reason") { Text = "Thank you for your patience." }]);

        var sent = NotificationPlanner.Plan(complaint, [Entry(complaint, new InvestigationStarted())], policy).Single();

        sent.Subject.Should().Be($"News of your complaint {complaint.Id}");
        sent.Body.Should().Be($"There is news of your complaint {complaint.Id}: investigation started. Thank you for your patience.");
    }

    private static readonly PolicyPack Generic = PolicyPacks.LoadBuiltIn("generic");

    private static string[] Recipients(Complaint c, IComplaintPolicy policy) =>
        NotificationPlanner.Plan(c, [Entry(c, new InvestigationStarted())], policy).Select(n => n.Recipient).ToArray();

    private static JournalEntry Entry(Complaint c, ComplaintEvent happened) =>
        new(c.Id, c.Version + 1, StoreHarness.Start, Actor.System, c.State, c.State, happened, Guid.Empty);

    /// <summary>A pack's decisions, with notices of the test's choosing.</summary>
    private sealed class NoticePolicy(PolicyPack pack, Func<NoticeEvent, Notice[]> notices) : ComplaintPolicyDecorator(pack)
    {
        public override NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at) => new(notices(at), new PolicyExplanation(Identity, []));
    }

    /// <summary>A service over an in-memory store with one built-in pack and a fake clock.</summary>
    private sealed class Setup
    {
        public Setup(string packId)
        {
            Pack = PolicyPacks.LoadBuiltIn(packId);
            var options = new ComplaintsOptions();
            Service = new ComplaintService(
                Store, new PolicyCatalog(Pack), new WeekdayCalendar(), Time, OptionsFactory.Create(options), new BusinessCalendarRegistry(options.CalendarWeekdayFallback));
        }

        public PolicyPack Pack { get; }

        public InMemoryComplaintStore Store { get; } = new();

        public FakeTimeProvider Time { get; } = new(StoreHarness.Start);

        public ComplaintService Service { get; }

        public async Task<ComplaintId> ReceiveAsync(ComplaintBuilder complaint) => (await Service.ReceiveAsync(Receiver, complaint.BuildIntake())).Complaint.Id;

        public async Task<Complaint> DoAsync(ComplaintId id, Actor actor, ComplaintCommand command)
        {
            await Service.ExecuteAsync(id, actor, command);
            return (await Store.LoadAsync(id))!;
        }

        public async Task<Notification[]> OutboxAsync(ComplaintId id) => (await Store.ReadOutboxAsync(id)).Select(m => m.Notification).ToArray();
    }
}
