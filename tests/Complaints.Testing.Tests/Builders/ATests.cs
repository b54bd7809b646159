namespace Complaints.Testing.Tests.Builders;

public sealed class ATests
{
    [Fact]
    public void Remedy_WithAmount_DescribesKindAndMoney()
    {
        var remedy = A.Remedy(RemedyKind.Compensation, 60_000);

        remedy.Should().Be(new RemedyProposal(RemedyKind.Compensation, "Compensation of 60000 CNY", new Money(60_000, "CNY")));
    }

    [Fact]
    public void Remedy_WithoutAmount_HasNoMoney()
    {
        var remedy = A.Remedy(RemedyKind.Apology, description: "A written apology");

        remedy.Should().Be(new RemedyProposal(RemedyKind.Apology, "A written apology"));
    }
}
