using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Testing.Stores;
using Complaints.Testing;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Workflow.Tests.Notifications;

/// <summary>Which notifications each event causes, run through the in-memory store's outbox.</summary>
public sealed class NotificationPlannerTests
{
    private static readonly ContactDetails Contact = new(Phone: "+86 139 1111 2222", Email: "wang.fang@example.cn");

    [Fact]
    public async Task HappyPath_AcknowledgesAssignsAsksForApprovalTellsTheResultAndAsksForSatisfaction()
    {
        var (h, outbox) = New();
        var id = await h.DriveToAsync(ComplaintState.Closed, A.Complaint().From("王芳", Contact), remedy: A.Remedy(RemedyKind.Compensation, 6_000));
        var stored = await h.StoredAsync(id);

        var messages = (await outbox.ReadOutboxAsync(id)).Select(m => m.Notification).ToArray();

        messages.Select(m => m.Kind).Should().ContainInOrder(
            NotificationKind.Acknowledgement, NotificationKind.Assignment, NotificationKind.ApprovalRequest, NotificationKind.ResultNotice, NotificationKind.SatisfactionSurvey);
        messages.Where(m => m.Kind is NotificationKind.Acknowledgement or NotificationKind.ResultNotice or NotificationKind.SatisfactionSurvey)
            .Should().OnlyContain(m => m.Recipient == Notification.Complainant).And.HaveCount(3);
        messages.Single(m => m.Kind == NotificationKind.Assignment).Recipient.Should().Be(Notification.ToActor(StoreHarness.Handler.Id));
        messages.Where(m => m.Kind == NotificationKind.ApprovalRequest).Select(m => m.Recipient)
            .Should().Equal(stored.Approvals.Select(s => Notification.ToRole(s.Role)), "each approval step's role is asked in turn");
        messages.Single(m => m.Kind == NotificationKind.ResultNotice).Body.Should().Be("We will put it right.");
        messages.Select(m => m.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task MessagesToStaff_NeverCarryTheComplainantsIdentity()
    {
        var (h, outbox) = New();
        var id = await h.DriveToAsync(ComplaintState.Closed, A.Complaint().From("王芳", Contact, customerId: "C-778899"), remedy: A.Remedy(RemedyKind.Compensation, 6_000));
        await h.DoAsync(id, StoreHarness.Coordinator, new Commands.Reopen("Called again."));

        var toStaff = (await outbox.ReadOutboxAsync(id)).Select(m => m.Notification).Where(m => m.Recipient != Notification.Complainant).ToArray();

        toStaff.Should().NotBeEmpty();
        foreach (var secret in new[] { "王芳", Contact.Phone!, Contact.Email!, "C-778899" })
        {
            toStaff.Should().OnlyContain(m => !m.Subject.Contains(secret, StringComparison.Ordinal) && !m.Body.Contains(secret, StringComparison.Ordinal), "staff never see {0}", secret);
        }
    }

    [Fact]
    public async Task AnonymousComplainantWithNoContact_IsNotNotified_ButStaffAre()
    {
        var (h, outbox) = New();
        var id = await h.DriveToAsync(ComplaintState.Closed, A.Complaint().Anonymous());

        var messages = (await outbox.ReadOutboxAsync(id)).Select(m => m.Notification).ToArray();

        messages.Should().NotContain(m => m.Recipient == Notification.Complainant);
        messages.Should().Contain(m => m.Kind == NotificationKind.Assignment);
    }

    [Fact]
    public async Task DeadlineBreach_NotifiesTheOwner()
    {
        var (h, outbox) = New();
        var id = await h.DriveToAsync(ComplaintState.Assigned);
        h.Time.Advance(TimeSpan.FromDays(40));
        var worker = new DeadlineWorker((InMemoryComplaintStore)h.Store, h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions()));

        (await worker.RunOnceAsync()).Should().BePositive();

        var breaches = (await outbox.ReadOutboxAsync(id)).Select(m => m.Notification).Where(m => m.Kind == NotificationKind.DeadlineBreach).ToArray();
        breaches.Should().Contain(m => m.Recipient == Notification.ToActor(StoreHarness.Handler.Id));
        breaches.Should().OnlyContain(m => m.Body.Contains("missed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BreachWithEscalation_NotifiesTheOwnerAndTheEscalationRoleOnce()
    {
        var (h, _) = New();
        var id = await h.DriveToAsync(ComplaintState.Assigned);
        var c = await h.StoredAsync(id);
        var explanation = new PolicyExplanation(c.Policy, []);
        var escalation = new EscalationDecision(true, "Breached.", "quality-manager", explanation);
        var at = h.Time.GetUtcNow();
        JournalEntry[] entries =
        [
            new(id, c.Version + 1, at, Actor.System, c.State, c.State, new DeadlineBreached(DeadlineKind.Propose, at, escalation), Guid.Empty),
            new(id, c.Version + 2, at, Actor.System, c.State, c.State, new Escalated(1, "Breached.", escalation), Guid.Empty),
        ];

        var planned = NotificationPlanner.Plan(c, entries);

        planned.Select(n => (n.Kind, n.Recipient)).Should().Equal(
            (NotificationKind.DeadlineBreach, Notification.ToActor(StoreHarness.Handler.Id)),
            (NotificationKind.DeadlineBreach, Notification.ToRole("quality-manager")));
        NotificationPlanner.Plan(c, [entries[1]]).Select(n => (n.Kind, n.Recipient)).Should().Equal((NotificationKind.Escalation, Notification.ToRole("quality-manager")));
    }

    [Fact]
    public async Task Ids_AreStable_AndDifferPerEntryKindAndRecipient()
    {
        var (h, _) = New();
        var id = await h.DriveToAsync(ComplaintState.Assigned);
        var journal = await h.JournalAsync(id);
        var c = await h.StoredAsync(id);

        var first = NotificationPlanner.Plan(c, journal);
        var second = NotificationPlanner.Plan(c, journal);

        first.Should().Equal(second);
        first.Should().OnlyContain(n => n.Id == Notification.StableId(id, n.Sequence, n.Kind, n.Recipient));
        var ids = new[]
        {
            Notification.StableId(id, 3, NotificationKind.Assignment, "actor:a"),
            Notification.StableId(id, 4, NotificationKind.Assignment, "actor:a"),
            Notification.StableId(id, 3, NotificationKind.Escalation, "actor:a"),
            Notification.StableId(id, 3, NotificationKind.Assignment, "actor:b"),
            Notification.StableId(ComplaintId.New(StoreHarness.Start.AddDays(1)), 3, NotificationKind.Assignment, "actor:a"),
        };
        ids.Should().OnlyHaveUniqueItems();
        ids[0].Should().Be(Notification.StableId(id, 3, NotificationKind.Assignment, "actor:a"));
        ids[0].Version.Should().Be(8);
    }

    [Theory]
    [InlineData("complainant")]
    [InlineData("role:质量管理")]
    [InlineData("a recipient far longer than the stack buffer: ")]
    public void Ids_AreTheDocumentedHashOfTheDocumentedText(string recipient)
    {
        // Stored outbox rows carry these ids and a retried save must produce them again: they may never change.
        recipient = recipient.EndsWith(": ", StringComparison.Ordinal) ? recipient + new string('x', 600) : recipient;
        var id = new ComplaintId(Guid.Parse("0192f0c4-7a3e-7b2c-9d4e-5f6a7b8c9d0e"));
        var text = $"complaints-notification/{id.Value:D}/7/{NotificationKind.ApprovalRequest}/{recipient}";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);

        Notification.StableId(id, 7, NotificationKind.ApprovalRequest, recipient).Should().Be(new Guid(hash, bigEndian: true));
    }

    [Fact]
    public void Registration_AddsTheDispatcherTheStoresOutboxAndTheSenders()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic").AddOutboxDispatcher(o => o.MaxAttempts = 3).AddNotificationSender<NullSender>().AddNotificationSender<NullSender>();
        using var provider = services.BuildServiceProvider();

        provider.GetServices<IHostedService>().Should().ContainSingle(s => s is OutboxDispatcher);
        provider.GetRequiredService<IOutboxStore>().Should().BeSameAs(provider.GetRequiredService<Ports.IComplaintStore>());
        provider.GetServices<INotificationSender>().Should().ContainSingle();
    }

    [Fact]
    public void Backoff_DoublesFromTheBaseUpToTheCap()
    {
        var options = new OutboxDispatcherOptions { BaseBackoff = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromMinutes(5) };

        Enumerable.Range(1, 6).Select(options.BackoffAfter).Should().Equal(
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        options.BackoffAfter(1000).Should().Be(TimeSpan.FromMinutes(5));
    }

    private static (StoreHarness Harness, IOutboxStore Outbox) New()
    {
        var store = new InMemoryComplaintStore();
        return (new StoreHarness(store), store);
    }

    private sealed class NullSender : INotificationSender
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
