using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Complaints.Workflow.Tests.Deadlines;

/// <summary>The worker survives restarts and races: every due alarm is recorded, and recorded once.</summary>
public sealed class DeadlineWorkerTests
{
    private static readonly DateTimeOffset PastDue = new(2026, 3, 6, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Restart_ClaimsOfADeadWorkerExpireAndAreTakenOver()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(PastDue);
        var lease = TimeSpan.FromMinutes(2);

        // Worker A claims the breach and dies before recording it.
        var claimedByA = await h.Store.ClaimDueDeadlinesAsync(h.Time.GetUtcNow(), "a", lease, 10);
        var b = Worker(h, "b", lease);
        var whileLeased = await b.RunOnceAsync();
        h.Time.Advance(lease);
        var afterExpiry = await b.RunOnceAsync();

        claimedByA.Should().ContainSingle().Which.Should().Be(new DueDeadline(id, DeadlineKind.Resolve, DeadlineAlarm.Breach, new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero)));
        whileLeased.Should().Be(0);
        afterExpiry.Should().Be(1);
        (await h.Journal(id)).Count(e => e.Event is DeadlineBreached).Should().Be(1);
    }

    [Fact]
    public async Task Restart_AWorkerThatRecordedBeforeDyingLeavesNothingToFireAgain()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(PastDue);

        (await Worker(h, "a").RunOnceAsync()).Should().Be(1);
        h.Time.Advance(TimeSpan.FromHours(1));
        (await Worker(h, "a-restarted").RunOnceAsync()).Should().Be(0);

        (await h.Journal(id)).Count(e => e.Event is DeadlineBreached).Should().Be(1);
    }

    [Fact]
    public async Task TwoWorkersRacing_RecordEachAlarmOnce()
    {
        var h = new Harness();
        var ids = new List<ComplaintId>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await h.DriveTo(ComplaintState.Investigating));
        }

        h.Time.SetUtcNow(PastDue);
        // Leases of zero let both workers claim everything, so only the command path keeps them apart.
        var first = Worker(h, "one", TimeSpan.Zero);
        var second = Worker(h, "two", TimeSpan.Zero);

        var counts = await Task.WhenAll(Task.Run(() => first.RunOnceAsync()), Task.Run(() => second.RunOnceAsync()));

        counts.Sum().Should().Be(20);
        foreach (var id in ids)
        {
            var journal = await h.Journal(id);
            journal.Count(e => e.Event is DeadlineBreached).Should().Be(1);
            journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(n => (long)n));
        }
    }

    [Fact]
    public async Task HostedWorker_PollsOnTheInjectedClock()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(h.Time).AddSingleton<Complaints.Ports.IComplaintStore>(h.Store);
        services.AddComplaints().UsePolicy(h.Policy).AddDeadlineWorker(o => o.PollInterval = TimeSpan.FromMinutes(1));
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<DeadlineWorker>().Single();

        await hosted.StartAsync(CancellationToken.None);
        h.Time.SetUtcNow(PastDue);
        var breached = false;
        for (var i = 0; i < 200 && !breached; i++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
            breached = (await h.Journal(id)).Any(e => e.Event is DeadlineBreached);
        }

        await hosted.StopAsync(CancellationToken.None);
        breached.Should().BeTrue();
    }

    [Fact]
    public async Task RunOnce_ACaseThatCannotBeRead_IsParkedLoggedAndTheOtherAlarmsAreRecorded()
    {
        var h = new Harness();
        var bad = await h.DriveTo(ComplaintState.Investigating);
        var good = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(PastDue);
        var unreadable = new UnreadableStore(h.Store, bad);
        var service = new ComplaintService(unreadable, new PolicyCatalog(h.Policy), new Complaints.Workflow.Calendars.WeekdayCalendar(), h.Time, Microsoft.Extensions.Options.Options.Create(h.Options), audit: h.Store);
        var logger = new ListLogger<DeadlineWorker>();
        var worker = new DeadlineWorker(h.Store, service, h.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = "a" }), logger);

        var recorded = await worker.RunOnceAsync();

        recorded.Should().Be(1);
        (await h.Journal(good)).Should().ContainSingle(e => e.Event is DeadlineBreached);
        (await h.Store.ReadParkedDeadlineAlarmsAsync()).Should().ContainSingle()
            .Which.Should().Match<ParkedDeadlineAlarm>(p => p.ComplaintId == bad && p.Error.StartsWith(nameof(UnreadableCaseException), StringComparison.Ordinal));
        logger.Entries.Should().ContainSingle(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(bad.ToString(), StringComparison.Ordinal));
        h.Time.Advance(TimeSpan.FromHours(1));
        (await worker.RunOnceAsync()).Should().Be(0, "the parked alarm waits for an operator");
        (await h.Store.ReleaseDeadlineAlarmAsync(bad, DeadlineKind.Resolve, DeadlineAlarm.Breach)).Should().BeTrue();
        (await Worker(h, "b").RunOnceAsync()).Should().Be(1, "released, and readable again, it is recorded");
    }

    /// <summary>The store, except that one case cannot be read, as if a newer release had written it.</summary>
    private sealed class UnreadableStore(IComplaintStore inner, ComplaintId unreadable) : IComplaintStore
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
            id == unreadable ? throw new UnreadableCaseException(id, new System.Text.Json.JsonException("from a newer release")) : inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(change, cancellationToken);

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => inner.CountAsync(query, cancellationToken);
    }

    private static DeadlineWorker Worker(Harness h, string id, TimeSpan? lease = null) =>
        new(h.Store, h.Service, h.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = id, Lease = lease ?? TimeSpan.FromMinutes(2) }));
}
