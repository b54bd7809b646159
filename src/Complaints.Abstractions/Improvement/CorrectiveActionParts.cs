namespace Complaints.Improvement;

/// <summary>Where a corrective or preventive action stands.</summary>
public enum CorrectiveActionState
{
    /// <summary>Proposed; waits for the approval the policy requires (dealership: the general manager).</summary>
    AwaitingApproval,

    /// <summary>Approved (or needing no approval) and being carried out by its owner.</summary>
    Open,

    /// <summary>Carried out; its effectiveness is checked once the verification period has passed.</summary>
    Completed,

    /// <summary>Checked and found effective: the cause did not recur. Final.</summary>
    Verified,

    /// <summary>Checked and found ineffective: the cause recurred. Final; a new action may be proposed.</summary>
    Ineffective,

    /// <summary>The approver declined it. Final.</summary>
    Declined,

    /// <summary>Withdrawn before completion, with a reason. Final.</summary>
    Cancelled,
}

/// <summary>Whether an action corrects a cause that produced complaints or prevents one that could.</summary>
public enum CorrectiveActionKind
{
    /// <summary>Removes the cause of complaints that happened (纠正措施).</summary>
    Corrective,

    /// <summary>Removes a cause before it produces complaints (预防措施).</summary>
    Preventive,
}

/// <summary>The two deadlines of an action.</summary>
public enum CorrectiveActionDeadlineKind
{
    /// <summary>The action is to be carried out by then (from approval, or the proposal if none is needed).</summary>
    Completion,

    /// <summary>Its effectiveness is to be checked by then (from completion).</summary>
    Verification,
}

/// <summary>One deadline of an action, with the alarms recorded on it.</summary>
/// <param name="Kind">Completion or verification.</param>
/// <param name="DueAt">When it is due, on the pack's calendar.</param>
/// <param name="WarnAt">When to warn that it is near; <see langword="null"/> for no warning.</param>
/// <param name="Calendar">The business calendar it was counted on.</param>
public sealed record CorrectiveActionDeadline(CorrectiveActionDeadlineKind Kind, DateTimeOffset DueAt, DateTimeOffset? WarnAt, string Calendar)
{
    /// <summary>When the warning was recorded.</summary>
    public DateTimeOffset? WarnedAt { get; init; }

    /// <summary>When the breach was recorded.</summary>
    public DateTimeOffset? BreachedAt { get; init; }
}

/// <summary>The approval an action needs, and who gave it.</summary>
/// <param name="Role">The role that must approve (e.g. <c>general-manager</c>).</param>
/// <param name="ApprovedBy">Who approved; <see langword="null"/> while it waits.</param>
/// <param name="ApprovedAt">When.</param>
/// <param name="Note">What the approver added, if anything.</param>
public sealed record CorrectiveActionApproval(string Role, ActorId? ApprovedBy = null, DateTimeOffset? ApprovedAt = null, string? Note = null);

/// <summary>A progress note on an action.</summary>
/// <param name="At">When.</param>
/// <param name="By">Who wrote it.</param>
/// <param name="Note">What was done.</param>
public sealed record CorrectiveActionNote(DateTimeOffset At, ActorId By, string Note);

/// <summary>
/// The check of an action's effectiveness: did the same cause recur after completion? The workflow counts the
/// recurrences (cases with the action's root cause, and its department and category where set, received since
/// completion); the verifier's judgement is recorded with the count.
/// </summary>
/// <param name="Effective">Whether the action is judged effective.</param>
/// <param name="Recurrences">How many cases with the same cause were received between completion and the check.</param>
/// <param name="RecurringCases">Those cases (at most the first 100), by id.</param>
/// <param name="Note">The verifier's reasoning.</param>
/// <param name="By">Who verified.</param>
/// <param name="At">When.</param>
public sealed record CorrectiveActionVerification(bool Effective, int Recurrences, IReadOnlyList<ComplaintId> RecurringCases, string Note, ActorId By, DateTimeOffset At);

/// <summary>
/// What the policy sets for an action when it is proposed: who approves it, how long its owner has, when to warn
/// and how long after completion its effectiveness is checked — with the rules that decided.
/// </summary>
/// <param name="ApprovalRole">The role that must approve; <see langword="null"/> if the action needs no approval.</param>
/// <param name="DueWorkingDays">Working days from approval (or the proposal) to completion.</param>
/// <param name="WarningWorkingDays">Working days before each due time to warn; 0 for no warning.</param>
/// <param name="VerifyAfterWorkingDays">Working days from completion to the effectiveness check.</param>
/// <param name="Rules">The rules that decided, for the explanation.</param>
public sealed record CorrectiveActionTerms(string? ApprovalRole, int DueWorkingDays, int WarningWorkingDays, int VerifyAfterWorkingDays, IReadOnlyList<string> Rules)
{
    /// <summary>The library's defaults for a policy that says nothing: no approval, 10 working days, a warning 2 working days before, checked 60 working days after completion.</summary>
    public static CorrectiveActionTerms Default { get; } = new(null, 10, 2, 60, ["default"]);
}
