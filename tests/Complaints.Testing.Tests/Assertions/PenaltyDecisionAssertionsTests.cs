using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class PenaltyDecisionAssertionsTests
{
    private static readonly PenaltyDecision Sanctions = new(
        [new Sanction(SanctionKind.Demerit, null, "leak"), new Sanction(SanctionKind.Fine, new Money(500, "CNY"), "leak-fine")],
        Why.Usual);

    private static readonly PenaltyDecision None = new([], Why.Usual);

    [Fact]
    public void Impose_KindAndAmountAmongSanctions_Passes() =>
        Sanctions.Should().Impose(SanctionKind.Demerit).And.Impose(SanctionKind.Fine, 500).And.Impose(SanctionKind.Fine);

    [Fact]
    public void Impose_OtherKind_FailsListingTheSanctions()
    {
        var act = () => Sanctions.Should().Impose(SanctionKind.Dismissal);

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to impose Dismissal, but it imposes Demerit (rule \"leak\"), Fine of 500 CNY (rule \"leak-fine\").*");
    }

    [Fact]
    public void Impose_OtherAmount_Fails()
    {
        var act = () => Sanctions.Should().Impose(SanctionKind.Fine, 1_000);

        act.Should().Throw<XunitException>().WithMessage("*to impose Fine of 1000, but it imposes*Fine of 500 CNY*");
    }

    [Fact]
    public void ImposeNothing_None_Passes() => None.Should().ImposeNothing();

    [Fact]
    public void ImposeNothing_Some_Fails()
    {
        var act = () => Sanctions.Should().ImposeNothing();

        act.Should().Throw<XunitException>().WithMessage("*to impose nothing, but it imposes Demerit*");
    }

    [Fact]
    public void Impose_None_FailsSayingSo()
    {
        var act = () => None.Should().Impose(SanctionKind.Warning);

        act.Should().Throw<XunitException>().WithMessage("*but it imposes nothing.*");
    }
}
