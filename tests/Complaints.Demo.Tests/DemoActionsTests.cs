using Complaints.Improvement;

namespace Complaints.Demo.Tests;

/// <summary>The corrective actions the scripted run proposes after its fortnight, for the report's "Corrective actions" section.</summary>
public sealed class DemoActionsTests(ScriptedRunFixture fixture) : IClassFixture<ScriptedRunFixture>
{
    [Fact]
    public void TheDealershipsAction_IsApprovedByTheGeneralManager_AndTheFoodDistributorsAwaitsVerification()
    {
        var (gearbox, _, _) = fixture.Case(Cases.DealershipPack, "Gearbox");
        var (pork, _, _) = fixture.Case(Cases.FoodPack, "Sour");

        fixture.Run.Actions.Should().HaveCount(2);
        var torque = fixture.Run.Actions[0];
        torque.Cases.Should().Equal(gearbox.Id);
        torque.State.Should().Be(CorrectiveActionState.Open);
        torque.Approval.Should().NotBeNull();
        torque.Approval!.Role.Should().Be(ComplaintRoles.GeneralManager, "the dealership pack has the general manager approve corrective actions");
        torque.Approval.ApprovedBy.Should().Be(Dealership.GeneralManager.Id);

        var coldChain = fixture.Run.Actions[1];
        coldChain.Cases.Should().Equal(pork.Id);
        coldChain.State.Should().Be(CorrectiveActionState.Completed);
        coldChain.VerifyDueAt.Should().BeAfter(coldChain.CompletedAt!.Value);
        fixture.Output.Should().Contain("Corrective actions: 'Torque sign-off on every gearbox job card' (Open");
    }
}
