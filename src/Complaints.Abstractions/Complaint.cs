using System.Text.Json.Serialization;
using Complaints.Policy;

namespace Complaints;

/// <summary>
/// A complaint case as it now is. Immutable: the workflow produces a new instance per command, so a
/// rejected command can never leave half a change. The journal (<see cref="Journal.JournalEntry"/>) replays to it.
/// </summary>
public sealed record Complaint
{
    // The fields a case sets at most a few times in its life (closure, implementation) or only on an exceptional path
    // (read-back, recusal, emergency meeting, customer rejection, escalation, reopening, product hold, deadlines whose
    // clocks start later). The workflow copies the case once per journal entry; kept apart and shared between the
    // copies until one of them changes, they make each copy ~110 bytes smaller. Compared by value like the case's own.
    private Rare _rare = Rare.None;

    private sealed record Rare(
        ReadBack? ReadBack,
        IReadOnlyList<Recusal> Recusals,
        EmergencyMeeting? EmergencyMeeting,
        int CustomerRejections,
        int EscalationLevel,
        IReadOnlyList<DeadlineRule> PendingDeadlines,
        DateTimeOffset? ImplementedAt,
        DateTimeOffset? ClosedAt,
        DateTimeOffset? ReopenedAt,
        int ReopenCount,
        IReadOnlyList<ProductHold> Holds)
    {
        public static readonly Rare None = new(null, [], null, 0, 0, [], null, null, null, 0, []);
    }

    /// <summary>The case id.</summary>
    public required ComplaintId Id { get; init; }

    /// <summary>The sequence number of the last journal entry; the store's optimistic concurrency token.</summary>
    public required long Version { get; init; }

    /// <summary>Where the case stands.</summary>
    public required ComplaintState State { get; init; }

    /// <summary>What was recorded at receipt.</summary>
    public required ComplaintIntake Intake { get; init; }

    /// <summary>When it was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Who received it: the first receiver, who owns it until a handler is named.</summary>
    public required Actor ReceivedBy { get; init; }

    /// <summary>The policy (pack id and version) the case was opened under; kept when a newer one is loaded.</summary>
    public required PolicyRef Policy { get; init; }

    /// <summary>When the record was read back to the complainant and confirmed (复述确认), if it was.</summary>
    public ReadBack? ReadBack { get => _rare.ReadBack; init => _rare = ReferenceEquals(_rare.ReadBack, value) ? _rare : _rare with { ReadBack = value }; }

    /// <summary>The category decided at triage.</summary>
    public string? Category { get; init; }

    /// <summary>The severity tier decided at triage.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The responsible department decided at triage.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>The role that should handle it in that department.</summary>
    public string? ResponsibleRole { get; init; }

    /// <summary>The named handler (责任到人), once assigned.</summary>
    public Actor? Assignee { get; init; }

    /// <summary>People who stepped aside or were found conflicted; none of them may act on the case.</summary>
    public IReadOnlyList<Recusal> Recusals { get => _rare.Recusals; init => _rare = ReferenceEquals(_rare.Recusals, value ??= []) ? _rare : _rare with { Recusals = value }; }

    /// <summary>Evidence offered at intake and gathered during investigation.</summary>
    public IReadOnlyList<EvidenceReference> Evidence { get; init => field = value ?? []; } = [];

    /// <summary>What the accused said in their defence (申辩), if heard.</summary>
    public string? AccusedStatement { get; init; }

    /// <summary>The investigation's findings.</summary>
    public Findings? Findings { get; init; }

    /// <summary>The emergency meeting held for a major complaint.</summary>
    public EmergencyMeeting? EmergencyMeeting { get => _rare.EmergencyMeeting; init => _rare = ReferenceEquals(_rare.EmergencyMeeting, value) ? _rare : _rare with { EmergencyMeeting = value }; }

    /// <summary>The remedy now proposed or agreed.</summary>
    public RemedyProposal? Remedy { get; init; }

    /// <summary>The approval steps the current remedy needs, in order, with who approved each.</summary>
    public IReadOnlyList<ApprovalStep> Approvals { get; init => field = value ?? []; } = [];

    /// <summary>How many times the customer rejected a proposed remedy.</summary>
    public int CustomerRejections { get => _rare.CustomerRejections; init => _rare = _rare.CustomerRejections == value ? _rare : _rare with { CustomerRejections = value }; }

    /// <summary>The escalation level: 0 for none; raised by policy, a breached deadline or a dissatisfied customer.</summary>
    public int EscalationLevel { get => _rare.EscalationLevel; init => _rare = _rare.EscalationLevel == value ? _rare : _rare with { EscalationLevel = value }; }

    /// <summary>The deadlines set by the policy, met or not.</summary>
    public IReadOnlyList<Deadline> Deadlines { get; init => field = value ?? []; } = [];

    /// <summary>
    /// The deadline rules set at triage whose clocks have not started yet (<see cref="DeadlineRule.StartsAt"/>): each
    /// becomes a deadline in <see cref="Deadlines"/> when its event happens, counted from that event's time, and leaves
    /// this list (a rule counted from <see cref="ClockStart.Reopened"/> stays, as it starts again at each reopening).
    /// </summary>
    public IReadOnlyList<DeadlineRule> PendingDeadlines { get => _rare.PendingDeadlines; init => _rare = ReferenceEquals(_rare.PendingDeadlines, value ??= []) ? _rare : _rare with { PendingDeadlines = value }; }

