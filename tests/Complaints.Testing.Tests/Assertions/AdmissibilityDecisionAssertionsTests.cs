using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class AdmissibilityDecisionAssertionsTests
{
    private static readonly AdmissibilityDecision Accepted = new(AdmissibilityOutcome.Accept, null, null, Why.Usual);
    private static readonly AdmissibilityDecision Rejected = new(AdmissibilityOutcome.Reject, "Already in court.", null, Why.Usual);
    private static readonly AdmissibilityDecision Redirected = new(AdmissibilityOutcome.Redirect, "Not ours.", "the consumer association", Why.Usual);

    [Fact]
    public void BeAccepted_Accepted_Passes() => Accepted.Should().BeAccepted().And.HaveMatched("chosen");

    [Fact]
    public void BeAccepted_Rejected_FailsWithTheReason()
    {
        var act = () => Rejected.Should().BeAccepted();

        act.Should().Throw<XunitException>().WithMessage("Expected * to accept the complaint, but it rejects it (\"Already in court.\").*matched rules*chosen*");
    }

    [Fact]
    public void BeRejected_Rejected_Passes() => Rejected.Should().BeRejected();

    [Fact]
    public void BeRejected_Redirected_FailsWithWhereTo()
    {
        var act = () => Redirected.Should().BeRejected("a case in court is not {0}", "ours");

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to reject the complaint because a case in court is not ours, but it redirects it to \"the consumer association\" (\"Not ours.\").*");
    }

    [Fact]
    public void BeRedirectedTo_ThatBody_Passes() => Redirected.Should().BeRedirectedTo("the consumer association");

    [Fact]
    public void BeRedirectedTo_AnotherBody_Fails()
    {
        var act = () => Redirected.Should().BeRedirectedTo("the police");

        act.Should().Throw<XunitException>().WithMessage("*to redirect the complainant to \"the police\", but it redirects it to \"the consumer association\"*");
    }

    [Fact]
    public void BeRedirectedTo_Accepted_Fails()
    {
        var act = () => Accepted.Should().BeRedirectedTo("the police");

        act.Should().Throw<XunitException>().WithMessage("*but it accepts the complaint.*");
    }
}
