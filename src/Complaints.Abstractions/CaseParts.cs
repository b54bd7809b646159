using System.Text.Json.Serialization;
using Complaints.Policy;

namespace Complaints;

/// <summary>The policy a case was decided under.</summary>
/// <param name="Id">The pack id, e.g. <c>hospital</c>.</param>
/// <param name="Version">The pack version, e.g. <c>1.0.0</c>.</param>
public sealed record PolicyRef(string Id, string Version)
{
    /// <inheritdoc />
    public override string ToString() => $"{Id}@{Version}";
}

/// <summary>How an oral record was confirmed by the complainant.</summary>
public enum ReadBackMethod
{
    /// <summary>Read back and confirmed orally.</summary>
    Oral,

    /// <summary>The transcript was signed.</summary>
    SignedTranscript,

    /// <summary>Confirmed in writing (email, message).</summary>
    Written,
}

/// <summary>The read-back confirmation of the record (复述确认).</summary>
/// <param name="Method">How it was confirmed.</param>
/// <param name="At">When.</param>
public sealed record ReadBack(ReadBackMethod Method, DateTimeOffset At);

/// <summary>Someone who may not act on the case, and why.</summary>
/// <param name="Actor">The person.</param>
/// <param name="Reason">Why (same department as the accused, declared relation, earlier involvement …).</param>
/// <param name="At">When the recusal was recorded.</param>
public sealed record Recusal(ActorId Actor, string Reason, DateTimeOffset At);

/// <summary>Whether the investigation found the complaint to be true.</summary>
public enum FindingOutcome
{
    /// <summary>The complaint is founded.</summary>
    Substantiated,

    /// <summary>Partly founded.</summary>
    PartlySubstantiated,

    /// <summary>Unfounded: say so plainly and clear the accused.</summary>
    NotSubstantiated,
}

/// <summary>The root cause an investigation found.</summary>
public enum RootCause
{
    /// <summary>A defect in the product.</summary>
    ProductDefect,

    /// <summary>A gap in a process.</summary>
    ProcessGap,

    /// <summary>A staff member's error or misconduct.</summary>
    StaffError,

    /// <summary>A cause outside the organisation.</summary>
    External,

    /// <summary>The customer misunderstood.</summary>
    CustomerMisunderstanding,

    /// <summary>Not determined.</summary>
    Undetermined,
}

/// <summary>What the investigation concluded.</summary>
/// <param name="Outcome">Substantiated, partly or not.</param>
/// <param name="Cause">The root cause.</param>
/// <param name="Summary">The investigation's conclusion in words.</param>
/// <param name="Fine">For a report: the fine imposed on the wrongdoer, the basis of a reward.</param>
/// <param name="Recovered">For a report: the value recovered, the basis of a reward.</param>
public sealed record Findings(FindingOutcome Outcome, RootCause Cause, string Summary, Money? Fine = null, Money? Recovered = null);

/// <summary>The emergency meeting a major complaint needs before a remedy is proposed.</summary>
/// <param name="HeldAt">When it was held.</param>
/// <param name="Attendees">Who attended.</param>
/// <param name="Minutes">What was decided.</param>
public sealed record EmergencyMeeting(DateTimeOffset HeldAt, IReadOnlyList<string> Attendees, string Minutes);

/// <summary>Kinds of remedy.</summary>
public enum RemedyKind
{
    /// <summary>An apology.</summary>
    Apology,

    /// <summary>An explanation of what happened and why.</summary>
    Explanation,

    /// <summary>A repair.</summary>
    Repair,

    /// <summary>A replacement.</summary>
    Replacement,

    /// <summary>A refund.</summary>
    Refund,

    /// <summary>Compensation of an amount.</summary>
    Compensation,

    /// <summary>Corrective measures (training, a process change).</summary>
    CorrectiveAction,
}

/// <summary>A proposed remedy.</summary>
/// <param name="Kind">The main kind of remedy.</param>
/// <param name="Description">What will be done.</param>
/// <param name="Amount">The money involved (refund, compensation), if any; drives the approval level.</param>
public sealed record RemedyProposal(RemedyKind Kind, string Description, Money? Amount = null);

/// <summary>One approval a remedy needs.</summary>
/// <param name="Role">The role that must approve (manager, general-manager, joint-meeting …).</param>
/// <param name="ApprovedBy">Who approved it, once given.</param>
/// <param name="ApprovedAt">When.</param>
/// <param name="Note">The approver's note.</param>
public sealed record ApprovalStep(string Role, ActorId? ApprovedBy = null, DateTimeOffset? ApprovedAt = null, string? Note = null);

/// <summary>Kinds of deadline a policy sets.</summary>
public enum DeadlineKind
{
    /// <summary>Tell the complainant it is accepted and by when they will hear back.</summary>
    Acknowledge,

    /// <summary>Propose a remedy.</summary>
    Propose,

