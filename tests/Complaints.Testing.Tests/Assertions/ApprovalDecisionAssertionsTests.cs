using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class ApprovalDecisionAssertionsTests
{
    private static readonly ApprovalDecision TwoSteps = new(["manager", "general-manager"], Why.Usual);
    private static readonly ApprovalDecision NoSteps = new([], Why.Usual);

    [Fact]
    public void RequireApprovalBy_RoleAmongSteps_Passes() =>
        TwoSteps.Should().RequireApprovalBy("general-manager").And.RequireApprovalBy("MANAGER");

    [Fact]
    public void RequireApprovalBy_RoleNotAmongSteps_FailsListingTheSteps()
    {
        var act = () => TwoSteps.Should().RequireApprovalBy("board");

        act.Should().Throw<XunitException>().WithMessage(
            "Expected * to require approval by \"board\", but it requires approval by \"manager\" then \"general-manager\".*");
    }

    [Fact]
    public void RequireApprovalSteps_SameOrder_Passes() => TwoSteps.Should().RequireApprovalSteps("manager", "general-manager");

    [Theory]
    [InlineData("general-manager", "manager")]
    [InlineData("general-manager")]
    [InlineData("manager", "general-manager", "board")]
    public void RequireApprovalSteps_OtherOrderOrSteps_Fails(params string[] roles)
    {
        var act = () => TwoSteps.Should().RequireApprovalSteps(roles);

        act.Should().Throw<XunitException>().WithMessage("*, exactly, but it requires approval by \"manager\" then \"general-manager\".*");
    }

    [Fact]
    public void RequireApprovalSteps_NoneExpectedButSome_Fails()
    {
        var act = () => TwoSteps.Should().RequireApprovalSteps();

        act.Should().Throw<XunitException>().WithMessage("*to require no approval, but it requires*");
    }

    [Fact]
    public void BeWithinHandlerAuthority_NoSteps_Passes() => NoSteps.Should().BeWithinHandlerAuthority().And.RequireApprovalSteps();

    [Fact]
    public void BeWithinHandlerAuthority_Steps_Fails()
    {
        var act = () => TwoSteps.Should().BeWithinHandlerAuthority();

        act.Should().Throw<XunitException>().WithMessage("*to be within the handler's authority, but it requires approval by \"manager\" then \"general-manager\"*");
    }

    [Fact]
    public void RequireApprovalBy_NoSteps_FailsSayingItIsWithinAuthority()
    {
        var act = () => NoSteps.Should().RequireApprovalBy("manager");

        act.Should().Throw<XunitException>().WithMessage("*but it is within the handler's authority (no approval steps).*");
    }
}
