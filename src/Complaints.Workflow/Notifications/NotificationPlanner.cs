using System.Globalization;
using Complaints.Journal;

using Complaints.Notifications;
using Complaints.Policy;

namespace Complaints.Workflow.Notifications;

/// <summary>
/// Decides which notifications the entries of one save cause. Pure: the same case and entries always give the same
/// notifications with the same ids; the service puts them in the <see cref="Ports.CaseChange"/> it saves, so the store
/// writes them in the save's transaction and a retried save adds none twice.
/// </summary>
/// <remarks>
/// The workflow's own notifications come first for each entry; then the notices the case's policy adds for the entry's
/// event (<see cref="IComplaintPolicy.DecideNotices"/>, a pack's <c>notices.json</c>), each once: a notice of the same
/// kind to the same recipient for the same entry has the same id and is planned once.
/// Messages to staff name the case, its category, severity and subject, never the complainant's identity or contact
/// details. The complainant is notified only if they can be reached (an anonymous complainant who left no contact is not).
/// </remarks>
internal static class NotificationPlanner
{
    /// <summary>The notifications <paramref name="entries"/> cause.</summary>
    /// <param name="after">The case after the entries.</param>
    /// <param name="entries">The entries one save writes, in order.</param>
    /// <param name="policy">The case's policy, asked who else is told at each entry; <see langword="null"/> for the workflow's own notifications only.</param>
    /// <returns>The notifications, in entry order.</returns>
    public static IReadOnlyList<Notification> Plan(Complaint after, IReadOnlyList<JournalEntry> entries, IComplaintPolicy? policy = null)
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
                case AccountabilityAssessed { AwaitingConfirmationBy: { } confirmer, Decision.Sanctions.Count: > 0 } proposed:
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(confirmer),
                        string.Create(Invariant, $"Sanctions on complaint {after.Id} need your confirmation"),
                        string.Create(Invariant, $"Sanctions for {proposed.Misconduct} by {proposed.Person} on {CaseText()} were proposed and are not in force until you confirm them (assess the same person and misconduct)."));
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

            if (policy is null)
            {
                continue;
            }

            foreach (var notice in policy.DecideNotices(after, NoticeEvent.Of(entry.Event)).Notices)
            {
                if (Recipient(after, notice.To) is not { } recipient || (recipient == Notification.Complainant && !reachable))
                {
                    continue;
                }

                var (subject, body) = recipient == Notification.Complainant
                    ? ToComplainant(after, entry.Event, notice)
                    : ToStaff(after, entry.Event, notice, CaseText());
                Add(notice.Kind, recipient, subject, body);
            }
        }

        return (IReadOnlyList<Notification>?)planned ?? [];
    }

    /// <summary>The recipient a notice's <see cref="Notice.To"/> names on this case; <see langword="null"/> for nobody (no handler yet).</summary>
    private static string? Recipient(Complaint c, string to)
    {
        switch (to)
        {
            case Notice.Complainant:
                return Notification.Complainant;
            case Notice.Owner:
                return Notification.ToActor(c.Owner);
            case Notice.Handler:
                return c.Assignee is { } handler ? Notification.ToActor(handler.Id) : null;
        }

        if (to.EndsWith(Notice.OfTheDepartment, StringComparison.Ordinal))
        {
            var role = to[..^Notice.OfTheDepartment.Length];
            return c.Department is { } department ? Notification.ToRole(role, department) : Notification.ToRole(role);
        }

        return string.IsNullOrWhiteSpace(to) ? null : Notification.ToRole(to);
    }

    /// <summary>A notice to the complainant: what happened to their complaint, in words for them, and the policy's added sentence.</summary>
    private static (string Subject, string Body) ToComplainant(Complaint c, ComplaintEvent happened, Notice notice)
    {
        var subject = notice.Kind switch
        {
            NotificationKind.Rejection => string.Create(Invariant, $"Your complaint {c.Id} cannot be taken up"),
            NotificationKind.Redirection => string.Create(Invariant, $"Where to take your complaint {c.Id}"),
            NotificationKind.DeadlineExtension => string.Create(Invariant, $"More time is needed for your complaint {c.Id}"),
            NotificationKind.Progress => string.Create(Invariant, $"Where your complaint {c.Id} stands"),
            _ => string.Create(Invariant, $"News of your complaint {c.Id}"),
        };
        var body = happened switch
        {
            ComplaintRejected rejected => string.Create(Invariant, $"We cannot take up your complaint {c.Id}: {Sentence(rejected.Reason)}"),
            ComplaintRedirected redirected => string.Create(Invariant, $"Your complaint {c.Id} is for {redirected.To} to handle, and we ask you to take it to them. {Sentence(redirected.Reason)}"),
            DeadlineExtended extended => string.Create(Invariant, $"We need more time for your complaint {c.Id}: {Sentence(extended.ReasonGivenToComplainant)} We will now reply by {Date(extended.To)}."),
            DeadlineBreached or DeadlineWarned => string.Create(Invariant, $"We promised you an answer on your complaint {c.Id} by {Date(DueOf(happened))}. There is no result yet: we are still working on it and will tell you as soon as there is."),
            ComplaintTriaged triaged => string.Create(Invariant, $"We received your complaint {c.Id} and will reply by {Due(triaged.Deadlines)}."),
            _ => string.Create(Invariant, $"There is news of your complaint {c.Id}: {NoticeEvent.Of(happened).Name.Replace('-', ' ')}."),
        };
        return (subject, With(body, notice.Text));
    }

    /// <summary>A notice to staff: the case (never the complainant's identity), what happened, why they are told.</summary>
    private static (string Subject, string Body) ToStaff(Complaint c, ComplaintEvent happened, Notice notice, string caseText)
    {
        var at = NoticeEvent.Of(happened);
        var what = happened switch
        {
            ComplaintTriaged => string.Create(Invariant, $"{Capitalized(caseText)} was triaged{(c.Department is { } d ? " and routed to " + d.Value : "")}."),
            ComplaintRedirected redirected => string.Create(Invariant, $"{Capitalized(caseText)} was redirected to {redirected.To}."),
            DeadlineBreached or DeadlineWarned or DeadlineExtended => string.Create(Invariant, $"{Capitalized(caseText)}: {at.Name.Replace('-', ' ')} ({System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(at.Deadline.ToString()!)} deadline, due {DueOf(happened):u})."),
            _ => string.Create(Invariant, $"{Capitalized(caseText)}: {at.Name.Replace('-', ' ')}."),
        };
        var subject = string.Create(Invariant, $"Complaint {c.Id}: {at.Name.Replace('-', ' ')}");
        return (subject, With(what + " " + Sentence(Capitalized(notice.Reason)), notice.Text));
    }

    private static DateTimeOffset DueOf(ComplaintEvent e) => e switch
    {
        DeadlineBreached b => b.DueAt,
        DeadlineWarned w => w.DueAt,
        DeadlineExtended x => x.To,
        _ => default,
    };

    /// <summary>The text ending as a sentence ends.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or '。' or '！' or '？' ? trimmed : trimmed + ".";
    }

    private static string With(string body, string? text) => string.IsNullOrWhiteSpace(text) ? body : body + " " + text;

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe(Complaint c)
    {
        var category = c.Category is { } named ? named + ", " : "";
        var severity = c.Severity is { } tier ? tier + ", " : "";
        return string.Create(Invariant, $"complaint {c.Id} ({category}{severity}about {c.Intake.Subject.Name})");
    }

    /// <summary>
    /// The date the acknowledgement promises ("we will reply by"): the resolution deadline's; without one, the latest
    /// deadline of the case.
    /// </summary>
    /// <summary>
    /// "We will reply by": the resolve deadline's date. A case without one yet (no such rule, or one whose clock starts
    /// at a later event) promises no date rather than another deadline's (a follow-up call is not a reply).
    /// </summary>
    private static string Due(IReadOnlyList<Deadline> deadlines)
    {
        foreach (var d in deadlines)
        {
            if (d.Kind == DeadlineKind.Resolve)
            {
                return Date(d.DueAt);
            }
        }

        return "the time our policy sets";
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
