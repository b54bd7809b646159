using System.Collections.Concurrent;
using Complaints.Policy;
using Stateless;
using static Complaints.ComplaintState;
using static Complaints.Workflow.Lifecycle.LifecycleConditions;

namespace Complaints.Workflow.Lifecycle;

/// <summary>
/// The lifecycle as a Stateless machine over one case. Its guards read only <see cref="LifecycleConditions"/>: facts about the
/// case and the command's time, worked out once when the machine is pointed at the case. So Stateless's answer to
/// "may this trigger fire, and where does it lead" depends only on (state, trigger, conditions), and the command path
/// asks Stateless each such question once per process and remembers the answer (<see cref="Answers"/>): configuring
/// the machine and asking it cost about 1 KB of delegates, iterators and boxed states per question, which a
/// remembered answer does not. <see cref="For"/> gives each thread one machine, configured once and pointed at the
/// case at hand (Stateless is not thread-safe; the command path uses a machine only between two awaits).
/// </summary>
internal sealed class LifecycleMachine
{
    [ThreadStatic]
    private static LifecycleMachine? t_reused;

    private LifecycleConditions _conditions;
    private ComplaintState _state;

    /// <summary>A machine of its own over <paramref name="complaint"/> (for describing the lifecycle, and tests).</summary>
    public LifecycleMachine(Complaint complaint, DateTimeOffset now, TimeSpan reopenWindow, LifecycleSettings? settings = null)
        : this(complaint.State, CaseConditions.Of(complaint, now, reopenWindow, settings))
    {
    }

    /// <summary>A machine of its own in <paramref name="state"/> with <paramref name="conditions"/> (for tests).</summary>
    internal LifecycleMachine(ComplaintState state, LifecycleConditions conditions)
    {
        _state = state;
        _conditions = conditions;
        Machine = new StateMachine<ComplaintState, Trigger>(() => _state, s => _state = s);
        Configure(Machine);
    }

    /// <summary>Points the machine at another state and conditions (for tests).</summary>
    internal void PointAt(ComplaintState state, LifecycleConditions conditions)
    {
        _state = state;
        _conditions = conditions;
    }

    /// <summary>
    /// This thread's machine, pointed at <paramref name="complaint"/> under its policy's lifecycle <paramref name="settings"/>:
    /// valid until the next call on the same thread. Use it synchronously (no await while holding it).
    /// </summary>
    public static LifecycleMachine For(Complaint complaint, DateTimeOffset now, TimeSpan reopenWindow, LifecycleSettings? settings = null)
    {
        if (t_reused is not { } machine)
        {
            return t_reused = new LifecycleMachine(complaint, now, reopenWindow, settings);
        }

        machine._state = complaint.State;
        machine._conditions = CaseConditions.Of(complaint, now, reopenWindow, settings);
        return machine;
    }

    public StateMachine<ComplaintState, Trigger> Machine { get; }

    public ComplaintState State => _state;

    /// <summary>Whether the trigger can fire now; if not, the conditions that are unmet (empty when the state has no such transition).</summary>
    public bool CanFire(Trigger trigger, out IReadOnlyList<string> unmetConditions)
    {
        var answer = Answer(trigger);
        unmetConditions = answer.Unmet;
        return answer.Allowed;
    }

    /// <summary>The commands allowed now, in lifecycle order.</summary>
    public IReadOnlyList<Commands.ComplaintAction> AllowedActions() =>
        AllTriggers.Where(t => Answer(t).Allowed).Select(t => t.ToAction()).Distinct().Order().ToArray();

    private static readonly Trigger[] AllTriggers = Enum.GetValues<Trigger>();

    private static Tuple<Func<bool>, string> Guard(Func<bool> guard, string description) => Tuple.Create(guard, description);

