using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using FluentAssertions;
using Xunit;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Testing.Stores;

/// <summary>
/// Availability: one stored row that cannot be read (written by a newer release, or damaged) never stops the rest.
/// A store that keeps JSON says how to damage a row; one that keeps objects cannot hold such a row and skips those tests.
/// </summary>
public abstract partial class ComplaintStoreContract
{
    private const string KeepsObjects = "This store keeps objects, not JSON: it cannot hold an unreadable row.";

    /// <summary>Overwrites the stored JSON of case <paramref name="id"/> with JSON this release cannot read; <see langword="false"/> if the store keeps no JSON.</summary>
    protected virtual Task<bool> DamageStoredCaseAsync(IComplaintStore store, ComplaintId id) => Task.FromResult(false);

    /// <summary>The store's own list of unreadable cases (<c>FindUnreadableCasesAsync</c>); empty for a store that keeps no JSON.</summary>
    protected virtual Task<IReadOnlyList<UnreadableCase>> FindUnreadableCasesAsync(IComplaintStore store) => Task.FromResult<IReadOnlyList<UnreadableCase>>([]);

    /// <summary>Overwrites the stored JSON of outbox message <paramref name="notificationId"/>; <see langword="false"/> if the store keeps no JSON.</summary>
    protected virtual Task<bool> DamageStoredNotificationAsync(IComplaintStore store, Guid notificationId) => Task.FromResult(false);

    // ---- Unreadable cases -----------------------------------------------------------------------------------------

    /// <summary>Load, unreadable case: throws unreadable case exception naming it.</summary>
    [Fact]
    public async Task Load_UnreadableCase_ThrowsUnreadableCaseExceptionNamingIt()
    {
        var h = await NewHarness();
        var id = await h.ReceiveAsync();
        await DamageOrSkip(DamageStoredCaseAsync(h.Store, id));

        var load = () => h.Store.LoadAsync(id);

        (await load.Should().ThrowAsync<UnreadableCaseException>()).Which.ComplaintId.Should().Be(id);
    }

    /// <summary>Query, with an unreadable case: skips it and returns the others in order.</summary>
    [Fact]
    public async Task Query_WithAnUnreadableCase_SkipsItAndReturnsTheOthersInOrder()
    {
        var h = await NewHarness();
        var first = await h.ReceiveAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var bad = await h.ReceiveAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var last = await h.ReceiveAsync();
        await DamageOrSkip(DamageStoredCaseAsync(h.Store, bad));

        var page = await h.Store.QueryAsync(new ComplaintQuery());

        page.Select(c => c.Id).Should().Equal(first, last);
        (await h.Store.QueryAsync(new ComplaintQuery { Skip = 1 })).Select(c => c.Id).Should().Equal([last], "paging counts the unreadable case, so pages never overlap");
        (await FindUnreadableCasesAsync(h.Store)).Should().ContainSingle().Which.ComplaintId.Should().Be(bad, "an operator can find it");
    }

    // ---- The deadline worker over the store -------------------------------------------------------------------------

    /// <summary>Deadline worker, unreadable case due first: the other cases alarms are recorded.</summary>
    [Fact]
    public async Task DeadlineWorker_UnreadableCaseDueFirst_TheOtherCasesAlarmsAreRecorded()
    {
        var h = await NewHarness();
        var bad = await h.DriveToAsync(ComplaintState.Investigating);
        h.Time.Advance(TimeSpan.FromHours(1));
        var good = await h.DriveToAsync(ComplaintState.Investigating);
        await DamageOrSkip(DamageStoredCaseAsync(h.Store, bad));
        h.Time.Advance(TimeSpan.FromDays(90));

        var recorded = await DeadlineWorker(h).RunOnceAsync();

        recorded.Should().BeGreaterThan(0);
        (await h.StoredAsync(good)).Deadlines.Should().Contain(d => d.BreachedAt != null, "the readable case's due alarms are recorded");
        var parked = await Deadlines(h.Store).ReadParkedDeadlineAlarmsAsync();
        parked.Should().NotBeEmpty().And.OnlyContain(p => p.ComplaintId == bad && p.ParkedAt == h.Time.GetUtcNow());
        parked[0].Error.Should().Contain(nameof(UnreadableCaseException)).And.Contain(bad.ToString());
        h.Time.Advance(TimeSpan.FromHours(1));
        (await DeadlineWorker(h, "another-worker").RunOnceAsync()).Should().Be(0, "a parked alarm is not claimed again");
    }

