using System.Text.Json.Serialization;

namespace Complaints.Improvement;

/// <summary>
/// A corrective or preventive action (纠正预防措施) as it now is: what is to change, the root cause it addresses, the
/// cases it arises from, its owner and deadline, its approval, progress, completion and the check of its
/// effectiveness. Separate from any customer's remedy; one action may answer many cases. Immutable: the workflow
/// produces a new instance per command, and its journal (<see cref="CorrectiveActionJournalEntry"/>) replays to it.
/// It refers to cases by id only and never carries a complainant's identity.
/// </summary>
public sealed record CorrectiveAction
{
    /// <summary>The action's id.</summary>
    public required CorrectiveActionId Id { get; init; }

    /// <summary>The sequence number of the last journal entry; the store's optimistic concurrency token.</summary>
    public required long Version { get; init; }

    /// <summary>Where the action stands.</summary>
    public required CorrectiveActionState State { get; init; }

    /// <summary>Corrective or preventive.</summary>
    public required CorrectiveActionKind Kind { get; init; }

    /// <summary>What is to change, in a line (e.g. "Check the cold chain log at every delivery").</summary>
    public required string Title { get; init; }

    /// <summary>The root cause the action addresses.</summary>
    public required RootCause RootCause { get; init; }

    /// <summary>The cause in words: what the analysis found.</summary>
    public required string CauseDescription { get; init; }

    /// <summary>The cases the action arises from, by id (none for a preventive action from analysis alone).</summary>
    public IReadOnlyList<ComplaintId> Cases { get; init => field = value ?? []; } = [];

    /// <summary>Who answers for carrying it out.</summary>
    public required ActorId Owner { get; init; }

    /// <summary>The department that carries it out, if one; also narrows the recurrence count.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>The complaint category it is about, if one; also narrows the recurrence count.</summary>
    public string? Category { get; init; }

    /// <summary>The policy (pack id and version) whose terms it was proposed under.</summary>
    public required PolicyRef Policy { get; init; }

    /// <summary>The rules that set its terms (approval, deadlines), for the explanation.</summary>
    public IReadOnlyList<string> Rules { get; init => field = value ?? []; } = [];

    /// <summary>The approval the action needs, if the policy requires one.</summary>
    public CorrectiveActionApproval? Approval { get; init; }

    /// <summary>The completion deadline.</summary>
    public required CorrectiveActionDeadline Due { get; init; }

    /// <summary>
    /// The completion due time set at the proposal. An approval restarts the completion deadline (<see cref="Due"/>), so
    /// this is what an action awaiting approval was due by; the figures as of an earlier time use it
    /// (<see cref="CorrectiveActionFigures"/>). <see langword="null"/> only for an action stored before it was recorded
    /// (then <see cref="Due"/> stands in).
    /// </summary>
    public DateTimeOffset? ProposedDueAt { get; init; }

    /// <summary>Working days from approval (or the proposal) to completion, as the policy set them at the proposal.</summary>
    public required int DueWorkingDays { get; init; }

    /// <summary>Working days from completion to the effectiveness check, as the policy set them at the proposal.</summary>
    public required int VerifyAfterWorkingDays { get; init; }

    /// <summary>Working days before a due time to warn, as the policy set them at the proposal; 0 for no warning.</summary>
    public int WarningWorkingDays { get; init; }

    /// <summary>Progress notes, in order.</summary>
    public IReadOnlyList<CorrectiveActionNote> Progress { get; init => field = value ?? []; } = [];

    /// <summary>When it was carried out.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>What was done, as recorded at completion.</summary>
    public string? CompletionSummary { get; init; }

    /// <summary>The verification deadline, set at completion.</summary>
    public CorrectiveActionDeadline? VerifyDue { get; init; }

    /// <summary>The check of effectiveness, once made.</summary>
    public CorrectiveActionVerification? Verification { get; init; }

    /// <summary>Why it ended without being carried out (declined or cancelled).</summary>
    public string? Outcome { get; init; }

    /// <summary>Who proposed it.</summary>
    public required ActorId CreatedBy { get; init; }

    /// <summary>When it was proposed.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last command changed it.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it is to be carried out (<see cref="Due"/>'s due time).</summary>
    [JsonIgnore]
    public DateTimeOffset DueAt => Due.DueAt;

    /// <summary>When its effectiveness is to be checked, once it is completed.</summary>
    [JsonIgnore]
    public DateTimeOffset? VerifyDueAt => VerifyDue?.DueAt;

    /// <summary>Whether the action has ended (verified, ineffective, declined or cancelled).</summary>
    [JsonIgnore]
    public bool IsFinal => State is CorrectiveActionState.Verified or CorrectiveActionState.Ineffective or CorrectiveActionState.Declined or CorrectiveActionState.Cancelled;

    /// <summary>
    /// The deadline that runs now: the completion deadline while it awaits approval or is open, the verification
    /// deadline once completed; <see langword="null"/> when the action has ended.
    /// </summary>
    [JsonIgnore]
    public CorrectiveActionDeadline? RunningDeadline => State switch
    {
        CorrectiveActionState.AwaitingApproval or CorrectiveActionState.Open => Due,
        CorrectiveActionState.Completed => VerifyDue,
        _ => null,
    };

    /// <summary>When the running deadline is due (<see cref="CorrectiveActionQuery.DueBefore"/> filters on it); <see langword="null"/> if none runs.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDueAt => RunningDeadline?.DueAt;

    /// <summary>The action in a few words for logs: id, version, state, kind and cause.</summary>
    /// <returns>For example <c>CorrectiveAction 0190… v3 Open (Corrective, ProcessGap)</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CorrectiveAction {Id} v{Version} {State} ({Kind}, {RootCause})");
}
