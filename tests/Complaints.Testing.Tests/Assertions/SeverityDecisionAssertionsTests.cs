using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class SeverityDecisionAssertionsTests
{
    private static readonly SeverityDecision Decision = new("billing", Severity.Serious, ["a large claim"], Why.Usual);

    [Fact]
    public void HaveTierAndCategory_Matching_Pass() => Decision.Should().HaveTier(Severity.Serious).And.HaveCategory("billing");

    [Fact]
    public void HaveTier_OtherTier_FailsWithTierAndReasons()
    {
        var act = () => Decision.Should().HaveTier(Severity.Major);

        act.Should().Throw<XunitException>().WithMessage("Expected * to have tier Major, but it has tier Serious and category \"billing\" (reasons: a large claim).*");
    }

    [Fact]
    public void HaveCategory_OtherCategory_Fails()
    {
        var act = () => Decision.Should().HaveCategory("delivery");

        act.Should().Throw<XunitException>().WithMessage("*to have category \"delivery\", but it has tier Serious and category \"billing\"*");
    }
}