    /// <summary>When the remedy was last carried out.</summary>
    public DateTimeOffset? ImplementedAt { get => _rare.ImplementedAt; init => _rare = ExactTime.Same(_rare.ImplementedAt, value) ? _rare : _rare with { ImplementedAt = value }; }

    /// <summary>Since when the SLA clock is paused (while the case waits on the customer); <see langword="null"/> while it runs.</summary>
    public DateTimeOffset? ClockPausedAt { get; init; }

    /// <summary>Follow-up contacts (回访) and the satisfaction recorded.</summary>
    public IReadOnlyList<FollowUpContact> FollowUps { get; init => field = value ?? []; } = [];

    /// <summary>Why the case ended as it did: rejection reason, where it was redirected, closing summary, withdrawal reason.</summary>
    public string? Outcome { get; init; }

    /// <summary>When it was last closed.</summary>
    public DateTimeOffset? ClosedAt { get => _rare.ClosedAt; init => _rare = ExactTime.Same(_rare.ClosedAt, value) ? _rare : _rare with { ClosedAt = value }; }

    /// <summary>When it was last reopened; deadlines set at a later triage count from then.</summary>
    public DateTimeOffset? ReopenedAt { get => _rare.ReopenedAt; init => _rare = ExactTime.Same(_rare.ReopenedAt, value) ? _rare : _rare with { ReopenedAt = value }; }

    /// <summary>How many times it was reopened.</summary>
    public int ReopenCount { get => _rare.ReopenCount; init => _rare = _rare.ReopenCount == value ? _rare : _rare with { ReopenCount = value }; }

    /// <summary>Product holds placed on the case (<see cref="Commands.PlaceHold"/>), active and released, in the order placed.</summary>
    public IReadOnlyList<ProductHold> Holds { get => _rare.Holds; init => _rare = ReferenceEquals(_rare.Holds, value ??= []) ? _rare : _rare with { Holds = value }; }

    /// <summary>
    /// The salted hash (never the secret itself) of the secret the complainant was given at receipt to look up the
    /// case's status with its id as the reference; <see langword="null"/> for a case received before secrets were
    /// issued, or imported, which cannot be looked up.
    /// </summary>
    public string? StatusKey { get; init; }

    /// <summary>When the last command changed it.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The case in a few words for logs and debuggers: id, version, state, category and tier — never who complained.</summary>
    /// <returns>For example <c>Complaint 0190… v3 Assigned (billing, Minor)</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Complaint {Id} v{Version} {State}{(Category is null ? "" : $" ({Category}, {Severity})")}");

    /// <summary>
    /// Who is responsible now: the named handler, or until there is one, the first receiver
    /// (首问负责制: whoever receives a complaint owns it until it is handed on).
    /// </summary>
    [JsonIgnore]
    public ActorId Owner => Assignee?.Id ?? ReceivedBy.Id;

    /// <summary>The approval step waiting to be given, if any.</summary>
    [JsonIgnore]
    public ApprovalStep? PendingApproval
    {
        get
        {
            for (var stepIndex = 0; stepIndex < Approvals.Count; stepIndex++)
            {
                var step = Approvals[stepIndex];
                if (step.ApprovedBy is null)
                {
                    return step;
                }
            }

            return null;
        }
    }

    /// <summary>Whether <paramref name="actor"/> stepped aside or was found conflicted on this case.</summary>
    /// <param name="actor">The person.</param>
    /// <returns><see langword="true"/> if recused.</returns>
    public bool IsRecused(ActorId actor)
    {
        for (var recusalIndex = 0; recusalIndex < Recusals.Count; recusalIndex++)
        {
            var recusal = Recusals[recusalIndex];
            if (recusal.Actor == actor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="actor"/> is the staff member complained about.</summary>
    /// <param name="actor">The person.</param>
    /// <returns><see langword="true"/> if accused.</returns>
    public bool IsAccused(ActorId actor) => Intake.Subject.StaffId == actor;

    /// <summary>Whether the case has ended (closed, rejected, redirected or withdrawn); a closed case may still be reopened.</summary>
    [JsonIgnore]
    public bool IsFinal => State is ComplaintState.Closed or ComplaintState.Rejected or ComplaintState.Redirected or ComplaintState.Withdrawn;

    /// <summary>The earliest unmet deadline of a case that has not ended and whose clock runs, if any.</summary>
    [JsonIgnore]
    public Deadline? NextDeadline
    {
        get
        {
            if (IsFinal || ClockPausedAt is not null)
            {
                return null;
            }

            Deadline? next = null;
            for (var deadlineIndex = 0; deadlineIndex < Deadlines.Count; deadlineIndex++)
            {
                var deadline = Deadlines[deadlineIndex];
                if (deadline.MetAt is null && (next is null || deadline.DueAt < next.DueAt))
                {
                    next = deadline;
                }
            }

            return next;
        }
    }

    /// <summary>Whether a product hold on the case is still in force, on a case in any state (a hold outlives the case's handling).</summary>
    [JsonIgnore]
    public bool HasActiveHold
    {
        get
        {
            foreach (var hold in Holds)
            {
                if (hold.IsActive)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
