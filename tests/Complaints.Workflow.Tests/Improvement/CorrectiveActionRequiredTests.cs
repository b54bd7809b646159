using Complaints.Improvement;
using Complaints.Workflow.Improvement;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Improvement;

public sealed class CorrectiveActionRequiredTests
{
    private static readonly DateTimeOffset Quarter = Harness.Start.AddDays(-1);

    [Fact]
    public async Task FindRequired_ASubstantiatedMajorCase_RequiresAnActionByTheSeverityRule()
    {
        var h = new CapaHarness();
        var major = await h.Case(intake: Harness.ProductIntake(flags: ComplaintFlags.SafetyRisk));
        await h.Case(); // general: not by severity

        var required = await h.Actions.FindRequiredAsync(Quarter, Quarter.AddDays(90));

        required.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Rule = CorrectiveActionService.SeverityRule,
            RootCause = RootCause.StaffError,
            Department = (DepartmentId?)ServiceDept,
            Policy = TestPolicy.Ref,
            Cases = new[] { major },
        });
    }

    [Fact]
    public async Task FindRequired_ThreeCasesOfOneCauseWithinThePeriod_RequireAnActionByTheRecurrenceRule()
    {
        var h = new CapaHarness();
        var cases = new List<ComplaintId>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await h.Case());
            h.Cases.Time.Advance(TimeSpan.FromDays(20));
        }

        var required = await h.Actions.FindRequiredAsync(Quarter, Quarter.AddDays(90));

        var recurrence = required.Should().ContainSingle().Which;
        recurrence.Rule.Should().Be(CorrectiveActionService.RecurrenceRule);
        recurrence.Cases.Should().Equal(cases);
        recurrence.Reason.Should().Contain("3 substantiated cases").And.NotContain("Liu Yang");
    }

    [Fact]
    public async Task FindRequired_TwoCasesOrCasesTooFarApart_RequireNothing()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { RecurrenceDays = 30 };
        for (var i = 0; i < 3; i++)
        {
            await h.Case();
            h.Cases.Time.Advance(TimeSpan.FromDays(20));
        }

        (await h.Actions.FindRequiredAsync(Quarter, Quarter.AddDays(90))).Should().BeEmpty("no 30 days hold three of the cases");
    }

    [Fact]
    public async Task FindRequired_CasesAnsweredByAnAction_AreNotRequiredAgain_UnlessItWasCancelled()
    {
        var h = new CapaHarness();
        var major = await h.Case(intake: Harness.ProductIntake(flags: ComplaintFlags.SafetyRisk));
        var action = await h.Open(major);
        (await h.Actions.FindRequiredAsync(Quarter, Quarter.AddDays(90))).Should().BeEmpty();

        await h.Actions.CancelAsync(action.Id, Coordinator, "Proposed by mistake.");

        (await h.Actions.FindRequiredAsync(Quarter, Quarter.AddDays(90))).Should().ContainSingle().Which.Cases.Should().Equal(major);
    }

    [Fact]
    public async Task FindRequired_APolicyThatTurnsTheRulesOff_RequiresNothing()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { RequiredFromTier = null, RecurrenceCount = 0 };
        await h.Case(intake: Harness.ProductIntake(flags: ComplaintFlags.SafetyRisk));
        await h.Case();
        await h.Case();

        (await h.Actions.FindRequiredAsync(Quarter, Quarter.AddDays(90))).Should().BeEmpty();
    }
}
