using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Improvement;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.Logging;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Improvement;

/// <summary>
/// Who is told what about a corrective action: the approval role when one that needs approval is proposed, the owner
/// at a deadline warning, the owner and the approval role at a breach; written with the action's save, sent by the
/// outbox dispatcher, and never naming a complainant.
/// </summary>
public sealed class CorrectiveActionNotificationTests
{
    // Proposed Monday 2 March 09:30 (10 working days, warned 2 before): warned at the end of Thursday 12 March, due at the end of Monday 16 March.
    private static readonly DateTimeOffset WarnAt = new(2026, 3, 13, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueAt = new(2026, 3, 17, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Propose_NeedingApproval_AsksTheApprovalRoleInTheSameSave()
    {
        var h = WithApproval();
        var c = await h.Case();

        var action = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(c) with { Department = Sales })).Action;

        var n = (await h.Cases.Store.ReadOutboxAsync(action.Id)).Should().ContainSingle().Subject.Notification;
        (n.Kind, n.Recipient, n.Sequence, n.ComplaintId, n.CorrectiveActionId).Should().Be(
            (NotificationKind.ApprovalRequest, "role:" + ComplaintRoles.GeneralManager, 1L, (ComplaintId?)null, (CorrectiveActionId?)action.Id));
        n.Id.Should().Be(Notification.StableId(action.Id, 1, NotificationKind.ApprovalRequest, n.Recipient));
        n.CreatedAt.Should().Be(action.CreatedAt);
        n.Subject.Should().Contain("Honour written quotes at the sales desk");
        n.Body.Should().Contain(action.Id.ToString()).And.Contain("root cause staff error").And.Contain("Quotes were not checked before the sale")
            .And.Contain("10 working days after approval").And.Contain("arising from 1 case");
        (await h.Cases.Store.ReadOutboxAsync(c)).Should().NotContain(m => m.Notification.CorrectiveActionId != null, "a case's outbox holds only its own messages");
    }

    [Fact]
    public async Task Commands_WithoutApprovalOrDeadline_NotifyNoOne()
    {
        var h = new CapaHarness();
        var action = await h.Open(await h.Case());
        await h.Actions.RecordProgressAsync(action.Id, CapaHarness.Owner, "Second signature introduced.");
        await h.Actions.CompleteAsync(action.Id, CapaHarness.Owner, "Quotes are checked by a second person.");

        (await h.Cases.Store.ReadOutboxAsync(action.Id)).Should().BeEmpty("only an approval request, warnings and breaches notify anyone");
    }

