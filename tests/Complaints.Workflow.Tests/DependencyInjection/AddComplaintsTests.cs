using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Workflow.Tests.DependencyInjection;

public sealed class AddComplaintsTests
{
    [Fact]
    public async Task AddComplaints_WithPolicy_ResolvesAServiceOnTheInMemoryStore()
    {
        var time = new FakeTimeProvider(Harness.Start);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddComplaints(o => o.ReopenWindow = TimeSpan.FromDays(10)).UsePolicy(new TestPolicy());
        using var provider = services.BuildServiceProvider();

        var service = provider.GetRequiredService<ComplaintService>();
        var received = await service.ReceiveAsync(People.Receiver, Harness.Intake());

        provider.GetRequiredService<IComplaintStore>().Should().BeOfType<InMemoryComplaintStore>();
        received.Complaint.ReceivedAt.Should().Be(Harness.Start, "time comes from the registered TimeProvider");
        received.Complaint.Policy.Should().Be(TestPolicy.Ref);
        provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value.ReopenWindow.Should().Be(TimeSpan.FromDays(10));
    }

    [Fact]
    public async Task AddComplaints_UsePack_DecidesWithTheBuiltInPackAndRecordsItsVersion()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Harness.Start));
        services.AddComplaints(o => o.UsePack("generic"));
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();

        var id = (await service.ReceiveAsync(People.Receiver, Harness.Intake(claim: 20_000))).Complaint.Id;
        var triaged = await service.ExecuteAsync(id, People.Coordinator, new Triage());

        triaged.Complaint.Policy.Should().Be(new Complaints.PolicyRef("generic", "1.0.0"));
        triaged.Complaint.Severity.Should().Be(Severity.Serious);
        triaged.Complaint.Department.Should().Be(People.Sales, "whose customer, whose responsibility: the subject's department");
        var decided = triaged.Entries.Single().Event.Should().BeOfType<Complaints.Journal.ComplaintTriaged>().Which;
        decided.Severity.Explanation.MatchedRules.Should().Contain("large-claim");
        decided.Deadlines.Select(d => d.Rule).Should().Equal("acknowledge-1wd", "propose-2wd", "serious-resolve-7wd", "follow-up-10wd");
    }

    [Fact]
    public void AddComplaints_UnknownPack_FailsAtValidationNamingTheBuiltInPacks()
    {
        var services = new ServiceCollection();
        services.AddComplaints(o => o.UsePack("no-such-pack"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*no built-in pack 'no-such-pack'*generic*");
    }

    [Fact]
    public void AddComplaints_PackNamingAnUnregisteredCalendar_FailsAtValidationSayingHowToRegisterIt()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-calendar-override-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.json"), """{ "calendar": "uk-sct" }""");
            var services = new ServiceCollection();
            services.AddComplaints(o => o.UsePack("generic", folder));
            using var provider = services.BuildServiceProvider();

            var act = () => provider.GetRequiredService<ComplaintService>();

            act.Should().Throw<OptionsValidationException>().WithMessage("*'generic'*calendar 'uk-sct'*AddCalendar(\"uk-sct\"*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AddComplaints_PackNamingARegisteredCalendar_Validates()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-calendar-override-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.json"), """{ "calendar": "uk-sct" }""");
            var services = new ServiceCollection();
            services.AddComplaints(o => o.UsePack("generic", folder)).AddCalendar("uk-sct", new Complaints.Workflow.Calendars.WeekdayCalendar());
            using var provider = services.BuildServiceProvider();

            provider.GetRequiredService<ComplaintService>().Should().NotBeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AddComplaints_WithoutPolicy_FailsSayingHowToRegisterOne()
    {
        var services = new ServiceCollection();
        services.AddComplaints();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*No complaint policy is registered*UsePack*UsePolicy*");
    }

    [Fact]
    public void AddComplaints_InvalidOptions_FailWithTheOptionNamed()
    {
        var services = new ServiceCollection();
        services.AddComplaints(o => o.ReopenWindow = TimeSpan.FromDays(-1)).UsePolicy(new TestPolicy());
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*ReopenWindow*");
    }

    [Fact]
    public void AddComplaints_Twice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddComplaints();
        services.AddComplaints().UsePolicy(new TestPolicy());

        services.Count(d => d.ServiceType == typeof(ComplaintService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IComplaintStore)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IOptionsChangeTokenSource<ComplaintsOptions>) || d.ServiceType == typeof(IValidateOptions<ComplaintsOptions>)).Should().Be(1);
    }

    [Fact]
    public async Task UseStore_ReplacesTheInMemoryStore()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new TestPolicy()).UseStore<CountingStore>();
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ComplaintService>().ReceiveAsync(People.Receiver, Harness.Intake());

        provider.GetRequiredService<IComplaintStore>().Should().BeOfType<CountingStore>().Which.Saves.Should().Be(1);
    }

    [Fact]
    public void UseStore_WithoutAnAuditLog_FailsAtResolutionNamingWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new TestPolicy()).UseStore<StoreWithoutAudit>();
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<ComplaintService>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*StoreWithoutAudit does not implement IAuditLog*register an IAuditLog*");
    }

    private sealed class StoreWithoutAudit : IComplaintStore
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Journal.JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class CountingStore : IComplaintStore, IAuditLog
    {
        public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default) => _inner.AppendAuditAsync(record, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => _inner.ReadAuditAsync(query, cancellationToken);

        private readonly InMemoryComplaintStore _inner = new();

        public int Saves { get; private set; }

        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => _inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
        {
            Saves++;
            return _inner.SaveAsync(change, cancellationToken);
        }

        public Task<IReadOnlyList<Journal.JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => _inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => _inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => _inner.CountAsync(query, cancellationToken);
    }
}
