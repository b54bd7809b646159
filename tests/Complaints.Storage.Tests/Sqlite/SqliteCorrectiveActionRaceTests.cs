using Complaints.Improvement;
using Complaints.Testing;
using Complaints.Testing.Stores;
using Complaints.Workflow.Improvement;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>Writers of one corrective action through two stores on one file, as two processes would write.</summary>
public sealed class SqliteCorrectiveActionRaceTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task WritersRetryingThroughTwoStores_EachNoteAppliedOnce_NoGapOrDuplicate()
    {
        var path = _database.NewPath();
        var stores = new[] { _database.Store(path), _database.Store(path) };
        var history = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start);
        await history.SaveEachAsync(stores[0]);
        var id = history.Action.Id;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            var store = stores[i % stores.Length];
            while (true)
            {
                var action = (await store.LoadAsync(id))!;
                var entry = new CorrectiveActionJournalEntry(
                    id, action.Version + 1, action.UpdatedAt.AddMinutes(1), A.Handler("owner-1", "after-sales"), action.State, action.State,
                    new CorrectiveActionProgressRecorded($"note {i}"));
                try
                {
                    await store.SaveAsync(new CorrectiveActionChange(CorrectiveActionReplay.Apply(action, entry), [entry], action.Version));
                    return;
                }
                catch (CorrectiveActionConcurrencyException)
                {
                    // The other writer was first: reload and try again.
                }
            }
        })));

        var journal = await stores[1].ReadJournalAsync(id);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 7).Select(i => (long)i), "the journal has no gap and no duplicate");
        journal.Skip(1).Select(e => ((CorrectiveActionProgressRecorded)e.Event).Note).Should().OnlyHaveUniqueItems().And.HaveCount(6);
        var stored = (await stores[0].LoadAsync(id))!;
        stored.Version.Should().Be(7);
        StoreHarness.Json(CorrectiveActionReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored));
    }
}
