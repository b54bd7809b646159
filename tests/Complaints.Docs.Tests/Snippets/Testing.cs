#region gs-test
using Complaints;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Testing;
using FluentAssertions;
using Xunit;
#endregion

namespace Complaints.Docs.Tests.Snippets;

#region gs-test
public sealed class HospitalPackTests
{
    [Fact]
    public async Task A_complaint_about_fees_goes_to_finance_and_is_settled_within_3_working_days()
    {
        var harness = ComplaintsHarness.ForPack("hospital");   // in-memory store, FakeTimeProvider at harness.Time
        var received = await harness.ReceiveAsync(A.Complaint().Described("I was charged twice for the same blood test."));
        await harness.TriageAsync(received.Complaint.Id);      // reads back oral complaints first

        var routing = await harness.LastDecisionAsync<RoutingDecision>(received.Complaint.Id);
        routing.Should().RouteTo("finance").And.HaveMatched("fees-to-finance").And.BeDecidedBy("hospital");
        var deadlines = await harness.LastDecisionAsync<DeadlineDecision>(received.Complaint.Id);
        deadlines.Should().HaveDeadline(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays);
    }

    [Fact]
    public void A_refund_above_the_handlers_limit_needs_the_head_of_department()
    {
        var policy = PolicyPacks.LoadBuiltIn("hospital");      // ask a decision point directly
        var complaint = A.Complaint().InCategory("billing").Classified(Severity.General).Build();

        policy.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 1500))
            .Should().RequireApprovalSteps("manager").And.HaveMatched("above-handler-limit-needs-department-head");
        policy.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 800))
            .Should().BeWithinHandlerAuthority();
    }

    [Fact]
    public void The_accused_must_step_aside()
    {
        var policy = PolicyPacks.LoadBuiltIn("hospital");
        var complaint = A.Complaint().AboutStaff("dr-wu", department: "medical-affairs").Build();

        policy.CheckRecusal(complaint, A.Handler("dr-wu", "medical-affairs")).Should().BeRecused().And.HaveMatched("handler-is-the-accused");
        policy.CheckRecusal(complaint, A.Handler("lin", "finance")).Should().NotBeRecused();
    }
}
#endregion

public sealed class CaseDriverSnippet
{
    [Fact]
    public async Task A_large_refund_is_approved_by_the_head_of_department_then_hospital_leadership()
    {
        var harness = ComplaintsHarness.ForPack("hospital");
        #region drive-a-case
        var driver = new CaseDriver(
            harness.Service,
            new CaseCast { Handler = A.Handler("lin", "finance"), Approvers = [A.Manager("head"), A.GeneralManager("director")] },
            new CaseScript { Remedy = A.Remedy(RemedyKind.Refund, 20_000) });

        var approved = await driver.DriveToAsync(A.Complaint().Via(Channel.Phone).BuildIntake(), ComplaintState.Approved);
        approved.Approvals.Select(step => step.Role).Should().Equal("manager", "general-manager");

        var closed = await driver.DriveOnAsync(approved, ComplaintState.Closed);
        #endregion
        closed.State.Should().Be(ComplaintState.Closed);
    }
}
