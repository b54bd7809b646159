using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Lifecycle;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>What a command's decision reads: the case, who acts and when, the policy it is decided under, and the calendars.</summary>
internal readonly struct DecisionContext
{
    private readonly IBusinessCalendar _defaultCalendar;
    private readonly BusinessCalendarRegistry _calendars;
    private readonly TimeSpan _reopenWindow;

    public DecisionContext(
        IComplaintPolicy policy, Complaint complaint, Actor actor, DateTimeOffset now,
        IBusinessCalendar defaultCalendar, BusinessCalendarRegistry calendars, TimeSpan reopenWindow)
    {
        Policy = policy;
        Case = complaint;
        Actor = actor;
        Now = now;
        _defaultCalendar = defaultCalendar;
        _calendars = calendars;
        _reopenWindow = reopenWindow;
    }

    /// <summary>The policy the case is decided under.</summary>
    public IComplaintPolicy Policy { get; }

    /// <summary>The case as loaded.</summary>
    public Complaint Case { get; }

    /// <summary>Who issues the command.</summary>
    public Actor Actor { get; }

    /// <summary>The command's time.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The calendar the policy counts deadlines on: the one it names (which must be registered), else the workflow's.</summary>
    /// <exception cref="UnknownCalendarException">The policy names a calendar nobody registered.</exception>
    public IBusinessCalendar Calendar() => Policy.CalendarName is { } name ? _calendars.Get(name) : _defaultCalendar;

    /// <summary>A refusal for a condition the lifecycle's guards do not know, with the actions allowed now.</summary>
    public InvalidTransitionException Refuse(ComplaintAction action, string condition) =>
        new(Case.Id, Case.State, action, LifecycleMachine.For(Case, Now, _reopenWindow, Policy.Lifecycle).AllowedActions(), [condition]);

    /// <summary>The case's open deadline of <paramref name="kind"/>, or a refusal of <paramref name="action"/>.</summary>
    public Deadline OpenDeadline(DeadlineKind kind, ComplaintAction action)
    {
        for (var deadlineIndex = 0; deadlineIndex < Case.Deadlines.Count; deadlineIndex++)
        {
            var deadline = Case.Deadlines[deadlineIndex];
            if (deadline.Kind == kind && deadline.MetAt is null)
            {
                return deadline;
            }
        }

        throw Refuse(action, $"an open {kind} deadline");
    }
}

/// <summary>One trigger to fire and the journal event it records.</summary>
/// <param name="Trigger">The lifecycle trigger.</param>
/// <param name="Event">The event the entry records.</param>
internal readonly record struct Step(Trigger Trigger, ComplaintEvent Event);
