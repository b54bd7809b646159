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

    private static DeadlineWorker Worker(Harness h, string id, TimeSpan? lease = null) =>
        new(h.Store, h.Service, h.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = id, Lease = lease ?? TimeSpan.FromMinutes(2) }));
}