    [Fact]
    public async Task DeadlineWarning_TellsTheOwner_AndABreachTheOwnerAndTheApprovalRole()
    {
        var h = WithApproval();
        var action = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(await h.Case()) with { Department = Sales })).Action;
        h.Cases.Time.SetUtcNow(WarnAt);
        (await h.Actions.RecordDueDeadlinesAsync(10)).Should().Be(1);
        h.Cases.Time.SetUtcNow(DueAt);
        (await h.Actions.RecordDueDeadlinesAsync(10)).Should().Be(1);

        var messages = (await h.Cases.Store.ReadOutboxAsync(action.Id)).Select(m => m.Notification).ToArray();

        messages.Select(m => (m.Sequence, m.Kind, m.Recipient)).Should().Equal(
            (1L, NotificationKind.ApprovalRequest, "role:" + ComplaintRoles.GeneralManager),
            (2L, NotificationKind.DeadlineWarning, "actor:" + CapaHarness.Owner.Id.Value),
            (3L, NotificationKind.DeadlineBreach, "actor:" + CapaHarness.Owner.Id.Value),
            (3L, NotificationKind.DeadlineBreach, "role:" + ComplaintRoles.GeneralManager));
        messages[1].Subject.Should().Be("The completion deadline of corrective action \"Honour written quotes at the sales desk\" is near");
        messages[1].Body.Should().Contain("is due at 2026-03-17 00:00:00Z");
        messages[2].Body.Should().Contain("was due at 2026-03-17 00:00:00Z and was missed");
        messages[3].Body.Should().Be(messages[2].Body);
        messages.Select(m => m.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Breach_OfAnActionWithoutApproval_TellsOnlyTheOwner_AndAVerificationBreachNamesItsDeadline()
    {
        var h = new CapaHarness();
        var action = await h.Completed(await h.Case());
        h.Cases.Time.SetUtcNow(action.VerifyDueAt!.Value);
        (await h.Actions.RecordDueDeadlinesAsync(10)).Should().Be(1);

        var n = (await h.Cases.Store.ReadOutboxAsync(action.Id)).Should().ContainSingle().Subject.Notification;

        (n.Kind, n.Recipient).Should().Be((NotificationKind.DeadlineBreach, "actor:" + CapaHarness.Owner.Id.Value));
        n.Subject.Should().Contain("verification deadline");
        n.Body.Should().Contain(action.VerifyDueAt!.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task NoMessage_NamesTheComplainantOfTheCasesItArisesFrom()
    {
        var h = WithApproval();
        var complainant = new Complainant("Zhao Xiaoyun", new ContactDetails(Phone: "+86 139 1234 5678", Email: "zhao.xiaoyun@example.cn"));
        var c = await h.Case(intake: Harness.Intake(complainant: complainant));
        var action = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(c) with { Department = Sales })).Action;
        await h.Actions.ApproveAsync(action.Id, GeneralManager);
        h.Cases.Time.SetUtcNow(WarnAt.AddDays(3));
        await h.Actions.RecordDueDeadlinesAsync(10);
        h.Cases.Time.SetUtcNow(DueAt.AddDays(7));
        await h.Actions.RecordDueDeadlinesAsync(10);

        var messages = (await h.Cases.Store.ReadOutboxAsync(action.Id)).Select(m => m.Notification).ToArray();

        messages.Select(m => m.Kind).Should().Equal(
            NotificationKind.ApprovalRequest, NotificationKind.DeadlineWarning, NotificationKind.DeadlineBreach, NotificationKind.DeadlineBreach);
        messages.Should().OnlyContain(m => m.Recipient != Notification.Complainant);
        foreach (var text in messages.SelectMany(m => new[] { m.Subject, m.Body }))
        {
            text.Should().NotContainAny("Zhao", "Xiaoyun", "139 1234", "zhao.xiaoyun");
        }
    }

    [Fact]
    public async Task Plan_IsPure_TheSameEntriesGiveTheSameNotifications()
    {
        var h = WithApproval();
        var action = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(await h.Case()))).Action;
        var journal = await h.Actions.ReadJournalAsync(action.Id);

        var again = CorrectiveActionNotificationPlanner.Plan(action, journal);

        again.Should().Equal(await h.Cases.Store.ReadOutboxAsync(action.Id) is var stored ? stored.Select(m => m.Notification) : []);
    }

    [Fact]
    public async Task DeadlineWorker_ADueWarning_EndsInTheOutboxAndIsDispatchedToTheOwner()
    {
        var h = new CapaHarness();
        var action = await h.Open(await h.Case());
        var sender = new RecordingSender();
        var dispatcher = new OutboxDispatcher(
            h.Cases.Store, [sender], h.Cases.Time, Microsoft.Extensions.Options.Options.Create(new OutboxDispatcherOptions { WorkerId = "d" }));
        await dispatcher.RunOnceAsync(); // the case's own messages
        sender.Delivered.Clear();
        var worker = new DeadlineWorker(
            h.Cases.Store, h.Cases.Service, h.Cases.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = "w" }), correctiveActions: h.Actions);
        h.Cases.Time.SetUtcNow(WarnAt);

        (await worker.RunOnceAsync()).Should().Be(1);
        (await dispatcher.RunOnceAsync()).Should().Be(1);

        var sent = sender.Delivered.Should().ContainSingle().Subject;
        (sent.Kind, sent.Recipient, sent.CorrectiveActionId, sent.ComplaintId).Should().Be(
            (NotificationKind.DeadlineWarning, "actor:" + CapaHarness.Owner.Id.Value, (CorrectiveActionId?)action.Id, (ComplaintId?)null));
        var stored = (await h.Cases.Store.ReadOutboxAsync(action.Id)).Should().ContainSingle().Subject;
        (stored.State, stored.SentAt).Should().Be((OutboxState.Sent, (DateTimeOffset?)WarnAt));
    }

    [Fact]
    public async Task Dispatcher_AFailingActionMessage_IsRetriedAndLoggedByItsActionNeverACase()
    {
        var h = WithApproval();
        var action = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal())).Action;
        var logger = new ListLogger<OutboxDispatcher>();
        var dispatcher = new OutboxDispatcher(
            h.Cases.Store, [new FailingSender()], h.Cases.Time, Microsoft.Extensions.Options.Options.Create(new OutboxDispatcherOptions { WorkerId = "d" }), logger);

        (await dispatcher.RunOnceAsync()).Should().Be(0);

        var stored = (await h.Cases.Store.ReadOutboxAsync(action.Id)).Should().ContainSingle().Subject;
        (stored.State, stored.Attempts, stored.LastError).Should().Be((OutboxState.Pending, 1, "InvalidOperationException: mail server down"));
        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning).Which.Message.Should().Contain("of corrective action " + action.Id);
    }

    [Fact]
    public async Task Under_a_policy_in_Chinese_the_messages_about_an_action_are_in_Chinese()
    {
        var h = WithApproval();
        h.Cases.Policy.Culture = "zh-CN";
        var c = await h.Case();

        var action = (await h.Actions.ProposeAsync(Coordinator, CapaHarness.Proposal(c) with { Department = Sales })).Action;
        h.Cases.Time.SetUtcNow(DueAt);
        await h.Actions.RecordDueDeadlinesAsync(10);

        var messages = (await h.Cases.Store.ReadOutboxAsync(action.Id)).Select(m => m.Notification).ToArray();
        messages.First(m => m.Kind == NotificationKind.ApprovalRequest).Subject.Should().Be("整改措施“Honour written quotes at the sales desk”待您审批");
        messages.First(m => m.Kind == NotificationKind.ApprovalRequest).Body.Should().Contain("根本原因：员工失误").And.Contain("批准后 10 个工作日内完成");
        var breach = messages.First(m => m.Kind == NotificationKind.DeadlineBreach);
        breach.Subject.Should().Be("整改措施“Honour written quotes at the sales desk”的完成时限已超期");
        breach.Body.Should().Contain("时限已于 2026年3月17日 00:00（UTC） 到期");
    }

    private static CapaHarness WithApproval()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { ApprovalRole = ComplaintRoles.GeneralManager };
        return h;
    }

    private sealed class RecordingSender : INotificationSender
    {
        public List<Notification> Delivered { get; } = [];

        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Delivered.Add(notification);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingSender : INotificationSender
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("mail server down");
    }
}
