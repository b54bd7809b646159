using Complaints.Improvement;
using Complaints.Notifications;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>
/// The outbox part of the corrective-action contract, for a store that is also an <see cref="IOutboxStore"/> (the built-in
/// ones are): an action's save writes the notifications it carries (<see cref="CorrectiveActionChange.Notifications"/>)
/// in the same transaction, and they are claimed, sent, parked and read like a case's.
/// </summary>
public abstract partial class CorrectiveActionStoreContract
{
    private static readonly TimeSpan OutboxLease = TimeSpan.FromMinutes(2);

    /// <summary>Save with notifications: writes them pending, about the action, readable by the action and by no case.</summary>
    [Fact]
    public async Task Save_WithNotifications_WritesThemToTheOutboxPendingAboutTheAction()
    {
        var (store, outbox) = await OutboxStoreAsync();
        var proposed = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start, approvalRole: "general-manager");
        var propose = proposed.LastChange((NotificationKind.ApprovalRequest, Notification.ToRole("general-manager")));
        var approved = proposed.Approve();
        var warned = approved.Warn();
        await store.SaveAsync(propose);
        await store.SaveAsync(approved.LastChange());
        var warn = warned.LastChange((NotificationKind.DeadlineWarning, Notification.ToActor(warned.Action.Owner)));

        await store.SaveAsync(warn);

        var messages = await outbox.ReadOutboxAsync(proposed.Action.Id);
        messages.Select(m => StoreHarness.Json(m.Notification)).Should().Equal(
            propose.Notifications.Concat(warn.Notifications).Select(StoreHarness.Json), "in the order of the action's journal");
        messages.Should().OnlyContain(m => m.State == OutboxState.Pending && m.Attempts == 0 && m.LastError == null && m.SentAt == null);
        messages.Should().OnlyContain(m => m.Notification.CorrectiveActionId == proposed.Action.Id && m.Notification.ComplaintId == null);
        messages.Select(m => m.NextAttemptAt).Should().Equal(propose.Entries[0].At, warn.Entries[0].At);
        messages.Select(m => m.Notification.Sequence).Should().Equal(1L, 3L);
        (await outbox.ReadOutboxAsync(CorrectiveActionId.New(CorrectiveActionHistory.Start))).Should().BeEmpty();
        (await outbox.ReadOutboxAsync(new ComplaintId(proposed.Action.Id.Value))).Should().BeEmpty("a message about an action is not a case's");
    }

    /// <summary>Save with notifications, stale expected version: throws concurrency and writes none of them.</summary>
    [Fact]
    public async Task Save_WithNotifications_StaleExpectedVersion_WritesNone()
    {
        var (store, outbox) = await OutboxStoreAsync();
        var seen = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start);
        await seen.SaveEachAsync(store);
        await store.SaveAsync(seen.Progress("first").LastChange());
        var stale = seen.Breach().LastChange(
            (NotificationKind.DeadlineBreach, Notification.ToActor(seen.Action.Owner)), (NotificationKind.DeadlineBreach, Notification.ToRole("general-manager")));

        var act = () => store.SaveAsync(stale);

        await act.Should().ThrowAsync<CorrectiveActionConcurrencyException>();
        (await outbox.ReadOutboxAsync(seen.Action.Id)).Should().BeEmpty("the notifications are written with the action's save or not at all");
        (await outbox.ClaimOutboxAsync(CorrectiveActionHistory.Start.AddYears(1), "a", OutboxLease, 100)).Should().BeEmpty();
    }

    /// <summary>Outbox, a message about an action: is claimed, fails, is parked (listed with the action), released, claimed again and sent.</summary>
    [Fact]
    public async Task Outbox_ActionMessage_IsClaimedParkedReleasedAndSent()
    {
        var (store, outbox) = await OutboxStoreAsync();
        var history = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start);
        await store.SaveAsync(history.LastChange());
        var breached = history.Breach();
        var change = breached.LastChange((NotificationKind.DeadlineBreach, Notification.ToActor(history.Action.Owner)));
        await store.SaveAsync(change);
        var notification = change.Notifications.Should().ContainSingle().Subject;
        var now = notification.CreatedAt;

        var claimed = await outbox.ClaimOutboxAsync(now, "a", OutboxLease, 100);
        (await outbox.ClaimOutboxAsync(now, "b", OutboxLease, 100)).Should().BeEmpty("the lease holds it for worker a");
        (await outbox.MarkFailedAsync(notification.Id, "smtp down", null)).Should().BeTrue();
        var parked = await outbox.ReadParkedOutboxAsync();
        (await outbox.ReleaseParkedOutboxAsync(notification.Id, now + TimeSpan.FromMinutes(5))).Should().BeTrue();
        var again = await outbox.ClaimOutboxAsync(now + TimeSpan.FromMinutes(5), "b", OutboxLease, 100);
        (await outbox.MarkSentAsync(notification.Id, now + TimeSpan.FromMinutes(6))).Should().BeTrue();

        StoreHarness.Json(claimed.Should().ContainSingle().Subject.Notification).Should().Be(StoreHarness.Json(notification));
        var p = parked.Should().ContainSingle().Subject;
        p.Id.Should().Be(notification.Id);
        p.CorrectiveActionId.Should().Be(history.Action.Id);
        p.ComplaintId.Should().BeNull();
        p.Sequence.Should().Be(2);
        p.Attempts.Should().Be(1);
        p.LastError.Should().Be("smtp down");
        StoreHarness.Json(p.Notification).Should().Be(StoreHarness.Json(notification));
        again.Should().ContainSingle().Which.Notification.Id.Should().Be(notification.Id);
        var stored = (await outbox.ReadOutboxAsync(history.Action.Id)).Should().ContainSingle().Subject;
        stored.State.Should().Be(OutboxState.Sent);
        stored.SentAt.Should().Be(now + TimeSpan.FromMinutes(6));
        (await outbox.ClaimOutboxAsync(now + TimeSpan.FromDays(30), "c", OutboxLease, 100)).Should().BeEmpty("a sent message is never claimed again");
    }

    private async Task<(ICorrectiveActionStore Store, IOutboxStore Outbox)> OutboxStoreAsync()
    {
        var store = await CreateEmptyStoreAsync();
        Assert.SkipUnless(store is IOutboxStore, "The store has no outbox.");
        return (store, (IOutboxStore)store);
    }
}
