using Complaints.Journal;

namespace Complaints.Workflow;

/// <summary>What a successful command did.</summary>
/// <param name="Complaint">The case after the command, as the actor may see it.</param>
/// <param name="Entries">The journal entries the command wrote, in order.</param>
public sealed record CommandResult(Complaint Complaint, IReadOnlyList<JournalEntry> Entries);