    /// <summary>Fires the trigger and returns the state it leads to.</summary>
    /// <exception cref="InvalidOperationException">The trigger cannot fire now (as Stateless reports it).</exception>
    public ComplaintState Fire(Trigger trigger)
    {
        var answer = Answer(trigger);
        if (!answer.Allowed)
        {
            // Let Stateless report it, in its own words.
            Machine.Fire(trigger);
        }

        return _state = answer.Destination;
    }

    /// <summary>Stateless's answer for this state, trigger and conditions, asked once per process.</summary>
    private LifecycleAnswer Answer(Trigger trigger)
    {
        var key = (_state, trigger, _conditions);
        return Answers.TryGetValue(key, out var known) ? known : Ask(trigger, key);
    }

    private LifecycleAnswer Ask(Trigger trigger, (ComplaintState, Trigger, LifecycleConditions) key)
    {
        var source = _state;
        LifecycleAnswer answer;
        if (Machine.CanFire(trigger, out var unmet))
        {
            Machine.Fire(trigger);
            answer = new LifecycleAnswer(true, _state, []);
            _state = source;
        }
        else
        {
            // Stateless reports null (not empty) when the state has no transition for the trigger.
            answer = new LifecycleAnswer(false, source, unmet?.ToArray() ?? []);
        }

        // The questions are few (states × triggers × the combinations of conditions cases actually show); the
        // bound only guards against an unforeseen explosion, after which Stateless is simply asked every time.
        if (Answers.Count < MaxAnswers)
        {
            Answers.TryAdd(key, answer);
        }

        return answer;
    }

    private const int MaxAnswers = 1 << 16;

    /// <summary>Stateless's answers so far, by state, trigger and conditions.</summary>
    internal static readonly ConcurrentDictionary<(ComplaintState State, Trigger Trigger, LifecycleConditions Conditions), LifecycleAnswer> Answers = new();

    private bool Has(LifecycleConditions condition) => (_conditions & condition) != 0;

