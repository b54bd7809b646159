namespace Complaints;

/// <summary>
/// A case as another system's history recorded it: what was received, when, and how it ended. The import writes it
/// as the whole of a new case's first journal entry (<see cref="Journal.ComplaintImported"/>), so history is kept as
/// it was and not decided again by today's policy. The case's state is the entry's <see cref="Journal.JournalEntry.To"/>.
/// </summary>
/// <param name="Intake">What was recorded at receipt.</param>
/// <param name="Policy">The policy the case is filed under (e.g. the pack the host now runs, or a name for the old system's rules).</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record ImportedCase(ComplaintIntake Intake, PolicyRef Policy, DateTimeOffset ReceivedAt)
{
    /// <summary>The category, if the source has one.</summary>
    public string? Category { get; init; }

    /// <summary>The severity tier, if the source has one.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The responsible department, if known.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>The role that handled it in that department, if known.</summary>
    public string? ResponsibleRole { get; init; }

    /// <summary>The deadlines, with when each was due, met or breached, as far as the source tells.</summary>
    public IReadOnlyList<Deadline> Deadlines { get; init => field = value ?? []; } = [];

    /// <summary>The investigation's findings (substantiated or not, root cause), if known.</summary>
    public Findings? Findings { get; init; }

    /// <summary>The remedy given, if known.</summary>
    public RemedyProposal? Remedy { get; init; }

    /// <summary>When the remedy was carried out, if known.</summary>
    public DateTimeOffset? ImplementedAt { get; init; }

    /// <summary>The follow-up contacts and the satisfaction recorded, if any.</summary>
    public IReadOnlyList<FollowUpContact> FollowUps { get; init => field = value ?? []; } = [];

    /// <summary>How far the case was escalated: 0 for not at all.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>How the case ended (the closing summary, the reason for a rejection), if it did.</summary>
    public string? Outcome { get; init; }

    /// <summary>When it was closed, if the source says; <see langword="null"/> when it is open or the date is not known.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}
