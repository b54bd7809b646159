using Complaints.Commands;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Testing;
using Complaints.Testing.Stores;
using Complaints.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>Many writers on one store: the write queue in front of SQLite's lock, and WAL checkpoints run off the commit path.</summary>
public sealed class SqliteWriteLoadTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task EightWriters_OnCasesOfTheirOwn_AllCommitAndEveryCaseIsItsJournal()
    {
        var store = _database.Store(options: new SqliteStoreOptions { CheckpointInterval = TimeSpan.FromMilliseconds(1) });
        var harness = new StoreHarness(store);

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<ComplaintId>();
            for (var i = 0; i < 3; i++)
            {
                mine.Add(await harness.DriveToAsync(ComplaintState.Closed));
            }

            return mine;
        })));

        var all = ids.SelectMany(i => i).ToArray();
        all.Should().OnlyHaveUniqueItems().And.HaveCount(24);
        foreach (var id in all)
        {
            var stored = await harness.StoredAsync(id);
            var journal = await harness.JournalAsync(id);
            stored.State.Should().Be(ComplaintState.Closed);
            stored.Version.Should().Be(journal.Count);
            StoreHarness.Json(stored).Should().Be(StoreHarness.Json(ComplaintReplay.Replay(journal)));
        }
    }

    [Fact]
    public async Task EightWriters_RacingOnOneCase_NoUpdateIsLost()
    {
        var harness = new StoreHarness(_database.Store());
        var id = await harness.DriveToAsync(ComplaintState.Investigating);

        var won = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            try
            {
                await harness.Service.ExecuteAsync(id, StoreHarness.Handler, new AddEvidence(new EvidenceReference($"{i}.jpg")));
                return 1;
            }
            catch (ConcurrencyException)
            {
                return 0;
            }
        })));

        var journal = await harness.JournalAsync(id);
        journal.Select(e => e.Event).OfType<Journal.EvidenceAdded>().Should().HaveCount(won.Sum(), "every command that returned is in the journal, and only those");
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        (await harness.StoredAsync(id)).Version.Should().Be(journal.Count);
    }

    [Fact]
    public async Task Writes_WakeTheCheckpointer_WhichCopiesTheWholeWalIntoTheFile()
    {
        var store = _database.Store(options: new SqliteStoreOptions { CheckpointInterval = TimeSpan.FromMilliseconds(1) });
        var harness = new StoreHarness(store);
        var checkpointer = store.Checkpointer!;
        var copied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        checkpointer.Checkpointed += () =>
        {
            if (checkpointer.Last is { Frames: > 0 } last && last.Checkpointed == last.Frames)
            {
                copied.TrySetResult();
            }
        };

        await harness.DriveToAsync(ComplaintState.Assigned);

        await copied.Task.WaitAsync(TimeSpan.FromSeconds(30));
        checkpointer.Checkpoints.Should().BePositive();
    }

    [Fact]
    public async Task ACheckpointThatFailsWithAnyException_DoesNotEndTheLoop_TheNextWriteCheckpointsAgain()
    {
        // With SQLite's own checkpoints off, a loop that ended on one failure would leave the WAL growing for good.
        var store = _database.Store(options: new SqliteStoreOptions { CheckpointInterval = TimeSpan.FromMilliseconds(1) });
        var harness = new StoreHarness(store);
        var checkpointer = store.Checkpointer!;
        var (failed, again) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        checkpointer.Checkpointed += () =>
        {
            if (failed.TrySetResult())
            {
                throw new InvalidOperationException("Not a SQLite failure.");
            }

            again.TrySetResult();
        };

        await harness.ReceiveAsync();
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await harness.DriveToAsync(ComplaintState.Assigned);

        await again.Task.WaitAsync(TimeSpan.FromSeconds(30));
        checkpointer.Loop!.IsCompleted.Should().BeFalse("the loop goes on after the failure");
        store.Dispose();
        checkpointer.Loop.Status.Should().Be(TaskStatus.RanToCompletion, "Dispose ends it, and does not throw");
    }

    [Fact]
    public async Task Dispose_StopsTheCheckpointLoop()
    {
        var store = new SqliteComplaintStore($"Data Source={_database.NewPath()}", new SqliteStoreOptions { CheckpointInterval = TimeSpan.FromMinutes(1) });
        await new StoreHarness(store).ReceiveAsync();
        var loop = store.Checkpointer!.Loop;
        loop.Should().NotBeNull("the first write starts the loop");
        loop!.IsCompleted.Should().BeFalse("it waits out its interval");

        store.Dispose();

        loop.IsCompleted.Should().BeTrue();
        loop.Status.Should().Be(TaskStatus.RanToCompletion);
    }

    [Fact]
    public void NoInterval_NoCheckpointer()
    {
        var store = _database.Store(options: new SqliteStoreOptions { CheckpointInterval = TimeSpan.Zero });

        store.Checkpointer.Should().BeNull();
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(0, 1000)]
    public async Task TheStoresConnections_CheckpointInsideACommitOnlyWithoutTheLoop(int intervalMilliseconds, long autoCheckpointPages)
    {
        var path = _database.NewPath();
        var options = new SqliteStoreOptions { CheckpointInterval = TimeSpan.FromMilliseconds(intervalMilliseconds) };
        var store = _database.Store(path, options: options);
        var harness = new StoreHarness(store);
        var id = await harness.ReceiveAsync();

        // A call on a pooled connection returns it to Microsoft.Data.Sqlite's pool, settings and all; the same
        // connection string takes it back out.
        _ = await store.ReadJournalAsync(id);
        using var connection = new SqliteConnection(SqliteComplaintStore.Parse($"Data Source={path}", options).ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";

        command.ExecuteScalar().Should().Be(autoCheckpointPages);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(60_001)]
    public void CheckpointIntervalOutOfRange_FailsNamingTheOption(int milliseconds)
    {
        var options = new SqliteStoreOptions { CheckpointInterval = TimeSpan.FromMilliseconds(milliseconds) };

        var direct = () => new SqliteComplaintStore("Data Source=complaints.db", options);
        var registered = () => new ServiceCollection().AddComplaints().UseSqlite("Data Source=complaints.db", o => o.CheckpointInterval = options.CheckpointInterval);

        direct.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*SqliteStoreOptions.CheckpointInterval*from zero*to one minute*");
        registered.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*SqliteStoreOptions.CheckpointInterval*");
    }

    public void Dispose() => _database.Dispose();
}
