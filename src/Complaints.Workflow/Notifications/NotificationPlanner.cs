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
/// The texts come from <see cref="NoticeTemplates"/> in the case's culture (<see cref="CultureOf"/>); messages to staff
/// are in <see cref="NoticeTemplates.StaffCulture"/> if the host set one. Messages to staff name the case, its category,
/// severity and subject, never the complainant's identity or contact details. The complainant is notified only if they can be reached (an anonymous complainant who left no contact is not).
/// </remarks>
internal static class NotificationPlanner
{
    /// <summary>The notifications <paramref name="entries"/> cause.</summary>
    /// <param name="after">The case after the entries.</param>
    /// <param name="entries">The entries one save writes, in order.</param>
    /// <param name="policy">The case's policy, asked who else is told at each entry; <see langword="null"/> for the workflow's own notifications only.</param>
    /// <param name="templates">The texts; <see cref="NoticeTemplates.Default"/> if <see langword="null"/>.</param>
    /// <returns>The notifications, in entry order.</returns>
    public static IReadOnlyList<Notification> Plan(Complaint after, IReadOnlyList<JournalEntry> entries, IComplaintPolicy? policy = null, NoticeTemplates? templates = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(entries);
        templates ??= NoticeTemplates.Default;
        var culture = CultureOf(after, policy, templates);
        var staff = templates.StaffCulture ?? culture;
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

        // The case's id in words, written once per save and only if a message names it.
        string? caseText = null;
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
            string About() => described ??= Describe(after, CaseId(), templates, staff);
            string CaseId() => caseText ??= after.Id.ToString();
            string ToHim(string key, params ReadOnlySpan<(string Name, string Value)> values) => Render(templates, culture, key, CaseId(), values);
            string ToStaff(string key, params ReadOnlySpan<(string Name, string Value)> values) => Render(templates, staff, key, CaseId(), About(), values);
            switch (entry.Event)
            {
                case ComplaintTriaged triaged when reachable:
                    Add(NotificationKind.Acknowledgement, Notification.Complainant, ToHim("acknowledgement.subject"), Acknowledgement(templates, culture, CaseId(), triaged.Deadlines));
                    break;
                case HandlerAssigned assigned:
                    Add(NotificationKind.Assignment, Notification.ToActor(assigned.Handler.Id), ToStaff("assignment.subject"), ToStaff("assignment.body"));
                    break;
                case RemedyProposed proposed when proposed.Approval.Steps.Count > 0:
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(proposed.Approval.Steps[0]),
                        ToStaff("approval.subject"),
                        ToStaff("approval.body", ("remedy", templates.Word(staff, proposed.Remedy.Kind))));
                    break;
                case RemedyApproved when i == lastApproval && after.State == ComplaintState.AwaitingApproval && after.PendingApproval is { } next:
                    Add(NotificationKind.ApprovalRequest, Notification.ToRole(next.Role), ToStaff("approval.subject"), ToStaff("approval.next.body"));
                    break;
                case AccountabilityAssessed { AwaitingConfirmationBy: { } confirmer, Decision.Sanctions.Count: > 0 } proposed:
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(confirmer),
                        ToStaff("sanctions.subject"),
                        ToStaff("sanctions.body", ("misconduct", proposed.Misconduct), ("person", proposed.Person.ToString())));
                    break;
                case DeadlineWarned warned:
                    var warnedKind = ("deadline", templates.Word(staff, warned.Kind));
                    Add(
                        NotificationKind.DeadlineWarning,
                        Notification.ToActor(after.Owner),
                        ToStaff("deadlineWarning.subject", warnedKind),
                        ToStaff("deadlineWarning.body", warnedKind, ("due", templates.Time(staff, warned.DueAt))));
                    break;
                case DeadlineBreached breached:
                    var breachedKind = ("deadline", templates.Word(staff, breached.Kind));
                    var breachSubject = ToStaff("deadlineBreach.subject", breachedKind);
                    var breachText = ToStaff("deadlineBreach.body", breachedKind, ("due", templates.Time(staff, breached.DueAt)));
                    Add(NotificationKind.DeadlineBreach, Notification.ToActor(after.Owner), breachSubject, breachText);
                    if (!string.IsNullOrWhiteSpace(breached.Escalation.NotifyRole))
                    {
                        Add(NotificationKind.DeadlineBreach, Notification.ToRole(breached.Escalation.NotifyRole), breachSubject, breachText);
                    }

