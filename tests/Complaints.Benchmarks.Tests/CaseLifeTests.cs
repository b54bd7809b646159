using Complaints.Benchmarks.Workloads;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Rules;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;

namespace Complaints.Benchmarks.Tests;

/// <summary>
/// What the whole-life benchmarks measure: <see cref="CaseLife"/>'s thirteen commands, the same under the generic pack
/// and the floor policy, and no store read besides the one each command makes of its case.
/// </summary>
public sealed class CaseLifeTests
{
    private static readonly Type[] Life =
    [
        typeof(ComplaintReceived), typeof(ComplaintTriaged), typeof(HandlerAssigned), typeof(InvestigationStarted),
        typeof(AccusedHeard), typeof(FindingsRecorded), typeof(RemedyProposed), typeof(RemedyApproved),
        typeof(DecisionCommunicated), typeof(CustomerAccepted), typeof(ImplementationCompleted), typeof(FollowUpRecorded),
        typeof(ComplaintClosed),
    ];

    public static TheoryData<string> Policies => new("generic", "floor");

    [Fact]
    public void RecordedLife_TheRowsTheRawFloorsWrite_AreOneSavePerCommandOfALife()
    {
        // The SQLite and PostgreSQL raw floors and the desk seeds write these rows; the recording runs a life
        // through a store that must take every port the service asks for (the audit log included).
        var recorded = RecordedLife.Record();

        recorded.Saves.Should().HaveCount(CaseLife.Commands);
        recorded.Saves.Select(s => s.ExpectedVersion).Should().Equal(Enumerable.Range(0, CaseLife.Commands).Select(v => (long)v));
        recorded.Saves.SelectMany(s => s.EventTypes).Should().HaveCount(CaseLife.Commands);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task RunAsync_OneLife_IsThirteenCommandsEachReadingOnlyItsCase(string policy)
    {
        var store = new CountingStore();
        var service = CaseLife.Service(
            store, policy == "generic" ? PolicyPacks.LoadBuiltIn("generic") : new HandWrittenComplaintPolicy(), new BenchClock(), new BusinessCalendarRegistry(true));

        var version = await CaseLife.RunAsync(CaseLife.Driver(service), 0);

        version.Should().Be(CaseLife.Commands);
        var id = store.Saved!.Value;
        (await store.ReadJournalAsync(id)).Select(e => e.Event.GetType()).Should().Equal(Life);
        store.Loads.Should().Be(CaseLife.Commands - 1, "each command after the receipt loads its case once, and the driver reads nothing");
        store.OtherReads.Should().Be(1, "the only other read is this test's journal read");
    }

    private sealed class CountingStore : IComplaintStore, IAuditLog
    {
        private readonly InMemoryComplaintStore _inner = new();

        public int Loads { get; private set; }

        public int OtherReads { get; private set; }

        public ComplaintId? Saved { get; private set; }

        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default)
        {
            Loads++;
            return _inner.LoadAsync(id, cancellationToken);
        }

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
        {
            Saved = change.Complaint.Id;
            return _inner.SaveAsync(change, cancellationToken);
        }

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default)
        {
            OtherReads++;
            return _inner.ReadJournalAsync(id, cancellationToken);
        }

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
        {
            OtherReads++;
            return _inner.QueryAsync(query, cancellationToken);
        }

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default)
        {
            OtherReads++;
            return _inner.QueryDeskAsync(query, cancellationToken);
        }

        public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default) => _inner.AppendAuditAsync(record, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
        {
            OtherReads++;
            return _inner.ReadAuditAsync(query, cancellationToken);
        }

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default)
        {
            OtherReads++;
            return _inner.CountAsync(query, cancellationToken);
        }
    }
}
