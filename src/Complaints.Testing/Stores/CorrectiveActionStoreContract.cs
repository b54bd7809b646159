using Complaints.Improvement;
using Complaints.Ports;
using Complaints.Workflow.Improvement;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>
/// The corrective-action store contract: what every <see cref="ICorrectiveActionStore"/> must do, as xunit v3 tests
/// checked against the reference semantics <see cref="CorrectiveActionQuery.Matches"/> and
/// <see cref="CorrectiveActionAlarms.Due"/>. The built-in stores (in memory, SQLite, PostgreSQL) all pass it.
/// </summary>
/// <remarks>
/// To run it against your own store, derive a class from it in an xunit v3 test project that references
/// Complaints.Testing and override <see cref="CreateEmptyStoreAsync"/> to return a new, empty store. The tests save
/// hand-written <see cref="CorrectiveActionChange"/>s made by <see cref="CorrectiveActionHistory"/> (every event kind, with
/// offsets and unicode), so the contract needs no service and no policy.
/// </remarks>
public abstract partial class CorrectiveActionStoreContract
{
    /// <summary>A new store with no action in it; the test class disposes what it made when the test ends.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<ICorrectiveActionStore> CreateEmptyStoreAsync();

    /// <summary>Load, unknown action: is null, its journal is empty and nothing is found or due.</summary>
    [Fact]
    public async Task Load_UnknownAction_IsNullAndNothingIsFound()
    {
        var store = await CreateEmptyStoreAsync();
        var id = CorrectiveActionId.New(CorrectiveActionHistory.Start);

        (await store.LoadAsync(id)).Should().BeNull();
        (await store.ReadJournalAsync(id)).Should().BeEmpty();
        (await store.QueryAsync(new CorrectiveActionQuery())).Should().BeEmpty();
        (await store.ReadDueAlarmsAsync(CorrectiveActionHistory.Start.AddYears(5), 10)).Should().BeEmpty();
    }

    /// <summary>Save and load, an action through every event, saved one command at a time: round trips byte for byte and its journal replays to it.</summary>
    [Fact]
    public async Task SaveAndLoad_ActionThroughEveryEvent_RoundTripsAndReplays()
    {
        var store = await CreateEmptyStoreAsync();
        var history = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start, approvalRole: "general-manager")
            .Warn().Approve().Progress("培训已安排 \"quoted\" 🙂\ttab").Breach().Complete().Warn().Verify(effective: false);

        await history.SaveEachAsync(store);

        var stored = await store.LoadAsync(history.Action.Id);
        StoreHarness.Json(stored).Should().Be(StoreHarness.Json(history.Action));
        var journal = await store.ReadJournalAsync(history.Action.Id);
        journal.Select(StoreHarness.Json).Should().Equal(history.Entries.Select(StoreHarness.Json));
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        StoreHarness.Json(CorrectiveActionReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored));
        stored!.State.Should().Be(CorrectiveActionState.Ineffective);
    }

    /// <summary>Save, several entries in one save, with a non-UTC offset: are all appended in order and times keep their offset.</summary>
    [Fact]
    public async Task Save_SeveralEntriesAtOnceWithOffset_AppendsAllAndKeepsTheOffset()
    {
        var store = await CreateEmptyStoreAsync();
        var at = new DateTimeOffset(2026, 3, 2, 17, 30, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567);
        var history = CorrectiveActionHistory.Propose(at).Progress("一").Progress("二");

        await store.SaveAsync(new CorrectiveActionChange(history.Action, history.Entries, 0));

        var journal = await store.ReadJournalAsync(history.Action.Id);
        journal.Select(StoreHarness.Json).Should().Equal(history.Entries.Select(StoreHarness.Json));
        journal[0].At.Offset.Should().Be(TimeSpan.FromHours(8));
        (await store.LoadAsync(history.Action.Id))!.CreatedAt.Should().Be(at);
    }

    /// <summary>Save, stale expected version: throws concurrency, names both versions and writes nothing.</summary>
    [Fact]
    public async Task Save_StaleExpectedVersion_ThrowsConcurrencyAndWritesNothing()
    {
        var store = await CreateEmptyStoreAsync();
        var seen = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start);
        await seen.SaveEachAsync(store);
        var winner = seen.Progress("first");
        await store.SaveAsync(winner.LastChange());
        var stale = seen.Cancel("stale");

        var act = () => store.SaveAsync(stale.LastChange());

        var error = (await act.Should().ThrowAsync<CorrectiveActionConcurrencyException>()).Which;
        error.ActionId.Should().Be(seen.Action.Id);
        error.ExpectedVersion.Should().Be(1);
        error.ActualVersion.Should().Be(2);
        StoreHarness.Json(await store.LoadAsync(seen.Action.Id)).Should().Be(StoreHarness.Json(winner.Action));
        (await store.ReadJournalAsync(seen.Action.Id)).Select(StoreHarness.Json).Should().Equal(winner.Entries.Select(StoreHarness.Json));
        (await store.QueryAsync(new CorrectiveActionQuery { States = [CorrectiveActionState.Cancelled] })).Should().BeEmpty();
    }

    /// <summary>Save, a new action whose id is already stored: throws concurrency (expected 0, stored 1) and keeps the first.</summary>
    [Fact]
    public async Task Save_NewActionTwice_ThrowsConcurrencyAndKeepsTheFirst()
    {
        var store = await CreateEmptyStoreAsync();
        var first = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start);
        await first.SaveEachAsync(store);
        var second = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start, id: first.Action.Id, title: "another");

        var act = () => store.SaveAsync(second.LastChange());

        var error = (await act.Should().ThrowAsync<CorrectiveActionConcurrencyException>()).Which;
        error.ExpectedVersion.Should().Be(0);
        error.ActualVersion.Should().Be(1);
        (await store.LoadAsync(first.Action.Id))!.Title.Should().Be(first.Action.Title);
    }

    /// <summary>Save, an expected version ahead of the stored one (or for an action not stored): throws concurrency and writes nothing.</summary>
    [Fact]
    public async Task Save_ExpectedVersionAhead_ThrowsConcurrency()
    {
        var store = await CreateEmptyStoreAsync();
        var history = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start).Progress("a");

        var act = () => store.SaveAsync(history.LastChange());

        var error = (await act.Should().ThrowAsync<CorrectiveActionConcurrencyException>()).Which;
        error.ExpectedVersion.Should().Be(1);
        error.ActualVersion.Should().Be(0);
        (await store.LoadAsync(history.Action.Id)).Should().BeNull();
        (await store.ReadJournalAsync(history.Action.Id)).Should().BeEmpty();
    }
}
