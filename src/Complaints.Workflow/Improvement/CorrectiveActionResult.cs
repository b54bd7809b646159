using Complaints.Improvement;

namespace Complaints.Workflow.Improvement;

/// <summary>What a corrective-action command did: the action after it and the journal entries it wrote.</summary>
/// <param name="Action">The action after the command.</param>
/// <param name="Entries">The entries written, in order.</param>
public sealed record CorrectiveActionResult(CorrectiveAction Action, IReadOnlyList<CorrectiveActionJournalEntry> Entries);
