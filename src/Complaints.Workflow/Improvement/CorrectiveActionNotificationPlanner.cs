using System.Globalization;
using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Workflow.Notifications;

namespace Complaints.Workflow.Improvement;

/// <summary>
/// Decides which notifications the entries of one save of a corrective action cause. Pure: the same action and entries
/// always give the same notifications with the same ids (<see cref="Notification.StableId(CorrectiveActionId, long, NotificationKind, string)"/>);
/// <see cref="CorrectiveActionService"/> puts them in the <see cref="CorrectiveActionChange"/> it saves, so the store writes
/// them in the save's transaction and the <see cref="Notifications.OutboxDispatcher"/> sends them like a case's.
/// </summary>
/// <remarks>
/// Who is told what:
/// <list type="bullet">
/// <item>a proposal that needs approval: an <see cref="NotificationKind.ApprovalRequest"/> to the approval role the policy named (<see cref="CorrectiveActionTerms.ApprovalRole"/>);</item>
/// <item>a deadline warning: a <see cref="NotificationKind.DeadlineWarning"/> to the action's owner;</item>
/// <item>a deadline breach: a <see cref="NotificationKind.DeadlineBreach"/> to the owner and to the approval role, if the action has one.</item>
/// </list>
/// The texts name the action (id, title, root cause, cause description, due date, how many cases it arises from) and
/// take nothing from its cases, which an action refers to by id only. The title and the cause description are text
/// staff write: the service does not screen them, so a complainant's name typed into them would reach the recipients.
/// The texts come from <see cref="NoticeTemplates"/> (<c>action.*</c>), in the staff culture if the host set one, else
/// the culture of the policy the action was proposed under, else the default culture.
/// </remarks>
internal static class CorrectiveActionNotificationPlanner
{
    /// <summary>The notifications <paramref name="entries"/> cause.</summary>
    /// <param name="after">The action after the entries.</param>
    /// <param name="entries">The entries one save writes, in order.</param>
    /// <param name="templates">The texts; <see cref="NoticeTemplates.Default"/> if <see langword="null"/>.</param>
    /// <param name="culture">The culture of the action's policy, if it names one.</param>
    /// <returns>The notifications, in entry order; empty when the entries cause none.</returns>
    public static IReadOnlyList<Notification> Plan(
        CorrectiveAction after, IReadOnlyList<CorrectiveActionJournalEntry> entries, NoticeTemplates? templates = null, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(entries);
        var t = templates ?? NoticeTemplates.Default;
        var staff = t.StaffCulture ?? t.CultureFor(culture);
        List<Notification>? planned = null;
        string? described = null;
        foreach (var entry in entries)
        {
            void Add(NotificationKind kind, string recipient, string subject, string body)
            {
                var id = Notification.StableId(entry.ActionId, entry.Sequence, kind, recipient);
                planned ??= [];
                if (planned.TrueForAll(n => n.Id != id))
                {
                    planned.Add(new Notification(id, null, entry.Sequence, kind, recipient, subject, body, entry.At, entry.ActionId));
                }
            }

            string Text(string key, params (string Name, string Value)[] values)
            {
                var all = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["title"] = after.Title,
                    ["action"] = described ??= Describe(after, t, staff),
                };
                foreach (var (name, value) in values)
                {
                    all[name] = value;
                }

                return Capitalized(t.Render(staff, key, all));
            }

            switch (entry.Event)
            {
                case CorrectiveActionProposed { Terms.ApprovalRole: { } role } proposed when !string.IsNullOrWhiteSpace(role):
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(role),
                        Text("action.approval.subject"),
                        Text("action.approval.body", ("days", proposed.Terms.DueWorkingDays.ToString(CultureInfo.InvariantCulture))));
                    break;
                case CorrectiveActionDeadlineWarned warned:
                    var near = ("deadline", t.Word(staff, warned.Deadline));
                    Add(
                        NotificationKind.DeadlineWarning,
                        Notification.ToActor(after.Owner),
                        Text("action.deadlineWarning.subject", near),
                        Text("action.deadlineWarning.body", near, ("due", t.Time(staff, DueAt(after, warned.Deadline)))));
                    break;
                case CorrectiveActionDeadlineBreached breached:
                    var missed = ("deadline", t.Word(staff, breached.Deadline));
                    var subject = Text("action.deadlineBreach.subject", missed);
                    var body = Text("action.deadlineBreach.body", missed, ("due", t.Time(staff, DueAt(after, breached.Deadline))));
                    Add(NotificationKind.DeadlineBreach, Notification.ToActor(after.Owner), subject, body);
                    if (after.Approval is { Role: { } approver } && !string.IsNullOrWhiteSpace(approver))
                    {
                        Add(NotificationKind.DeadlineBreach, Notification.ToRole(approver), subject, body);
                    }

                    break;
            }
        }

        return (IReadOnlyList<Notification>?)planned ?? [];
    }

    private static DateTimeOffset DueAt(CorrectiveAction action, CorrectiveActionDeadlineKind kind) =>
        kind == CorrectiveActionDeadlineKind.Verification && action.VerifyDue is { } verify ? verify.DueAt : action.DueAt;

    /// <summary>The action in words for staff: its id, title, root cause and cause, owner's department and how many cases — never a person outside the staff.</summary>
    private static string Describe(CorrectiveAction a, NoticeTemplates t, string culture)
    {
        var origin = a.Cases.Count switch
        {
            0 => t.Render(culture, "action.origin.analysis", Empty),
            1 => t.Render(culture, "action.origin.one", Empty),
            var n => t.Render(culture, "action.origin.many", new Dictionary<string, string> { ["count"] = n.ToString(CultureInfo.InvariantCulture) }),
        };
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = a.Id.ToString(),
            ["title"] = a.Title,
            ["cause"] = t.Word(culture, a.RootCause),
            ["description"] = a.CauseDescription.TrimEnd().TrimEnd('.', '。'),
            ["origin"] = origin,
        };
        if (a.Department is { } d)
        {
            values["department"] = d.Value;
        }

        return t.Render(culture, a.Department is null ? "action.about" : "action.about.department", values);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static readonly Dictionary<string, string> Empty = [];
}
