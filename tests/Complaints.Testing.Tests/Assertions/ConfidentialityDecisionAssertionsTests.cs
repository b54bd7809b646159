using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class ConfidentialityDecisionAssertionsTests
{
    private static readonly ConfidentialityDecision Hidden = new(false, "the person complained about never sees who complained", Why.Usual);
    private static readonly ConfidentialityDecision Shown = new(true, null, Why.Usual);

    [Fact]
    public void HideIdentity_Hidden_Passes() => Hidden.Should().HideIdentity();

    [Fact]
    public void ShowIdentity_Shown_Passes() => Shown.Should().ShowIdentity();

    [Fact]
    public void HideIdentity_Shown_Fails()
    {
        var act = () => Shown.Should().HideIdentity();

        act.Should().Throw<XunitException>().WithMessage("Expected * to hide the complainant's identity, but it shows the identity.*");
    }

    [Fact]
    public void ShowIdentity_Hidden_FailsWithTheReason()
    {
        var act = () => Hidden.Should().ShowIdentity();

        act.Should().Throw<XunitException>().WithMessage("*to show the complainant's identity, but it hides the identity (\"the person complained about never sees who complained\")*");
    }
}
