using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class EscalationDecisionAssertionsTests
{
    private static readonly EscalationDecision Up = new(true, "a deadline was breached", "manager", Why.Usual);
    private static readonly EscalationDecision Stay = new(false, null, null, Why.Usual);

    [Fact]
    public void EscalateAndNotify_Escalating_Pass() => Up.Should().Escalate().And.Notify("manager");

    [Fact]
    public void NotEscalate_Staying_Passes() => Stay.Should().NotEscalate();

    [Fact]
    public void Escalate_Staying_Fails()
    {
        var act = () => Stay.Should().Escalate();

        act.Should().Throw<XunitException>().WithMessage("Expected * to escalate, but it does not escalate.*");
    }

    [Fact]
    public void NotEscalate_Escalating_FailsWithReasonAndWhoIsTold()
    {
        var act = () => Up.Should().NotEscalate();

        act.Should().Throw<XunitException>().WithMessage("*not to escalate, but it escalates (\"a deadline was breached\"), notifying \"manager\".*");
    }

    [Fact]
    public void Notify_OtherRole_Fails()
    {
        var act = () => Up.Should().Notify("general-manager");

        act.Should().Throw<XunitException>().WithMessage("*to notify \"general-manager\", but it escalates*notifying \"manager\"*");
    }
}
