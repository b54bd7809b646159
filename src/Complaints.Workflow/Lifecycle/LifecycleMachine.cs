using Stateless;
using static Complaints.ComplaintState;

namespace Complaints.Workflow.Lifecycle;

/// <summary>
/// The lifecycle as a Stateless machine over one case. Guards read only data already on the case, plus the command's
/// time. Configuring the machine is most of its cost (about 28 KB of delegates and state representations), so the
/// command path uses <see cref="For"/>: one machine per thread, configured once and pointed at the case at hand
/// (Stateless is not thread-safe, and the command path uses a machine only between two awaits).
/// </summary>
internal sealed class LifecycleMachine
{
    [ThreadStatic]
    private static LifecycleMachine? t_reused;

    private Complaint _complaint;
    private DateTimeOffset _now;
    private TimeSpan _reopenWindow;
    private ComplaintState _state;

    /// <summary>A machine of its own over <paramref name="complaint"/> (for describing the lifecycle, and tests).</summary>
    public LifecycleMachine(Complaint complaint, DateTimeOffset now, TimeSpan reopenWindow)
    {
        _complaint = complaint;
        _now = now;
        _reopenWindow = reopenWindow;
        _state = complaint.State;
        Machine = new StateMachine<ComplaintState, Trigger>(() => _state, s => _state = s);
        Configure(Machine);
    }

    /// <summary>
    /// This thread's machine, pointed at <paramref name="complaint"/>: valid until the next call on the same thread.
    /// Use it synchronously (no await while holding it).
    /// </summary>
    public static LifecycleMachine For(Complaint complaint, DateTimeOffset now, TimeSpan reopenWindow)
    {
        if (t_reused is not { } machine)
        {
            return t_reused = new LifecycleMachine(complaint, now, reopenWindow);
        }

        machine._complaint = complaint;
        machine._now = now;
        machine._reopenWindow = reopenWindow;
        machine._state = complaint.State;
        return machine;
    }

    public StateMachine<ComplaintState, Trigger> Machine { get; }

    public ComplaintState State => _state;

    /// <summary>Whether the trigger can fire now; if not, the conditions that are unmet (empty when the state has no such transition).</summary>
    public bool CanFire(Trigger trigger, out IReadOnlyList<string> unmetConditions)
    {
        // Stateless reports null (not empty) when the state has no transition for the trigger.
        var ok = Machine.CanFire(trigger, out var unmet);
        unmetConditions = unmet?.ToArray() ?? [];
        return ok;
    }

    /// <summary>The commands allowed now, in lifecycle order.</summary>
    public IReadOnlyList<Commands.ComplaintAction> AllowedActions() =>
        AllTriggers.Where(t => Machine.CanFire(t)).Select(t => t.ToAction()).Distinct().Order().ToArray();

    private static readonly Trigger[] AllTriggers = Enum.GetValues<Trigger>();

    private static Tuple<Func<bool>, string> Guard(Func<bool> guard, string description) => Tuple.Create(guard, description);

    /// <summary>Fires the trigger and returns the state it leads to.</summary>
    public ComplaintState Fire(Trigger trigger)
    {
        Machine.Fire(trigger);
        return _state;
    }

    private bool ReadBackDone => !_complaint.Intake.Channel.IsOral() || _complaint.ReadBack is not null;

    private bool NotReadBackYet => _complaint.ReadBack is null;

    private bool HasAccusedStaff => _complaint.Intake.Subject.StaffId is not null || _complaint.Intake.Subject.Kind == SubjectKind.StaffMember;

    private bool AccusedHeardIfAny => !HasAccusedStaff || _complaint.AccusedStatement is not null;

    private bool HasFindings => _complaint.Findings is not null;

    private bool IsMajor => _complaint.Severity == Severity.Major;

    private bool MeetingHeldIfMajor => !IsMajor || _complaint.EmergencyMeeting is not null;

    private bool MeetingNeeded => IsMajor && _complaint.EmergencyMeeting is null;

    private bool OneApprovalLeft => _complaint.Approvals.Count(s => s.ApprovedBy is null) == 1;

