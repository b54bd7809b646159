using Complaints.Testing;

namespace Complaints.Rules.Tests.Approval;

/// <summary>
/// A pack states its approval limits in its own currency: a remedy in another currency is never found within anyone's
/// limit by comparing bare numbers (400 USD is not "under 500 CNY"); it is refused with an error that names the field.
/// A case whose claim is in another currency was classified against thresholds in the pack's currency, so its remedy
/// also needs the top of the pack's ladder.
/// </summary>
public sealed class ForeignCurrencyApprovalTests
{
    private static readonly PolicyPack Generic = PolicyPacks.LoadBuiltIn("generic");

    [Fact]
    public void Approval_RemedyInAnotherCurrencyBelowTheHandlerLimit_IsRefusedNotWithinAuthority()
    {
        var complaint = A.Complaint().Classified(Severity.General).Build();

        var act = () => Generic.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 400, "USD"));

        var error = act.Should().Throw<ComplaintValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("Remedy.Amount.Currency");
        error.Message.Should().Contain("USD").And.Contain("CNY").And.Contain("generic");
    }

    [Fact]
    public void Approval_RemedyInThePacksCurrencyBelowTheHandlerLimit_IsWithinAuthority() =>
        Generic.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 400, "CNY"))
            .Should().BeWithinHandlerAuthority();

    [Fact]
    public void Approval_RemedyWithNoAmount_IsDecidedAsBefore() =>
        Generic.RequireApproval(A.Complaint().Classified(Severity.General).Build(), A.Remedy(RemedyKind.Apology))
            .Should().BeWithinHandlerAuthority();

    [Fact]
    public void Approval_CaseWhoseClaimIsInAnotherCurrency_NeedsTheTopOfTheLadderEvenForASmallRemedy() =>
        Generic.RequireApproval(A.Complaint().Claiming(100, "GBP").Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 100, "CNY"))
            .Should().RequireApprovalBy("general-manager").And.RequireApprovalSteps("general-manager");

    [Fact]
    public void Approval_CaseWhoseClaimIsInAnotherCurrencyAndARemedyAboveTheHandlerLimit_KeepsTheLadderOrder() =>
        Generic.RequireApproval(A.Complaint().Claiming(100, "GBP").Classified(Severity.General).Build(), A.Remedy(RemedyKind.Refund, 600, "CNY"))
            .Should().RequireApprovalSteps("manager", "general-manager");

    [Theory]
    [InlineData("hospital")]
    [InlineData("auto-dealership")]
    [InlineData("food-service")]
    [InlineData("tobacco-retail")]
    public void Approval_RemedyInAnotherCurrency_IsRefusedByEveryBuiltInPack(string pack)
    {
        var act = () => PolicyPacks.LoadBuiltIn(pack).RequireApproval(A.Complaint().Classified(Severity.Minor).Build(), A.Remedy(RemedyKind.Compensation, 1, "EUR"));

        act.Should().Throw<ComplaintValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == "Remedy.Amount.Currency");
    }
}
