using Complaints.Commands;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Workflow;
using Complaints.Workflow.Notifications;
using FluentAssertions;
using Xunit;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Testing.Stores;

/// <summary>The outbox part of the contract: what every store that implements <see cref="IOutboxStore"/> must do.</summary>
public abstract partial class ComplaintStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    // ---- Written with the save ------------------------------------------------------------------------------------

    /// <summary>Save, writes the notifications it causes to the outbox: pending.</summary>
    [Fact]
    public async Task Save_WritesTheNotificationsItCausesToTheOutbox_Pending()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Assigned);
        var outbox = (IOutboxStore)h.Store;

        var messages = await outbox.ReadOutboxAsync(id);

        messages.Select(m => (m.Notification.Kind, m.Notification.Recipient)).Should().Equal(
            (NotificationKind.Acknowledgement, Notification.Complainant),
            (NotificationKind.Assignment, Notification.ToActor(StoreHarness.Handler.Id)));
        messages.Should().OnlyContain(m => m.State == OutboxState.Pending && m.Attempts == 0 && m.LastError == null && m.SentAt == null);
        messages.Should().OnlyContain(m => m.Notification.ComplaintId == id);
        var journal = await h.JournalAsync(id);
        foreach (var m in messages)
        {
            var entry = journal.Single(e => e.Sequence == m.Notification.Sequence);
            m.Notification.CreatedAt.Should().Be(entry.At);
            m.NextAttemptAt.Should().Be(entry.At);
            m.Notification.Id.Should().Be(Notification.StableId(id, entry.Sequence, m.Notification.Kind, m.Notification.Recipient));
        }

        (await outbox.ReadOutboxAsync(ComplaintId.New(StoreHarness.Start))).Should().BeEmpty();
    }

    /// <summary>Save, stale expected version: writes no outbox row.</summary>
    [Fact]
    public async Task Save_StaleExpectedVersion_WritesNoOutboxRow()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var seen = await h.StoredAsync(id);
        await h.DoAsync(id, StoreHarness.Coordinator, new Escalate("Called again."));
        var before = (await outbox.ReadOutboxAsync(id)).Select(StoreHarness.Json).ToArray();
        var entry = new JournalEntry(id, seen.Version + 1, h.Time.GetUtcNow(), StoreHarness.Coordinator, ComplaintState.Triaged, ComplaintState.Triaged,
            new DecisionCommunicated(Channel.Email, "Stale."), Guid.NewGuid());
        var stale = ComplaintReplay.Apply(seen, entry);
        var notice = new Notification(
            Notification.StableId(id, entry.Sequence, NotificationKind.ResultNotice, Notification.Complainant), id, entry.Sequence,
            NotificationKind.ResultNotice, Notification.Complainant, "The decision on your complaint", "Stale.", entry.At);

        var act = () => h.Store.SaveAsync(new CaseChange(stale, [entry], seen.Version, [notice]));

        await act.Should().ThrowAsync<ConcurrencyException>();
        (await outbox.ReadOutboxAsync(id)).Select(StoreHarness.Json).Should().Equal(before);
    }

    /// <summary>
    /// Outbox, messages about a case and about a corrective action (a store that keeps both): one claim takes both, and
    /// the parked ones are listed together by case or action id, each naming its own.
    /// </summary>
    [Fact]
    public async Task Outbox_CaseAndActionMessages_AreClaimedTogetherAndParkedByTheirOwnSubject()
    {
        var h = await NewHarness();
        Assert.SkipUnless(h.Store is Improvement.ICorrectiveActionStore, "The store keeps no corrective actions.");
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var history = CorrectiveActionHistory.Propose(h.Time.GetUtcNow(), approvalRole: "general-manager", cases: [id]);
        await ((Improvement.ICorrectiveActionStore)h.Store).SaveAsync(
            history.LastChange((NotificationKind.ApprovalRequest, Notification.ToRole("general-manager"))));
        var caseMessage = (await outbox.ReadOutboxAsync(id)).Should().ContainSingle().Subject.Notification;
        var actionMessage = (await outbox.ReadOutboxAsync(history.Action.Id)).Should().ContainSingle().Subject.Notification;

        var claimed = await outbox.ClaimOutboxAsync(h.Time.GetUtcNow(), "a", Lease, 100);
        foreach (var m in claimed)
        {
            await outbox.MarkFailedAsync(m.Notification.Id, "down", null);
        }

        var parked = await outbox.ReadParkedOutboxAsync();

        claimed.Select(m => m.Notification.Id).Should().BeEquivalentTo([caseMessage.Id, actionMessage.Id]);
        parked.Select(p => (p.Id, p.ComplaintId, p.CorrectiveActionId)).Should().BeEquivalentTo(
            [(caseMessage.Id, (ComplaintId?)id, (Improvement.CorrectiveActionId?)null), (actionMessage.Id, (ComplaintId?)null, (Improvement.CorrectiveActionId?)history.Action.Id)]);
        parked.Select(p => (p.ComplaintId?.Value ?? p.CorrectiveActionId!.Value.Value).ToString("D"))
            .Should().BeInAscendingOrder(StringComparer.Ordinal, "parked messages are listed by their case or action id");
    }

    // ---- Claims and leases ----------------------------------------------------------------------------------------

    /// <summary>Claim: leases pending messages to one worker until the lease expires.</summary>
    [Fact]
    public async Task Claim_LeasesPendingMessagesToOneWorkerUntilTheLeaseExpires()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Assigned);
        var outbox = (IOutboxStore)h.Store;
        var now = h.Time.GetUtcNow();
        var expected = (await outbox.ReadOutboxAsync(id)).Select(m => m.Notification.Id).ToArray();

        var first = await outbox.ClaimOutboxAsync(now, "a", Lease, 100);
        var other = await outbox.ClaimOutboxAsync(now + TimeSpan.FromMinutes(1), "b", Lease, 100);
        var again = await outbox.ClaimOutboxAsync(now + TimeSpan.FromMinutes(1), "a", Lease, 100);
        var afterLease = await outbox.ClaimOutboxAsync(now + TimeSpan.FromMinutes(3), "b", Lease, 1);
        var limited = await outbox.ClaimOutboxAsync(now + TimeSpan.FromMinutes(10), "c", Lease, 1);

        first.Select(m => m.Notification.Id).Should().BeEquivalentTo(expected);
        other.Should().BeEmpty("a lease holds the messages for its worker");
        again.Select(m => m.Notification.Id).Should().BeEquivalentTo(expected, "a worker may claim its own leased messages again");
        afterLease.Should().ContainSingle("the lease ran out; max is honoured");
        limited.Should().ContainSingle();
        (await outbox.ClaimOutboxAsync(now - TimeSpan.FromDays(1), "d", Lease, 100)).Should().BeEmpty("nothing is due before it was written");
    }

    /// <summary>Mark sent: is idempotent and the message is never claimed again.</summary>
    [Fact]
    public async Task MarkSent_IsIdempotentAndTheMessageIsNeverClaimedAgain()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var now = h.Time.GetUtcNow();
        var message = (await outbox.ClaimOutboxAsync(now, "a", Lease, 100)).Should().ContainSingle().Subject;

        (await outbox.MarkSentAsync(message.Notification.Id, now + TimeSpan.FromSeconds(1))).Should().BeTrue();
        (await outbox.MarkSentAsync(message.Notification.Id, now + TimeSpan.FromSeconds(2))).Should().BeFalse("it was marked already");
        (await outbox.MarkFailedAsync(message.Notification.Id, "late failure", now)).Should().BeFalse("a sent message stays sent");
        (await outbox.MarkSentAsync(Guid.NewGuid(), now)).Should().BeFalse();

        var stored = (await outbox.ReadOutboxAsync(id)).Should().ContainSingle().Subject;
        stored.State.Should().Be(OutboxState.Sent);
        stored.SentAt.Should().Be(now + TimeSpan.FromSeconds(1));
        (await outbox.ClaimOutboxAsync(now + TimeSpan.FromDays(30), "b", Lease, 100)).Should().BeEmpty();
    }

    /// <summary>Mark failed, counts the attempt keeps the error and waits for the next attempt: or parks.</summary>
    [Fact]
    public async Task MarkFailed_CountsTheAttemptKeepsTheErrorAndWaitsForTheNextAttempt_OrParks()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var now = h.Time.GetUtcNow();
        var message = (await outbox.ClaimOutboxAsync(now, "a", Lease, 100)).Should().ContainSingle().Subject;
        var retryAt = now + TimeSpan.FromSeconds(30);

        (await outbox.MarkFailedAsync(message.Notification.Id, "SMTP 451", retryAt)).Should().BeTrue();

        var failed = (await outbox.ReadOutboxAsync(id)).Single();
        failed.State.Should().Be(OutboxState.Pending);
        failed.Attempts.Should().Be(1);
        failed.LastError.Should().Be("SMTP 451");
        failed.NextAttemptAt.Should().Be(retryAt);
        (await outbox.ClaimOutboxAsync(retryAt - TimeSpan.FromSeconds(1), "a", Lease, 100)).Should().BeEmpty("it waits for its next attempt");
        var retried = (await outbox.ClaimOutboxAsync(retryAt, "b", Lease, 100)).Should().ContainSingle().Subject;
        retried.Attempts.Should().Be(1);

        (await outbox.MarkFailedAsync(message.Notification.Id, "SMTP 550 mailbox unavailable", null)).Should().BeTrue();

        var parked = (await outbox.ReadOutboxAsync(id)).Single();
        parked.State.Should().Be(OutboxState.Parked);
        parked.Attempts.Should().Be(2);
        parked.LastError.Should().Be("SMTP 550 mailbox unavailable");
        (await outbox.ClaimOutboxAsync(now + TimeSpan.FromDays(365), "c", Lease, 100)).Should().BeEmpty("a parked message is kept, never sent again");
        (await outbox.MarkSentAsync(message.Notification.Id, now)).Should().BeFalse();
    }

    // ---- The dispatcher over the store ----------------------------------------------------------------------------

    /// <summary>Dispatcher, sender failing twice then succeeding: is retried with backoff sent and marked once.</summary>
    [Fact]
    public async Task Dispatcher_SenderFailingTwiceThenSucceeding_IsRetriedWithBackoffSentAndMarkedOnce()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var sender = new FlakySender(failures: 2);
        var dispatcher = Dispatcher(outbox, h, sender);

        (await dispatcher.RunOnceAsync()).Should().Be(0);
        (await outbox.ReadOutboxAsync(id)).Single().Should().Match<OutboxMessage>(m => m.Attempts == 1 && m.NextAttemptAt == h.Time.GetUtcNow() + TimeSpan.FromSeconds(30));
        h.Time.Advance(TimeSpan.FromSeconds(29));
        (await dispatcher.RunOnceAsync()).Should().Be(0);
        sender.Calls.Should().Be(1, "the backoff has not passed");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        (await dispatcher.RunOnceAsync()).Should().Be(0);
        (await outbox.ReadOutboxAsync(id)).Single().NextAttemptAt.Should().Be(h.Time.GetUtcNow() + TimeSpan.FromSeconds(60), "the backoff doubles");
        h.Time.Advance(TimeSpan.FromSeconds(60));
        (await dispatcher.RunOnceAsync()).Should().Be(1);
        h.Time.Advance(TimeSpan.FromDays(1));
        (await dispatcher.RunOnceAsync()).Should().Be(0);

        sender.Calls.Should().Be(3);
        sender.Delivered.Should().ContainSingle().Which.Kind.Should().Be(NotificationKind.Acknowledgement);
        var sent = (await outbox.ReadOutboxAsync(id)).Single();
        sent.State.Should().Be(OutboxState.Sent);
        sent.Attempts.Should().Be(2);
        sent.LastError.Should().Contain("try again");
    }

    /// <summary>Dispatcher, sender that always fails: parks the message with the error and never drops it.</summary>
    [Fact]
    public async Task Dispatcher_SenderThatAlwaysFails_ParksTheMessageWithTheErrorAndNeverDropsIt()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var sender = new FlakySender(failures: int.MaxValue);
        var dispatcher = Dispatcher(outbox, h, sender, maxAttempts: 3);

        for (var i = 0; i < 10; i++)
        {
            await dispatcher.RunOnceAsync();
            h.Time.Advance(TimeSpan.FromHours(2));
        }

        sender.Calls.Should().Be(3);
        var parked = (await outbox.ReadOutboxAsync(id)).Should().ContainSingle().Subject;
        parked.State.Should().Be(OutboxState.Parked);
        parked.Attempts.Should().Be(3);
        parked.LastError.Should().Contain("InvalidOperationException").And.Contain("try again");
        parked.Notification.Kind.Should().Be(NotificationKind.Acknowledgement);
    }

    // Jitter 1: the full backoff, so the waits are exact.
    private static OutboxDispatcher Dispatcher(IOutboxStore outbox, StoreHarness h, INotificationSender sender, int maxAttempts = 8, string worker = "dispatcher", double jitter = 1) =>
        new(outbox, [sender], h.Time, OptionsFactory.Create(new OutboxDispatcherOptions { WorkerId = worker, MaxAttempts = maxAttempts, Jitter = () => jitter }));

    /// <summary>Fails its first <c>failures</c> calls, then delivers.</summary>
    private sealed class FlakySender(int failures) : INotificationSender
    {
        private readonly Lock _gate = new();
        private readonly List<Notification> _delivered = [];

        public int Calls { get; private set; }

        public IReadOnlyList<Notification> Delivered
        {
            get
            {
                lock (_gate)
                {
                    return [.. _delivered];
                }
            }
        }

        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                Calls++;
                if (Calls <= failures)
                {
                    throw new InvalidOperationException("The mail server said try again later.");
                }

                _delivered.Add(notification);
            }

            return Task.CompletedTask;
        }
    }
}
