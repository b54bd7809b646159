using Complaints.Commands;
using Complaints.Testing;
using Complaints.Testing.Stores;
using Complaints.Workflow.InMemory;

namespace Complaints.Workflow.Tests.Status;

/// <summary>The complainant's status lookup: in their language, and with the secret nowhere but in what they were given.</summary>
public sealed class StatusLookupTests
{
    [Fact]
    public async Task The_state_is_in_words_of_the_cases_culture_or_of_the_culture_asked_for()
    {
        var h = new StoreHarness(new InMemoryComplaintStore());
        var received = await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().InCulture("zh-CN").BuildIntake());
        await h.DoAsync(received.Complaint.Id, StoreHarness.Coordinator, new Triage());
        var (reference, secret) = received.ComplainantAccess!;

        var chinese = await h.Service.LookUpStatusAsync(reference.ToUpperInvariant(), secret);
        var english = await h.Service.LookUpStatusAsync(reference, secret, culture: "en-GB");

        chinese!.Culture.Should().Be("zh-CN");
        chinese.StateText.Should().Be("已受理");
        english!.Culture.Should().Be("en");
        english.StateText.Should().Be("accepted and being assessed");
    }

    [Fact]
    public async Task The_secret_is_given_once_and_kept_nowhere_not_even_in_the_journal()
    {
        var h = new StoreHarness(new InMemoryComplaintStore());
        var received = await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake());
        var secret = received.ComplainantAccess!.Secret;

        secret.Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$", "four groups of five of Crockford's base 32");
        StoreHarness.Json(await h.StoredAsync(received.Complaint.Id)).Should().NotContain(secret).And.Contain("hmac-sha256:");
        StoreHarness.Json(await h.JournalAsync(received.Complaint.Id)).Should().NotContain(secret);
        received.ComplainantAccess.ToString().Should().NotContain(secret).And.Contain(received.Complaint.Id.ToString());
        (await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake())).ComplainantAccess!.Secret.Should().NotBe(secret, "every case has its own");
    }
}
