using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class RewardDecisionAssertionsTests
{
    private static readonly RewardDecision Granted = new(true, RewardBasis.Recovered, 10, 20, new Money(1_000, "CNY"), new Money(2_000, "CNY"), true, Why.Usual);
    private static readonly RewardDecision Nothing = new(false, RewardBasis.None, 0, 0, null, null, true, Why.Usual);

    [Fact]
    public void GrantBetween_ThatRange_Passes() => Granted.Should().GrantBetween(1_000, 2_000).And.NeedConsentForPublicity();

    [Theory]
    [InlineData(1_000, 3_000)]
    [InlineData(500, 2_000)]
    public void GrantBetween_OtherRange_FailsWithTheRangeAndBasis(decimal min, decimal max)
    {
        var act = () => Granted.Should().GrantBetween(min, max);

        act.Should().Throw<XunitException>().WithMessage(
            $"Expected * to grant between {min} and {max}, but it grants 1000 CNY to 2000 CNY (Recovered, 10–20 %), consent needed for publicity.*");
    }

    [Fact]
    public void GrantBetween_NotEligible_Fails()
    {
        var act = () => Nothing.Should().GrantBetween(0, 0);

        act.Should().Throw<XunitException>().WithMessage("*but it grants nothing.*");
    }

    [Fact]
    public void GrantNothing_NotEligible_Passes() => Nothing.Should().GrantNothing();

    [Fact]
    public void GrantNothing_Eligible_Fails()
    {
        var act = () => Granted.Should().GrantNothing();

        act.Should().Throw<XunitException>().WithMessage("*to grant nothing, but it grants 1000 CNY to 2000 CNY*");
    }

    [Fact]
    public void NeedConsentForPublicity_NotNeeded_Fails()
    {
        var act = () => (Granted with { ConsentNeededForPublicity = false }).Should().NeedConsentForPublicity();

        act.Should().Throw<XunitException>().WithMessage("*to need the reporter's consent for publicity, but *no consent needed for publicity.*");
    }
}
