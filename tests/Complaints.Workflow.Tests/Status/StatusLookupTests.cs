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

    [Fact]
    public async Task A_secret_typed_on_a_Chinese_keyboard_in_full_width_forms_is_the_same_secret()
    {
        var h = new StoreHarness(new InMemoryComplaintStore());
        var received = await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake());
        var (reference, secret) = received.ComplainantAccess!;
        var fullWidth = string.Concat(secret.Select(c => c == '-' ? '\uFF0D' : (char)(c + 0xFEE0))).ToLowerInvariant();
        var withDashesAndSpaces = secret.Replace('-', '\u2014').Insert(3, "\u3000");

        (await h.Service.LookUpStatusAsync(reference, fullWidth)).Should().NotBeNull("ＡＢ１２ is AB12");
        (await h.Service.LookUpStatusAsync(reference, withDashesAndSpaces)).Should().NotBeNull("dashes and the ideographic space are separators");
        (await h.Service.LookUpStatusAsync(reference, secret[..^1] + (secret[^1] == '0' ? '1' : '0'))).Should().BeNull();
    }

    [Fact]
    public async Task A_withdrawn_case_promises_no_next_answer()
    {
        var h = new StoreHarness(new InMemoryComplaintStore());
        var received = await h.Service.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake());
        var (reference, secret) = received.ComplainantAccess!;
        await h.DoAsync(received.Complaint.Id, StoreHarness.Coordinator, new Triage());
        (await h.Service.LookUpStatusAsync(reference, secret))!.NextDueAt.Should().NotBeNull("a triaged case has a resolution deadline");

        await h.DoAsync(received.Complaint.Id, StoreHarness.Coordinator, new Withdraw("The customer withdrew by phone."));

        var status = await h.Service.LookUpStatusAsync(reference, secret);
        status!.State.Should().Be(ComplaintState.Withdrawn);
        status.NextDueAt.Should().BeNull("nothing more is promised on a withdrawn case, although its deadlines were never met");
    }
}
