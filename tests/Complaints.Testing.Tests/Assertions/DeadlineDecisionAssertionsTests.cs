using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class DeadlineDecisionAssertionsTests
{
    private static readonly DeadlineDecision Decision = new(
        [new DeadlineRule(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays, "ack"), new DeadlineRule(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays, "resolve-7")],
        Why.Usual);

    [Fact]
    public void HaveDeadline_Set_Passes() =>
        Decision.Should().HaveDeadline(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays).And.HaveNoDeadline(DeadlineKind.FollowUp);

    [Theory]
    [InlineData(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays)]
    [InlineData(DeadlineKind.Resolve, 7, DeadlineUnit.CalendarDays)]
    [InlineData(DeadlineKind.Propose, 7, DeadlineUnit.WorkingDays)]
    public void HaveDeadline_OtherAmountUnitOrKind_FailsListingTheDeadlines(DeadlineKind kind, int amount, DeadlineUnit unit)
    {
        var act = () => Decision.Should().HaveDeadline(kind, amount, unit);

        act.Should().Throw<XunitException>().WithMessage(
            $"Expected * to set a {kind} deadline of {amount} {unit}, but it sets Acknowledge 1 WorkingDays (rule \"ack\"), Resolve 7 WorkingDays (rule \"resolve-7\").*");
    }

    [Fact]
    public void HaveNoDeadline_Set_Fails()
    {
        var act = () => Decision.Should().HaveNoDeadline(DeadlineKind.Acknowledge);

        act.Should().Throw<XunitException>().WithMessage("*to set no Acknowledge deadline, but it sets Acknowledge 1 WorkingDays*");
    }

    [Fact]
    public void HaveDeadline_NoneSet_FailsSayingSo()
    {
        var act = () => new DeadlineDecision([], Why.Usual).Should().HaveDeadline(DeadlineKind.Acknowledge, 1, DeadlineUnit.WorkingDays);

        act.Should().Throw<XunitException>().WithMessage("*but it sets no deadlines.*");
    }

    [Fact]
    public void HaveDeadlineSetBy_ThatRule_Passes() => Decision.Should().HaveDeadlineSetBy(DeadlineKind.Resolve, "resolve-7");

    [Theory]
    [InlineData(DeadlineKind.Resolve, "ack")]
    [InlineData(DeadlineKind.FollowUp, "resolve-7")]
    public void HaveDeadlineSetBy_OtherRuleOrKind_FailsListingWhoSetWhat(DeadlineKind kind, string rule)
    {
        var act = () => Decision.Should().HaveDeadlineSetBy(kind, rule);

        act.Should().Throw<XunitException>().WithMessage($"*to have its {kind} deadline set by rule \"{rule}\", but it sets Acknowledge 1 WorkingDays (rule \"ack\"), Resolve 7 WorkingDays (rule \"resolve-7\").*");
    }
}
