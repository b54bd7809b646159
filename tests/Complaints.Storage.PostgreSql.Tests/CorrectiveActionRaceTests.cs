using Complaints.Improvement;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing;
using Complaints.Testing.Stores;
using Complaints.Workflow.Improvement;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>Writers of one corrective action on several nodes (each its own store and connection pool) sharing one database.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class CorrectiveActionRaceTests : IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();

    [Fact]
    public async Task WritersFromOneVersionOnFourNodes_OneWinsTheOthersAreRefusedAndNothingOfTheirsIsWritten()
    {
        var nodes = await NodesAsync(4);
        var history = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start);
        await history.SaveEachAsync(nodes[0]);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await nodes[i % nodes.Count].SaveAsync(history.Progress($"note {i}").LastChange());
                return (long?)null;
            }
            catch (CorrectiveActionConcurrencyException e)
            {
                return e.ActualVersion;
            }
        })));

        outcomes.Count(o => o is null).Should().Be(1, "one save from version 1 wins");
        outcomes.Where(o => o is not null).Should().AllBeEquivalentTo(2L, "the others find the winner's version");
        var journal = await nodes[1].ReadJournalAsync(history.Action.Id);
        journal.Select(e => e.Sequence).Should().Equal(1L, 2L);
        StoreHarness.Json(CorrectiveActionReplay.Replay(journal)).Should().Be(StoreHarness.Json(await nodes[2].LoadAsync(history.Action.Id)));
    }

    [Fact]
    public async Task WritersRetryingOnFourNodes_EachNoteAppliedOnce_NoGapOrDuplicate()
    {
        var nodes = await NodesAsync(4);
        var history = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start);
        await history.SaveEachAsync(nodes[0]);
        var id = history.Action.Id;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var node = nodes[i % nodes.Count];
            while (true)
            {
                var action = (await node.LoadAsync(id))!;
                var entry = new CorrectiveActionJournalEntry(
                    id, action.Version + 1, action.UpdatedAt.AddMinutes(1), A.Handler("owner-1", "after-sales"), action.State, action.State,
                    new CorrectiveActionProgressRecorded($"note {i}"));
                try
                {
                    await node.SaveAsync(new CorrectiveActionChange(CorrectiveActionReplay.Apply(action, entry), [entry], action.Version));
                    return;
                }
                catch (CorrectiveActionConcurrencyException)
                {
                    // Another node wrote first: reload and try again.
                }
            }
        })));

        var journal = await nodes[3].ReadJournalAsync(id);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 9).Select(i => (long)i), "the journal has no gap and no duplicate");
        journal.Skip(1).Select(e => ((CorrectiveActionProgressRecorded)e.Event).Note).Should().OnlyHaveUniqueItems().And.HaveCount(8);
        var stored = (await nodes[0].LoadAsync(id))!;
        stored.Version.Should().Be(9);
        StoreHarness.Json(CorrectiveActionReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored));
    }

    private async Task<IReadOnlyList<PostgreSqlComplaintStore>> NodesAsync(int count)
    {
        var schema = await _schemas.NewSchemaAsync();
        var nodes = new List<PostgreSqlComplaintStore>();
        for (var i = 0; i < count; i++)
        {
            nodes.Add(await _schemas.NewStoreAsync(schema));
        }

        return nodes;
    }
}
