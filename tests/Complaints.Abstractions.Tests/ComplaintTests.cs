using Complaints.Commands;
using Complaints.Ports;

namespace Complaints.Abstractions.Tests;

public sealed class ComplaintTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Desk = new(new ActorId("desk"), "Desk", [ComplaintRoles.Staff], new DepartmentId("front"));

    private static Complaint Case(ComplaintState state = ComplaintState.Investigating) => new()
    {
        Id = ComplaintId.New(T0),
        Version = 3,
        State = state,
        Intake = new ComplaintIntake(ComplaintKind.Complaint, Channel.Phone, Complainant.Anonymous,
            new ComplaintSubject(SubjectKind.StaffMember, "Wang", new DepartmentId("sales"), new ActorId("wang")), "Rude."),
        ReceivedAt = T0,
        ReceivedBy = Desk,
        Policy = new PolicyRef("generic", "1.0.0"),
        Department = new DepartmentId("sales"),
        Deadlines =
        [
            new Deadline(DeadlineKind.Acknowledge, T0.AddDays(1), "ack", "cal", MetAt: T0),
            new Deadline(DeadlineKind.Resolve, T0.AddDays(5), "resolve", "cal"),
            new Deadline(DeadlineKind.FollowUp, T0.AddDays(9), "follow", "cal"),
        ],
        UpdatedAt = T0,
    };

    [Fact]
    public void NextDeadline_IsTheEarliestUnmetOne_AndNoneOnceTheCaseHasEnded()
    {
        Case().NextDeadline!.Kind.Should().Be(DeadlineKind.Resolve);
        Case(ComplaintState.Closed).NextDeadline.Should().BeNull();
        Case(ComplaintState.Withdrawn).NextDeadline.Should().BeNull();
    }

    [Fact]
    public void PendingApproval_IsTheFirstStepNotYetGiven()
    {
        var c = Case(ComplaintState.AwaitingApproval) with
        {
            Approvals = [new ApprovalStep("manager", new ActorId("m"), T0), new ApprovalStep("general-manager")],
        };

        c.PendingApproval!.Role.Should().Be("general-manager");
    }

    [Fact]
    public void Owner_IsTheReceiverUntilAHandlerIsNamed()
    {
        var handler = new Actor(new ActorId("han"), "Han", [ComplaintRoles.Handler]);

        Case().Owner.Should().Be(Desk.Id);
        (Case() with { Assignee = handler }).Owner.Should().Be(handler.Id);
    }

    [Fact]
    public void IsAccused_IsTheSubjectStaffMember() =>
        Case().IsAccused(new ActorId("wang")).Should().BeTrue();

    [Theory]
    [InlineData(Channel.Phone, true)]
    [InlineData(Channel.Hotline, true)]
    [InlineData(Channel.WalkIn, true)]
    [InlineData(Channel.OnSite, true)]
    [InlineData(Channel.Email, false)]
    [InlineData(Channel.Letter, false)]
    public void IsOral_OnlyForRecordsTakenDownByStaff(Channel channel, bool oral) =>
        channel.IsOral().Should().Be(oral);

    [Fact]
    public void Query_DueBefore_MatchesOnlyOpenCasesWithAnUnmetDeadlineBeforeIt()
    {
        var query = new ComplaintQuery { DueBefore = T0.AddDays(6) };

        query.Matches(Case()).Should().BeTrue();
        new ComplaintQuery { DueBefore = T0.AddDays(5) }.Matches(Case()).Should().BeFalse("due exactly then is not before");
        query.Matches(Case(ComplaintState.Closed)).Should().BeFalse();
    }

    [Fact]
    public void Query_Visibility_DepartmentOrReceiverOrPendingApprover()
    {
        var sales = new CaseVisibility(new ActorId("x"), new DepartmentId("sales"), []);
        var stranger = new CaseVisibility(new ActorId("y"), new DepartmentId("warehouse"), []);
        var receiver = new CaseVisibility(Desk.Id, Desk.Department, []);
        var gm = new CaseVisibility(new ActorId("gm"), null, ["general-manager"]);
        var awaitingGm = Case(ComplaintState.AwaitingApproval) with { Approvals = [new ApprovalStep("general-manager")] };

        sales.CanSee(Case()).Should().BeTrue();
        stranger.CanSee(Case()).Should().BeFalse();
        receiver.CanSee(Case()).Should().BeTrue();
        gm.CanSee(awaitingGm).Should().BeTrue();
        gm.CanSee(Case()).Should().BeFalse();
    }

    [Fact]
    public void InvalidTransition_Message_SaysWhyAndWhatIsAllowed()
    {
        var id = ComplaintId.New(T0);

        var error = new InvalidTransitionException(id, ComplaintState.Investigating, ComplaintAction.ProposeRemedy,
            [ComplaintAction.AddEvidence, ComplaintAction.RecordFindings], ["findings recorded"]);

        error.Message.Should().Be($"Cannot ProposeRemedy complaint {id}: it needs: findings recorded. Allowed now: AddEvidence, RecordFindings.");
    }

    [Fact]
    public void InvalidTransition_FinalCase_SaysNothingIsAllowed()
    {
        var error = new InvalidTransitionException(ComplaintId.New(T0), ComplaintState.Withdrawn, ComplaintAction.Close, [], []);

        error.Message.Should().Contain("not allowed in state Withdrawn").And.Contain("nothing (the case is final)");
    }

    [Fact]
    public void ComplaintId_ParsesWhatItPrints()
    {
        var id = ComplaintId.New(T0);

        ComplaintId.Parse(id.ToString(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(id);
        ComplaintId.TryParse("not-a-guid", null, out _).Should().BeFalse();
    }

    [Fact]
    public void Money_PrintsInvariantly() =>
        new Money(1234.5m, "CNY").ToString().Should().Be("1234.5 CNY");

    // The fields a case sets rarely (closure, reopening, escalation, holds …) are kept apart and shared between copies.
    [Fact]
    public void RarelySetFields_ACopyThatChangesThem_LeavesTheOriginalAsItWas()
    {
        var original = Case() with { EscalationLevel = 1, ClosedAt = T0 };

        var copy = original with { EscalationLevel = 2, ReopenCount = 1, ReopenedAt = T0.AddDays(1), ClosedAt = null };

        original.EscalationLevel.Should().Be(1);
        original.ClosedAt.Should().Be(T0);
        original.ReopenCount.Should().Be(0);
        original.ReopenedAt.Should().BeNull();
        copy.EscalationLevel.Should().Be(2);
        copy.ClosedAt.Should().BeNull();
        copy.ReopenCount.Should().Be(1);
        copy.ReopenedAt.Should().Be(T0.AddDays(1));
    }

    [Fact]
    public void RarelySetFields_TwoCasesWithTheSameValues_AreEqual_AndDifferentValuesAreNot()
    {
        var holds = new[] { new ProductHold(1, "Batch 7", "Sour", null, T0, new ActorId("qa")) };
        var same = Case();
        var a = same with { EscalationLevel = 1, ImplementedAt = T0, Holds = holds };
        var b = same with { EscalationLevel = 1, ImplementedAt = T0, Holds = holds };

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        (a with { ImplementedAt = T0.AddHours(1) }).Should().NotBe(b);
        (a with { CustomerRejections = 1 }).Should().NotBe(b);
    }

    [Fact]
    public void RarelySetTimes_TheSameInstantInAnotherOffset_IsKeptAsGiven()
    {
        var closed = Case() with { ClosedAt = T0 };
        var inBeijing = T0.ToOffset(TimeSpan.FromHours(8));

        var again = closed with { ClosedAt = inBeijing };

        again.ClosedAt!.Value.Offset.Should().Be(TimeSpan.FromHours(8));
        again.ClosedAt.Value.EqualsExact(inBeijing).Should().BeTrue();
    }

    [Fact]
    public void RarelySetLists_GivenNull_ReadAsEmpty()
    {
        var c = Case() with { Recusals = null!, Holds = null!, PendingDeadlines = null! };

        c.Recusals.Should().NotBeNull().And.BeEmpty();
        c.Holds.Should().NotBeNull().And.BeEmpty();
        c.PendingDeadlines.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void DeadlineRecordedFields_ACopyThatRecordsThem_LeavesTheOriginalOpen_AndKeepsTheOffset()
    {
        var open = new Deadline(DeadlineKind.Resolve, T0.AddDays(5), "resolve", "cal");
        var warnedAt = T0.AddDays(4).ToOffset(TimeSpan.FromHours(8));

        var warned = open with { WarnedAt = warnedAt, ExtensionReason = "Waiting for the lab." };
        var breached = warned with { BreachedAt = T0.AddDays(5) };

        open.WarnedAt.Should().BeNull();
        open.ExtensionReason.Should().BeNull();
        warned.WarnedAt!.Value.EqualsExact(warnedAt).Should().BeTrue();
        warned.BreachedAt.Should().BeNull();
        breached.WarnedAt.Should().Be(warnedAt);
        breached.ExtensionReason.Should().Be("Waiting for the lab.");
        breached.BreachedAt.Should().Be(T0.AddDays(5));
        (open with { WarnedAt = warnedAt, ExtensionReason = "Waiting for the lab." }).Should().Be(warned);
        warned.Should().NotBe(open);
    }
}
