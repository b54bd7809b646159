using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing.Stores;
using Complaints.Testing;
using Complaints.Workflow;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>Writers on several nodes (each its own store and connection pool) sharing one database.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class ConcurrentWriterTests : IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task WritersOnDistinctCases_AllSucceed(int writers)
    {
        var schema = await _schemas.NewSchemaAsync();
        var nodes = new List<StoreHarness>();
        for (var i = 0; i < writers; i++)
        {
            nodes.Add(new StoreHarness(await _schemas.NewStoreAsync(schema)));
        }

        var ids = await Task.WhenAll(nodes.Select((node, i) => Task.Run(() =>
            node.DriveToAsync(ComplaintState.Closed, A.Complaint().InCategory(i % 2 == 0 ? "billing" : "delivery").Claiming(100 + i)))));

        ids.Should().OnlyHaveUniqueItems();
        var reader = nodes[0];
        foreach (var id in ids)
        {
            var journal = await reader.JournalAsync(id);
            var stored = await reader.StoredAsync(id);
            stored.State.Should().Be(ComplaintState.Closed);
            journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
            StoreHarness.Json(ComplaintReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored));
        }

        (await reader.Store.QueryAsync(new ComplaintQuery { States = [ComplaintState.Closed] })).Should().HaveCount(writers);
        (await reader.Store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State))).Should().Equal(new ComplaintCount(nameof(ComplaintState.Closed), writers));
    }

    [Fact]
    public async Task ManyWritersOnOneCaseFromFourNodes_EachCommandAppliedOnceOrRefused_NoGapOrDuplicate()
    {
        var nodes = await Nodes(4);
        var id = await nodes[0].DriveToAsync(ComplaintState.Investigating);
        var start = (await nodes[0].JournalAsync(id)).Count;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            try
            {
                await nodes[i % nodes.Count].Service.ExecuteAsync(id, StoreHarness.Handler, new AddEvidence(new EvidenceReference($"photo-{i}.jpg")));
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));

        outcomes.Should().Contain(true);
        var journal = await nodes[1].JournalAsync(id);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), "the journal has no gap and no duplicate");
        var added = journal.Skip(start).Select(e => e.Event).OfType<EvidenceAdded>().Select(e => e.Evidence.Reference).ToArray();
        added.Should().OnlyHaveUniqueItems().And.HaveCount(outcomes.Count(applied => applied), "each command that succeeded was applied once, and no refused one was");
        var stored = await nodes[2].StoredAsync(id);
        stored.Version.Should().Be(journal.Count);
        StoreHarness.Json(ComplaintReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored));
    }

    [Fact]
    public async Task ManyWritersOnOneCaseRetryingOnConflict_EveryCommandLandsExactlyOnce()
    {
        var nodes = await Nodes(4);
        var id = await nodes[0].DriveToAsync(ComplaintState.Investigating);
        var start = (await nodes[0].JournalAsync(id)).Count;
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await nodes[i % nodes.Count].Service.ExecuteAsync(id, StoreHarness.Handler, new AddEvidence(new EvidenceReference($"scan-{i}.pdf")));
                    return;
                }
                catch (ConcurrencyException) when (attempt < 200)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        var journal = await nodes[3].JournalAsync(id);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        journal.Skip(start).Select(e => e.Event).OfType<EvidenceAdded>().Select(e => e.Evidence.Reference)
            .Should().BeEquivalentTo(Enumerable.Range(0, 24).Select(i => $"scan-{i}.pdf"), "every command landed once");
        conflicts.Should().BePositive("the writers did collide, and the version check refused the stale ones");
    }

    [Fact]
    public async Task Save_CancelledBeforeItRuns_WritesNothing()
    {
        var h = new StoreHarness(await _schemas.NewStoreAsync());
        var id = await h.ReceiveAsync();
        var stored = await h.StoredAsync(id);
        var entry = new JournalEntry(id, 2, h.Time.GetUtcNow(), StoreHarness.Coordinator, ComplaintState.Received, ComplaintState.Withdrawn, new ComplaintWithdrawn("Cancelled."), Guid.NewGuid());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => h.Store.SaveAsync(new CaseChange(ComplaintReplay.Apply(stored, entry), [entry], 1), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await h.StoredAsync(id)).Version.Should().Be(1);
        (await h.JournalAsync(id)).Should().ContainSingle();
    }

    private async Task<IReadOnlyList<StoreHarness>> Nodes(int count)
    {
        var schema = await _schemas.NewSchemaAsync();
        var first = new StoreHarness(await _schemas.NewStoreAsync(schema));
        var nodes = new List<StoreHarness> { first };
        for (var i = 1; i < count; i++)
        {
            nodes.Add(new StoreHarness(await _schemas.NewStoreAsync(schema), time: first.Time));
        }

        return nodes;
    }
}
