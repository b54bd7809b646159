using Complaints.Analysis;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Testing.Stores;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Workflow.Tests.Analysis;

/// <summary>The service entry point of periodic analysis: the store computes the figures, or the analysis is refused.</summary>
public sealed class ComplaintAnalysisTests
{
    [Fact]
    public async Task AnalyseAsync_OverTheInMemoryStore_GivesTheStoresFigures()
    {
        var store = new InMemoryComplaintStore();
        var h = new StoreHarness(store);
        await h.DriveToAsync(ComplaintState.Closed);
        await h.ReceiveAsync();
        h.Time.Advance(TimeSpan.FromDays(1));
        var analysis = new ComplaintAnalysis(store, h.Time);

        var figures = await analysis.AnalyseAsync(analysis.Period(StoreHarness.Start, h.Time.GetUtcNow()));

        analysis.IsAvailable.Should().BeTrue();
        figures.Received.Should().Be(2);
        figures.Closed.Should().Be(1);
        figures.Query.AsOf.Should().Be(h.Time.GetUtcNow());
    }

    [Fact]
    public async Task AnalyseAsync_StoreWithoutAnalytics_IsRefusedSayingWhatToDo()
    {
        var analysis = new ComplaintAnalysis(new PlainStore(new InMemoryComplaintStore()), new FakeTimeProvider(StoreHarness.Start));

        var act = () => analysis.AnalyseAsync(analysis.Period(StoreHarness.Start, StoreHarness.Start.AddDays(7)));

        analysis.IsAvailable.Should().BeFalse();
        (await act.Should().ThrowAsync<NotSupportedException>()).Which.Message.Should()
            .Contain(nameof(PlainStore)).And.Contain("IComplaintAnalytics").And.Contain("never computed by reading every case");
    }

    [Fact]
    public async Task AnalyseAsync_InvalidQuery_IsAValidationErrorWhateverTheStore()
    {
        var analysis = new ComplaintAnalysis(new PlainStore(new InMemoryComplaintStore()), new FakeTimeProvider(StoreHarness.Start));

        var act = () => analysis.AnalyseAsync(analysis.Period(StoreHarness.Start, StoreHarness.Start));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Single().Field.Should().Be("AnalysisQuery.To");
    }

    [Fact]
    public async Task AddComplaints_RegistersTheAnalysisOverTheStore_OrOverTheAnalyticsRegistered()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(StoreHarness.Start));
        services.AddComplaints().UsePack("generic");
        using var provider = services.BuildServiceProvider();
        var own = new ServiceCollection();
        own.AddSingleton<IComplaintStore>(new PlainStore(new InMemoryComplaintStore()));
        own.AddSingleton<IComplaintAnalytics>(new FixedAnalytics());
        own.AddComplaints().UsePack("generic");
        using var ownProvider = own.BuildServiceProvider();

        var analysis = provider.GetRequiredService<ComplaintAnalysis>();
        var viaOwn = ownProvider.GetRequiredService<ComplaintAnalysis>();

        analysis.Should().BeSameAs(provider.GetRequiredService<ComplaintAnalysis>());
        analysis.IsAvailable.Should().BeTrue();
        analysis.Period(StoreHarness.Start, StoreHarness.Start.AddDays(1)).AsOf.Should().Be(StoreHarness.Start, "the registered clock says when now is");
        (await viaOwn.AnalyseAsync(viaOwn.Period(StoreHarness.Start, StoreHarness.Start.AddDays(1)))).Received.Should().Be(42);
    }

    /// <summary>A store that only stores: not an <see cref="IComplaintAnalytics"/>.</summary>
    private sealed class PlainStore(InMemoryComplaintStore inner) : IComplaintStore, IAuditLog
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) => inner.SaveAsync(change, cancellationToken);

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => inner.CountAsync(query, cancellationToken);

        public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default) => inner.AppendAuditAsync(record, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.ReadAuditAsync(query, cancellationToken);
    }

    private sealed class FixedAnalytics : IComplaintAnalytics
    {
        public async Task<PeriodAnalysis> AnalyseAsync(AnalysisQuery query, CancellationToken cancellationToken = default) =>
            await new InMemoryComplaintStore().AnalyseAsync(query, cancellationToken) with { Received = 42 };
    }
}
