using Complaints.Workflow.Improvement;

namespace Complaints.Workflow.Tests.Improvement;

public sealed class CorrectiveActionLifecycleTests
{
    [Fact]
    public void ToMermaid_DrawsBothOutcomesOfVerificationAndEveryEnd()
    {
        var diagram = CorrectiveActionLifecycle.ToMermaid();

        diagram.Should().Contain("AwaitingApproval --> Open : Approve")
            .And.Contain("Completed --> Verified : Verify [effective]")
            .And.Contain("Completed --> Ineffective : Verify [ineffective]")
            .And.Contain("AwaitingApproval --> Declined : Decline")
            .And.Contain("Open --> Cancelled : Cancel")
            .And.NotContain("Completed --> Cancelled", "a completed action is verified, not cancelled");
    }
}