    /// <summary>Parked alarm: is not claimed until released and its error is stored sanitised.</summary>
    [Fact]
    public async Task ParkedAlarm_IsNotClaimedUntilReleasedAndItsErrorIsStoredSanitised()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Investigating);
        h.Time.Advance(TimeSpan.FromDays(90));
        var deadlines = Deadlines(h.Store);
        var now = h.Time.GetUtcNow();
        var due = await deadlines.ClaimDueDeadlinesAsync(now, "a", Lease, 100);
        var alarm = due.Should().NotBeEmpty().And.Subject.First();

        await deadlines.ParkDeadlineAlarmAsync(alarm, "JsonException\0: bad\u0007 case", now);

        (await deadlines.ClaimDueDeadlinesAsync(now, "a", Lease, 100)).Should().Equal(due.Skip(1), "not even the worker that parked it claims it");
        (await deadlines.ClaimDueDeadlinesAsync(now + Lease, "b", Lease, 100)).Should().Equal(due.Skip(1), "a parked alarm outlives the lease");
        (await deadlines.ReadParkedDeadlineAlarmsAsync()).Should().Equal(
            new ParkedDeadlineAlarm(id, alarm.Kind, alarm.Alarm, alarm.DueAt, now, "JsonException\uFFFD: bad\uFFFD case"));
        (await deadlines.ReleaseDeadlineAlarmAsync(id, alarm.Kind, alarm.Alarm)).Should().BeTrue();
        (await deadlines.ReleaseDeadlineAlarmAsync(id, alarm.Kind, alarm.Alarm)).Should().BeFalse("it is no longer parked");
        (await deadlines.ReadParkedDeadlineAlarmsAsync()).Should().BeEmpty();
        (await deadlines.ClaimDueDeadlinesAsync(now + Lease, "b", Lease, 100)).Should().Equal(due);
    }

    // ---- The dispatcher over the store ------------------------------------------------------------------------------

    /// <summary>Dispatcher, unreadable message due first: the other messages are sent.</summary>
    [Fact]
    public async Task Dispatcher_UnreadableMessageDueFirst_TheOtherMessagesAreSent()
    {
        var h = await NewHarness();
        var bad = await h.DriveToAsync(ComplaintState.Triaged);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var good = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var badMessage = (await outbox.ReadOutboxAsync(bad)).Should().ContainSingle().Subject;
        await DamageOrSkip(DamageStoredNotificationAsync(h.Store, badMessage.Notification.Id));
        var sender = new FlakySender(failures: 0);

        var sent = await Dispatcher(outbox, h, sender).RunOnceAsync();

        sent.Should().Be(1);
        sender.Delivered.Should().ContainSingle().Which.ComplaintId.Should().Be(good);
        (await outbox.ReadOutboxAsync(good)).Single().State.Should().Be(OutboxState.Sent);
        var parked = (await outbox.ReadParkedOutboxAsync()).Should().ContainSingle().Subject;
        parked.Id.Should().Be(badMessage.Notification.Id);
        parked.ComplaintId.Should().Be(bad);
        parked.Notification.Should().BeNull("it cannot be read");
        parked.LastError.Should().Contain("Unreadable notification");
        h.Time.Advance(TimeSpan.FromDays(1));
        (await Dispatcher(outbox, h, sender).RunOnceAsync()).Should().Be(0, "a parked message is not claimed again");
    }

    /// <summary>Release parked outbox, parked message: is pending again with every retry and is sent.</summary>
    [Fact]
    public async Task ReleaseParkedOutbox_ParkedMessage_IsPendingAgainWithEveryRetryAndIsSent()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var dispatcher = Dispatcher(outbox, h, new FlakySender(failures: int.MaxValue), maxAttempts: 1);
        await dispatcher.RunOnceAsync();
        var message = (await outbox.ReadOutboxAsync(id)).Single();
        message.State.Should().Be(OutboxState.Parked);
        var parked = (await outbox.ReadParkedOutboxAsync()).Should().ContainSingle().Subject;
        parked.Should().BeEquivalentTo(new { message.Notification.Id, ComplaintId = id, message.Notification.Sequence, Attempts = 1, message.LastError });
        parked.Notification.Should().Be(message.Notification);
        var later = h.Time.GetUtcNow().AddHours(1);

        (await outbox.ReleaseParkedOutboxAsync(message.Notification.Id, later)).Should().BeTrue();

        (await outbox.ReleaseParkedOutboxAsync(message.Notification.Id, later)).Should().BeFalse("it is pending now");
        (await outbox.ReadParkedOutboxAsync()).Should().BeEmpty();
        var released = (await outbox.ReadOutboxAsync(id)).Single();
        released.Should().Match<OutboxMessage>(m => m.State == OutboxState.Pending && m.Attempts == 0 && m.NextAttemptAt == later && m.LastError == message.LastError);
        (await outbox.ClaimOutboxAsync(later.AddTicks(-1), "a", Lease, 100)).Should().BeEmpty("it waits for the time it was released for");
        h.Time.SetUtcNow(later);
        var sender = new FlakySender(failures: 0);
        (await Dispatcher(outbox, h, sender).RunOnceAsync()).Should().Be(1);
        sender.Delivered.Should().ContainSingle().Which.Id.Should().Be(message.Notification.Id);
    }

    /// <summary>Dispatcher, failed send: waits a jittered backoff between half and all of it.</summary>
    [Theory]
    [InlineData(0.0, 15)]
    [InlineData(0.5, 22.5)]
    [InlineData(1.0, 30)]
    public async Task Dispatcher_FailedSend_WaitsAJitteredBackoffBetweenHalfAndAllOfIt(double jitter, double seconds)
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;

        await Dispatcher(outbox, h, new FlakySender(failures: 1), jitter: jitter).RunOnceAsync();

        (await outbox.ReadOutboxAsync(id)).Single().NextAttemptAt.Should().Be(h.Time.GetUtcNow() + TimeSpan.FromSeconds(seconds));
    }

    // ---- Error text -----------------------------------------------------------------------------------------------

    /// <summary>Mark failed, error with NUL and control characters: is stored sanitised and the message parks.</summary>
    [Fact]
    public async Task MarkFailed_ErrorWithNulAndControlCharacters_IsStoredSanitisedAndTheMessageParks()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;
        var message = (await outbox.ClaimOutboxAsync(h.Time.GetUtcNow(), "a", Lease, 100)).Should().ContainSingle().Subject;

        var parked = await outbox.MarkFailedAsync(message.Notification.Id, "SMTP\0 550\u0001 bad \ud800 box\r\n\ttail", null);

        parked.Should().BeTrue();
        var stored = (await outbox.ReadOutboxAsync(id)).Single();
        stored.State.Should().Be(OutboxState.Parked);
        stored.LastError.Should().Be("SMTP\uFFFD 550\uFFFD bad \uFFFD box\r\n\ttail");
    }

    /// <summary>Dispatcher, sender error with NUL: is recorded sanitised and the message parks.</summary>
    [Fact]
    public async Task Dispatcher_SenderErrorWithNul_IsRecordedSanitisedAndTheMessageParks()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var outbox = (IOutboxStore)h.Store;

        await Dispatcher(outbox, h, new ThrowingSender("relay said \0\u0001 no"), maxAttempts: 1).RunOnceAsync();

        var parked = (await outbox.ReadOutboxAsync(id)).Single();
        parked.State.Should().Be(OutboxState.Parked);
        parked.LastError.Should().Be("InvalidOperationException: relay said \uFFFD\uFFFD no");
    }

    /// <summary>Fails every send with <c>message</c>.</summary>
    private sealed class ThrowingSender(string message) : INotificationSender
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default) => throw new InvalidOperationException(message);
    }

    private static async Task DamageOrSkip(Task<bool> damage)
    {
        if (!await damage)
        {
            Assert.Skip(KeepsObjects);
        }
    }

    private static DeadlineWorker DeadlineWorker(StoreHarness h, string worker = "deadline-worker") =>
        new(Deadlines(h.Store), h.Service, h.Time, OptionsFactory.Create(new DeadlineWorkerOptions { WorkerId = worker }));
}
