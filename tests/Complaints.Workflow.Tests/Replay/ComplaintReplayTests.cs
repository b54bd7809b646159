using Complaints.Journal;
using Complaints.Policy;

namespace Complaints.Workflow.Tests.Replay;

/// <summary>
/// Replaying a journal, entry by entry, as a host does to audit a case or rebuild a store: a journal that does
/// not follow the case is refused with the entry named, and the SLA clock's pauses only ever move deadlines on.
/// </summary>
public sealed class ComplaintReplayTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly ComplaintId Id = ComplaintId.New(T0);
    private static readonly Actor Desk = new(new ActorId("desk"), "Desk", []);
    private static readonly Actor Manager = new(new ActorId("mgr"), "Manager", [ComplaintRoles.Manager]);
    private static readonly ComplaintIntake Intake = new(
        ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Product, "Brake pads"), "Squeaks.",
        Evidence: [new EvidenceReference("photo.jpg")]);

    private static readonly RecusalDecision NotRecused = new(false, null, new PolicyExplanation(new PolicyRef("test", "1"), []));

    [Fact]
    public void Replay_NoEntries_IsRefusedSayingAJournalStartsWithTheReceipt()
    {
        var act = () => ComplaintReplay.Replay([]);

        act.Should().Throw<ArgumentException>().WithParameterName("entries").WithMessage("*starts with its receipt*");
    }

    [Fact]
    public void Replay_TheReceipt_GivesTheCaseAsReceived_WithTheIntakesEvidence()
    {
        var c = ComplaintReplay.Replay([Received()]);

        c.Should().Match<Complaint>(x => x.Id == Id && x.Version == 1 && x.State == ComplaintState.Received && x.ReceivedAt == T0 && x.UpdatedAt == T0 && x.ReceivedBy == Desk);
        c.Evidence.Should().Equal(new EvidenceReference("photo.jpg"));
        c.Policy.Should().Be(new PolicyRef("test", "1"));
    }

    [Fact]
    public void Apply_AJournalThatDoesNotStartWithTheReceiptAsEntryOne_IsRefused()
    {
        FluentActions.Invoking(() => ComplaintReplay.Apply(null, Received() with { Sequence = 2 }))
            .Should().Throw<ArgumentException>().WithParameterName("entry").WithMessage("*ComplaintReceived as entry 2*");
        FluentActions.Invoking(() => ComplaintReplay.Apply(null, Entry(1, ComplaintState.Received, ComplaintState.Received, new InvestigationStarted())))
            .Should().Throw<ArgumentException>().WithMessage("*got InvestigationStarted as entry 1*");
    }

    [Fact]
    public void Apply_AnEntryThatDoesNotFollowTheCase_IsRefusedNamingEntryAndVersion()
    {
        var received = ComplaintReplay.Replay([Received()]);

        var otherCase = Entry(2, ComplaintState.Received, ComplaintState.Withdrawn, new ComplaintWithdrawn("x")) with { ComplaintId = ComplaintId.New(T0.AddHours(1)) };
        var gap = Entry(3, ComplaintState.Received, ComplaintState.Withdrawn, new ComplaintWithdrawn("x"));
        var repeat = Entry(1, ComplaintState.Received, ComplaintState.Withdrawn, new ComplaintWithdrawn("x"));
        var wrongState = Entry(2, ComplaintState.Triaged, ComplaintState.Withdrawn, new ComplaintWithdrawn("x"));

        foreach (var entry in new[] { otherCase, gap, repeat, wrongState })
        {
            FluentActions.Invoking(() => ComplaintReplay.Apply(received, entry)).Should().Throw<ArgumentException>()
                .WithMessage($"Entry {entry.Sequence} (*) of case * does not follow version 1 of case {Id} in state Received.*");
        }

        ComplaintReplay.Apply(received, Entry(2, ComplaintState.Received, ComplaintState.Withdrawn, new ComplaintWithdrawn("Settled.")))
            .Should().Match<Complaint>(c => c.Version == 2 && c.State == ComplaintState.Withdrawn && c.Outcome == "Settled.");
    }

    [Fact]
    public void Apply_ASecondReceipt_IsRefused()
    {
        var received = ComplaintReplay.Replay([Received()]);

        FluentActions.Invoking(() => ComplaintReplay.Apply(received, Received() with { Sequence = 2 }))
            .Should().Throw<ArgumentException>().WithMessage("*already received*");
    }

    [Fact]
    public void Clock_WaitingOnTheCustomer_MovesOpenDeadlinesOnByThePause_MetOnesStay()
    {
        var open = Due(DeadlineKind.FollowUp, T0.AddDays(10)) with { WarnAt = T0.AddDays(8), ExtendableTo = T0.AddDays(20) };
        var met = Due(DeadlineKind.Acknowledge, T0.AddDays(1)) with { MetAt = T0 };
        var approved = Approved(open, met);

        var waiting = ComplaintReplay.Apply(approved, Entry(approved.Version + 1, ComplaintState.Approved, ComplaintState.AwaitingCustomer, new DecisionCommunicated(Channel.Phone, "We refund."), T0.AddDays(2)));
        var accepted = ComplaintReplay.Apply(waiting, Entry(waiting.Version + 1, ComplaintState.AwaitingCustomer, ComplaintState.Implementing, new CustomerAccepted(null), T0.AddDays(5)));

        waiting.ClockPausedAt.Should().Be(T0.AddDays(2));
        accepted.ClockPausedAt.Should().BeNull();
        var moved = accepted.Deadlines.Single(d => d.Kind == DeadlineKind.FollowUp);
        (moved.DueAt, moved.WarnAt, moved.ExtendableTo).Should().Be((T0.AddDays(13), T0.AddDays(11), T0.AddDays(23)), "three days waiting on the customer");
        accepted.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge).Should().Be(met);
    }

    [Fact]
    public void Clock_AlreadyPaused_KeepsCountingFromTheFirstPause()
    {
        var waiting = Approved(Due(DeadlineKind.FollowUp, T0.AddDays(10))) with { State = ComplaintState.AwaitingCustomer, ClockPausedAt = T0.AddDays(1) };

        var escalated = ComplaintReplay.Apply(waiting, Entry(waiting.Version + 1, ComplaintState.AwaitingCustomer, ComplaintState.AwaitingCustomer, new Escalated(1, "Slow.", null), T0.AddDays(2)));

        escalated.ClockPausedAt.Should().Be(T0.AddDays(1));
        escalated.Deadlines.Single().DueAt.Should().Be(T0.AddDays(10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Clock_ResumedAtOrBeforeThePause_NeverMovesDeadlinesEarlier(int hours)
    {
        var due = Due(DeadlineKind.FollowUp, T0.AddDays(10)) with { WarnAt = T0.AddDays(8) };
        var waiting = Approved(due) with { State = ComplaintState.AwaitingCustomer, ClockPausedAt = T0.AddDays(1) };

        var accepted = ComplaintReplay.Apply(waiting, Entry(waiting.Version + 1, ComplaintState.AwaitingCustomer, ComplaintState.Implementing, new CustomerAccepted(null), T0.AddDays(1).AddHours(hours)));

        accepted.Deadlines.Single().Should().Match<Deadline>(d => d.DueAt == T0.AddDays(10) && d.WarnAt == T0.AddDays(8));
        accepted.ClockPausedAt.Should().BeNull();
    }

    [Fact]
    public void DeadlineExtended_MovesTheWarningWithTheDueTime_UnlessAlreadyWarned()
    {
        var notWarned = Due(DeadlineKind.Resolve, T0.AddDays(10)) with { WarnAt = T0.AddDays(8), ExtendableTo = T0.AddDays(20) };
        var warned = Due(DeadlineKind.Resolve, T0.AddDays(10)) with { WarnAt = T0.AddDays(8), WarnedAt = T0.AddDays(8) };
        var extension = new DeadlineExtended(DeadlineKind.Resolve, T0.AddDays(10), T0.AddDays(15), "Waiting on the supplier.");

        var a = Investigating(notWarned);
        var b = Investigating(warned);
        var extendedA = ComplaintReplay.Apply(a, Entry(a.Version + 1, ComplaintState.Investigating, ComplaintState.Investigating, extension)).Deadlines.Single();
        var extendedB = ComplaintReplay.Apply(b, Entry(b.Version + 1, ComplaintState.Investigating, ComplaintState.Investigating, extension)).Deadlines.Single();

        (extendedA.DueAt, extendedA.WarnAt, extendedA.ExtensionReason).Should().Be((T0.AddDays(15), T0.AddDays(13), "Waiting on the supplier."));
        (extendedB.DueAt, extendedB.WarnAt).Should().Be((T0.AddDays(15), T0.AddDays(8)));
    }

    [Fact]
    public void DeadlineWarnedAndBreached_MarkOnlyTheOpenDeadlineOfThatKind()
    {
        var metResolve = Due(DeadlineKind.Resolve, T0.AddDays(1)) with { MetAt = T0 };
        var openResolve = Due(DeadlineKind.Resolve, T0.AddDays(10));
        var followUp = Due(DeadlineKind.FollowUp, T0.AddDays(20));
        var c = Investigating(metResolve, openResolve, followUp);

        var warned = ComplaintReplay.Apply(c, Entry(c.Version + 1, ComplaintState.Investigating, ComplaintState.Investigating, new DeadlineWarned(DeadlineKind.Resolve, openResolve.DueAt), T0.AddDays(8)));
        var breached = ComplaintReplay.Apply(warned, Entry(warned.Version + 1, ComplaintState.Investigating, ComplaintState.Investigating,
            new DeadlineBreached(DeadlineKind.Resolve, openResolve.DueAt, new EscalationDecision(false, null, null, NotRecused.Explanation)), T0.AddDays(11)));

        breached.Deadlines.Should().Equal(metResolve, openResolve with { WarnedAt = T0.AddDays(8), BreachedAt = T0.AddDays(11) }, followUp);
    }

    [Fact]
    public void RemedyApproved_FillsTheFirstStepNotYetApproved()
    {
        var c = Investigating() with
        {
            State = ComplaintState.AwaitingApproval,
            Approvals = [new ApprovalStep("supervisor", new ActorId("sup"), T0, "ok"), new ApprovalStep("manager"), new ApprovalStep("general-manager")],
        };

        var approved = ComplaintReplay.Apply(c, Entry(c.Version + 1, ComplaintState.AwaitingApproval, ComplaintState.AwaitingApproval, new RemedyApproved("manager", "Fine.", NotRecused), T0.AddDays(1)) with { Actor = Manager });

        approved.Approvals.Should().Equal(
            new ApprovalStep("supervisor", new ActorId("sup"), T0, "ok"),
            new ApprovalStep("manager", Manager.Id, T0.AddDays(1), "Fine."),
            new ApprovalStep("general-manager"));
    }

    private static JournalEntry Received() => Entry(1, ComplaintState.Received, ComplaintState.Received, new ComplaintReceived(Intake, new PolicyRef("test", "1")));

    private static JournalEntry Entry(long sequence, ComplaintState from, ComplaintState to, ComplaintEvent e, DateTimeOffset? at = null) =>
        new(Id, sequence, at ?? T0, Desk, from, to, e, Guid.NewGuid());

    private static Deadline Due(DeadlineKind kind, DateTimeOffset at) => new(kind, at, "rule", "weekdays");

    private static Complaint Investigating(params Deadline[] deadlines) =>
        ComplaintReplay.Replay([Received()]) with { Version = 5, State = ComplaintState.Investigating, Deadlines = deadlines };

    private static Complaint Approved(params Deadline[] deadlines) => Investigating(deadlines) with { State = ComplaintState.Approved };
}
