using System.Text.Json;
using Complaints.Ports;
using Complaints.Workflow.Import;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>Importing history into SQLite: the same cases and journals as in memory, and a resumed import with no duplicate.</summary>
public sealed class SqliteImportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Sqlite", "Data", "cfpb_complaints_2023_sample.csv");
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Import_CfpbSample_SqliteHoldsTheSameCasesAndJournalsAsMemory()
    {
        var sqlite = _database.Store();
        await sqlite.MigrateAsync(TestContext.Current.CancellationToken);
        var memory = new InMemoryComplaintStore();

        var inSqlite = await new ComplaintImporter(sqlite, new FakeTimeProvider(Now)).ImportFileAsync(Sample, CfpbImport.Mapping, cancellationToken: TestContext.Current.CancellationToken);
        var inMemory = await new ComplaintImporter(memory, new FakeTimeProvider(Now)).ImportFileAsync(Sample, CfpbImport.Mapping, cancellationToken: TestContext.Current.CancellationToken);

        inSqlite.Should().BeEquivalentTo(inMemory).And.BeEquivalentTo(new { Imported = 2_067, AlreadyPresent = 0, Rejected = 0 });
        var fromSqlite = await AllAsync(sqlite);
        var fromMemory = await AllAsync(memory);
        fromSqlite.Should().HaveCount(2_067);
        fromSqlite.Select(Json).Should().Equal(fromMemory.Select(Json));
        foreach (var c in fromMemory.Take(50))
        {
            (await sqlite.ReadJournalAsync(c.Id, TestContext.Current.CancellationToken)).Select(Json)
                .Should().Equal((await memory.ReadJournalAsync(c.Id, TestContext.Current.CancellationToken)).Select(Json));
        }

        var byState = await sqlite.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), TestContext.Current.CancellationToken);
        byState.Should().BeEquivalentTo(await memory.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_CancelledAfterTheFirstBatch_RunAgain_EveryRowStoredOnce()
    {
        var sqlite = _database.Store();
        await sqlite.MigrateAsync(TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var csv = await FirstRowsAsync(400);
        var first = new ComplaintImporter(sqlite, new FakeTimeProvider(Now), new ComplaintImportOptions { BatchSize = 150 });

        var crash = () => first.ImportAsync(new StringReader(csv), CfpbImport.Mapping, new SyncProgress(_ => cancel.Cancel()), cancel.Token);
        await crash.Should().ThrowAsync<OperationCanceledException>();
        (await AllAsync(sqlite)).Should().HaveCount(150);

        // Batches of 100: the second straddles the crash, and is saved case by case.
        var again = await new ComplaintImporter(sqlite, new FakeTimeProvider(Now), new ComplaintImportOptions { BatchSize = 100 })
            .ImportAsync(new StringReader(csv), CfpbImport.Mapping, cancellationToken: TestContext.Current.CancellationToken);

        again.Should().BeEquivalentTo(new { Imported = 250, AlreadyPresent = 150, Rejected = 0 });
        var cases = await AllAsync(sqlite);
        cases.Select(c => c.Id).Should().OnlyHaveUniqueItems().And.HaveCount(400);
    }

    private static async Task<IReadOnlyList<Complaint>> AllAsync(IComplaintStore store)
    {
        var all = new List<Complaint>();
        for (var skip = 0; ; skip += 1000)
        {
            var page = await store.QueryAsync(new ComplaintQuery { Skip = skip, Take = 1000 }, TestContext.Current.CancellationToken);
            all.AddRange(page);
            if (page.Count < 1000)
            {
                return all;
            }
        }
    }

    /// <summary>The header and the first <paramref name="rows"/> rows of the sample (whose narratives span lines).</summary>
    private static async Task<string> FirstRowsAsync(int rows)
    {
        var text = await File.ReadAllTextAsync(Sample, TestContext.Current.CancellationToken);
        var end = CsvReader.Read(new StringReader(text)).ElementAt(rows + 1).Line;
        return string.Join('\n', text.Split('\n').Take((int)end - 1)) + "\n";
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ComplaintsJson.Options);

    private sealed class SyncProgress(Action<ImportResult> report) : IProgress<ImportResult>
    {
        public void Report(ImportResult value) => report(value);
    }
}
