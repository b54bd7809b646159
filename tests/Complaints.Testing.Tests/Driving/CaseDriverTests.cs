using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow;

namespace Complaints.Testing.Tests.Driving;

public sealed class CaseDriverTests
{
    private static readonly ComplaintState[] Reachable =
    [
        ComplaintState.Received, ComplaintState.Triaged, ComplaintState.Assigned, ComplaintState.Investigating,
        ComplaintState.AwaitingApproval, ComplaintState.Approved, ComplaintState.AwaitingCustomer, ComplaintState.Implementing,
        ComplaintState.FollowUp, ComplaintState.Closed, ComplaintState.Rejected, ComplaintState.Redirected, ComplaintState.Withdrawn,
    ];

    public static TheoryData<ComplaintState> EveryState => new(Reachable);

    /// <summary>Every state under the packs whose remedies above the manager's limit need two approval steps.</summary>
    public static TheoryData<string, decimal, ComplaintState> EveryStateWithTwoApprovalSteps =>
        new(from pack in new[] { ("auto-dealership", 5_000m), ("hospital", 20_000m) } from state in Reachable select (pack.Item1, pack.Item2, state));

    [Theory]
    [MemberData(nameof(EveryState))]
    public async Task DriveToAsync_EveryStateUnderTheGenericPack_ReachesItAndStoresIt(ComplaintState target)
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var driver = new CaseDriver(harness.Service);

        var driven = await driver.DriveToAsync(A.Complaint().BuildIntake(), target);