    /// <summary>Resolve: communicate the decision.</summary>
    Resolve,

    /// <summary>Tell the complainant (reporter) the result.</summary>
    NotifyResult,

    /// <summary>Contact the complainant for satisfaction follow-up.</summary>
    FollowUp,
}

/// <summary>A deadline on the case, with the rule that set it.</summary>
/// <param name="Kind">What must happen.</param>
/// <param name="DueAt">When it is due (moved on while the clock is paused, and by extensions).</param>
/// <param name="Rule">The policy rule that set it.</param>
/// <param name="Calendar">The business calendar used to compute it.</param>
/// <param name="MetAt">When it was met; <see langword="null"/> while open.</param>
public sealed record Deadline(DeadlineKind Kind, DateTimeOffset DueAt, string Rule, string Calendar, DateTimeOffset? MetAt = null)
{
    // What only a warning, a breach or an extension records: kept apart and shared between the deadline's copies (a
    // case copies its deadlines as they are met and moved) until one of them records it; ~50 bytes less per copy.
    private Recorded _recorded = Recorded.None;

    private sealed record Recorded
    {
        public static readonly Recorded None = new();

        public DateTimeOffset? WarnedAt { get; init; }

        public DateTimeOffset? BreachedAt { get; init; }

        public string? ExtensionReason { get; init; }
    }

    /// <summary>When to warn that the deadline is near; <see langword="null"/> for no warning.</summary>
    public DateTimeOffset? WarnAt { get; init; }

    /// <summary>When the warning was recorded.</summary>
    public DateTimeOffset? WarnedAt { get => _recorded.WarnedAt; init => _recorded = ExactTime.Same(_recorded.WarnedAt, value) ? _recorded : _recorded with { WarnedAt = value }; }

    /// <summary>When the breach was recorded.</summary>
    public DateTimeOffset? BreachedAt { get => _recorded.BreachedAt; init => _recorded = ExactTime.Same(_recorded.BreachedAt, value) ? _recorded : _recorded with { BreachedAt = value }; }

    /// <summary>The latest the deadline may be extended to; <see langword="null"/> if it cannot be extended.</summary>
    public DateTimeOffset? ExtendableTo { get; init; }

    /// <summary>The role that must approve an extension.</summary>
    public string? ExtensionApprovedBy { get; init; }

    /// <summary>The reason given to the complainant for the last extension.</summary>
    public string? ExtensionReason { get => _recorded.ExtensionReason; init => _recorded = ReferenceEquals(_recorded.ExtensionReason, value) ? _recorded : _recorded with { ExtensionReason = value }; }

    /// <summary>
    /// Whether the due time or its extension limit was counted over days without official holiday data (e.g. China's
    /// holidays of a year the State Council has not yet published): an estimate that <c>ReplanDeadlines</c> recounts
    /// once the data is loaded.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Provisional { get; init; }

    /// <summary>How a provisional deadline was counted, so it can be recounted; <see langword="null"/> once it is not provisional.</summary>
    public DeadlinePlan? Plan { get; init; }
}

/// <summary>How a deadline was counted on its business calendar, kept while it is provisional so it can be recounted.</summary>
/// <param name="CountedFrom">When the clock started.</param>
/// <param name="Amount">How many units.</param>
/// <param name="Unit">The unit.</param>
/// <param name="PlannedDueAt">The due time counted, before any pause or extension moved it.</param>
/// <param name="WarnAtShare">The share of the time after which the warning is due, if any.</param>
/// <param name="ExtendableTo">The most units it may be extended to, if any.</param>
/// <param name="PlannedExtendableTo">The extension limit counted, before any pause moved it.</param>
public sealed record DeadlinePlan(
    DateTimeOffset CountedFrom,
    int Amount,
    DeadlineUnit Unit,
    DateTimeOffset PlannedDueAt,
    decimal? WarnAtShare = null,
    int? ExtendableTo = null,
    DateTimeOffset? PlannedExtendableTo = null);

/// <summary>How satisfied the complainant said they were at follow-up.</summary>
public enum Satisfaction
{
    /// <summary>Very dissatisfied.</summary>
    VeryDissatisfied,

    /// <summary>Dissatisfied.</summary>
    Dissatisfied,

    /// <summary>Neutral.</summary>
    Neutral,

    /// <summary>Satisfied.</summary>
    Satisfied,

    /// <summary>Very satisfied.</summary>
    VerySatisfied,

    /// <summary>The complainant could not be reached.</summary>
    Unreachable,
}

/// <summary>One follow-up contact (回访).</summary>
/// <param name="At">When.</param>
/// <param name="By">Who made it.</param>
/// <param name="Satisfaction">What the complainant said.</param>
/// <param name="Comment">Notes.</param>
public sealed record FollowUpContact(DateTimeOffset At, ActorId By, Satisfaction Satisfaction, string? Comment);
