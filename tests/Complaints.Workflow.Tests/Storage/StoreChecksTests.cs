using Complaints.Journal;
using Complaints.Workflow.InMemory;

namespace Complaints.Workflow.Tests.Storage;

/// <summary>
/// The checks a store makes before it writes, so that a host's own store or a buggy caller cannot leave a
/// journal with a gap, a stranger's entry, or a case whose version is not its last entry.
/// </summary>
public sealed class StoreChecksTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Desk = new(new ActorId("desk"), "Desk", []);
    private static readonly ComplaintIntake Intake = new(ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Product, "Pads"), "Squeaks.");

    [Fact]
    public void EntriesFollow_TwoEntriesContinuingTheJournal_ToTheCasesVersion_Pass()
    {
        var c = Case(version: 4);

        FluentActions.Invoking(() => StoreChecks.EntriesFollow(c, [Entry(c.Id, 3), Entry(c.Id, 4)], expectedVersion: 2)).Should().NotThrow();
    }

    [Fact]
    public void EntriesFollow_NoEntries_IsRefused_EveryChangeIsOnRecord()
    {
        FluentActions.Invoking(() => StoreChecks.EntriesFollow(Case(version: 2), [], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithParameterName("entries").WithMessage("*at least one journal entry*");
    }

    [Fact]
    public void EntriesFollow_AGapInTheSequence_IsRefusedNamingTheEntryAndTheSequenceExpected()
    {
        var c = Case(version: 4);

        FluentActions.Invoking(() => StoreChecks.EntriesFollow(c, [Entry(c.Id, 3), Entry(c.Id, 5)], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithParameterName("entries").WithMessage("Journal entry 1 of the save has sequence 5 *; expected 4 *");
        FluentActions.Invoking(() => StoreChecks.EntriesFollow(c, [Entry(c.Id, 2), Entry(c.Id, 3)], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithMessage("Journal entry 0 of the save has sequence 2 *; expected 3 *");
    }

    [Fact]
    public void EntriesFollow_AnEntryOfAnotherCase_IsRefused()
    {
        var c = Case(version: 3);

        FluentActions.Invoking(() => StoreChecks.EntriesFollow(c, [Entry(ComplaintId.New(T0.AddHours(1)), 3)], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithParameterName("entries");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void EntriesFollow_ACaseWhoseVersionIsNotItsLastEntry_IsRefused(long version)
    {
        var c = Case(version);

        FluentActions.Invoking(() => StoreChecks.EntriesFollow(c, [Entry(c.Id, 3), Entry(c.Id, 4)], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithParameterName("complaint").WithMessage($"The case's version {version} must equal its last journal entry's sequence 4.*");
    }

    [Fact]
    public async Task Save_BasedOnAVersionThatIsNoLongerStored_IsAConflictNamingBoth()
    {
        var store = new InMemoryComplaintStore();
        var c = Case(version: 1);
        await store.SaveAsync(c, [Entry(c.Id, 1)], expectedVersion: 0);
        await store.SaveAsync(c with { Version = 2 }, [Entry(c.Id, 2)], expectedVersion: 1);

        var stale = () => store.SaveAsync(c with { Version = 2 }, [Entry(c.Id, 2)], expectedVersion: 1);
        var anew = () => store.SaveAsync(c, [Entry(c.Id, 1)], expectedVersion: 0);

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

        var act = () => store.SaveAsync(c, [Entry(c.Id, 3)], expectedVersion: 2);

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
