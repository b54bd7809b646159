using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;

namespace Complaints.Abstractions.Tests;

/// <summary>
/// The checks every save gets from its <see cref="CaseChange"/> before any store writes, so that a host's own store or
/// a buggy caller cannot leave a journal with a gap, a stranger's entry, a case whose version is not its last entry,
/// or a notification no entry of the save caused.
/// </summary>
public sealed class CaseChangeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Desk = new(new ActorId("desk"), "Desk", []);
    private static readonly ComplaintIntake Intake = new(ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Product, "Pads"), "Squeaks.");

    [Fact]
    public void New_TwoEntriesContinuingTheJournal_ToTheCasesVersion_Pass()
    {
        var c = Case(version: 4);

        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 3), Entry(c.Id, 4)], expectedVersion: 2)).Should().NotThrow();
    }

    [Fact]
    public void New_NoEntries_IsRefused_EveryChangeIsOnRecord()
    {
        FluentActions.Invoking(() => new CaseChange(Case(version: 2), [], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithParameterName("entries").WithMessage("*at least one journal entry*");
    }

    [Fact]
    public void New_AGapInTheSequence_IsRefusedNamingTheEntryAndTheSequenceExpected()
    {
        var c = Case(version: 4);

        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 3), Entry(c.Id, 5)], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithParameterName("entries").WithMessage("Journal entry 1 of the save has sequence 5 *; expected 4 *");
        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 2), Entry(c.Id, 3)], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithMessage("Journal entry 0 of the save has sequence 2 *; expected 3 *");
    }

    [Fact]
    public void New_AnEntryOfAnotherCase_IsRefused()
    {
        var c = Case(version: 3);

        FluentActions.Invoking(() => new CaseChange(c, [Entry(ComplaintId.New(T0.AddHours(1)), 3)], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithParameterName("entries");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void New_ACaseWhoseVersionIsNotItsLastEntry_IsRefused(long version)
    {
        var c = Case(version);

        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 3), Entry(c.Id, 4)], expectedVersion: 2))
            .Should().Throw<ArgumentException>().WithParameterName("complaint").WithMessage($"The case's version {version} must equal its last journal entry's sequence 4.*");
    }

    [Fact]
    public void New_WithoutACaseOrEntries_IsRefusedNamingWhichIsMissing()
    {
        var complaint = Case(1);

        FluentActions.Invoking(() => new CaseChange(null!, [Entry(Id, 1)], 0))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("complaint");
        FluentActions.Invoking(() => new CaseChange(complaint, null!, 0))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("entries");
    }

    [Fact]
    public void New_NegativeExpectedVersion_IsRefused()
    {
        var c = Case(version: 1);

        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 1)], expectedVersion: -1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("expectedVersion");
    }

    [Fact]
    public void New_NullEntry_IsRefusedNamingIt()
    {
        var c = Case(version: 1);

        FluentActions.Invoking(() => new CaseChange(c, [null!], expectedVersion: 0))
            .Should().Throw<ArgumentException>().WithParameterName("entries").WithMessage("Journal entry 0 of the save is null.*");
    }

    [Fact]
    public void New_NotificationsOfTheNewEntries_AreKeptInOrder()
    {
        var c = Case(version: 4);
        Notification[] notifications = [Notice(c.Id, 4, "role:manager"), Notice(c.Id, 3, "complainant")];

        var change = new CaseChange(c, [Entry(c.Id, 3), Entry(c.Id, 4)], expectedVersion: 2, notifications);

        change.Notifications.Should().Equal(notifications);
        change.Entries.Select(e => e.Sequence).Should().Equal(3, 4);
        change.ExpectedVersion.Should().Be(2);
        change.IsNew.Should().BeFalse();
        new CaseChange(Case(version: 1), [Entry(Id, 1)], 0).Notifications.Should().BeEmpty("none were given");
    }

    [Theory]
    [InlineData(2L, "the entry the save is based on is stored already")]
    [InlineData(5L, "no new entry has that sequence")]
    public void New_NotificationOfAnEntryNotInTheChange_IsRefusedNamingIt(long sequence, string because)
    {
        var c = Case(version: 4);

        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 3), Entry(c.Id, 4)], expectedVersion: 2, [Notice(c.Id, 3, "complainant"), Notice(c.Id, sequence, "complainant")]))
            .Should().Throw<ArgumentException>(because).WithParameterName("notifications")
            .WithMessage($"Notification 1 of the save (*) is for entry {sequence} of case {c.Id}; expected an entry from 3 to 4 of case {c.Id}.*");
    }

    [Fact]
    public void New_NotificationOfAnotherCase_IsRefused()
    {
        var c = Case(version: 3);
        var other = ComplaintId.New(T0.AddHours(1));

        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 3)], expectedVersion: 2, [Notice(other, 3, "complainant")]))
            .Should().Throw<ArgumentException>().WithParameterName("notifications").WithMessage($"*of case {other}*");
    }

    [Fact]
    public void New_TheSameNotificationTwice_IsRefused()
    {
        var c = Case(version: 3);
        var notice = Notice(c.Id, 3, "complainant");

        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 3)], expectedVersion: 2, [notice, notice]))
            .Should().Throw<ArgumentException>().WithParameterName("notifications").WithMessage($"Notifications 0 and 1 of the save have the same id {notice.Id}.*");
        FluentActions.Invoking(() => new CaseChange(c, [Entry(c.Id, 3)], expectedVersion: 2, [null!]))
            .Should().Throw<ArgumentException>().WithParameterName("notifications");
    }

    [Fact]
    public void New_CaseWithDeadlines_CarriesOneAlarmRowPerDeadlineByTheSharedRule()
    {
        var c = Case(version: 1) with
        {
            Deadlines =
            [
                new Deadline(DeadlineKind.Acknowledge, T0.AddDays(1), "r", "cn") { WarnAt = T0.AddHours(20) },
                new Deadline(DeadlineKind.Resolve, T0.AddDays(10), "r", "cn", MetAt: T0),
            ],
        };

        var change = new CaseChange(c, [Entry(c.Id, 1)], 0);

        change.Alarms.Should().Equal(DeadlineAlarms.Schedule(c));
        change.Alarms.Select(a => (a.Position, a.Kind, a.WarningAt, a.BreachAt)).Should().Equal(
            (0, DeadlineKind.Acknowledge, (DateTimeOffset?)T0.AddHours(20), (DateTimeOffset?)T0.AddDays(1)),
            (1, DeadlineKind.Resolve, null, null));
        change.FirstAlarmAt.Should().Be(T0.AddHours(20));
        change.IsNew.Should().BeTrue();
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

    private static Notification Notice(ComplaintId id, long sequence, string recipient) =>
        new(Notification.StableId(id, sequence, NotificationKind.Acknowledgement, recipient), id, sequence, NotificationKind.Acknowledgement, recipient, "Subject", "Body", T0);
}
