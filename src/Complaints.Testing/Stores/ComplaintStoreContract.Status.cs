using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>
/// The complainant's status lookup (<see cref="ComplaintService.LookUpStatusAsync"/>): the salted hash of the secret given
/// at receipt lives in the case's record, so every store must keep it.
/// </summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>Status lookup with the reference and secret given at receipt: the complainant sees where the case stands, and only that.</summary>
    [Fact]
    public async Task LookUpStatus_WithTheSecretGivenAtReceipt_ShowsWhereTheCaseStands()
    {
        var h = await NewHarness();
        var received = await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().From("刘洋", new ContactDetails(Phone: "+86 138 0000 0000")).BuildIntake());
        var access = received.ComplainantAccess!;
        var id = received.Complaint.Id;
        access.Reference.Should().Be(id.ToString());
        (await h.StoredAsync(id)).StatusKey.Should().NotBeNullOrEmpty().And.NotContain(access.Secret, "the case keeps a hash of the secret, never the secret");

        var atReceipt = await h.Service.LookUpStatusAsync(access.Reference, access.Secret);
        h.Time.Advance(TimeSpan.FromHours(1));
        await h.DoAsync(id, StoreHarness.Coordinator, new Triage());
        var triaged = await h.StoredAsync(id);
        var typedBack = await h.Service.LookUpStatusAsync(" " + access.Reference + " ", access.Secret.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));

        atReceipt.Should().BeEquivalentTo(new ComplainantStatus(
            access.Reference, "en", ComplaintState.Received, "received", StoreHarness.Start, null, null, null, null));
        typedBack.Should().NotBeNull("case, spaces and hyphens do not matter when the secret is typed back");
        typedBack!.State.Should().Be(ComplaintState.Triaged);
        typedBack.StateText.Should().Be("accepted and being assessed");
        typedBack.AcknowledgedAt.Should().Be(StoreHarness.Start.AddHours(1));
        typedBack.NextDueAt.Should().Be(triaged.Deadlines.Where(d => d.Kind is DeadlineKind.Acknowledge or DeadlineKind.Resolve or DeadlineKind.NotifyResult && d.MetAt is null).Min(d => d.DueAt));
    }

    /// <summary>Status lookup of a closed case: the decision as it was told, and when the case was closed; never a member of staff or the accused.</summary>
    [Fact]
    public async Task LookUpStatus_OfAClosedCase_ShowsTheResultAndTheClosingDate_AndNoStaff()
    {
        var h = await NewHarness();
        var received = await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().From("刘洋", new ContactDetails(Phone: "+86 138 0000 0000")).BuildIntake());
        await h.DriveOnAsync(received.Complaint.Id, ComplaintState.Closed);
        var closed = await h.StoredAsync(received.Complaint.Id);
        var told = (await h.JournalAsync(closed.Id)).Select(e => e.Event).OfType<DecisionCommunicated>().Last().Message;

        var status = await h.Service.LookUpStatusAsync(received.ComplainantAccess!.Reference, received.ComplainantAccess.Secret);

        status!.State.Should().Be(ComplaintState.Closed);
        status.ResultNotice.Should().Be(told);
        status.ClosedAt.Should().Be(closed.ClosedAt);
        status.NextDueAt.Should().BeNull("nothing more is promised on a closed case");
        var shown = StoreHarness.Json(status);
        foreach (var hidden in new[] { StoreHarness.Handler.Id.Value, StoreHarness.Coordinator.Id.Value, closed.ReceivedBy.Id.Value, "刘洋", "+86 138 0000 0000" })
        {
            shown.Should().NotContain(hidden, "the complainant's view names no member of staff and repeats no identity");
        }
    }

    /// <summary>Status lookup with a wrong secret, an unknown or malformed reference, or of a case without a secret: the same "not found".</summary>
    [Fact]
    public async Task LookUpStatus_WrongSecretUnknownReferenceOrCaseWithoutSecret_IsNotFoundAlike()
    {
        var h = await NewHarness();
        var received = await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake());
        var other = await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake());
        var (imported, importedEntries) = Imported("C-9", StoreHarness.Start.AddDays(-10));
        await h.Store.SaveAsync(new CaseChange(imported, importedEntries, 0));
        var before = new JournalEntry(
            ComplaintId.New(StoreHarness.Start), 1, StoreHarness.Start, A.Receiver(), ComplaintState.Received, ComplaintState.Received,
            new ComplaintReceived(A.Complaint().BuildIntake(), received.Complaint.Policy), Guid.CreateVersion7(StoreHarness.Start));
        await h.Store.SaveAsync(new CaseChange(ComplaintReplay.Apply(null, before), [before], 0));
        var secret = received.ComplainantAccess!.Secret;

        (await h.Service.LookUpStatusAsync(received.ComplainantAccess.Reference, other.ComplainantAccess!.Secret)).Should().BeNull("another case's secret");
        (await h.Service.LookUpStatusAsync(received.ComplainantAccess.Reference, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'))).Should().BeNull("one character wrong");
        (await h.Service.LookUpStatusAsync(ComplaintId.New(StoreHarness.Start).ToString(), secret)).Should().BeNull("no such case");
        (await h.Service.LookUpStatusAsync("not-a-reference", secret)).Should().BeNull("a malformed reference");
        (await h.Service.LookUpStatusAsync(imported.Id.ToString(), secret)).Should().BeNull("an imported case has no secret");
        (await h.Service.LookUpStatusAsync(before.ComplaintId.ToString(), secret)).Should().BeNull("a case received before secrets were issued has none");
        (await h.Service.LookUpStatusAsync(received.ComplainantAccess.Reference, "")).Should().BeNull("no secret");
        (await h.Service.LookUpStatusAsync(received.ComplainantAccess.Reference, secret)).Should().NotBeNull("the right secret still works");
    }
}
