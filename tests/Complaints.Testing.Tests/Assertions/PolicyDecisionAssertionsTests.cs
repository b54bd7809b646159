using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class PolicyDecisionAssertionsTests
{
    private static readonly RecusalDecision Decision = new(false, null, Why.Usual);

    [Fact]
    public void HaveMatched_RuleMatched_Passes() =>
        Decision.Should().HaveMatched("chosen");

    [Fact]
    public void HaveMatched_RuleDidNotMatch_FailsNamingTheRuleAndListingWhatMatched()
    {
        var act = () => Decision.Should().HaveMatched("passed-over", "the {0} says so", "handbook");

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to have matched rule \"passed-over\" because the handbook says so, but the rule did not match.*" +
            "Decided by acme@2.1.0; matched rules (1 of 2):*- chosen: to chosen (saw complaint.Category=\"billing\")");
    }

    [Fact]
    public void HaveMatched_NoSuchRule_FailsListingTheRulesConsidered()
    {
        var act = () => Decision.Should().HaveMatched("chosne");

        act.Should().Throw<XunitException>().WithMessage("*but it considered no rule of that name; it considered \"chosen\", \"passed-over\".*");
    }

    [Fact]
    public void HaveMatched_RuleFailedWithAnError_FailsShowingTheError()
    {
        var decision = new RecusalDecision(false, null, Why.Rules(Why.Failed("broken", "Role 'boss' has no approvalLimit in pack acme.")));

        var act = () => decision.Should().HaveMatched("broken");

        act.Should().Throw<XunitException>().WithMessage("*but the rule failed with an error: Role 'boss' has no approvalLimit*! broken failed with an error:*");
    }

    [Fact]
    public void NotHaveMatched_RuleConsideredAndNotMatched_Passes() =>
        Decision.Should().NotHaveMatched("passed-over");

    [Fact]
    public void NotHaveMatched_RuleMatched_FailsWithWhatItSaw()
    {
        var act = () => Decision.Should().NotHaveMatched("chosen");

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * not to have matched rule \"chosen\", but it matched: to chosen (saw complaint.Category=\"billing\").*");
    }

    [Fact]
    public void NotHaveMatched_NoSuchRule_FailsBecauseItCouldNeverMatch()
    {
        var act = () => Decision.Should().NotHaveMatched("no-such-rule");

        act.Should().Throw<XunitException>().WithMessage("*considered no rule of that name, so the assertion would pass for any case; it considered \"chosen\", \"passed-over\"*");
    }

    [Fact]
    public void NotHaveMatched_RuleFailedWithAnError_Fails()
    {
        var decision = new RecusalDecision(false, null, Why.Rules(Why.Failed("broken", "boom")));

        var act = () => decision.Should().NotHaveMatched("broken");

        act.Should().Throw<XunitException>().WithMessage("*the rule failed with an error: boom, so it could not have matched whatever the case*");
    }

    [Fact]
    public void BeDecidedBy_PackAndVersion_Passes() =>
        Decision.Should().BeDecidedBy("acme").And.BeDecidedBy("acme", "2.1.0");

    [Theory]
    [InlineData("other", null, "*to be decided by \"other\", but it was decided by \"acme@2.1.0\"*")]
    [InlineData("acme", "1.0.0", "*to be decided by \"acme@1.0.0\", but it was decided by \"acme@2.1.0\"*")]
    public void BeDecidedBy_OtherPackOrVersion_Fails(string pack, string? version, string message)
    {
        var act = () => Decision.Should().BeDecidedBy(pack, version);

        act.Should().Throw<XunitException>().WithMessage(message);
    }

    [Fact]
    public void AnyAssertion_NullDecision_FailsSayingSo()
    {
        RoutingDecision? decision = null;

        var act = () => decision!.Should().RouteTo("finance");

        act.Should().Throw<XunitException>().WithMessage("Expected * to route to \"finance\", but found <null>.");
    }

    [Fact]
    public void Failure_DetailWithBraces_IsShownVerbatim()
    {
        var decision = new RecusalDecision(false, null, Why.Rules(Why.Matched("odd", "saw {0} and {weird}")));

        var act = () => decision.Should().BeRecused();

        act.Should().Throw<XunitException>().WithMessage("*- odd: saw {0} and {weird}*");
    }

    [Fact]
    public void Failure_NoRuleMatched_SaysSo()
    {
        var decision = new RecusalDecision(true, "x", Why.Rules(Why.NotMatched("a"), Why.NotMatched("b")));

        var act = () => decision.Should().NotBeRecused();

        act.Should().Throw<XunitException>().WithMessage("*Decided by acme@2.1.0; no rule matched of 2 considered.");
    }

    [Fact]
    public void Should_OnTheBaseType_AssertsMatchedRules()
    {
        PolicyDecision decision = Decision;

        decision.Should().HaveMatched("chosen").And.NotHaveMatched("passed-over").And.BeDecidedBy("acme");
        var act = () => decision.Should().HaveMatched("passed-over");

        act.Should().Throw<XunitException>().WithMessage("Expected decision to have matched rule \"passed-over\"*");
    }

    [Fact]
    public void Failures_InsideAnAssertionScope_AreCollected()
    {
        var act = () =>
        {
            using var scope = new FluentAssertions.Execution.AssertionScope();
            Decision.Should().HaveMatched("passed-over").And.BeRecused();
        };

        act.Should().Throw<XunitException>().WithMessage("*have matched rule \"passed-over\"*to require recusal*");
    }
}
