using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Deadlines;

/// <summary>Deadlines on the case: warnings, breaches with escalation and accountability, pauses, extensions.</summary>
public sealed class SlaClockTests
{
    // Received Monday 2 March 2026 09:30 UTC; the 3-working-day resolve deadline ends with Thursday.
    private static readonly DateTimeOffset ResolveDue = new(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ResolveWarn = Harness.Start + ((ResolveDue - Harness.Start) / 2);

    [Fact]
    public async Task Triage_StoresEachDeadlineWithItsRuleCalendarWarningAndLimit()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var resolve = (await h.Stored(id)).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);

        (resolve.DueAt, resolve.Rule, resolve.Calendar).Should().Be((ResolveDue, "resolve-3wd", "weekdays (UTC)"));
        resolve.WarnAt.Should().Be(ResolveWarn);
        resolve.ExtendableTo.Should().Be(new DateTimeOffset(2026, 3, 17, 0, 0, 0, TimeSpan.Zero), "10 working days from Monday 2 March");
        resolve.ExtensionApprovedBy.Should().Be(ComplaintRoles.GeneralManager);
    }

    [Fact]
    public async Task Worker_AtHalfTime_RecordsTheWarningOnce()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var worker = Worker(h);

        h.Time.SetUtcNow(ResolveWarn - TimeSpan.FromMinutes(1));
        (await worker.RunOnceAsync()).Should().Be(0);
        h.Time.SetUtcNow(ResolveWarn);
        (await worker.RunOnceAsync()).Should().Be(1);
        (await worker.RunOnceAsync()).Should().Be(0, "a warning is recorded once");

        var entry = (await h.Journal(id))[^1];
        entry.Event.Should().Be(new DeadlineWarned(DeadlineKind.Resolve, ResolveDue));
        entry.Actor.Should().Be(Actor.System);
        (await h.Stored(id)).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).WarnedAt.Should().Be(ResolveWarn);
    }

    [Fact]
    public async Task Worker_PastDue_RecordsTheBreachWithEscalationAndTheHandlersAccountability()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue + TimeSpan.FromHours(1));

        var recorded = await Worker(h).RunOnceAsync();

        recorded.Should().Be(1, "the breach supersedes the unrecorded warning");
        var entries = (await h.Journal(id)).TakeLast(3).ToArray();
        var breach = entries[0].Event.Should().BeOfType<DeadlineBreached>().Which;
        breach.Kind.Should().Be(DeadlineKind.Resolve);
        breach.Escalation.Escalate.Should().BeTrue();
        entries[1].Event.Should().BeOfType<Escalated>().Which.Level.Should().Be(1);
        var accountability = entries[2].Event.Should().BeOfType<AccountabilityAssessed>().Which;
        (accountability.Person, accountability.Misconduct).Should().Be((Handler.Id, Misconduct.LateHandling));
        accountability.Decision.Sanctions.Should().Contain(s => s.Kind == SanctionKind.Fine && s.Amount == new Money(100, "CNY"));
        entries.Select(e => e.CommandId).Distinct().Should().ContainSingle();
        (await h.Stored(id)).EscalationLevel.Should().Be(1);
    }

    [Fact]
    public async Task Breach_RecordedByHandBeforeDue_IsRefusedSayingWhen()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new RecordDeadlineBreach(DeadlineKind.Resolve));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Single().Should().Contain("past due");
    }

    [Fact]
    public async Task Worker_MetDeadline_NeverFires()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Closed);
        h.Time.SetUtcNow(ResolveDue.AddDays(30));

        (await Worker(h).RunOnceAsync()).Should().Be(0);
        (await h.Journal(id)).Should().NotContain(e => e.Event is DeadlineBreached);
    }

    [Fact]
    public async Task Clock_WhileAwaitingTheCustomer_IsPausedAndOpenDeadlinesMoveOnByThePause()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingCustomer);
        var followUpDue = (await h.Stored(id)).Deadlines.Single(d => d.Kind == DeadlineKind.FollowUp).DueAt;
        var pause = TimeSpan.FromDays(20);

        h.Time.Advance(pause);
        var claimedWhilePaused = await Worker(h).RunOnceAsync();
        var paused = await h.Stored(id);
        var resumed = await h.Do(id, Coordinator, new RecordCustomerAcceptance("Fine."));

        claimedWhilePaused.Should().Be(0);
        paused.ClockPausedAt.Should().Be(Harness.Start);
        paused.NextDeadline.Should().BeNull("a paused clock has nothing due");
        resumed.ClockPausedAt.Should().BeNull();
        resumed.Deadlines.Single(d => d.Kind == DeadlineKind.FollowUp).DueAt.Should().Be(followUpDue + pause);
        resumed.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).DueAt.Should().Be(ResolveDue, "a met deadline does not move");
    }

    [Fact]
    public async Task Clock_SteppingBackWhileAwaitingTheCustomer_NeverMovesDeadlinesEarlier()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingCustomer);
        var before = (await h.Stored(id)).Deadlines.Where(d => d.MetAt is null).ToDictionary(d => d.Kind, d => d.DueAt);

        h.Time.AdjustTime(Harness.Start - TimeSpan.FromHours(2)); // e.g. an NTP correction of a fast host clock
        var resumed = await h.Do(id, Coordinator, new RecordCustomerAcceptance("Fine."));

        before.Should().NotBeEmpty();
        resumed.ClockPausedAt.Should().BeNull();
        resumed.Deadlines.Where(d => before.ContainsKey(d.Kind)).Should().OnlyContain(d => d.DueAt >= before[d.Kind], "a pause is never negative");
        ComplaintReplay.Replay(await h.Journal(id)).Should().BeEquivalentTo(await h.Stored(id), "the journal replays to the stored case");
    }

    [Fact]
    public async Task Extend_ByTheRoleThePolicyNames_MovesTheDeadlineAndRecordsTheReason()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var newDue = new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.Zero);

        var extended = await h.Do(id, GeneralManager, new ExtendDeadline(DeadlineKind.Resolve, newDue, "The supplier's test report takes a week."));

        var resolve = extended.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        (resolve.DueAt, resolve.ExtensionReason).Should().Be((newDue, "The supplier's test report takes a week."));
        resolve.WarnAt.Should().Be(newDue - (ResolveDue - ResolveWarn), "the warning keeps its distance to the due time");
        (await h.Journal(id))[^1].Event.Should().Be(new DeadlineExtended(DeadlineKind.Resolve, ResolveDue, newDue, "The supplier's test report takes a week."));
    }

    [Fact]
    public async Task Extend_ByAManager_IsNotPermittedBecauseThePolicyNamesTheGeneralManager()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, SalesManager, new ExtendDeadline(DeadlineKind.Resolve, ResolveDue.AddDays(2), "Complex."));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("general-manager");
    }

    [Fact]
    public async Task Extend_BeyondThePolicysLimit_NamesTheLimit()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, GeneralManager, new ExtendDeadline(DeadlineKind.Resolve, ResolveDue.AddDays(30), "Complex."));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Single().Message.Should().Contain("2026-03-17");
    }

    [Fact]
    public async Task Extend_DeadlineWithoutLimit_IsRefused()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, GeneralManager, new ExtendDeadline(DeadlineKind.FollowUp, ResolveDue.AddDays(30), "Later."));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Single().Should().Contain("allows to extend");
    }

    [Fact]
    public async Task Breach_RecordedAtExactlyTheDueTime_IsRecorded()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue);

        await h.Do(id, Coordinator, new RecordDeadlineBreach(DeadlineKind.Resolve));

        (await h.Stored(id)).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).BreachedAt.Should().Be(ResolveDue);
    }

    [Fact]
    public async Task Warning_RecordedByHandBeforeItsTime_IsRefusedSayingWhen()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new RecordDeadlineWarning(DeadlineKind.Resolve));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should()
            .Equal($"a Resolve warning that is due and not yet recorded (warn at {ResolveWarn:u})");
    }

    [Fact]
    public async Task Warning_ForADeadlineThePolicyGaveNoWarning_IsRefusedSayingSo()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue.AddDays(10));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new RecordDeadlineWarning(DeadlineKind.FollowUp));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Equal("the FollowUp deadline has no warning");
    }

    [Fact]
    public async Task Warning_ForADeadlineTheCaseDoesNotHave_IsRefusedNamingTheKind()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new RecordDeadlineWarning(DeadlineKind.NotifyResult));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Equal("an open NotifyResult deadline");
    }

    [Fact]
    public async Task Extend_ToExactlyThePolicysLimit_IsAllowed()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var limit = new DateTimeOffset(2026, 3, 17, 0, 0, 0, TimeSpan.Zero);

        var extended = await h.Do(id, GeneralManager, new ExtendDeadline(DeadlineKind.Resolve, limit, "The supplier's test report takes two weeks."));

        extended.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).DueAt.Should().Be(limit);
    }

    [Fact]
    public async Task Extend_ToTheCurrentDueTime_IsNoExtensionAndNamesTheNewDueTime()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, GeneralManager, new ExtendDeadline(DeadlineKind.Resolve, ResolveDue, "Complex."));

        var error = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("NewDueAt");
        error.Message.Should().StartWith($"must be after the current due time {ResolveDue:u}");
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Fact]
    public async Task Extend_AfterTheBreach_IsRefusedSayingOnlyAnUnbreachedDeadlineMayBe()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue + TimeSpan.FromHours(1));
        await h.Do(id, Coordinator, new RecordDeadlineBreach(DeadlineKind.Resolve));

        var act = () => h.Service.ExecuteAsync(id, GeneralManager, new ExtendDeadline(DeadlineKind.Resolve, ResolveDue.AddDays(5), "Complex."));

        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Equal("a Resolve deadline not yet breached");
    }

    private static DeadlineWorker Worker(Harness h, string id = "w1") =>
        new(h.Store, h.Service, h.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = id }));
}
