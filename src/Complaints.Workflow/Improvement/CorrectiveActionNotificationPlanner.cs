using System.Globalization;
using System.Text.Json;
using Complaints.Improvement;
using Complaints.Notifications;

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
/// </remarks>
internal static class CorrectiveActionNotificationPlanner
{
    /// <summary>The notifications <paramref name="entries"/> cause.</summary>
    /// <param name="after">The action after the entries.</param>
    /// <param name="entries">The entries one save writes, in order.</param>
    /// <returns>The notifications, in entry order; empty when the entries cause none.</returns>
    public static IReadOnlyList<Notification> Plan(CorrectiveAction after, IReadOnlyList<CorrectiveActionJournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(entries);
        List<Notification>? planned = null;
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

            switch (entry.Event)
            {
                case CorrectiveActionProposed { Terms.ApprovalRole: { } role } proposed when !string.IsNullOrWhiteSpace(role):
                    Add(
                        NotificationKind.ApprovalRequest,
                        Notification.ToRole(role),
                        string.Create(Invariant, $"Approval needed for corrective action \"{after.Title}\""),
                        string.Create(Invariant, $"{Capitalized(Describe(after))} was proposed, to be completed {proposed.Terms.DueWorkingDays} working days after approval, and needs your approval."));
                    break;
                case CorrectiveActionDeadlineWarned warned:
                    Add(
                        NotificationKind.DeadlineWarning,
                        Notification.ToActor(after.Owner),
                        string.Create(Invariant, $"The {Name(warned.Deadline)} deadline of corrective action \"{after.Title}\" is near"),
                        string.Create(Invariant, $"The {Name(warned.Deadline)} deadline of {Describe(after)} is due at {Date(DueAt(after, warned.Deadline))}."));
                    break;
                case CorrectiveActionDeadlineBreached breached:
                    var subject = string.Create(Invariant, $"The {Name(breached.Deadline)} deadline of corrective action \"{after.Title}\" was missed");
                    var body = string.Create(Invariant, $"The {Name(breached.Deadline)} deadline of {Describe(after)} was due at {Date(DueAt(after, breached.Deadline))} and was missed.");
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

    // "completion" / "verification"
    private static string Name(CorrectiveActionDeadlineKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>The action in words for staff: its id, title, root cause and cause, owner's department and how many cases — never a person outside the staff.</summary>
    private static string Describe(CorrectiveAction a)
    {
        var cause = JsonNamingPolicy.KebabCaseLower.ConvertName(a.RootCause.ToString());
        var department = a.Department is { } d ? ", department " + d.Value : "";
        var cases = a.Cases.Count switch
        {
            0 => "from analysis",
            1 => "arising from 1 case",
            var n => string.Create(Invariant, $"arising from {n} cases"),
        };
        return string.Create(Invariant, $"corrective action {a.Id} \"{a.Title}\" (root cause {cause}: {Clause(a.CauseDescription)}{department}; {cases})");
    }

    private static string Clause(string text) => text.TrimEnd().TrimEnd('.', '。');

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // As the case's staff messages write due times: UTC, "2026-03-02 09:00:00Z".
    private static string Date(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
