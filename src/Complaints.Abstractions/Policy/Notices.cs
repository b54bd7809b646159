using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;
using Complaints.Journal;
using Complaints.Notifications;

namespace Complaints.Policy;

/// <summary>
/// The moment at which the policy is asked who is told (<see cref="IComplaintPolicy.DecideNotices"/>): a journal
/// event of the case, named as in the journal's JSON (<c>triaged</c>, <c>rejected</c>, <c>redirected</c>,
/// <c>deadline-extended</c>, <c>deadline-breached</c> …), with the deadline it concerns for a deadline event.
/// </summary>
/// <param name="Name">The event's name: one of <see cref="Names"/>.</param>
/// <param name="Deadline">For a deadline event (warned, breached, extended): which deadline; otherwise <see langword="null"/>.</param>
public sealed record NoticeEvent(string Name, DeadlineKind? Deadline = null)
{
    private static readonly FrozenDictionary<Type, string> ByType = typeof(ComplaintEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Where(a => a.TypeDiscriminator is string)
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    // An event without a deadline kind is the same notice event every time: made once per event type.
    private static readonly FrozenDictionary<Type, NoticeEvent> Undated = ByType.ToFrozenDictionary(p => p.Key, p => new NoticeEvent(p.Value, null));

    /// <summary>The names of every journal event, as the journal's JSON spells them (<c>"type"</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ByType.Values.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The notice event of a journal event: its name and, for a deadline event, the deadline's kind.</summary>
    /// <param name="journalEvent">The journal event.</param>
    /// <returns>The notice event.</returns>
    /// <exception cref="ArgumentException">The event's type is not one of the journal's event types.</exception>
    public static NoticeEvent Of(ComplaintEvent journalEvent)
    {
        ArgumentNullException.ThrowIfNull(journalEvent);
        if (!ByType.TryGetValue(journalEvent.GetType(), out var name))
        {
            throw new ArgumentException($"{journalEvent.GetType().Name} is not a journal event type (it has no [JsonDerivedType] on ComplaintEvent).", nameof(journalEvent));
        }

        var deadline = journalEvent switch
        {
            DeadlineWarned warned => warned.Kind,
            DeadlineBreached breached => breached.Kind,
            DeadlineExtended extended => extended.Kind,
            _ => (DeadlineKind?)null,
        };
        return deadline is null ? Undated[journalEvent.GetType()] : new NoticeEvent(name, deadline);
    }
}

/// <summary>
/// One notice a policy wants sent: to whom, of which kind, and why. The workflow turns it into a
/// <see cref="Notification"/> in the same save as the event (so a retried save adds it once), writes its text
/// (messages to staff never carry the complainant's identity or contact), and sends nothing to a complainant who
/// cannot be reached.
/// </summary>
/// <param name="To">
/// Who is told: <see cref="Complainant"/>; <see cref="Owner"/> (whoever owns the case now); <see cref="Handler"/>
/// (the assigned handler; nobody while none is assigned); a role id (<c>general-manager</c> → <c>role:general-manager</c>);
/// or a role id with <see cref="OfTheDepartment"/> (<c>manager@department</c> → <c>role:manager@&lt;the case's department&gt;</c>,
/// or <c>role:manager</c> while the case has no department).
/// </param>
/// <param name="Kind">What the notification is about, e.g. <see cref="NotificationKind.Alert"/> or <see cref="NotificationKind.Rejection"/>.</param>
/// <param name="Reason">Why the recipient is told (the rule of the policy, in words); a message to staff states it.</param>
public sealed record Notice(string To, NotificationKind Kind, string Reason)
{
    /// <summary>The complainant (told only if they can be reached).</summary>
    public const string Complainant = "complainant";

    /// <summary>Whoever owns the case now: its handler, or its receiver until a handler is named.</summary>
    public const string Owner = "owner";

    /// <summary>The assigned handler; no one while the case has none.</summary>
    public const string Handler = "handler";

    /// <summary>Appended to a role id: whoever holds the role in the department responsible for the case.</summary>
    public const string OfTheDepartment = "@department";

    /// <summary>A sentence the policy adds to the message (e.g. where else the complainant may turn); <see langword="null"/> for none.</summary>
    public string? Text { get; init; }

    /// <summary>The rule that asked for it, for explanations; <see langword="null"/> for a policy in code.</summary>
    public string? Rule { get; init; }
}

/// <summary>Who is told, at one event of a case: every notice the policy wants sent for it.</summary>
/// <param name="Notices">The notices, in the policy's order; empty for none.</param>
/// <param name="Explanation">The rules that produced them.</param>
public sealed record NoticeDecision(IReadOnlyList<Notice> Notices, PolicyExplanation Explanation) : PolicyDecision(Explanation);
