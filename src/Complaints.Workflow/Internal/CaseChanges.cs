using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Notifications;

namespace Complaints.Workflow.Internal;

/// <summary>What one save of the service contains: the store is handed it whole and only persists it.</summary>
internal static class CaseChanges
{
    /// <summary>
    /// The case after a command, its new entries and the notifications they cause (the workflow's own and those
    /// <paramref name="policy"/>, the case's policy, adds, worded by <paramref name="templates"/>), based on <paramref name="expectedVersion"/>.
    /// </summary>
    public static CaseChange Of(Complaint after, IReadOnlyList<JournalEntry> entries, long expectedVersion, IComplaintPolicy policy, NoticeTemplates templates) =>
        new(after, entries, expectedVersion, NotificationPlanner.Plan(after, entries, policy, templates));
}
