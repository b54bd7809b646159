namespace Complaints.Improvement;

/// <summary>What may be done to a corrective or preventive action; permissions and errors name it.</summary>
public enum CorrectiveActionOperation
{
    /// <summary>Propose an action (from cases or from analysis).</summary>
    Propose,

    /// <summary>Give the approval the policy requires.</summary>
    Approve,

    /// <summary>Refuse the approval.</summary>
    Decline,

    /// <summary>Record progress.</summary>
    RecordProgress,

    /// <summary>Record the action as carried out.</summary>
    Complete,

    /// <summary>Check its effectiveness.</summary>
    Verify,

    /// <summary>Withdraw it before completion.</summary>
    Cancel,

    /// <summary>Record a deadline's warning (the deadline worker).</summary>
    RecordDeadlineWarning,

    /// <summary>Record a deadline's breach (the deadline worker).</summary>
    RecordDeadlineBreach,
}

/// <summary>Proposes a corrective or preventive action.</summary>
/// <param name="Kind">Corrective or preventive.</param>
/// <param name="Title">What is to change, in a line.</param>
/// <param name="RootCause">The root cause it addresses.</param>
/// <param name="CauseDescription">The cause in words.</param>
/// <param name="Owner">Who answers for carrying it out.</param>
public sealed record ProposeCorrectiveAction(CorrectiveActionKind Kind, string Title, RootCause RootCause, string CauseDescription, ActorId Owner)
{
    /// <summary>The cases it arises from, by id; they must exist. Its terms come from the policy of the first; none (the default) for a preventive action from analysis, under the current policy.</summary>
    public IReadOnlyList<ComplaintId> Cases { get; init; } = [];

    /// <summary>The department that carries it out; also narrows the recurrence count. <see langword="null"/> (the default): the first case's department, if any.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>The complaint category it is about; also narrows the recurrence count. <see langword="null"/> (the default): none.</summary>
    public string? Category { get; init; }
}

/// <summary>Checks an action's effectiveness: the workflow counts the recurrences; the verifier may judge otherwise, with a reason.</summary>
/// <param name="Effective">
/// The verifier's judgement; <see langword="null"/> (the default) to judge by the count: effective when no case with the same cause recurred.
/// A judgement that contradicts the count needs a <paramref name="Note"/>.
/// </param>
/// <param name="Note">The verifier's reasoning; required when the judgement contradicts the count.</param>
public sealed record VerifyCorrectiveAction(bool? Effective = null, string? Note = null);

/// <summary>
/// A corrective action the policy requires and no action yet answers: the rule that requires it, the cause, the
/// department and the cases. <see cref="Rule"/> is <c>improvement.severity</c> (one serious substantiated case) or
/// <c>improvement.recurrence</c> (several cases of one cause within the policy's period).
/// </summary>
/// <param name="Rule">The rule that requires it.</param>
/// <param name="Reason">Why, in words (counts and thresholds; never who complained).</param>
/// <param name="RootCause">The cause.</param>
/// <param name="Department">The department, if the cases have one.</param>
/// <param name="Policy">The policy whose settings apply.</param>
/// <param name="Cases">The cases, by id, in order of receipt.</param>
public sealed record CorrectiveActionRequirement(string Rule, string Reason, RootCause RootCause, DepartmentId? Department, PolicyRef Policy, IReadOnlyList<ComplaintId> Cases);
