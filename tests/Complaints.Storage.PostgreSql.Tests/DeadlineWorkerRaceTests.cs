using Complaints.Journal;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing.Stores;
using Complaints.Testing;
using Complaints.Workflow.Deadlines;
using Microsoft.Extensions.Options;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>Deadline workers on two nodes (two stores, two connection pools, one database) share the due alarms.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class DeadlineWorkerRaceTests : IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();

    [Fact]
    public async Task TwoWorkersOnTwoNodes_RacingOnTheSameDueDeadlines_RecordEachAlarmOnce()
    {
        var (a, b) = await TwoNodes();
        var ids = await SeedCasesWithOpenDeadlines(a, 12);
        a.Time.Advance(TimeSpan.FromDays(40));
        var expected = await DueNow(a, ids);
        expected.Should().HaveCountGreaterThan(20).And.OnlyContain(d => d.Alarm == DeadlineAlarm.Breach);
        var workerA = Worker(a, a.Time, "node-a");
        var workerB = Worker(b, a.Time, "node-b");

        var (byA, byB) = (0, 0);
        for (var round = 0; round < 60 && (await DueNow(a, ids)).Count > 0; round++)
        {
            var recorded = await Task.WhenAll(Task.Run(() => workerA.RunOnceAsync()), Task.Run(() => workerB.RunOnceAsync()));
            byA += recorded[0];
            byB += recorded[1];
        }

        (await DueNow(a, ids)).Should().BeEmpty("every due alarm was recorded");
        (byA + byB).Should().Be(expected.Count, "each alarm is recorded once, by one of the workers");
        byA.Should().BePositive();
        byB.Should().BePositive("both nodes took a share of the work");
        foreach (var id in ids)
        {
            var journal = await a.JournalAsync(id);
            var breaches = journal.Select(e => e.Event).OfType<DeadlineBreached>().GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
            breaches.Should().OnlyContain(kv => kv.Value == 1, "case {0} has each deadline breach recorded once", id);
            breaches.Keys.Should().BeEquivalentTo(expected.Where(d => d.ComplaintId == id).Select(d => d.Kind));
            journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        }
    }

    [Fact]
    public async Task ClaimsFromBothNodesAtOnce_NeverOverlapWhileTheLeaseHolds()
    {
        var (a, b) = await TwoNodes();
        var ids = await SeedCasesWithOpenDeadlines(a, 8);
        a.Time.Advance(TimeSpan.FromDays(40));
        var now = a.Time.GetUtcNow();
        var expected = await DueNow(a, ids);
        var nodes = new[] { (IDeadlineStore)a.Store, (IDeadlineStore)b.Store };

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => nodes[i % 2].ClaimDueDeadlinesAsync(now, $"worker-{i}", TimeSpan.FromMinutes(5), 3))));
        var rest = await nodes[1].ClaimDueDeadlinesAsync(now.AddMinutes(1), "late", TimeSpan.FromMinutes(5), 1000);

        var everything = claims.SelectMany(c => c).Concat(rest).ToArray();
        everything.Should().OnlyHaveUniqueItems("no alarm is claimed twice while its lease holds");
        everything.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task WorkerThatDiesAfterClaiming_ItsAlarmsAreTakenOverByTheOtherNodeWhenTheLeaseExpires()
    {
        var (a, b) = await TwoNodes();
        var ids = await SeedCasesWithOpenDeadlines(a, 4);
        a.Time.Advance(TimeSpan.FromDays(40));
        var expected = await DueNow(a, ids);
        var lease = TimeSpan.FromMinutes(2);

        // Node A claims everything, then dies before recording anything.
        var claimedByTheDead = await ((IDeadlineStore)a.Store).ClaimDueDeadlinesAsync(a.Time.GetUtcNow(), "node-a", lease, 1000);
        claimedByTheDead.Should().BeEquivalentTo(expected);
        var survivor = Worker(b, a.Time, "node-b", lease);

        var whileLeased = await survivor.RunOnceAsync();
        a.Time.Advance(lease);
        var afterExpiry = 0;
        for (var round = 0; round < 20 && (await DueNow(a, ids)).Count > 0; round++)
        {
            afterExpiry += await survivor.RunOnceAsync();
        }

        whileLeased.Should().Be(0, "node A's lease still holds");
        afterExpiry.Should().Be(expected.Count);
        foreach (var id in ids)
        {
            (await a.JournalAsync(id)).Select(e => e.Event).OfType<DeadlineBreached>().GroupBy(e => e.Kind).Should().OnlyContain(g => g.Count() == 1);
        }
    }

    private async Task<(StoreHarness A, StoreHarness B)> TwoNodes()
    {
        var schema = await _schemas.NewSchemaAsync();
        var a = new StoreHarness(await _schemas.NewStoreAsync(schema));
        var b = new StoreHarness(await _schemas.NewStoreAsync(schema), time: a.Time); // one clock for both nodes: a.Time
        return (a, b);
    }

    /// <summary>A deadline worker on <paramref name="node"/>, on the clock every node shares.</summary>
    private static DeadlineWorker Worker(StoreHarness node, TimeProvider clock, string id, TimeSpan? lease = null) =>
        new(
            (IDeadlineStore)node.Store,
            node.Service,
            clock,
            Options.Create(new DeadlineWorkerOptions { WorkerId = id, BatchSize = 3, Lease = lease ?? TimeSpan.FromMinutes(2) }));

    /// <summary>Cases in several open states, each with deadlines still open.</summary>
    private static async Task<IReadOnlyList<ComplaintId>> SeedCasesWithOpenDeadlines(StoreHarness h, int count)
    {
        var states = new[] { ComplaintState.Triaged, ComplaintState.Assigned, ComplaintState.Investigating, ComplaintState.AwaitingApproval };
        var ids = new List<ComplaintId>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await h.DriveToAsync(states[i % states.Length], A.Complaint().InCategory(i % 2 == 0 ? "billing" : "delivery").Claiming(100 * (i + 1)), remedy: A.Remedy(RemedyKind.Refund, 3_000)));
            h.Time.Advance(TimeSpan.FromMinutes(7));
        }

        return ids;
    }

    private static async Task<IReadOnlyList<DueDeadline>> DueNow(StoreHarness h, IReadOnlyList<ComplaintId> ids)
    {
        var due = new List<DueDeadline>();
        foreach (var id in ids)
        {
            due.AddRange(DeadlineAlarms.Due(await h.StoredAsync(id), h.Time.GetUtcNow()));
        }

        return due;
    }
}