                    break;
                case Escalated escalated when !string.IsNullOrWhiteSpace(escalated.Decision?.NotifyRole)
                                              && !AlreadyTo(Notification.ToRole(escalated.Decision.NotifyRole)):
                    var level = ("level", escalated.Level.ToString(CultureInfo.InvariantCulture));
                    Add(
                        NotificationKind.Escalation,
                        Notification.ToRole(escalated.Decision.NotifyRole),
                        ToStaff("escalation.subject", level),
                        ToStaff("escalation.body", level, ("reason", escalated.Reason)));
                    break;
                case DecisionCommunicated communicated when reachable:
                    Add(NotificationKind.ResultNotice, Notification.Complainant, ToHim("resultNotice.subject"), communicated.Message);
                    break;
                case ImplementationCompleted when reachable:
                    Add(NotificationKind.SatisfactionSurvey, Notification.Complainant, ToHim("survey.subject"), ToHim("survey.body"));
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
                    ? ToComplainant(entry.Event, notice, CaseId(), templates, culture)
                    : ToStaffNotice(after, entry.Event, notice, CaseId(), About(), templates, staff);
                Add(notice.Kind, recipient, subject, body);
            }
        }

        return (IReadOnlyList<Notification>?)planned ?? [];
    }

    /// <summary>
    /// The culture a case's notifications are written in: the intake's, else the policy's, else the templates' default —
    /// each resolved to a culture with templates (<see cref="NoticeTemplates.CultureFor"/>).
    /// </summary>
    internal static string CultureOf(Complaint c, IComplaintPolicy? policy, NoticeTemplates templates) =>
        templates.CultureFor(c.Intake.Culture ?? policy?.Culture);

    /// <summary>A template with <c>{case}</c> and <paramref name="values"/> filled, starting with a capital letter.</summary>
    private static string Render(NoticeTemplates templates, string culture, string key, string caseId, ReadOnlySpan<(string Name, string Value)> values) =>
        templates.Render(culture, key, caseId, null, values, capitalize: true);

    /// <summary>A template with <c>{case}</c>, <c>{about}</c> and <paramref name="values"/> filled (a later value of a name wins), starting with a capital letter.</summary>
    private static string Render(NoticeTemplates templates, string culture, string key, string caseId, string about, ReadOnlySpan<(string Name, string Value)> values) =>
        templates.Render(culture, key, caseId, about, values, capitalize: true);

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
    private static (string Subject, string Body) ToComplainant(ComplaintEvent happened, Notice notice, string id, NoticeTemplates t, string culture)
    {
        var subject = notice.Kind switch
        {
            NotificationKind.Rejection => "rejection.subject",
            NotificationKind.Redirection => "redirection.subject",
            NotificationKind.DeadlineExtension => "extension.subject",
            NotificationKind.Progress => "progress.subject",
            _ => "news.subject",
        };
        var body = happened switch
        {
            ComplaintRejected rejected => Render(t, culture, "rejection.body", id, [("reason", t.Sentence(culture, rejected.Reason))]),
            ComplaintRedirected redirected => Render(t, culture, "redirection.body", id, [("to", redirected.To), ("reason", t.Sentence(culture, redirected.Reason))]),
            DeadlineExtended extended => Render(t, culture, "extension.body", id, [("reason", t.Sentence(culture, extended.ReasonGivenToComplainant)), ("due", t.Date(culture, extended.To))]),
            DeadlineBreached or DeadlineWarned => Render(t, culture, "progress.body", id, [("due", t.Date(culture, DueOf(happened)))]),
            ComplaintTriaged triaged => Acknowledgement(t, culture, id, triaged.Deadlines),
            _ => Render(t, culture, "news.body", id, [("event", t.EventWords(culture, NoticeEvent.Of(happened).Name))]),
        };
        return (Render(t, culture, subject, id, []), t.Join(culture, body, notice.Text));
    }

    /// <summary>A notice to staff: the case (never the complainant's identity), what happened, why they are told.</summary>
    private static (string Subject, string Body) ToStaffNotice(Complaint c, ComplaintEvent happened, Notice notice, string id, string about, NoticeTemplates t, string culture)
    {
        var at = NoticeEvent.Of(happened);
        var words = ("event", t.EventWords(culture, at.Name));
        var what = happened switch
        {
            ComplaintTriaged when c.Department is { } d => Render(t, culture, "staffNotice.triaged.routed", id, [("about", about), ("department", d.Value)]),
            ComplaintTriaged => Render(t, culture, "staffNotice.triaged", id, [("about", about)]),
            ComplaintRedirected redirected => Render(t, culture, "staffNotice.redirected", id, [("about", about), ("to", redirected.To)]),
            DeadlineBreached or DeadlineWarned or DeadlineExtended => Render(
                t, culture, "staffNotice.deadline", id, [("about", about), words, ("deadline", t.Word(culture, at.Deadline!.Value)), ("due", t.Time(culture, DueOf(happened)))]),
            _ => Render(t, culture, "staffNotice.other", id, [("about", about), words]),
        };
        var subject = Render(t, culture, "staffNotice.subject", id, [words]);
        return (subject, t.Join(culture, t.Join(culture, what, t.Sentence(culture, Capitalized(notice.Reason))), notice.Text));
    }

    /// <summary>
    /// "We will reply by": the resolve deadline's date. A case without one yet (no such rule, or one whose clock starts
    /// at a later event) promises no date rather than another deadline's (a follow-up call is not a reply).
    /// </summary>
    private static string Acknowledgement(NoticeTemplates t, string culture, string caseId, IReadOnlyList<Deadline> deadlines)
    {
        foreach (var d in deadlines)
        {
            if (d.Kind == DeadlineKind.Resolve)
            {
                return Render(t, culture, "acknowledgement.body", caseId, [("due", t.Date(culture, d.DueAt))]);
            }
        }

        return Render(t, culture, "acknowledgement.body.undated", caseId, []);
    }

    private static DateTimeOffset DueOf(ComplaintEvent e) => e switch
    {
        DeadlineBreached b => b.DueAt,
        DeadlineWarned w => w.DueAt,
        DeadlineExtended x => x.To,
        _ => default,
    };

    private static string Capitalized(string text)
    {
        if (text.Length == 0 || char.ToUpperInvariant(text[0]) == text[0])
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, t) =>
        {
            t.AsSpan().CopyTo(span);
            span[0] = char.ToUpperInvariant(t[0]);
        });
    }

    /// <summary>The case in words for staff: id, category, severity and subject — never who complained.</summary>
    private static string Describe(Complaint c, string caseId, NoticeTemplates t, string culture)
    {
        var tier = c.Severity is { } severity ? t.Word(culture, severity) : null;
        var classification = (c.Category, tier) switch
        {
            ({ } category, { } word) => string.Concat(category, t.Template(culture, "format.separator"), word),
            ({ } category, null) => category,
            (null, { } word) => word,
            _ => null,
        };
        return t.Render(
            culture,
            classification is null ? "about.unclassified" : "about",
            caseId,
            null,
            [("subject", c.Intake.Subject.Name), ("classification", classification ?? "")],
            capitalize: false);
    }
}
