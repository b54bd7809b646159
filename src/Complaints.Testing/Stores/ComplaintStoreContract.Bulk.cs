using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>Bulk saves (<see cref="IBulkComplaintStore"/>) and imported cases (<see cref="ComplaintImported"/>); the bulk tests are skipped for a store without bulk saves.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>An imported case: saved, it loads as saved and its one-entry journal replays to it.</summary>
    [Fact]
    public async Task Save_ImportedCase_LoadsAsSavedAndItsJournalReplaysToIt()
    {
        var store = await CreateEmptyStoreAsync();
        var (complaint, entries) = Imported("C-1", StoreHarness.Start.AddDays(-400));

        await store.SaveAsync(new CaseChange(complaint, entries, 0));

        var loaded = await store.LoadAsync(complaint.Id);
        StoreHarness.Json(loaded).Should().Be(StoreHarness.Json(complaint));
        var journal = await store.ReadJournalAsync(complaint.Id);
        journal.Should().ContainSingle().Which.Event.Should().BeOfType<ComplaintImported>().Which.SourceKey.Should().Be("C-1");
        StoreHarness.Json(ComplaintReplay.Replay(journal)).Should().Be(StoreHarness.Json(loaded));
    }

    /// <summary>Save many: new cases and a later change of one of them are all written, with their journals, in one call.</summary>
    [Fact]
    public async Task SaveMany_NewCasesAndAChangeOfOne_AreAllWritten()
    {
        var store = Bulk(await CreateEmptyStoreAsync());
        var (a, aEntries) = Imported("A", StoreHarness.Start.AddDays(-3));
        var (b, bEntries) = HandWritten(StoreHarness.Start.AddDays(-2));
        var withdrawn = new JournalEntry(b.Id, 2, StoreHarness.Start, b.ReceivedBy, ComplaintState.Received, ComplaintState.Withdrawn, new ComplaintWithdrawn("Settled by phone."), Guid.CreateVersion7(StoreHarness.Start));
        var b2 = ComplaintReplay.Apply(b, withdrawn);

        await store.SaveManyAsync([new CaseChange(a, aEntries, 0), new CaseChange(b, bEntries, 0), new CaseChange(b2, [withdrawn], 1)]);

        StoreHarness.Json(await store.LoadAsync(a.Id)).Should().Be(StoreHarness.Json(a));
        StoreHarness.Json(await store.LoadAsync(b.Id)).Should().Be(StoreHarness.Json(b2));
        (await store.ReadJournalAsync(b.Id)).Select(StoreHarness.Json).Should().Equal(bEntries.Append(withdrawn).Select(StoreHarness.Json));
        (await store.QueryAsync(new ComplaintQuery())).Select(c => c.Id).Should().Equal(a.Id, b.Id);
    }

    /// <summary>Save many: one change whose expected version is not the stored one writes nothing of the batch.</summary>
    [Fact]
    public async Task SaveMany_OneStaleChange_ThrowsConcurrencyAndWritesNothing()
    {
        var store = Bulk(await CreateEmptyStoreAsync());
        var (present, presentEntries) = Imported("present", StoreHarness.Start.AddDays(-3));
        await store.SaveAsync(new CaseChange(present, presentEntries, 0));
        var (fresh, freshEntries) = Imported("fresh", StoreHarness.Start.AddDays(-2));

        var act = () => store.SaveManyAsync([new CaseChange(fresh, freshEntries, 0), new CaseChange(present, presentEntries, 0)]);

        (await act.Should().ThrowAsync<ConcurrencyException>()).Which.ComplaintId.Should().Be(present.Id);
        (await store.LoadAsync(fresh.Id)).Should().BeNull("the batch is all or nothing");
        (await store.ReadJournalAsync(fresh.Id)).Should().BeEmpty();
        (await store.QueryAsync(new ComplaintQuery())).Should().ContainSingle();
    }

    private static IBulkComplaintStore Bulk(IComplaintStore store)
    {
        if (store is not IBulkComplaintStore bulk)
        {
            Assert.Skip("The store has no bulk saves (IBulkComplaintStore).");
            throw new InvalidOperationException("unreachable");
        }

        return bulk;
    }

    /// <summary>A closed case imported from history, as <c>ComplaintImporter</c> writes one.</summary>
    protected static (Complaint Complaint, JournalEntry[] Entries) Imported(string key, DateTimeOffset receivedAt)
    {
        var intake = A.Complaint().Described("The fee was charged twice; history from the old system.").WithAttribute("ticket", key).BuildIntake();
        var due = receivedAt.AddDays(15);
        var history = new ImportedCase(intake, new PolicyRef("old-system", "2019"), receivedAt)
        {
            Category = "billing",
            Severity = Severity.Minor,
            Department = new DepartmentId("finance"),
            Deadlines = [new Deadline(DeadlineKind.Resolve, due, "old-15-days", "utc", MetAt: due.AddDays(-2)), new Deadline(DeadlineKind.FollowUp, due.AddDays(10), "old-follow-up", "utc") { BreachedAt = due.AddDays(10) }],
            Findings = new Findings(FindingOutcome.Substantiated, RootCause.ProcessGap, "Double charge at month end."),
            Remedy = new RemedyProposal(RemedyKind.Refund, "Refunded.", new Money(12.5m, "CNY")),
            FollowUps = [new FollowUpContact(due.AddDays(3), new ActorId("desk"), Satisfaction.Satisfied, null)],
            EscalationLevel = 1,
            Outcome = "Refunded and apologised.",
            ClosedAt = due.AddDays(-1),
        };
        var at = StoreHarness.Start;
        var id = ComplaintId.New(receivedAt);
        var entry = new JournalEntry(id, 1, at, new Actor(new ActorId("import"), "Import", []), ComplaintState.Closed, ComplaintState.Closed, new ComplaintImported("old-system", key, history), Guid.CreateVersion7(at));
        return (ComplaintReplay.Apply(null, entry), [entry]);
    }
}
