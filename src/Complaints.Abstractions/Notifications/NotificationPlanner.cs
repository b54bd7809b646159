using System.Globalization;
using Complaints.Journal;

namespace Complaints.Notifications;

/// <summary>
/// Decides which notifications the entries of one save cause. Pure: the same case and entries always give the same
/// notifications with the same ids, so a store can write them in the save's transaction and a retried save adds none twice.
/// </summary>
/// <remarks>
/// Messages to staff name the case, its category, severity and subject, never the complainant's identity or contact
/// details. The complainant is notified only if they can be reached (an anonymous complainant who left no contact is not).
/// </remarks>
public static class NotificationPlanner
{
    /// <summary>The notifications <paramref name="entries"/> cause.</summary>
    /// <param name="after">The case after the entries.</param>
    /// <param name="entries">The entries one save writes, in order.</param>
    /// <returns>The notifications, in entry order.</returns>
    public static IReadOnlyList<Notification> Plan(Complaint after, IReadOnlyList<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(entries);
        var planned = new List<Notification>();
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
                if (!planned.Exists(n => n.Id == id))
                {
                    planned.Add(new Notification(id, entry.ComplaintId, entry.Sequence, kind, recipient, subject, body, entry.At));
                }
            }

            bool AlreadyTo(string recipient) => planned.Exists(n => n.Recipient == recipient && n.Kind == NotificationKind.DeadlineBreach && n.ComplaintId == entry.ComplaintId);

            var caseText = Describe(after);
            switch (entry.Event)
            {
                case ComplaintTriaged triaged when reachable:
                    Add(
                        NotificationKind.Acknowledgement,
                        Notification.Complainant,
                        Text($"Your complaint {after.Id} was received"),
                        Text($"We received your complaint {after.Id} and will reply by {Due(triaged.Deadlines)}."));
                    break;
                case HandlerAssigned assigned:
                    Add(
                        NotificationKind.Assignment,
                        Notification.ToActor(assigned.Handler.Id),
                        Text($"Complaint {after.Id} was assigned to you"),
                        Text($"You are now responsible for {caseText}."));
                    break;
                case RemedyProposed proposed when proposed.Approval.Steps.Count > 0:
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(proposed.Approval.Steps[0]),
                        Text($"Approval needed for complaint {after.Id}"),
                        Text($"A remedy ({proposed.Remedy.Kind}) was proposed for {caseText} and needs your approval."));
                    break;
                case RemedyApproved when i == lastApproval && after.State == ComplaintState.AwaitingApproval && after.PendingApproval is { } next:
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(next.Role),
                        Text($"Approval needed for complaint {after.Id}"),
                        Text($"The remedy for {caseText} was approved by the previous step and now needs your approval."));
                    break;
                case DeadlineWarned warned:
                    Add(
                        NotificationKind.DeadlineWarning,
                        Notification.ToActor(after.Owner),
                        Text($"The {warned.Kind} deadline of complaint {after.Id} is near"),
                        Text($"The {warned.Kind} deadline of {caseText} is due at {warned.DueAt:u}."));
                    break;
                case DeadlineBreached breached:
                    var breachText = Text($"The {breached.Kind} deadline of {caseText} was due at {breached.DueAt:u} and was missed.");
                    Add(NotificationKind.DeadlineBreach, Notification.ToActor(after.Owner), Text($"The {breached.Kind} deadline of complaint {after.Id} was breached"), breachText);
                    if (!string.IsNullOrWhiteSpace(breached.Escalation.NotifyRole))
                    {
                        Add(NotificationKind.DeadlineBreach, Notification.ToRole(breached.Escalation.NotifyRole), Text($"The {breached.Kind} deadline of complaint {after.Id} was breached"), breachText);
                    }

                    break;
                case Escalated escalated when !string.IsNullOrWhiteSpace(escalated.Decision?.NotifyRole)
                                              && !AlreadyTo(Notification.ToRole(escalated.Decision.NotifyRole)):
                    Add(
                        NotificationKind.Escalation,
                        Notification.ToRole(escalated.Decision.NotifyRole),
                        Text($"Complaint {after.Id} was escalated to level {escalated.Level}"),
                        Text($"{caseText} was escalated to level {escalated.Level}: {escalated.Reason}"));
                    break;
                case DecisionCommunicated communicated when reachable:
                    Add(
                        NotificationKind.ResultNotice,
                        Notification.Complainant,
                        Text($"The decision on your complaint {after.Id}"),
                        communicated.Message);
                    break;
                case ImplementationCompleted when reachable:
                    Add(
                        NotificationKind.SatisfactionSurvey,
                        Notification.Complainant,
                        Text($"How did we do on your complaint {after.Id}?"),
                        Text($"We have carried out what we agreed on your complaint {after.Id}. Please tell us how satisfied you are."));
                    break;
            }
        }

        return planned;
    }

    private static string Describe(Complaint c)
    {
        var parts = new List<string>();
        if (c.Category is { } category)
        {
            parts.Add(category);
        }

        if (c.Severity is { } severity)
        {
            parts.Add(severity.ToString());
        }

        parts.Add("about " + c.Intake.Subject.Name);
        return Text($"complaint {c.Id} ({string.Join(", ", parts)})");
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

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
