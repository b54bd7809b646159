#region quick-start
using Complaints;
using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;
#endregion
using Complaints.Journal;
using Complaints.Policy;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>The README's quick start, run on a fake clock.</summary>
public sealed class QuickStart
{
    [Fact]
    public async Task Runs_a_billing_complaint_to_an_approved_refund()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8)));
        #region quick-start
        var services = new ServiceCollection();
        #endregion
        services.AddSingleton<TimeProvider>(clock); // the docs' clock: a fixed Monday, so deadlines are known
        #region quick-start
        services.AddComplaints().UsePack("hospital"); // or generic, tobacco-retail, auto-dealership, food-service
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();

        var finance = new DepartmentId("finance");
        var office = new Actor(new ActorId("chen"), "Chen (patient relations)", [ComplaintRoles.Coordinator]);
        var handler = new Actor(new ActorId("lin"), "Lin (finance)", [ComplaintRoles.Handler], finance);

        // Receive (受理): the receiver owns the case until a handler is named.
        var received = await complaints.ReceiveAsync(office, new ComplaintIntake(
            ComplaintKind.Complaint,
            Channel.Email,
            new Complainant("Zhang Wei", new ContactDetails(Email: "zhang.wei@example.com")),
            new ComplaintSubject(SubjectKind.Service, "Outpatient billing", finance),
            "I was charged twice for my CT scan on 27 February.",
            Category: "billing",
            ClaimedAmount: new Money(430, "CNY")));
        var id = received.Complaint.Id;

        // Each command is checked against the lifecycle, the actor's permissions and the policy.
        await complaints.ExecuteAsync(id, office, new Triage());        // admissibility, tier, routing, deadlines
        await complaints.ExecuteAsync(id, office, new Assign(handler)); // refused if the policy finds a conflict
        await complaints.ExecuteAsync(id, handler, new StartInvestigation());
        await complaints.ExecuteAsync(id, handler, new RecordFindings(
            new Findings(FindingOutcome.Substantiated, RootCause.ProcessGap, "The card terminal retried after a time-out.")));
        var proposed = await complaints.ExecuteAsync(id, handler, new ProposeRemedy(
            new RemedyProposal(RemedyKind.Refund, "Refund the duplicate charge", new Money(430, "CNY"))));
        Console.WriteLine(proposed.Complaint.State); // Approved, or AwaitingApproval if the policy wants an approver

        // Queries return only what the reader may see, with the complainant redacted where the policy says so.
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var mine = await complaints.QueryAsync(handler, new ComplaintQuery { Assignee = handler.Id });
        var overdue = await complaints.QueryAsync(office, new ComplaintQuery { DueBefore = now });
        var journal = await complaints.GetJournalAsync(id, office); // who did what, when, and the policy's reasons
        #endregion

        proposed.Complaint.State.Should().Be(ComplaintState.Approved, "¥430 is within the hospital handler's ¥1,000 limit");
        proposed.Complaint.Department.Should().Be(finance);
        mine.Select(c => c.Id).Should().Equal(id);
        overdue.Should().BeEmpty("nothing is due on the day of receipt");
        journal.Select(e => e.Event.GetType().Name).Should().Equal(
            nameof(ComplaintReceived), nameof(ComplaintTriaged), nameof(HandlerAssigned), nameof(InvestigationStarted),
            nameof(FindingsRecorded), nameof(RemedyProposed));
        journal.OfType<JournalEntry>().Select(e => e.Event).OfType<ComplaintTriaged>().Single()
            .Routing.Explanation.MatchedRules.Should().Contain("fees-to-finance");
        ((RemedyProposed)journal[^1].Event).Approval.Should().BeOfType<ApprovalDecision>().Which.Steps.Should().BeEmpty();
    }
}
