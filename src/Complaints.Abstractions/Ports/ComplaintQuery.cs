namespace Complaints.Ports;

/// <summary>A filter over cases; every criterion set must hold. The criteria a complaint desk needs.</summary>
public sealed record ComplaintQuery
{
    /// <summary>The states of a case being handled (the <see cref="ComplaintState.Open"/> superstate's substates), for <see cref="States"/>.</summary>
    public static IReadOnlyList<ComplaintState> OpenStates { get; } =
    [
        ComplaintState.Triaged, ComplaintState.Assigned, ComplaintState.Investigating, ComplaintState.AwaitingApproval,
        ComplaintState.Approved, ComplaintState.AwaitingCustomer, ComplaintState.Implementing, ComplaintState.FollowUp,
    ];

    /// <summary>Only cases in one of these states (a superstate such as <see cref="ComplaintState.Open"/> is not stored; list its substates).</summary>
    public IReadOnlyList<ComplaintState>? States { get; init; }

    /// <summary>Only cases whose severity tier (decided at triage) is one of these; a case not yet classified has none and never matches.</summary>
    public IReadOnlyList<Severity>? Severities { get; init; }

    /// <summary>Only cases whose category (decided at triage) is one of these, compared ordinally; a case not yet classified has none and never matches.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Only cases whose named handler is this person.</summary>
    public ActorId? Assignee { get; init; }

    /// <summary>Only cases routed to this department.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>Only cases whose pending approval step needs this role.</summary>
    public string? AwaitingApprovalByRole { get; init; }

    /// <summary>Only cases with an unmet deadline due before this time (overdue, when it is now).</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Only cases received at or after this time.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Only cases received before this time.</summary>
    public DateTimeOffset? ReceivedTo { get; init; }

    /// <summary>
    /// Only cases this reader may see: those they received or handle, those of their department, and those
    /// waiting for an approval by a role they hold. <see langword="null"/> for readers who see every case.
    /// </summary>
    public CaseVisibility? VisibleTo { get; init; }

    /// <summary>
    /// Only cases with (<see langword="true"/>) or without (<see langword="false"/>) a product hold still in force
    /// (<see cref="Complaint.HasActiveHold"/>), in any state: a hold outlives the case's handling.
    /// </summary>
    public bool? HasActiveHold { get; init; }

    /// <summary>
    /// Only cases with an active hold on this product (<see cref="ProductHold.Product"/>), compared ordinally after
    /// trimming surrounding white space; released holds do not match.
    /// </summary>
    public string? HeldProduct { get; init; }

    /// <summary>How many matches to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Skip { get; init; }

    /// <summary>The most matches to return.</summary>
    /// <value>The default value is 100.</value>
    public int Take { get; init; } = 100;

    /// <summary>Whether <paramref name="complaint"/> meets every criterion (the reference semantics every store must match).</summary>
    /// <param name="complaint">The case.</param>
    /// <returns><see langword="true"/> if it matches.</returns>
    public bool Matches(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (States is { } states && !states.Contains(complaint.State))
        {
            return false;
        }

        if (Severities is { } severities && !(complaint.Severity is { } severity && severities.Contains(severity)))
        {
            return false;
        }

        if (Categories is { } categories && !(complaint.Category is { } category && categories.Contains(category, StringComparer.Ordinal)))
        {
            return false;
        }

        if (Assignee is { } assignee && complaint.Assignee?.Id != assignee)
        {
            return false;
        }

        if (Department is { } department && complaint.Department != department)
        {
            return false;
        }

        if (AwaitingApprovalByRole is { } role &&
            (complaint.State != ComplaintState.AwaitingApproval ||
             !string.Equals(complaint.PendingApproval?.Role, role, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (DueBefore is { } due && !(complaint.NextDeadline is { } next && next.DueAt < due))
        {
            return false;
        }

        if (ReceivedFrom is { } from && complaint.ReceivedAt < from)
        {
            return false;
        }

        if (ReceivedTo is { } to && complaint.ReceivedAt >= to)
        {
            return false;
        }

        if (HasActiveHold is { } held && complaint.HasActiveHold != held)
        {
            return false;
        }

        if (HeldProduct is { } product && !HoldsActive(complaint, product.Trim()))
        {
            return false;
        }

        return VisibleTo is not { } visibility || visibility.CanSee(complaint);
    }

    private static bool HoldsActive(Complaint complaint, string product)
    {
        foreach (var hold in complaint.Holds)
        {
            if (hold.IsActive && string.Equals(hold.Product, product, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Who a restricted reader is, for <see cref="ComplaintQuery.VisibleTo"/>.</summary>
/// <param name="Actor">The reader.</param>
/// <param name="Department">The reader's department, if any.</param>
/// <param name="Roles">The reader's roles.</param>
public sealed record CaseVisibility(ActorId Actor, DepartmentId? Department, IReadOnlyList<string> Roles)
{
    /// <summary>Whether the reader may see <paramref name="complaint"/>.</summary>
    /// <param name="complaint">The case.</param>
    /// <returns><see langword="true"/> if visible.</returns>
    public bool CanSee(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.ReceivedBy.Id == Actor || complaint.Assignee?.Id == Actor)
        {
            return true;
        }

        if (Department is { } department && complaint.Department == department)
        {
            return true;
        }

        return complaint.State == ComplaintState.AwaitingApproval &&
               complaint.PendingApproval is { } step &&
               Roles.Contains(step.Role, StringComparer.OrdinalIgnoreCase);
    }
}
