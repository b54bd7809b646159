namespace Complaints.Improvement;

/// <summary>A filter over corrective and preventive actions; every criterion set must hold. Pages are ordered by <see cref="CorrectiveAction.CreatedAt"/>, then id.</summary>
public sealed record CorrectiveActionQuery
{
    /// <summary>The states of an action still running: awaiting approval, open or completed (awaiting verification).</summary>
    public static IReadOnlyList<CorrectiveActionState> RunningStates { get; } =
        [CorrectiveActionState.AwaitingApproval, CorrectiveActionState.Open, CorrectiveActionState.Completed];

    /// <summary>Only actions in one of these states.</summary>
    public IReadOnlyList<CorrectiveActionState>? States { get; init; }

    /// <summary>Only actions of this kind.</summary>
    public CorrectiveActionKind? Kind { get; init; }

    /// <summary>Only actions this person owns.</summary>
    public ActorId? Owner { get; init; }

    /// <summary>Only actions of this department.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>Only actions that arise from this case.</summary>
    public ComplaintId? Case { get; init; }

    /// <summary>Only actions addressing one of these root causes.</summary>
    public IReadOnlyList<RootCause>? RootCauses { get; init; }

    /// <summary>Only actions whose running deadline (<see cref="CorrectiveAction.NextDueAt"/>) is due before this time (overdue, when it is now).</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Only actions proposed at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only actions proposed before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>How many matches to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Skip { get; init; }

    /// <summary>The most matches to return.</summary>
    /// <value>The default value is 100.</value>
    public int Take { get; init; } = 100;

    /// <summary>Whether <paramref name="action"/> meets every criterion (the reference semantics every store must match).</summary>
    /// <param name="action">The action.</param>
    /// <returns><see langword="true"/> if it matches.</returns>
    public bool Matches(CorrectiveAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return (States is not { } states || states.Contains(action.State))
            && (Kind is not { } kind || action.Kind == kind)
            && (Owner is not { } owner || action.Owner == owner)
            && (Department is not { } department || action.Department == department)
            && (Case is not { } @case || action.Cases.Contains(@case))
            && (RootCauses is not { } causes || causes.Contains(action.RootCause))
            && (DueBefore is not { } due || (action.NextDueAt is { } next && next < due))
            && (CreatedFrom is not { } from || action.CreatedAt >= from)
            && (CreatedTo is not { } to || action.CreatedAt < to);
    }
}
