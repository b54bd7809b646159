using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Storage.Sqlite.Internal;
using Complaints.Testing.Stores;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>
/// The cost of one durably committed command: a save sets only the case columns that changed, and the WAL is started
/// over under steady writes instead of growing for as long as they go on.
/// </summary>
public sealed class SqliteCommandPathTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task ALifeOfUpdates_SettingOnlyChangedColumns_LeavesTheRowAWholeWriteOfTheCaseLeaves()
    {
        var updated = _database.Store();
        var harness = new StoreHarness(updated);
        var id = await harness.DriveToAsync(ComplaintState.Closed);
        var final = await harness.StoredAsync(id);
        var written = _database.Store();

        // The same case written whole, as a new row (every column set).
        await written.SaveAsync(new CaseChange(final, await harness.JournalAsync(id), 0));

        var (after, whole) = (Row(updated, id), Row(written, id));
        after.Remove("reward_eligible");
        whole.Remove("reward_eligible");
        after.Should().Equal(whole, "an update that skips unchanged columns leaves them as a write of every column would");
        after["version"].Should().Be(final.Version);
    }

    [Fact]
    public void ChangedColumns_CountOnlyCertainlyEqualValuesAsUnchanged_AndAlwaysTheVersion()
    {
        object?[] stored = [null, 7L, "open", DBNull.Value, 5L, "5", 2.5, null];
        object[] values = ["id", 7L, "open", DBNull.Value, 5, 5L, 2.5, "json"];

        var changed = CaseWriter.ChangedColumns(stored, values);

        Bits(changed).Should().Equal(
            [1, 5, 6, 7],
            "the version always, text against an integer, a real (not compared), a column not read; not equal text, NULLs or integers");
    }

    [Fact]
    public async Task UpdateStatements_PastTheLimit_AnUnknownMaskIsWidenedToEveryColumn()
    {
        var store = _database.Store();
        await store.MigrateAsync();
        using var connection = new SqliteConnection($"Data Source={_database.PathOf(store)};Pooling=False");
        connection.Open();
        using var session = new Session(connection);
        for (var i = 0; i < Session.MaxUpdateStatements; i++)
        {
            var mask = (1UL << 1) | (1UL << (2 + i % 30)) | (i >= 30 ? 1UL << 33 : 0) | (i >= 60 ? 1UL << 34 : 0);
            var kept = mask;
            session.UpdateCase(ref kept);
            kept.Should().Be(mask);
        }

        var past = (1UL << 1) | (1UL << 35);
        var command = session.UpdateCase(ref past);

        past.Should().Be(Sql.AllCaseColumns, "the caller binds by the mask the statement sets");
        command.Parameters.Count.Should().Be(Sql.CaseColumnCount + 1, "every column but the id, then the id and the expected version");
        command.CommandText.Should().Contain("received_at = $received_at").And.Contain("gap_cause = $gap_cause");
    }

    [Fact]
    public async Task SteadyWrites_StartTheWalOver_SoItStaysSmall()
    {
        var store = _database.Store(options: new SqliteStoreOptions { CheckpointInterval = TimeSpan.FromMilliseconds(5) });
        var harness = new StoreHarness(store);
        var wal = _database.PathOf(store) + "-wal";
        var restarted = 0;
        long last = 0;
        store.Checkpointer!.Checkpointed += () =>
        {
            var frames = store.Checkpointer.Last.Frames;
            if (frames < Interlocked.Exchange(ref last, frames))
            {
                Interlocked.Increment(ref restarted);
            }
        };

        // Writes back to back from two writers, so one is nearly always under way while the checkpointer runs.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 16; i++)
            {
                await harness.DriveToAsync(ComplaintState.Closed);
            }
        })));

        Volatile.Read(ref restarted).Should().BePositive("a checkpoint that writes outran is finished under the write turn, and the next write starts the WAL over");
        // About 25 MB are committed; a WAL started over stays near 2 MB (up to ~4 MB on a loaded machine), one that is
        // not keeps growing.
        new FileInfo(wal).Length.Should().BeLessThan(6L << 20, "the WAL is reused from its start instead of growing with every commit");
    }

    [Fact]
    public async Task NoBusyTimeout_TheCheckpointerNeverHoldsUpASave()
    {
        // With no busy timeout a save fails at once if the write turn is taken; the checkpointer must then never take
        // it, or a lone writer fails now and then (it did when the checkpointer took the turn whenever it was free).
        var store = _database.Store(options: new SqliteStoreOptions { BusyTimeout = TimeSpan.Zero, CheckpointInterval = TimeSpan.FromMilliseconds(1) });
        var harness = new StoreHarness(store);
        var checkpoints = 0;
        store.Checkpointer!.Checkpointed += () => Interlocked.Increment(ref checkpoints);

        // Lives until the checkpointer has run a few times beside them (it starts on its own thread, which a loaded
        // machine may schedule late), so saves and checkpoints overlap; none of the saves may fail.
        for (var i = 0; i < 400 && Volatile.Read(ref checkpoints) < 5; i++)
        {
            await harness.DriveToAsync(ComplaintState.Closed);
        }

        Volatile.Read(ref checkpoints).Should().BeGreaterThanOrEqualTo(5, "the checkpointer ran beside the saves");
    }

    public void Dispose() => _database.Dispose();

    private Dictionary<string, object?> Row(SqliteComplaintStore store, ComplaintId id)
    {
        using var connection = new SqliteConnection($"Data Source={_database.PathOf(store)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM complaints WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id.Value.ToString("D"));
        using var reader = command.ExecuteReader();
        reader.Read().Should().BeTrue();
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    private static int[] Bits(ulong mask) => [.. Enumerable.Range(0, 64).Where(i => (mask & (1UL << i)) != 0)];
}
