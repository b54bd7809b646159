using System.Collections.Concurrent;
using Complaints.Notifications;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing.Stores;
using Complaints.Testing;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.Options;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>Outbox dispatchers on two nodes (two stores, two connection pools, one database) share the messages.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class OutboxDispatcherRaceTests : IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();

    [Fact]
    public async Task TwoDispatchersOnTwoNodes_EachMessageIsSentAtLeastOnceAndMarkedSentOnce()
    {
        var schema = await _schemas.NewSchemaAsync();
        var a = new StoreHarness(await _schemas.NewStoreAsync(schema));
        var b = new StoreHarness(await _schemas.NewStoreAsync(schema), time: a.Time);
        var ids = new List<ComplaintId>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await a.DriveToAsync(ComplaintState.Assigned));
        }

        var expected = new List<Guid>();
        foreach (var id in ids)
        {
            expected.AddRange((await ((IOutboxStore)a.Store).ReadOutboxAsync(id)).Select(m => m.Notification.Id));
        }

        expected.Should().HaveCount(24);
        var sender = new CountingSender();
        var dispatcherA = Dispatcher((IOutboxStore)a.Store, a, sender, "node-a");
        var dispatcherB = Dispatcher((IOutboxStore)b.Store, a, sender, "node-b");

        var (byA, byB) = (0, 0);
        for (var round = 0; round < 40 && (byA + byB) < expected.Count; round++)
        {
            var marked = await Task.WhenAll(Task.Run(() => dispatcherA.RunOnceAsync()), Task.Run(() => dispatcherB.RunOnceAsync()));
            byA += marked[0];
            byB += marked[1];
        }

        (byA + byB).Should().Be(expected.Count, "each message is marked sent once, by one of the dispatchers");
        byA.Should().BePositive();
        byB.Should().BePositive("both nodes took a share of the work");
        sender.Sends.Keys.Should().BeEquivalentTo(expected, "each message is sent at least once");
        foreach (var id in ids)
        {
            (await ((IOutboxStore)b.Store).ReadOutboxAsync(id)).Should().OnlyContain(m => m.State == OutboxState.Sent && m.SentAt != null);
        }

        (await dispatcherA.RunOnceAsync()).Should().Be(0);
        (await dispatcherB.RunOnceAsync()).Should().Be(0);
    }

    [Fact]
    public async Task DispatcherThatDiesAfterClaiming_ItsMessagesAreSentByTheOtherNodeWhenTheLeaseExpires()
    {
        var schema = await _schemas.NewSchemaAsync();
        var a = new StoreHarness(await _schemas.NewStoreAsync(schema));
        var b = new StoreHarness(await _schemas.NewStoreAsync(schema), time: a.Time);
        var id = await a.DriveToAsync(ComplaintState.Assigned);
        var claimed = await ((IOutboxStore)a.Store).ClaimOutboxAsync(a.Time.GetUtcNow(), "dead-node", TimeSpan.FromMinutes(2), 100);
        claimed.Should().HaveCount(2);
        var sender = new CountingSender();
        var dispatcherB = Dispatcher((IOutboxStore)b.Store, a, sender, "node-b");

        (await dispatcherB.RunOnceAsync()).Should().Be(0, "the dead node's lease still holds");
        a.Time.Advance(TimeSpan.FromMinutes(2));
        (await dispatcherB.RunOnceAsync()).Should().Be(2);

        sender.Sends.Keys.Should().BeEquivalentTo(claimed.Select(m => m.Notification.Id));
        (await ((IOutboxStore)a.Store).MarkSentAsync(claimed[0].Notification.Id, a.Time.GetUtcNow())).Should().BeFalse("a late mark from the dead node changes nothing");
        (await ((IOutboxStore)a.Store).ReadOutboxAsync(id)).Should().OnlyContain(m => m.State == OutboxState.Sent);
    }

    private static OutboxDispatcher Dispatcher(IOutboxStore outbox, StoreHarness clock, INotificationSender sender, string worker) =>
        new(outbox, [sender], clock.Time, Options.Create(new OutboxDispatcherOptions { WorkerId = worker, BatchSize = 3 }));

    private sealed class CountingSender : INotificationSender
    {
        public ConcurrentDictionary<Guid, int> Sends { get; } = new();

        public async Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            Sends.AddOrUpdate(notification.Id, 1, static (_, n) => n + 1);
        }
    }
}
