using Complaints.Commands;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Testing.Stores;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Deadlines;
using Complaints.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>What the SQLite store does beyond the contract: several stores on one file, its registration, its settings.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public void IdOrder_TextOfTheId_SortsAsGuidCompareTo()
    {
        // The store orders ties in receipt time by the id's text; the reference orders by Guid.CompareTo.
        var random = new Random(7);
        var guids = Enumerable.Range(0, 2000).Select(_ =>
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }).ToArray();

        guids.Order().Select(g => g.ToString("D")).Should().Equal(guids.Select(g => g.ToString("D")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_RacingOnOneCase_OneCommandWinsAndTheJournalHasNoGap()
    {
        var path = _database.NewPath();
        var a = new StoreHarness(_database.Store(path));
        var b = new StoreHarness(_database.Store(path));
        var id = await a.DriveToAsync(ComplaintState.Investigating);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            try
            {
                await (i % 2 == 0 ? a : b).Service.ExecuteAsync(id, StoreHarness.Handler, new AddEvidence(new EvidenceReference($"{i}.jpg")));
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));

        var journal = await b.JournalAsync(id);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        journal.Select(e => e.Event).OfType<Journal.EvidenceAdded>().Should().HaveCount(outcomes.Count(won => won));
        StoreHarness.Json(await a.StoredAsync(id)).Should().Be(StoreHarness.Json(ComplaintReplay.Replay(journal)));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_ClaimingTheSameAlarms_NeverClaimOneTwice()
    {
        var path = _database.NewPath();
        var h = new StoreHarness(_database.Store(path));
        for (var i = 0; i < 6; i++)
        {
            await h.DriveToAsync(ComplaintState.Assigned);
        }

        var now = h.Time.GetUtcNow().AddDays(30);
        var stores = new[] { (IDeadlineStore)h.Store, _database.Store(path) };

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => stores[i % 2].ClaimDueDeadlinesAsync(now, $"node-{i}", TimeSpan.FromMinutes(1), 3))));

        var all = claims.SelectMany(c => c).ToArray();
        all.Should().OnlyHaveUniqueItems().And.HaveCount(6 * 3, "each case has three deadlines breached a month later");
    }

    [Fact]
    public async Task Save_CancelledBeforeCommit_WritesNothing()
    {
        var store = _database.Store();
        var h = new StoreHarness(store);
        var id = await h.ReceiveAsync();
        var stored = await h.StoredAsync(id);
        var entry = new Journal.JournalEntry(id, 2, h.Time.GetUtcNow(), StoreHarness.Coordinator, ComplaintState.Received, ComplaintState.Withdrawn, new Journal.ComplaintWithdrawn("No."), Guid.NewGuid());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => store.SaveAsync(new CaseChange(ComplaintReplay.Apply(stored, entry), [entry], 1), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await store.ReadJournalAsync(id)).Should().ContainSingle();
    }

    [Fact]
    public async Task UnreadableRows_AreSteppedPastAndLoggedNamingThem()
    {
        var logger = new ListLogger<SqliteComplaintStore>();
        var store = _database.Store(logger: logger);
        var h = new StoreHarness(store);
        var badCase = await h.DriveToAsync(ComplaintState.Triaged);
        var goodCase = await h.DriveToAsync(ComplaintState.Triaged);
        var badMessage = (await store.ReadOutboxAsync(badCase)).Single().Notification.Id;
        _database.Execute(store, "UPDATE complaints SET json = '{}' WHERE id = $id;", ("$id", badCase.Value.ToString("D")));
        _database.Execute(store, "UPDATE outbox SET json = '[]' WHERE id = $id;", ("$id", badMessage.ToString("D")));

        var page = await store.QueryAsync(new ComplaintQuery());
        var claimed = await store.ClaimOutboxAsync(h.Time.GetUtcNow(), "a", TimeSpan.FromMinutes(1), 10);

        page.Select(c => c.Id).Should().Equal(goodCase);
        claimed.Select(m => m.Notification.ComplaintId).Should().Equal(goodCase);
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains(badCase.ToString(), StringComparison.Ordinal));
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains(badMessage.ToString(), StringComparison.Ordinal));
        (await store.FindUnreadableCasesAsync()).Select(u => u.ComplaintId).Should().Equal(badCase);
        (await store.ReadParkedOutboxAsync()).Should().ContainSingle().Which.Should().Match<ParkedOutboxMessage>(m => m.Id == badMessage && m.Notification == null);
    }

    [Fact]
    public async Task UseSqlite_RegistersOneStoreAsEveryPortAndCreatesTheFileAtFirstUse()
    {
        var path = _database.NewPath();
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic").UseSqlite($"Data Source={path}").AddDeadlineWorker();
        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            var store = provider.GetRequiredService<IComplaintStore>();
            store.Should().BeOfType<SqliteComplaintStore>();
            provider.GetRequiredService<IDeadlineStore>().Should().BeSameAs(store);
            provider.GetRequiredService<Complaints.Notifications.IOutboxStore>().Should().BeSameAs(store);
            provider.GetRequiredService<IAuditLog>().Should().BeSameAs(store);
            provider.GetRequiredService<Complaints.Improvement.ICorrectiveActionStore>().Should().BeSameAs(store);
            provider.GetRequiredService<SqliteComplaintStore>().Should().BeSameAs(store);
            File.Exists(path).Should().BeFalse("nothing is opened until first use");

            var received = await provider.GetRequiredService<ComplaintService>().ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake());

            File.Exists(path).Should().BeTrue();
            (await store.LoadAsync(received.Complaint.Id)).Should().NotBeNull();
        }

        // The provider disposed the store; a new one over the same file finds the case.
        (await _database.Store(path).QueryAsync(new ComplaintQuery())).Should().ContainSingle();
    }

    [Fact]
    public void UseSqlite_AfterAddDeadlineWorker_StillReplacesTheDeadlineStore()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic").AddDeadlineWorker().UseSqlite($"Data Source={_database.NewPath()}");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IDeadlineStore>().Should().BeSameAs(provider.GetRequiredService<IComplaintStore>());
        provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Should().ContainSingle(s => s is DeadlineWorker);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Data Source=")]
    [InlineData("Nonsense Key=1")]
    public void UseSqlite_BadConnectionString_FailsAtRegistration(string connectionString)
    {
        var act = () => new ServiceCollection().AddComplaints().UseSqlite(connectionString);

        act.Should().Throw<ArgumentException>().WithMessage("*connection string*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public void UseSqlite_BusyTimeoutOutOfRange_FailsAtRegistration(int seconds)
    {
        var act = () => new ServiceCollection().AddComplaints().UseSqlite("Data Source=complaints.db", o => o.BusyTimeout = TimeSpan.FromSeconds(seconds));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*BusyTimeout must be between 0 and 1 hour*");
    }

    public void Dispose() => _database.Dispose();
}
