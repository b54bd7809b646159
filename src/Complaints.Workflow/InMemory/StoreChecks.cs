using Complaints.Journal;

namespace Complaints.Workflow.InMemory;

/// <summary>Checks every store makes before writing, so a buggy caller cannot corrupt a journal.</summary>
public static class StoreChecks
{
    /// <summary>Checks that <paramref name="entries"/> continue the journal at <paramref name="expectedVersion"/> and end at the case's version.</summary>
    /// <param name="complaint">The case to save.</param>
    /// <param name="entries">The new entries.</param>
    /// <param name="expectedVersion">The stored version the save is based on.</param>
    /// <exception cref="ArgumentException">The entries do not line up.</exception>
    public static void EntriesFollow(Complaint complaint, IReadOnlyList<JournalEntry> entries, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            throw new ArgumentException("A save must append at least one journal entry: every change is on record.", nameof(entries));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].ComplaintId != complaint.Id || entries[i].Sequence != expectedVersion + i + 1)
            {
                throw new ArgumentException(
                    $"Journal entry {i} of the save has sequence {entries[i].Sequence} for case {entries[i].ComplaintId}; expected {expectedVersion + i + 1} for case {complaint.Id}.",
                    nameof(entries));
            }
        }

        if (complaint.Version != expectedVersion + entries.Count)
        {
            throw new ArgumentException(
                $"The case's version {complaint.Version} must equal its last journal entry's sequence {expectedVersion + entries.Count}.",
                nameof(complaint));
        }
    }
}