        driven.State.Should().Be(target);
        (await harness.StoredAsync(driven.Id)).State.Should().Be(target);
        ComplaintReplay.Replay(await harness.JournalAsync(driven.Id)).State.Should().Be(target);
    }

    [Theory]
    [MemberData(nameof(EveryStateWithTwoApprovalSteps))]
    public async Task DriveToAsync_EveryStateWhenTheRemedyNeedsTwoApprovalSteps_ReachesIt(string pack, decimal amount, ComplaintState target)
    {
        var harness = ComplaintsHarness.ForPack(pack);
        var driver = new CaseDriver(harness.Service, script: new CaseScript { Remedy = A.Remedy(RemedyKind.Compensation, amount) });

        var driven = await driver.DriveToAsync(A.Complaint().BuildIntake(), target);

        driven.State.Should().Be(target);
        (await harness.StoredAsync(driven.Id)).State.Should().Be(target);
    }

    [Theory]
    [InlineData("auto-dealership", 5_000)]
    [InlineData("hospital", 20_000)]
    public async Task DriveToAsync_RemedyAboveTheManagersLimit_EachStepApprovedByTheApproverOfItsRole(string pack, decimal amount)
    {
        var harness = ComplaintsHarness.ForPack(pack);
        var cast = new CaseCast();
        var driver = new CaseDriver(harness.Service, cast, new CaseScript { Remedy = A.Remedy(RemedyKind.Compensation, amount) });

        var approved = await driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Approved);

        approved.Approvals.Select(s => (s.Role, s.ApprovedBy))
            .Should().Equal((ComplaintRoles.Manager, cast.Approvers[0].Id), (ComplaintRoles.GeneralManager, cast.Approvers[1].Id));
    }

    [Fact]
    public async Task DriveToAsync_OralComplaint_ConfirmsTheReadBackBeforeTriage()
    {
        var harness = ComplaintsHarness.ForPack("generic");

        var triaged = await new CaseDriver(harness.Service).DriveToAsync(A.Complaint().Via(Channel.Phone).BuildIntake(), ComplaintState.Triaged);

        triaged.ReadBack.Should().NotBeNull();
        (await harness.JournalAsync(triaged.Id)).Select(e => e.Event.GetType()).Should().Equal(typeof(ComplaintReceived), typeof(ReadBackConfirmed), typeof(ComplaintTriaged));
    }

    [Fact]
    public async Task DriveToAsync_ComplaintAboutAMemberOfStaff_HearsTheAccusedBeforeTheFindings()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var hearer = A.Coordinator("hearer");
        harness.Options.Permissions.Allow(ComplaintAction.HearAccused, ComplaintRoles.Coordinator); // the handler's, by default
        var driver = new CaseDriver(harness.Service, new CaseCast { AccusedHearer = hearer }, new CaseScript { AccusedStatement = "I followed the price list." });

        var proposed = await driver.DriveToAsync(A.Complaint().AboutStaff("wang", department: "sales").BuildIntake(), ComplaintState.AwaitingApproval);

        proposed.AccusedStatement.Should().Be("I followed the price list.");
        var journal = await harness.JournalAsync(proposed.Id);
        journal.Should().ContainSingle(e => e.Event is AccusedHeard).Which.Actor.Should().Be(hearer);
        journal.TakeWhile(e => e.Event is not FindingsRecorded).Should().Contain(e => e.Event is AccusedHeard);
    }

    [Fact]
    public async Task DriveToAsync_MajorCase_HoldsTheEmergencyMeetingBeforeTheRemedyAndGetsBothApprovals()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var chair = A.GeneralManager("chair");
        var driver = new CaseDriver(harness.Service, new CaseCast { MeetingChair = chair });

        var closed = await driver.DriveToAsync(A.Complaint().Flagged(ComplaintFlags.SafetyRisk).BuildIntake(), ComplaintState.Closed);

        closed.Severity.Should().Be(Severity.Major);
        closed.EmergencyMeeting!.Minutes.Should().Be(new CaseScript().MeetingMinutes);
        closed.Approvals.Select(s => s.Role).Should().Equal(ComplaintRoles.Manager, ComplaintRoles.GeneralManager);
        var journal = await harness.JournalAsync(closed.Id);
        journal.Should().ContainSingle(e => e.Event is EmergencyMeetingRecorded).Which.Actor.Should().Be(chair);
        journal.TakeWhile(e => e.Event is not RemedyProposed).Should().Contain(e => e.Event is EmergencyMeetingRecorded);
    }

    [Fact]
    public async Task DriveOnAsync_FromWhereTheCaseStands_IssuesOnlyTheRemainingCommands()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var driver = new CaseDriver(harness.Service);
        var assigned = await driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Assigned);

        var closed = await driver.DriveOnAsync(await harness.StoredAsync(assigned.Id), ComplaintState.Closed);

        closed.Id.Should().Be(assigned.Id);
        closed.State.Should().Be(ComplaintState.Closed);
        (await harness.JournalAsync(closed.Id)).Select(e => e.Event).OfType<HandlerAssigned>().Should().ContainSingle();
    }

    [Fact]
    public async Task DriveToAsync_ThePackRejectsTheCaseAtTriage_ThrowsNamingWhereItStopped()
    {
        var harness = ComplaintsHarness.ForPack("generic");

        var act = () => new CaseDriver(harness.Service).DriveToAsync(A.Complaint().WithAttribute("in-court").BuildIntake(), ComplaintState.Closed);

        (await act.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("The happy path does not reach Closed; it stopped at Rejected*");
    }

    [Fact]
    public async Task DriveOnAsync_TargetAlreadyPassed_ThrowsNamingWhereTheCaseIs()
    {
        var harness = ComplaintsHarness.ForPack("generic");
        var driver = new CaseDriver(harness.Service);
        var closed = await driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Closed);

        var back = () => driver.DriveOnAsync(closed, ComplaintState.Investigating);
        var rejected = () => driver.DriveOnAsync(closed, ComplaintState.Rejected);

        (await back.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*does not reach Investigating; it stopped at Closed*");
        (await rejected.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*does not reach Rejected; it stopped at Closed*");
    }

    [Fact]
    public async Task DriveToAsync_NoApproverHoldsThePendingStepsRole_ThrowsNamingTheRole()
    {
        var harness = ComplaintsHarness.ForPack("auto-dealership");
        var driver = new CaseDriver(harness.Service, new CaseCast { Approvers = [A.Manager()] });

        var act = () => driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Approved);

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*'general-manager'*CaseCast.Approvers*");
    }

    [Fact]
    public async Task DriveToAsync_TheOpenSuperstate_IsRefusedBeforeAnythingIsReceived()
    {
        var harness = ComplaintsHarness.ForPack("generic");

        var act = () => new CaseDriver(harness.Service).DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Open);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
        harness.Store.Count.Should().Be(0);
    }
}
