using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Storage;

/// <summary>Optimistic concurrency: a stale command fails with the conflict and writes nothing; no update is lost.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Execute_StaleExpectedVersion_FailsWithConflictAndChangesNothing()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);
        var seen = await h.Stored(id);
        await h.Do(id, Coordinator, new Escalate("Called again."));
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Assign(Handler), expectedVersion: seen.Version);

        var error = (await act.Should().ThrowAsync<ConcurrencyException>()).Which;
        error.ExpectedVersion.Should().Be(seen.Version);
        error.ActualVersion.Should().Be(seen.Version + 1);
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Fact]
    public async Task Execute_StaleVersionFromSomeoneWhoMayNotSeeTheCase_IsRefusedWithoutTellingTheVersion()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var act = () => h.Service.ExecuteAsync(id, Outsider, new Escalate("Guessing."), expectedVersion: 0);

        // A conflict would tell the case's current version: the refusal of the unseen case comes first.
        await act.Should().ThrowAsync<NotPermittedException>();
    }

    [Fact]
    public async Task Execute_CurrentExpectedVersion_Succeeds()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);
        var seen = await h.Stored(id);

        var result = await h.Service.ExecuteAsync(id, Coordinator, new Assign(Handler), expectedVersion: seen.Version);

        result.Complaint.Version.Should().Be(seen.Version + 1);
    }

    [Fact]
    public async Task ManyTasks_OnOneCase_EachCommandAppliedOnceOrRejectedAndTheJournalHasNoGap()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var start = (await h.Journal(id)).Count;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            try
            {
                await h.Service.ExecuteAsync(id, Handler, new AddEvidence(new EvidenceReference($"photo-{i}.jpg")));
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));

        var journal = await h.Journal(id);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        var added = journal.Skip(start).Select(e => e.Event).OfType<EvidenceAdded>().Select(e => e.Evidence.Reference).ToArray();
        added.Should().OnlyHaveUniqueItems().And.HaveCount(outcomes.Count(applied => applied));
        (await h.Stored(id)).Evidence.Should().HaveCount(added.Length);
    }

    [Fact]
    public async Task Store_SaveWithEntriesThatDoNotFollow_IsRefused()
    {
        var h = new Harness();
        var id = await h.Receive();
        var stored = await h.Stored(id);
        var entry = new JournalEntry(id, 5, Harness.Start, Coordinator, ComplaintState.Received, ComplaintState.Received, new ReadBackConfirmed(ReadBackMethod.Oral), Guid.NewGuid());

        var act = () => h.Store.SaveAsync(new CaseChange(stored with { Version = 5 }, [entry], stored.Version));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("expected 2");
        (await h.Journal(id)).Should().ContainSingle();
    }

    [Fact]
    public async Task Store_SaveStaleVersion_ThrowsConcurrency()
    {
        var store = new InMemoryComplaintStore();
        var h = new Harness();
        var id = await h.Receive();
        var first = await h.Stored(id);
        var journal = await h.Journal(id);
        await store.SaveAsync(new CaseChange(first, journal, 0));

        var act = () => store.SaveAsync(new CaseChange(first, journal, 0));

        await act.Should().ThrowAsync<ConcurrencyException>();
    }
}
