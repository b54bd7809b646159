using Complaints.Notifications;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Reads;

/// <summary>GetOutboxAsync: a case's notifications for whoever may see the case, the complainant's messages withheld from those the policy hides them from.</summary>
public sealed class OutboxReadTests
{
    [Fact]
    public async Task Outbox_ByCoordinator_ShowsTheCasesNotificationsInFull()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var outbox = await h.Service.GetOutboxAsync(id, Coordinator);

        outbox.Should().NotBeEmpty().And.OnlyContain(m => m.Notification.ComplaintId == id);
        outbox.Should().Equal(await h.Store.ReadOutboxAsync(id), "a reader who sees the complainant sees the outbox as stored");
        outbox.Should().Contain(m => m.Notification.Recipient == Notification.Complainant && m.Notification.Body != Complainant.Withheld);
    }

    [Fact]
    public async Task Outbox_ForTheAccusedDepartment_WithholdsTheComplainantsMessagesAndTheirDeliveryErrors()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);
        var toComplainant = (await h.Store.ReadOutboxAsync(id)).First(m => m.Notification.Recipient == Notification.Complainant);
        await h.Store.MarkFailedAsync(toComplainant.Notification.Id, "550 mailbox liu.yang@example.com unavailable", h.Time.GetUtcNow().AddMinutes(5));

        var outbox = await h.Service.GetOutboxAsync(id, SalesClerk);

        var shown = outbox.Single(m => m.Notification.Id == toComplainant.Notification.Id);
        shown.Notification.Body.Should().Be(Complainant.Withheld);
        shown.LastError.Should().Be(Complainant.Withheld, "a sender's error may quote the complainant's address");
        shown.State.Should().Be(OutboxState.Pending);
        outbox.Where(m => m.Notification.Recipient != Notification.Complainant)
            .Should().Equal((await h.Store.ReadOutboxAsync(id)).Where(m => m.Notification.Recipient != Notification.Complainant), "staff messages never carry the complainant's identity");
        Harness.Json(outbox).Should().NotContain("Liu Yang").And.NotContain("liu.yang@example.com");
        (await h.Store.ReadOutboxAsync(id)).Single(m => m.Notification.Id == toComplainant.Notification.Id).LastError
            .Should().Contain("liu.yang@example.com", "redaction never touches the stored outbox");
    }

    [Fact]
    public async Task Outbox_ForTheAccusedDepartment_ShowsStaffMessagesAsTheyAre_AndNoDeliveryErrorWhereThereWasNone()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Assigned);
        var stored = await h.Store.ReadOutboxAsync(id);

        var outbox = await h.Service.GetOutboxAsync(id, SalesClerk);

        var staff = stored.Where(m => m.Notification.Recipient != Notification.Complainant).ToArray();
        staff.Should().NotBeEmpty("the assignment tells the handler");
        outbox.Where(m => m.Notification.Recipient != Notification.Complainant).Should().Equal(staff);
        var toComplainant = outbox.Where(m => m.Notification.Recipient == Notification.Complainant).ToArray();
        toComplainant.Should().NotBeEmpty("the acknowledgement goes to the complainant");
        toComplainant.Should().OnlyContain(m => m.Notification.Body == Complainant.Withheld && m.LastError == null, "nothing failed, so there is no error to withhold");
    }

    [Fact]
    public async Task Outbox_ByOutsider_IsNotPermitted()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var act = () => h.Service.GetOutboxAsync(id, Outsider);

        await act.Should().ThrowAsync<NotPermittedException>();
    }

    [Fact]
    public async Task Outbox_UnknownCase_IsNotFound()
    {
        var h = new Harness();

        var act = () => h.Service.GetOutboxAsync(ComplaintId.New(Harness.Start), Coordinator);

        await act.Should().ThrowAsync<ComplaintNotFoundException>();
    }
}