    private void Configure(StateMachine<ComplaintState, Trigger> m)
    {
        m.Configure(Received)
            .InternalTransitionIf(Trigger.ConfirmReadBack, _ => Has(NotReadBackYet), _ => { }, "not confirmed yet")
            .PermitIf(Trigger.Accept, Triaged, () => Has(ReadBackDone), "oral record read back and confirmed")
            .Permit(Trigger.Reject, Rejected)
            .Permit(Trigger.Redirect, Redirected)
            .Permit(Trigger.ResolveOnSpot, Closed)
            .Permit(Trigger.Withdraw, Withdrawn);

        m.Configure(Open)
            .InternalTransitionIf(Trigger.Escalate, _ => true, _ => { }, "level + 1")
            .InternalTransitionIf(Trigger.RecordEmergencyMeeting, _ => Has(MeetingNeeded), _ => { }, "a tier that needs an emergency meeting, without one yet")
            .InternalTransitionIf(Trigger.AssessAccountability, _ => true, _ => { }, "sanctions recorded")
            .InternalTransitionIf(Trigger.RecordDeadlineWarning, _ => Has(ClockRuns), _ => { }, "the SLA clock runs")
            .InternalTransitionIf(Trigger.RecordDeadlineBreach, _ => Has(ClockRuns), _ => { }, "the SLA clock runs")
            .InternalTransitionIf(Trigger.ExtendDeadline, _ => Has(HasOpenDeadline), _ => { }, "an open deadline")
            .InternalTransitionIf(Trigger.ReplanDeadlines, _ => Has(HasProvisionalDeadline), _ => { }, "an open provisional deadline")
            .Permit(Trigger.Withdraw, Withdrawn);

        m.Configure(Triaged)
            .SubstateOf(Open)
            .Permit(Trigger.Assign, Assigned);

        m.Configure(Assigned)
            .SubstateOf(Open)
            .Permit(Trigger.StartInvestigation, Investigating)
            .Permit(Trigger.Recuse, Triaged)
            .PermitReentry(Trigger.Reassign);

        m.Configure(Investigating)
            .SubstateOf(Open)
            .InternalTransitionIf(Trigger.AddEvidence, _ => true, _ => { }, "evidence on file")
            .InternalTransitionIf(Trigger.HearAccused, _ => Has(HasAccusedStaff), _ => { }, "a staff member is accused")
            .InternalTransitionIf(Trigger.RecordFindings, _ => Has(AccusedHeardIfAny), _ => { }, "the accused heard first")
            .PermitIf(
                Trigger.ProposeForApproval,
                AwaitingApproval,
                Guard(() => Has(HasFindings), "findings recorded"),
                Guard(() => Has(MeetingHeldIfMajor), "emergency meeting held (if its tier needs one)"))
            .PermitIf(
                Trigger.ProposeWithinAuthority,
                Approved,
                Guard(() => Has(HasFindings), "findings recorded"),
                Guard(() => Has(MeetingHeldIfMajor), "emergency meeting held (if its tier needs one)"))
            .Permit(Trigger.Recuse, Triaged)
            .Permit(Trigger.Reassign, Assigned);

        m.Configure(AwaitingApproval)
            .SubstateOf(Open)
            .InternalTransitionIf(Trigger.ApproveStep, _ => Has(SeveralApprovalsLeft), _ => { }, "more steps after this one")
            .PermitIf(Trigger.ApproveFinal, Approved, () => Has(OneApprovalLeft), "last approval step")
            .Permit(Trigger.DeclineApproval, Investigating);

        m.Configure(Approved)
            .SubstateOf(Open)
            .Permit(Trigger.CommunicateDecision, AwaitingCustomer);

        m.Configure(AwaitingCustomer)
            .SubstateOf(Open)
            .Permit(Trigger.CustomerAccepts, Implementing)
            .Permit(Trigger.CustomerRejects, Investigating);

        m.Configure(Implementing)
            .SubstateOf(Open)
            .Permit(Trigger.CompleteImplementation, FollowUp);

        m.Configure(FollowUp)
            .SubstateOf(Open)
            .InternalTransitionIf(Trigger.RecordFollowUp, _ => true, _ => { }, "satisfaction recorded")
            .PermitIf(Trigger.Close, Closed, () => Has(FollowedUpSinceImplementation), "a follow-up recorded");

        m.Configure(Closed)
            .InternalTransitionIf(Trigger.AssessAccountability, _ => true, _ => { }, "sanctions recorded")
            .PermitIf(
                Trigger.Reopen,
                Investigating,
                Guard(() => Has(WithinReopenWindow), "within the reopen window"),
                Guard(() => Has(HasHandler), "a handler"))
            .PermitIf(
                Trigger.ReopenUnassigned,
                Received,
                Guard(() => Has(WithinReopenWindow), "within the reopen window"),
                Guard(() => !Has(HasHandler), "no handler (settled on the spot)"));

        m.Configure(Rejected);
        m.Configure(Redirected);
        m.Configure(Withdrawn);
        ConfigureHolds(m);
    }

    /// <summary>
    /// Product holds: placed while the case is received, handled or closed (a case settled on the spot is closed at
    /// once, and the same kind of food is checked after); released in any state, as the food stays held until
    /// someone records the check, whatever became of the case.
    /// </summary>
    private void ConfigureHolds(StateMachine<ComplaintState, Trigger> m)
    {
        foreach (var state in (ReadOnlySpan<ComplaintState>)[Received, Open, Closed])
        {
            m.Configure(state).InternalTransitionIf(Trigger.PlaceHold, _ => true, _ => { }, "hold recorded");
        }

        foreach (var state in (ReadOnlySpan<ComplaintState>)[Received, Open, Closed, Rejected, Redirected, Withdrawn])
        {
            m.Configure(state).InternalTransitionIf(Trigger.ReleaseHold, _ => Has(HasActiveHold), _ => { }, "an active product hold");
        }
    }
}
