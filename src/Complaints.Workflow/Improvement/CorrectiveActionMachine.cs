using Complaints.Improvement;
using Stateless;
using static Complaints.Improvement.CorrectiveActionState;

namespace Complaints.Workflow.Improvement;

/// <summary>
/// The lifecycle of a corrective or preventive action as a Stateless machine over one state (built per command; Stateless
/// is not thread-safe). Its triggers are the operations; its only guard is whether the running deadline still has an alarm
/// to record, which the service checks before firing.
/// </summary>
internal sealed class CorrectiveActionMachine
{
    private CorrectiveActionState _state;

    public CorrectiveActionMachine(CorrectiveActionState state)
    {
        _state = state;
        Machine = new StateMachine<CorrectiveActionState, CorrectiveActionOperation>(() => _state, s => _state = s);
        Configure(Machine);
    }

    public StateMachine<CorrectiveActionState, CorrectiveActionOperation> Machine { get; }

    public CorrectiveActionState State => _state;

    /// <summary>The operations allowed now, in declaration order.</summary>
    public IReadOnlyList<CorrectiveActionOperation> Allowed() => [.. Enum.GetValues<CorrectiveActionOperation>().Where(Machine.CanFire)];

    /// <summary>Where <paramref name="operation"/> leads from the current state; <see langword="null"/> if it is not allowed.</summary>
    public CorrectiveActionState? Target(CorrectiveActionOperation operation)
    {
        if (!Machine.CanFire(operation))
        {
            return null;
        }

        Machine.Fire(operation);
        return _state;
    }

    /// <summary>The state an action starts in: awaiting approval if the policy requires one, else open.</summary>
    public static CorrectiveActionState Initial(bool needsApproval) => needsApproval ? AwaitingApproval : Open;

    /// <summary>What the verification found; read by the guards of <see cref="CorrectiveActionOperation.Verify"/>.</summary>
    public bool Effective { get; set; }

    private void Configure(StateMachine<CorrectiveActionState, CorrectiveActionOperation> m)
    {
        m.Configure(AwaitingApproval)
            .Permit(CorrectiveActionOperation.Approve, Open)
            .Permit(CorrectiveActionOperation.Decline, Declined)
            .Permit(CorrectiveActionOperation.Cancel, Cancelled)
            .PermitReentry(CorrectiveActionOperation.RecordProgress)
            .PermitReentry(CorrectiveActionOperation.RecordDeadlineWarning)
            .PermitReentry(CorrectiveActionOperation.RecordDeadlineBreach);
        m.Configure(Open)
            .Permit(CorrectiveActionOperation.Complete, Completed)
            .Permit(CorrectiveActionOperation.Cancel, Cancelled)
            .PermitReentry(CorrectiveActionOperation.RecordProgress)
            .PermitReentry(CorrectiveActionOperation.RecordDeadlineWarning)
            .PermitReentry(CorrectiveActionOperation.RecordDeadlineBreach);
        // Verification has two outcomes: the service finds effectiveness first (the count, or the verifier's judgement).
        m.Configure(Completed)
            .PermitIf(CorrectiveActionOperation.Verify, Verified, () => Effective, "effective")
            .PermitIf(CorrectiveActionOperation.Verify, Ineffective, () => !Effective, "ineffective")
            .PermitReentry(CorrectiveActionOperation.RecordProgress)
            .PermitReentry(CorrectiveActionOperation.RecordDeadlineWarning)
            .PermitReentry(CorrectiveActionOperation.RecordDeadlineBreach);
        m.Configure(Verified);
        m.Configure(Ineffective);
        m.Configure(Declined);
        m.Configure(Cancelled);
    }
}
