namespace Complaints.Journal;

/// <summary>
/// One line of a case's append-only journal: what happened, who did it, when, and the state before and
/// after. Replaying a case's journal in order rebuilds the case exactly.
/// </summary>
/// <param name="ComplaintId">The case.</param>
/// <param name="Sequence">1, 2, 3 … with no gap; the case's <see cref="Complaint.Version"/> is the last one.</param>
/// <param name="At">When, from the workflow's <see cref="TimeProvider"/>.</param>
/// <param name="Actor">Who issued the command, with the roles and department they had then.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Event">What happened, with its details and any policy decisions.</param>
/// <param name="CommandId">Groups the entries one command wrote.</param>
public sealed record JournalEntry(
    ComplaintId ComplaintId,
    long Sequence,
    DateTimeOffset At,
    Actor Actor,
    ComplaintState From,
    ComplaintState To,
    ComplaintEvent Event,
    Guid CommandId);
