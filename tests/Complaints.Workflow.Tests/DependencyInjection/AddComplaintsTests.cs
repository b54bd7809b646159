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

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

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

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => _inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => _inner.CountAsync(query, cancellationToken);
    }
}
