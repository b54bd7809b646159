using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class RecusalDecisionAssertionsTests
{
    private static readonly RecusalDecision Recused = new(true, "they work in the department complained about", Why.Usual);
    private static readonly RecusalDecision Free = new(false, null, Why.Usual);

    [Fact]
    public void BeRecused_MustRecuse_Passes() => Recused.Should().BeRecused();

    [Fact]
    public void NotBeRecused_Free_Passes() => Free.Should().NotBeRecused();

    [Fact]
    public void BeRecused_Free_Fails()
    {
        var act = () => Free.Should().BeRecused();

        act.Should().Throw<XunitException>().WithMessage("Expected * to require recusal, but it does not require recusal.*");
    }

    [Fact]
    public void NotBeRecused_MustRecuse_FailsWithTheReason()
    {
        var act = () => Recused.Should().NotBeRecused();

        act.Should().Throw<XunitException>().WithMessage("*not to require recusal, but it requires recusal (\"they work in the department complained about\")*");
    }
}
