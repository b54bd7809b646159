using System.Globalization;
using Complaints.Journal;

using Complaints.Notifications;

namespace Complaints.Workflow.Notifications;

/// <summary>
/// Decides which notifications the entries of one save cause. Pure: the same case and entries always give the same
/// notifications with the same ids; the service puts them in the <see cref="Ports.CaseChange"/> it saves, so the store
/// writes them in the save's transaction and a retried save adds none twice.
/// </summary>
/// <remarks>
/// Messages to staff name the case, its category, severity and subject, never the complainant's identity or contact
/// details. The complainant is notified only if they can be reached (an anonymous complainant who left no contact is not).
/// </remarks>
internal static class NotificationPlanner
{
    /// <summary>The notifications <paramref name="entries"/> cause.</summary>
    /// <param name="after">The case after the entries.</param>
    /// <param name="entries">The entries one save writes, in order.</param>
    /// <returns>The notifications, in entry order.</returns>
    public static IReadOnlyList<Notification> Plan(Complaint after, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(entries);
        List<Notification>? planned = null;
        var complainant = after.Intake.Complainant;
        var reachable = !complainant.IsAnonymous || complainant.Contact.HasAny;
        var lastApproval = -1;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Event is RemedyApproved)
            {
                lastApproval = i;
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            void Add(NotificationKind kind, string recipient, string subject, string body)
            {
                var id = Notification.StableId(entry.ComplaintId, entry.Sequence, kind, recipient);
                planned ??= [];
                foreach (var n in planned)
                {
                    if (n.Id == id)
                    {
                        return;
                    }
                }

                planned.Add(new Notification(id, entry.ComplaintId, entry.Sequence, kind, recipient, subject, body, entry.At));
            }

            bool AlreadyTo(string recipient)
            {
                if (planned is null)
                {
                    return false;
                }

                foreach (var n in planned)
                {
                    if (n.Recipient == recipient && n.Kind == NotificationKind.DeadlineBreach && n.ComplaintId == entry.ComplaintId)
                    {
                        return true;
                    }
                }

                return false;
            }

            // Most entries notify no one: the case's description is written only for a message that names it.
            string? described = null;
            string CaseText() => described ??= Describe(after);
            switch (entry.Event)
            {
                case ComplaintTriaged triaged when reachable:
                    Add(
                        NotificationKind.Acknowledgement,
                        Notification.Complainant,
                        string.Create(Invariant, $"Your complaint {after.Id} was received"),
                        string.Create(Invariant, $"We received your complaint {after.Id} and will reply by {Due(triaged.Deadlines)}."));
                    break;
                case HandlerAssigned assigned:
                    Add(
                        NotificationKind.Assignment,
                        Notification.ToActor(assigned.Handler.Id),
                        string.Create(Invariant, $"Complaint {after.Id} was assigned to you"),
                        string.Create(Invariant, $"You are now responsible for {CaseText()}."));
                    break;
                case RemedyProposed proposed when proposed.Approval.Steps.Count > 0:
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(proposed.Approval.Steps[0]),
                        string.Create(Invariant, $"Approval needed for complaint {after.Id}"),
                        string.Create(Invariant, $"A remedy ({proposed.Remedy.Kind}) was proposed for {CaseText()} and needs your approval."));
                    break;
                case RemedyApproved when i == lastApproval && after.State == ComplaintState.AwaitingApproval && after.PendingApproval is { } next:
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(next.Role),
                        string.Create(Invariant, $"Approval needed for complaint {after.Id}"),
                        string.Create(Invariant, $"The remedy for {CaseText()} was approved by the previous step and now needs your approval."));
                    break;
                case DeadlineWarned warned:
                    Add(
                        NotificationKind.DeadlineWarning,
                        Notification.ToActor(after.Owner),
                        string.Create(Invariant, $"The {warned.Kind} deadline of complaint {after.Id} is near"),
                        string.Create(Invariant, $"The {warned.Kind} deadline of {CaseText()} is due at {warned.DueAt:u}."));
                    break;
                case DeadlineBreached breached:
                    var breachText = string.Create(Invariant, $"The {breached.Kind} deadline of {CaseText()} was due at {breached.DueAt:u} and was missed.");
                    Add(NotificationKind.DeadlineBreach, Notification.ToActor(after.Owner), string.Create(Invariant, $"The {breached.Kind} deadline of complaint {after.Id} was breached"), breachText);
                    if (!string.IsNullOrWhiteSpace(breached.Escalation.NotifyRole))
                    {
                        Add(NotificationKind.DeadlineBreach, Notification.ToRole(breached.Escalation.NotifyRole), string.Create(Invariant, $"The {breached.Kind} deadline of complaint {after.Id} was breached"), breachText);
                    }

                    break;
                case Escalated escalated when !string.IsNullOrWhiteSpace(escalated.Decision?.NotifyRole)
                                              && !AlreadyTo(Notification.ToRole(escalated.Decision.NotifyRole)):
                    Add(
                        NotificationKind.Escalation,
                        Notification.ToRole(escalated.Decision.NotifyRole),
                        string.Create(Invariant, $"Complaint {after.Id} was escalated to level {escalated.Level}"),
                        string.Create(Invariant, $"{CaseText()} was escalated to level {escalated.Level}: {escalated.Reason}"));
                    break;
                case DecisionCommunicated communicated when reachable:
                    Add(
                        NotificationKind.ResultNotice,
                        Notification.Complainant,
                        string.Create(Invariant, $"The decision on your complaint {after.Id}"),
                        communicated.Message);
                    break;
                case ImplementationCompleted when reachable:
                    Add(
                        NotificationKind.SatisfactionSurvey,
                        Notification.Complainant,
                        string.Create(Invariant, $"How did we do on your complaint {after.Id}?"),
                        string.Create(Invariant, $"We have carried out what we agreed on your complaint {after.Id}. Please tell us how satisfied you are."));
                    break;
            }
        }

        return (IReadOnlyList<Notification>?)planned ?? [];
    }

    private static string Describe(Complaint c)
    {
        var category = c.Category is { } named ? named + ", " : "";
        var severity = c.Severity is { } tier ? tier + ", " : "";
        return string.Create(Invariant, $"complaint {c.Id} ({category}{severity}about {c.Intake.Subject.Name})");
    }

    private static string Due(IReadOnlyList<Deadline> deadlines)
    {
        DateTimeOffset? last = null;
        foreach (var d in deadlines)
        {
            if (last is null || d.DueAt > last)
            {
                last = d.DueAt;
            }
        }

        return last is { } at ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "the time our policy sets";
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