    private bool SeveralApprovalsLeft => _complaint.Approvals.Count(s => s.ApprovedBy is null) > 1;

    private bool FollowedUpSinceImplementation =>
        _complaint.FollowUps.Any(f => _complaint.ImplementedAt is null || f.At >= _complaint.ImplementedAt);

    private bool WithinReopenWindow => _complaint.ClosedAt is { } closed && _now <= closed + _reopenWindow;

    private bool HasHandler => _complaint.Assignee is not null;

    private bool ClockRuns => _complaint.ClockPausedAt is null && HasOpenDeadline;

    private bool HasOpenDeadline => _complaint.Deadlines.Any(d => d.MetAt is null);

    private void Configure(StateMachine<ComplaintState, Trigger> m)
    {
        m.Configure(Received)
            .InternalTransitionIf(Trigger.ConfirmReadBack, _ => NotReadBackYet, _ => { }, "not confirmed yet")
            .PermitIf(Trigger.Accept, Triaged, () => ReadBackDone, "oral record read back and confirmed")
            .Permit(Trigger.Reject, Rejected)
            .Permit(Trigger.Redirect, Redirected)
            .Permit(Trigger.ResolveOnSpot, Closed)
            .Permit(Trigger.Withdraw, Withdrawn);

        m.Configure(Open)
            .InternalTransitionIf(Trigger.Escalate, _ => true, _ => { }, "level + 1")
            .InternalTransitionIf(Trigger.RecordEmergencyMeeting, _ => MeetingNeeded, _ => { }, "a major complaint without a meeting yet")
            .InternalTransitionIf(Trigger.AssessAccountability, _ => true, _ => { }, "sanctions recorded")
            .InternalTransitionIf(Trigger.RecordDeadlineWarning, _ => ClockRuns, _ => { }, "the SLA clock runs")
            .InternalTransitionIf(Trigger.RecordDeadlineBreach, _ => ClockRuns, _ => { }, "the SLA clock runs")
            .InternalTransitionIf(Trigger.ExtendDeadline, _ => HasOpenDeadline, _ => { }, "an open deadline")
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
            .InternalTransitionIf(Trigger.HearAccused, _ => HasAccusedStaff, _ => { }, "a staff member is accused")
            .InternalTransitionIf(Trigger.RecordFindings, _ => AccusedHeardIfAny, _ => { }, "the accused heard first")
            .PermitIf(
                Trigger.ProposeForApproval,
                AwaitingApproval,
                Guard(() => HasFindings, "findings recorded"),
                Guard(() => MeetingHeldIfMajor, "emergency meeting held (major)"))
            .PermitIf(
                Trigger.ProposeWithinAuthority,
                Approved,
                Guard(() => HasFindings, "findings recorded"),
                Guard(() => MeetingHeldIfMajor, "emergency meeting held (major)"))
            .Permit(Trigger.Recuse, Triaged)
            .Permit(Trigger.Reassign, Assigned);

        m.Configure(AwaitingApproval)
            .SubstateOf(Open)
            .InternalTransitionIf(Trigger.ApproveStep, _ => SeveralApprovalsLeft, _ => { }, "more steps after this one")
            .PermitIf(Trigger.ApproveFinal, Approved, () => OneApprovalLeft, "last approval step")
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
            .PermitIf(Trigger.Close, Closed, () => FollowedUpSinceImplementation, "a follow-up recorded");

        m.Configure(Closed)
            .InternalTransitionIf(Trigger.AssessAccountability, _ => true, _ => { }, "sanctions recorded")
            .PermitIf(
                Trigger.Reopen,
                Investigating,
                Guard(() => WithinReopenWindow, "within the reopen window"),
                Guard(() => HasHandler, "a handler"))
            .PermitIf(
                Trigger.ReopenUnassigned,
                Received,
                Guard(() => WithinReopenWindow, "within the reopen window"),
                Guard(() => !HasHandler, "no handler (settled on the spot)"));

        m.Configure(Rejected);
        m.Configure(Redirected);
        m.Configure(Withdrawn);
    }
}
