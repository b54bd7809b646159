namespace Complaints.Ports;

/// <summary>Why a case is on someone's desk (<see cref="DeskQuery"/>); several may hold at once.</summary>
[Flags]
public enum DeskReasons
{
    /// <summary>Not on the desk.</summary>
    None = 0,

    /// <summary>The person handles the case (<see cref="DeskQuery.AssignedTo"/>).</summary>
    Assigned = 1,

    /// <summary>The case waits for an approval by a role the person holds (<see cref="DeskQuery.ApprovalRoles"/>).</summary>
    AwaitingApproval = 2,

    /// <summary>The case was received and waits for triage (<see cref="DeskQuery.AwaitingTriage"/>).</summary>
    AwaitingTriage = 4,

    /// <summary>The case is routed to the person's department and its next deadline has passed (<see cref="DeskQuery.OverdueIn"/>).</summary>
    Overdue = 8,
}

/// <summary>
/// "My desk" for one person, in one paged query: each criterion set adds cases (they are OR-ed), and
/// <see cref="VisibleTo"/> restricts them all. A query with no criterion set finds nothing.
/// Ordered by the next deadline's due time (<see cref="Complaint.NextDeadline"/>), cases without one last,
/// then by receipt time, then by id (ordinal).
/// </summary>
public sealed record DeskQuery
{
    /// <summary>Adds the cases that have not ended (not closed, rejected, redirected or withdrawn) whose named handler is this person.</summary>
    public ActorId? AssignedTo { get; init; }

    /// <summary>Adds the cases in <see cref="ComplaintState.AwaitingApproval"/> whose pending approval step needs one of these roles (compared case-insensitively).</summary>
    public IReadOnlyList<string>? ApprovalRoles { get; init; }

    /// <summary>Adds the cases in <see cref="ComplaintState.Received"/>, waiting for triage.</summary>
    public bool AwaitingTriage { get; init; }

    /// <summary>Adds the cases that have not ended, routed to this department, whose next deadline was due before <see cref="Now"/>.</summary>
    public DepartmentId? OverdueIn { get; init; }

    /// <summary>The instant <see cref="OverdueIn"/> is judged at: a deadline due exactly then is not yet overdue.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>
    /// Only cases this reader may see (as <see cref="ComplaintQuery.VisibleTo"/>); <see langword="null"/> for readers
    /// who see every case.
    /// </summary>
    public CaseVisibility? VisibleTo { get; init; }

    /// <summary>How many cases on the desk to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Skip { get; init; }

    /// <summary>The most cases to return.</summary>
    /// <value>The default value is 50.</value>
    public int Take { get; init; } = 50;

    /// <summary>Why <paramref name="complaint"/> is on this desk (the reference semantics every store must match).</summary>
    /// <param name="complaint">The case.</param>
    /// <returns>The reasons; <see cref="DeskReasons.None"/> if the case is not on the desk.</returns>
    public DeskReasons ReasonsFor(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var reasons = DeskReasons.None;
        if (AssignedTo is { } assignee && !complaint.IsFinal && complaint.Assignee?.Id == assignee)
        {
            reasons |= DeskReasons.Assigned;
        }

        if (ApprovalRoles is { } roles &&
            complaint.State == ComplaintState.AwaitingApproval &&
            complaint.PendingApproval is { } step &&
            roles.Contains(step.Role, StringComparer.OrdinalIgnoreCase))
        {
            reasons |= DeskReasons.AwaitingApproval;
        }

        if (AwaitingTriage && complaint.State == ComplaintState.Received)
        {
            reasons |= DeskReasons.AwaitingTriage;
        }

        if (OverdueIn is { } department &&
            !complaint.IsFinal &&
            complaint.Department == department &&
            complaint.NextDeadline is { } next &&
            next.DueAt < Now)
        {
            reasons |= DeskReasons.Overdue;
        }

        return reasons == DeskReasons.None || VisibleTo is not { } visibility || visibility.CanSee(complaint)
            ? reasons
            : DeskReasons.None;
    }
}

/// <summary>One case on a desk (<see cref="DeskQuery"/>) and why it is there.</summary>
/// <param name="Complaint">The case.</param>
/// <param name="Reasons">Why it is on the desk; never <see cref="DeskReasons.None"/>.</param>
public sealed record DeskItem(Complaint Complaint, DeskReasons Reasons);

/// <summary>A page of a desk (<c>ComplaintService.GetDeskAsync</c>).</summary>
/// <param name="Items">The cases, in desk order; fewer than asked for only if the desk ends in this page.</param>
/// <param name="NextSkip">
/// Where the next page starts (pass it as the next call's <c>skip</c>); <see langword="null"/> when the desk has no more.
/// It counts the store's rows, of which some may be passed over (a case the person is accused in or recused from).
/// </param>
public sealed record DeskPage(IReadOnlyList<DeskItem> Items, int? NextSkip);
