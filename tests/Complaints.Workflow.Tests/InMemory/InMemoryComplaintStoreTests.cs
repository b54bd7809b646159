using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow.InMemory;

namespace Complaints.Workflow.Tests.InMemory;

/// <summary>The in-memory store's version check: a save based on a version that is not the stored one writes nothing.</summary>
public sealed class InMemoryComplaintStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Desk = new(new ActorId("desk"), "Desk", []);
    private static readonly ComplaintIntake Intake = new(ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Product, "Pads"), "Squeaks.");

    [Fact]
    public async Task Save_BasedOnAVersionThatIsNoLongerStored_IsAConflictNamingBoth()
    {
        var store = new InMemoryComplaintStore();
        var c = Case(version: 1);
        await store.SaveAsync(new CaseChange(c, [Entry(c.Id, 1)], expectedVersion: 0));
        await store.SaveAsync(new CaseChange(c with { Version = 2 }, [Entry(c.Id, 2)], expectedVersion: 1));

        var stale = () => store.SaveAsync(new CaseChange(c with { Version = 2 }, [Entry(c.Id, 2)], expectedVersion: 1));
        var anew = () => store.SaveAsync(new CaseChange(c, [Entry(c.Id, 1)], expectedVersion: 0));

        (await stale.Should().ThrowAsync<ConcurrencyException>()).Which.Should().Match<ConcurrencyException>(e => e.ExpectedVersion == 1 && e.ActualVersion == 2 && e.ComplaintId == c.Id);
        (await anew.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(2);
        (await store.ReadJournalAsync(c.Id)).Select(e => e.Sequence).Should().Equal(1, 2);
        (await store.LoadAsync(c.Id))!.Version.Should().Be(2);
    }

    [Fact]
    public async Task Save_ACaseNotStoredYet_BasedOnAnyVersionButNone_IsAConflict()
    {
        var store = new InMemoryComplaintStore();
        var c = Case(version: 3);

        var act = () => store.SaveAsync(new CaseChange(c, [Entry(c.Id, 3)], expectedVersion: 2));

        (await act.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(0);
        (await store.LoadAsync(c.Id)).Should().BeNull();
    }

    private static readonly ComplaintId Id = ComplaintId.New(T0);

    private static Complaint Case(long version) => new()
    {
        Id = Id,
        Version = version,
        State = ComplaintState.Received,
        Intake = Intake,
        ReceivedAt = T0,
        ReceivedBy = Desk,
        Policy = new PolicyRef("test", "1"),
        UpdatedAt = T0,
    };

    private static JournalEntry Entry(ComplaintId id, long sequence) =>
        new(id, sequence, T0, Desk, ComplaintState.Received, ComplaintState.Received,
            sequence == 1 ? new ComplaintReceived(Intake, new PolicyRef("test", "1")) : new EvidenceAdded(new EvidenceReference($"e{sequence}")), Guid.NewGuid());
}
