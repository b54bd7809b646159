using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Storage;

/// <summary>A command safe to repeat is decided again on the fresh case when someone else saved first.</summary>
public sealed class ConflictRetryTests
{
    [Fact]
    public async Task SafeCommand_LosesARace_IsDecidedAgainAndBothChangesLand()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var racing = new RacingStore(h.Store, () => h.Service.ExecuteAsync(id, Coordinator, new Escalate("The customer called again.")));
        var service = Service(h, racing);

        var result = await service.ExecuteAsync(id, Handler, new AddEvidence(new EvidenceReference("photo.jpg")));

        racing.Conflicts.Should().Be(1);
        result.Complaint.EscalationLevel.Should().Be(1, "the retry was decided on the case with the other command's change");
        var journal = await h.Journal(id);
        journal.TakeLast(2).Select(e => e.Event.GetType()).Should().Equal(typeof(Escalated), typeof(EvidenceAdded));
        Harness.Json(ComplaintReplay.Replay(journal)).Should().Be(Harness.Json(await h.Stored(id)));
    }

    [Fact]
    public async Task Approval_LosesARace_IsNotRetried()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingApproval);
        var racing = new RacingStore(h.Store, () => h.Service.ExecuteAsync(id, Coordinator, new Escalate("Called again.")));

        var act = () => Service(h, racing).ExecuteAsync(id, Manager, new Approve());

        await act.Should().ThrowAsync<ConcurrencyException>();
        (await h.Stored(id)).PendingApproval!.ApprovedBy.Should().BeNull();
    }

    [Fact]
    public async Task PinnedVersion_IsNeverRetried()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var version = (await h.Stored(id)).Version;
        var racing = new RacingStore(h.Store, () => h.Service.ExecuteAsync(id, Coordinator, new Escalate("Called again.")));

        var act = () => Service(h, racing).ExecuteAsync(id, Handler, new AddEvidence(new EvidenceReference("photo.jpg")), expectedVersion: version);

        await act.Should().ThrowAsync<ConcurrencyException>();
    }

    [Fact]
    public async Task RetriesSetToZero_TheConflictIsReported()
    {
        var h = new Harness();
        h.Options.ConflictRetries = 0;
        var id = await h.DriveTo(ComplaintState.Investigating);
        var racing = new RacingStore(h.Store, () => h.Service.ExecuteAsync(id, Coordinator, new Escalate("Called again.")));

        var act = () => Service(h, racing).ExecuteAsync(id, Handler, new AddEvidence(new EvidenceReference("photo.jpg")));

        await act.Should().ThrowAsync<ConcurrencyException>();
    }

    private static ComplaintService Service(Harness h, IComplaintStore store) =>
        new(store, new PolicyCatalog(h.Policy), new WeekdayCalendar(), h.Time, Microsoft.Extensions.Options.Options.Create(h.Options), audit: h.Store);

    /// <summary>Lets another command save just before this service's first save, as a second user would.</summary>
    private sealed class RacingStore(IComplaintStore inner, Func<Task> competitor) : IComplaintStore
    {
        private bool _raced;

        public int Conflicts { get; private set; }

        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.LoadAsync(id, cancellationToken);

        public async Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
        {
            if (!_raced)
            {
                _raced = true;
                await competitor();
            }

            try
            {
                await inner.SaveAsync(change, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                Conflicts++;
                throw;
            }
        }

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => inner.CountAsync(query, cancellationToken);
    }
}
