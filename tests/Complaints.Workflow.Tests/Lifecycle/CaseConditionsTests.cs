using Complaints.Policy;
using Complaints.Workflow.Lifecycle;
using static Complaints.Workflow.Lifecycle.LifecycleConditions;

namespace Complaints.Workflow.Tests.Lifecycle;

/// <summary>
/// The facts of a case the lifecycle's guards read: each one is what a handler, an approver or a host expects
/// to open or close a step, at its edges (the last moment of the reopen window, a follow-up at the moment of
/// implementation, the second deadline of a case).
/// </summary>
public sealed class CaseConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly Actor Desk = new(new ActorId("desk"), "Desk", []);
    private static readonly Actor Han = new(new ActorId("han"), "Han", [ComplaintRoles.Handler]);

    [Fact]
    public void ReadBack_WrittenComplaint_NeedsNone_ButIsNotYetConfirmed()
    {
        Of(Case(Channel.Email)).Should().HaveFlag(ReadBackDone).And.HaveFlag(NotReadBackYet);
    }

    [Fact]
    public void ReadBack_OralComplaint_IsDueUntilConfirmed()
    {
        var oral = Case(Channel.Phone);

        Of(oral).Should().HaveFlag(NotReadBackYet).And.NotHaveFlag(ReadBackDone);
        Of(oral with { ReadBack = new ReadBack(ReadBackMethod.Oral, T0) }).Should().HaveFlag(ReadBackDone).And.NotHaveFlag(NotReadBackYet);
    }

    [Fact]
    public void Accused_NoOneComplainedAbout_NothingToHear()
    {
        Of(Case()).Should().HaveFlag(AccusedHeardIfAny).And.NotHaveFlag(HasAccusedStaff);
    }

    [Theory]
    [InlineData(SubjectKind.StaffMember, null)]
    [InlineData(SubjectKind.Department, "wang")]
    public void Accused_AStaffMember_MustBeHeardBeforeFindings(SubjectKind kind, string? staffId)
    {
        var c = Case(subject: new ComplaintSubject(kind, "Wang", StaffId: staffId is null ? null : new ActorId(staffId)));

        Of(c).Should().HaveFlag(HasAccusedStaff).And.NotHaveFlag(AccusedHeardIfAny);
        Of(c with { AccusedStatement = "I was polite." }).Should().HaveFlag(HasAccusedStaff).And.HaveFlag(AccusedHeardIfAny);
    }

    [Fact]
    public void Findings_OnlyOnceRecorded()
    {
        Of(Case()).Should().NotHaveFlag(HasFindings);
        Of(Case() with { Findings = new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Found.") }).Should().HaveFlag(HasFindings);
    }

    [Theory]
    [InlineData(Severity.Serious, false, (int)MeetingHeldIfMajor)]
    [InlineData(Severity.Major, false, (int)MeetingNeeded)]
    [InlineData(Severity.Major, true, (int)MeetingHeldIfMajor)]
    public void EmergencyMeeting_OnlyAMajorComplaintNeedsOne(Severity tier, bool held, int expected)
    {
        var c = Case() with { Severity = tier, EmergencyMeeting = held ? new EmergencyMeeting(T0, ["GM"], "Recall.") : null };

        (Of(c) & (MeetingHeldIfMajor | MeetingNeeded)).Should().Be((LifecycleConditions)expected);
    }

    [Theory]
    [InlineData(0, 0, (int)None)]
    [InlineData(1, 1, (int)None)]
    [InlineData(1, 0, (int)OneApprovalLeft)]
    [InlineData(2, 1, (int)OneApprovalLeft)]
    [InlineData(2, 0, (int)SeveralApprovalsLeft)]
    [InlineData(3, 1, (int)SeveralApprovalsLeft)]
    public void Approvals_OnlyStepsNotYetApprovedCount(int steps, int approved, int expected)
    {
        var approvals = Enumerable.Range(0, steps)
            .Select(i => new ApprovalStep($"role-{i}", i < approved ? new ActorId($"approver-{i}") : null))
            .ToArray();

        (Of(Case() with { Approvals = approvals }) & (OneApprovalLeft | SeveralApprovalsLeft)).Should().Be((LifecycleConditions)expected);
    }

    [Fact]
    public void FollowUp_BeforeTheRemedyWasImplemented_DoesNotCount_AtOrAfterItDoes()
    {
        var implemented = T0.AddDays(3);
        FollowUpContact At(DateTimeOffset at) => new(at, Han.Id, Satisfaction.Satisfied, null);

        Of(Case() with { ImplementedAt = implemented, FollowUps = [At(implemented.AddTicks(-1))] }).Should().NotHaveFlag(FollowedUpSinceImplementation);
        Of(Case() with { ImplementedAt = implemented, FollowUps = [At(implemented.AddTicks(-1)), At(implemented)] }).Should().HaveFlag(FollowedUpSinceImplementation);
        Of(Case() with { FollowUps = [At(T0)] }).Should().HaveFlag(FollowedUpSinceImplementation, "nothing was implemented, so any follow-up counts");
        Of(Case() with { ImplementedAt = implemented }).Should().NotHaveFlag(FollowedUpSinceImplementation);
    }

    [Fact]
    public void ReopenWindow_IncludesItsLastMoment()
    {
        var closed = Case() with { ClosedAt = T0 };

        CaseConditions.Of(closed, T0 + Window, Window).Should().HaveFlag(WithinReopenWindow);
        CaseConditions.Of(closed, T0 + Window + TimeSpan.FromTicks(1), Window).Should().NotHaveFlag(WithinReopenWindow);
        CaseConditions.Of(Case(), T0, Window).Should().NotHaveFlag(WithinReopenWindow, "an open case is not reopened");
    }

    [Fact]
    public void Handler_OnlyWhenAssigned()
    {
        Of(Case()).Should().NotHaveFlag(HasHandler);
        Of(Case() with { Assignee = Han }).Should().HaveFlag(HasHandler);
    }

    [Fact]
    public void Deadlines_TheClockRunsWhileADeadlineIsOpenAndTheCaseIsNotPaused()
    {
        var met = Deadline(DeadlineKind.Acknowledge) with { MetAt = T0 };
        var open = Deadline(DeadlineKind.Resolve);

        (Of(Case() with { Deadlines = [met] }) & (HasOpenDeadline | ClockRuns)).Should().Be(None);
        (Of(Case() with { Deadlines = [met, open] }) & (HasOpenDeadline | ClockRuns)).Should().Be(HasOpenDeadline | ClockRuns);
        (Of(Case() with { Deadlines = [met, open], ClockPausedAt = T0 }) & (HasOpenDeadline | ClockRuns)).Should().Be(HasOpenDeadline);
        (Of(Case()) & (HasOpenDeadline | ClockRuns)).Should().Be(None);
    }

    [Fact]
    public void Deadlines_OnlyAnOpenUnbreachedDeadlineCountedOnProvisionalDaysMayBeReplanned()
    {
        var plan = new DeadlinePlan(T0, 5, DeadlineUnit.WorkingDays, T0.AddDays(7));
        var provisional = Deadline(DeadlineKind.Resolve) with { Plan = plan };

        Of(Case() with { Deadlines = [Deadline(DeadlineKind.Acknowledge), provisional] }).Should().HaveFlag(HasProvisionalDeadline);
        Of(Case() with { Deadlines = [provisional with { MetAt = T0 }] }).Should().NotHaveFlag(HasProvisionalDeadline);
        Of(Case() with { Deadlines = [provisional with { BreachedAt = T0 }] }).Should().NotHaveFlag(HasProvisionalDeadline);
        Of(Case() with { Deadlines = [Deadline(DeadlineKind.Resolve)] }).Should().NotHaveFlag(HasProvisionalDeadline);
    }

    private static LifecycleConditions Of(Complaint c) => CaseConditions.Of(c, T0, Window);

    private static Deadline Deadline(DeadlineKind kind) => new(kind, T0.AddDays(5), "rule", "weekdays");

    private static Complaint Case(Channel channel = Channel.Email, ComplaintSubject? subject = null) => new()
    {
        Id = ComplaintId.New(T0),
        Version = 1,
        State = ComplaintState.Received,
        Intake = new ComplaintIntake(ComplaintKind.Complaint, channel, Complainant.Anonymous, subject ?? new ComplaintSubject(SubjectKind.Product, "Brake pads"), "Squeaks."),
        ReceivedAt = T0,
        ReceivedBy = Desk,
        Policy = new PolicyRef("test", "1"),
        UpdatedAt = T0,
    };
}
