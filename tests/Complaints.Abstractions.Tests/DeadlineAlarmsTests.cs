using Complaints.Ports;

namespace Complaints.Abstractions.Tests;

/// <summary>The one rule of which deadline alarms are due, and when each deadline's next one falls, that every store's claims follow.</summary>
public sealed class DeadlineAlarmsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Desk = new(new ActorId("desk"), "Desk", []);

    [Fact]
    public void Due_BeforeTheWarning_Nothing_ThenTheWarning_ThenTheBreachInsteadOfIt()
    {
        var c = Case(Open(DeadlineKind.Resolve, due: T0.AddDays(5), warn: T0.AddDays(4)));

        DeadlineAlarms.Due(c, T0.AddDays(4).AddTicks(-1)).Should().BeEmpty();
        DeadlineAlarms.Due(c, T0.AddDays(4)).Should().Equal(new DueDeadline(c.Id, DeadlineKind.Resolve, DeadlineAlarm.Warning, T0.AddDays(4)));
        DeadlineAlarms.Due(c, T0.AddDays(5)).Should().Equal(new DueDeadline(c.Id, DeadlineKind.Resolve, DeadlineAlarm.Breach, T0.AddDays(5)));
        DeadlineAlarms.Schedule(c).Single().NextAt.Should().Be(T0.AddDays(4));
    }

    [Fact]
    public void Due_WarningGivenAlready_OnlyTheBreachIsToCome()
    {
        var c = Case(Open(DeadlineKind.Resolve, due: T0.AddDays(5), warn: T0.AddDays(4)) with { WarnedAt = T0.AddDays(4) });

        DeadlineAlarms.Due(c, T0.AddDays(4).AddHours(1)).Should().BeEmpty();
        DeadlineAlarms.FirstAt(c).Should().Be(T0.AddDays(5), "the breach is the next alarm once the warning was given");
        DeadlineAlarms.Schedule(c).Single().Should().Be(new DeadlineAlarmTimes(0, DeadlineKind.Resolve, null, T0.AddDays(5)));
    }

    [Fact]
    public void Schedule_WarningAtOrAfterTheDueTime_NeverWarns()
    {
        var c = Case(Open(DeadlineKind.Resolve, due: T0.AddDays(5), warn: T0.AddDays(5)));

        DeadlineAlarms.Schedule(c).Single().WarningAt.Should().BeNull();
        DeadlineAlarms.Due(c, T0.AddDays(6)).Select(d => d.Alarm).Should().Equal(DeadlineAlarm.Breach);
    }

    [Fact]
    public void Schedule_MetBreachedEndedOrPaused_RaisesNothing()
    {
        var open = Open(DeadlineKind.Resolve, due: T0.AddDays(5), warn: T0.AddDays(4));
        var far = T0.AddYears(1);

        DeadlineAlarms.Due(Case(open with { MetAt = T0 }), far).Should().BeEmpty();
        DeadlineAlarms.Due(Case(open with { BreachedAt = T0.AddDays(5) }), far).Should().BeEmpty();
        DeadlineAlarms.Due(Case(open) with { State = ComplaintState.Closed }, far).Should().BeEmpty();
        DeadlineAlarms.Due(Case(open) with { ClockPausedAt = T0 }, far).Should().BeEmpty();
        DeadlineAlarms.ClockRuns(Case(open) with { ClockPausedAt = T0 }).Should().BeFalse();
        DeadlineAlarms.Schedule(Case(open) with { ClockPausedAt = T0 }).Should().Equal(new DeadlineAlarmTimes(0, DeadlineKind.Resolve, null, null));
        DeadlineAlarms.FirstAt(DeadlineAlarms.Schedule(Case(open) with { ClockPausedAt = T0 })).Should().BeNull();
        DeadlineAlarms.FirstAt(Case(open) with { ClockPausedAt = T0 }).Should().BeNull();
        DeadlineAlarms.FirstAt(Case(open with { MetAt = T0 })).Should().BeNull();
    }

    [Fact]
    public void FirstAt_SeveralDeadlines_IsTheEarliestAlarmOfAny()
    {
        var c = Case(
            Open(DeadlineKind.Resolve, due: T0.AddDays(10), warn: T0.AddDays(8)),
            Open(DeadlineKind.Acknowledge, due: T0.AddDays(1), warn: null));

        var schedule = DeadlineAlarms.Schedule(c);

        schedule.Select(s => s.Position).Should().Equal(0, 1);
        DeadlineAlarms.FirstAt(schedule).Should().Be(T0.AddDays(1));
        DeadlineAlarms.FirstAt(c).Should().Be(T0.AddDays(1), "the case's first alarm is its rows' first");
        DeadlineAlarms.Due(c, T0.AddDays(9)).Select(d => (d.Kind, d.Alarm)).Should().Equal(
            (DeadlineKind.Resolve, DeadlineAlarm.Warning), (DeadlineKind.Acknowledge, DeadlineAlarm.Breach));
    }

    [Fact]
    public void EveryRule_WithoutACaseOrRows_IsRefusedNamingTheArgument()
    {
        var checks = new (Action Call, string Parameter)[]
        {
            (() => DeadlineAlarms.ClockRuns(null!), "complaint"),
            (() => DeadlineAlarms.Schedule(null!), "complaint"),
            (() => DeadlineAlarms.FirstAt((Complaint)null!), "complaint"),
            (() => DeadlineAlarms.FirstAt((IReadOnlyList<DeadlineAlarmTimes>)null!), "schedule"),
            (() => DeadlineAlarms.Due(null!, T0), "complaint"),
            (() => DeadlineAlarms.Due(ComplaintId.New(T0), null!, T0), "schedule"),
        };

        foreach (var (call, parameter) in checks)
        {
            call.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be(parameter);
        }
    }

    [Fact]
    public void Schedule_ACaseWithoutDeadlines_HasNoRowsAndNoAlarm()
    {
        var c = Case();

        DeadlineAlarms.Schedule(c).Should().BeEmpty();
        DeadlineAlarms.FirstAt(c).Should().BeNull();
        DeadlineAlarms.Due(c, T0.AddYears(1)).Should().BeEmpty();
    }

    private static Deadline Open(DeadlineKind kind, DateTimeOffset due, DateTimeOffset? warn) => new(kind, due, "rule", "cn") { WarnAt = warn };

    private static Complaint Case(params Deadline[] deadlines) => new()
    {
        Id = ComplaintId.New(T0),
        Version = 1,
        State = ComplaintState.Investigating,
        Intake = new(ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Product, "Pads"), "Squeaks."),
        ReceivedAt = T0,
        ReceivedBy = Desk,
        Policy = new PolicyRef("test", "1"),
        UpdatedAt = T0,
        Deadlines = deadlines,
    };
}
