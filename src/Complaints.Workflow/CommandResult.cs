using Complaints.Journal;

namespace Complaints.Workflow;

/// <summary>What a successful command did.</summary>
/// <param name="Complaint">The case after the command, as the actor may see it.</param>
/// <param name="Entries">The journal entries the command wrote, in order.</param>
public sealed record CommandResult(Complaint Complaint, IReadOnlyList<JournalEntry> Entries)
{
    /// <summary>
    /// After <see cref="ComplaintService.ReceiveAsync"/>, the reference and secret to give the complainant for looking up
    /// the case's status (<see cref="ComplaintService.LookUpStatusAsync"/>) — shown this once, never stored; otherwise
    /// <see langword="null"/>.
    /// </summary>
    public ComplainantAccess? ComplainantAccess { get; init; }
}
