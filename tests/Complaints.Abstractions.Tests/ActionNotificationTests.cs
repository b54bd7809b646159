using Complaints.Improvement;
using Complaints.Notifications;

namespace Complaints.Abstractions.Tests;

/// <summary>
/// A notification is about a case or a corrective action, never both or neither; an action's ids never collide with a
/// case's; and an action's save carries only notifications about it from its own new entries.
/// </summary>
public sealed class ActionNotificationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Same = Guid.CreateVersion7(T0);

    [Fact]
    public void New_BothOrNeitherSubject_IsRefused()
    {
        var action = new CorrectiveActionId(Same);

        FluentActions.Invoking(() => Notice(null, null)).Should().Throw<ArgumentException>().WithMessage("*exactly one of ComplaintId and CorrectiveActionId*");
        FluentActions.Invoking(() => Notice(new ComplaintId(Same), action)).Should().Throw<ArgumentException>().WithMessage("*exactly one*");
        Notice(new ComplaintId(Same), null).CorrectiveActionId.Should().BeNull();
        Notice(null, action).CorrectiveActionId.Should().Be(action);
    }

    [Fact]
    public void StableId_OfAnAction_IsStableAndNeverACasesWithTheSameGuid()
    {
        var forAction = Notification.StableId(new CorrectiveActionId(Same), 3, NotificationKind.DeadlineBreach, "actor:owner");

        forAction.Should().Be(Notification.StableId(new CorrectiveActionId(Same), 3, NotificationKind.DeadlineBreach, "actor:owner"));
        forAction.Should().NotBe(Notification.StableId(new ComplaintId(Same), 3, NotificationKind.DeadlineBreach, "actor:owner"));
        forAction.Should().NotBe(Notification.StableId(new CorrectiveActionId(Same), 2, NotificationKind.DeadlineBreach, "actor:owner"));
        forAction.Version.Should().Be(8);
    }

    [Fact]
    public void CorrectiveActionChange_NotificationsOfItsNewEntries_Pass_AndAreKept()
    {
        var a = Action(version: 3);
        var n = Notice(null, a.Id, sequence: 3);

        new CorrectiveActionChange(a, [Entry(a, 3)], 2, [n]).Notifications.Should().Equal(n);
        new CorrectiveActionChange(a, [Entry(a, 3)], 2).Notifications.Should().BeEmpty();
    }

    [Theory]
    [InlineData("case")]
    [InlineData("other action")]
    [InlineData("old entry")]
    [InlineData("future entry")]
    public void CorrectiveActionChange_ANotificationNotFromItsNewEntries_IsRefused(string which)
    {
        var a = Action(version: 3);
        var n = which switch
        {
            "case" => Notice(new ComplaintId(a.Id.Value), null, sequence: 3),
            "other action" => Notice(null, new CorrectiveActionId(Guid.CreateVersion7(T0.AddDays(1))), sequence: 3),
            "old entry" => Notice(null, a.Id, sequence: 2),
            _ => Notice(null, a.Id, sequence: 4),
        };

        FluentActions.Invoking(() => new CorrectiveActionChange(a, [Entry(a, 3)], 2, [n]))
            .Should().Throw<ArgumentException>().WithParameterName("notifications").WithMessage($"*expected an entry from 3 to 3 of corrective action {a.Id}*");
    }

    [Fact]
    public void CorrectiveActionChange_TheSameNotificationTwice_IsRefused()
    {
        var a = Action(version: 3);
        var n = Notice(null, a.Id, sequence: 3);

        FluentActions.Invoking(() => new CorrectiveActionChange(a, [Entry(a, 3)], 2, [n, n]))
            .Should().Throw<ArgumentException>().WithMessage("*the same id*");
    }

    private static Notification Notice(ComplaintId? complaintId, CorrectiveActionId? actionId, long sequence = 1) =>
        new(Guid.CreateVersion7(T0), complaintId, sequence, NotificationKind.DeadlineWarning, "actor:owner", "Subject", "Body", T0, actionId);

    private static CorrectiveActionJournalEntry Entry(CorrectiveAction a, long sequence) =>
        new(a.Id, sequence, T0, Actor.System, CorrectiveActionState.Open, CorrectiveActionState.Open, new CorrectiveActionProgressRecorded("note"));

    private static CorrectiveAction Action(long version) => new()
    {
        Id = new CorrectiveActionId(Same),
        Version = version,
        State = CorrectiveActionState.Open,
        Kind = CorrectiveActionKind.Corrective,
        Title = "Check quotes",
        RootCause = RootCause.StaffError,
        CauseDescription = "Quotes were not checked.",
        Owner = new ActorId("owner"),
        Policy = new PolicyRef("generic", "1.0.0"),
        Due = new CorrectiveActionDeadline(CorrectiveActionDeadlineKind.Completion, T0.AddDays(14), null, "weekdays"),
        DueWorkingDays = 10,
        VerifyAfterWorkingDays = 60,
        CreatedBy = new ActorId("coordinator"),
        CreatedAt = T0,
        UpdatedAt = T0,
    };
}
