using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class GuidanceDecisionAssertionsTests
{
    private static readonly GuidanceDecision Decision = new(["Deal with feelings before facts.", "Meet face to face."], Why.Usual);

    [Fact]
    public void Advise_TextInSomeAdvice_Passes() => Decision.Should().Advise("FACE TO FACE").And.Advise("feelings");

    [Fact]
    public void Advise_TextInNoAdvice_FailsQuotingTheAdvice()
    {
        var act = () => Decision.Should().Advise("senior management");

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to advise \"senior management\", but it advises \"Deal with feelings before facts.\", \"Meet face to face.\".*");
    }

    [Fact]
    public void Advise_NoAdvice_FailsSayingSo()
    {
        var act = () => new GuidanceDecision([], Why.Usual).Should().Advise("anything");

        act.Should().Throw<XunitException>().WithMessage("*but it gives no advice.*");
    }
}
