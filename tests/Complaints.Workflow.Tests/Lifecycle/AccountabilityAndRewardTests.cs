using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Lifecycle;

/// <summary>Rewards at the closure of a report, sanctions when accountability is assessed, guidance on request.</summary>
public sealed class AccountabilityAndRewardTests
{
    [Fact]
    public async Task Close_SubstantiatedReportWithAFine_RecordsTheRewardRange()
    {
        var h = new Harness();
        var report = Harness.Intake() with { Kind = ComplaintKind.Report };
        var id = await h.DriveTo(ComplaintState.Investigating, report);
        await h.Do(id, Handler, new HearAccused("I charged the fee on orders."));
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Illegal fee.", Fine: new Money(10_000, "CNY"))));
        await h.Do(id, Handler, new ProposeRemedy(new RemedyProposal(RemedyKind.CorrectiveAction, "Stop the fee; refund it.")));
        await h.Do(id, Coordinator, new CommunicateDecision(Channel.Letter, "Your report was founded."));
        await h.Do(id, Coordinator, new RecordCustomerAcceptance());
        await h.Do(id, Handler, new CompleteImplementation("Refunded."));
        await h.Do(id, Coordinator, new RecordFollowUp(Satisfaction.Satisfied));

        var result = await h.Service.ExecuteAsync(id, Coordinator, new Close("Founded; fee stopped."));

        var reward = result.Entries.Single().Event.Should().BeOfType<ComplaintClosed>().Which.Reward!;
        reward.Eligible.Should().BeTrue();
        (reward.Min, reward.Max).Should().Be((new Money(2_000, "CNY"), new Money(5_000, "CNY")));
        reward.ConsentNeededForPublicity.Should().BeTrue();
    }

    [Fact]
    public async Task Close_OrdinaryComplaint_AsksForNoReward()
    {
        var h = new Harness();

        var id = await h.DriveTo(ComplaintState.Closed);

        (await h.Journal(id))[^1].Event.Should().BeOfType<ComplaintClosed>().Which.Reward.Should().BeNull();
    }

    [Fact]
    public async Task AssessAccountability_RecordsThePolicysSanctionsWithoutChangingState()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Closed);

        var result = await h.Service.ExecuteAsync(id, SalesManager, new AssessAccountability(Handler, Misconduct.LateHandling));

        result.Complaint.State.Should().Be(ComplaintState.Closed);
        var assessed = result.Entries.Single().Event.Should().BeOfType<AccountabilityAssessed>().Which;
        assessed.Person.Should().Be(Handler.Id);
        assessed.Decision.Sanctions.Select(s => s.Kind).Should().Equal(SanctionKind.Warning, SanctionKind.Fine);
        assessed.Decision.Sanctions[1].Amount.Should().Be(new Money(100, "CNY"));
    }

    [Fact]
    public async Task AssessAccountability_ByAHandler_IsNotPermitted()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, Handler, new AssessAccountability(Handler2, Misconduct.LateHandling));

        await act.Should().ThrowAsync<NotPermittedException>();
    }

    [Fact]
    public async Task GetGuidance_ReturnsThePolicysAdvice()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Assigned);

        var guidance = await h.Service.GetGuidanceAsync(id, Handler);

        guidance.Advice.Should().Equal("Listen first.");
        guidance.Explanation.Policy.Should().Be(TestPolicy.Ref);
    }

    [Fact]
    public async Task NewerPolicyLoaded_OldCaseKeepsItsVersionAndNewCasesUseTheNewOne()
    {
        var h = new Harness();
        var catalog = new PolicyCatalog(h.Policy);
        var service = new ComplaintService(h.Store, catalog, new Complaints.Workflow.Calendars.WeekdayCalendar(), h.Time, Microsoft.Extensions.Options.Options.Create(h.Options));
        var old = (await service.ReceiveAsync(Receiver, Harness.Intake())).Complaint.Id;
        var v2 = new RenamedPolicy(h.Policy, new PolicyRef("test", "2.0.0"));

        catalog.Load(v2);
        var triagedOld = await service.ExecuteAsync(old, Coordinator, new Triage());
        var fresh = (await service.ReceiveAsync(Receiver, Harness.Intake())).Complaint;

        triagedOld.Complaint.Policy.Should().Be(TestPolicy.Ref);
        triagedOld.Entries.Single().Event.Should().BeOfType<ComplaintTriaged>().Which.Severity.Explanation.Policy.Should().Be(TestPolicy.Ref);
        fresh.Policy.Should().Be(new PolicyRef("test", "2.0.0"));
        catalog.Loaded.Should().Equal(TestPolicy.Ref, new PolicyRef("test", "2.0.0"));
    }

    /// <summary>The test policy under another identity, standing for a newer pack version.</summary>
    private sealed class RenamedPolicy(TestPolicy inner, PolicyRef identity) : ComplaintPolicyDecorator(inner)
    {
        public override PolicyRef Identity => identity;

        public override SeverityDecision Classify(Complaint complaint) => Inner.Classify(complaint) with { Explanation = new PolicyExplanation(identity, []) };
    }
}
