using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Complaints.Improvement;

namespace Complaints.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>The complainant is told the complaint was received and triaged.</summary>
    Acknowledgement,

    /// <summary>A handler is told a case was assigned to them.</summary>
    Assignment,

    /// <summary>An approver role is asked to approve a remedy.</summary>
    ApprovalRequest,

    /// <summary>The owner is told a deadline is near.</summary>
    DeadlineWarning,

    /// <summary>The owner (and the escalation role) is told a deadline was breached.</summary>
    DeadlineBreach,

    /// <summary>A role is told a case was escalated to it.</summary>
    Escalation,

    /// <summary>The complainant is told the decision.</summary>
    ResultNotice,

    /// <summary>The complainant is asked how satisfied they are once the remedy was carried out.</summary>
    SatisfactionSurvey,

    /// <summary>The complainant is told the complaint is not taken up, with the reason (a pack's notice rule).</summary>
    Rejection,

    /// <summary>The complainant is told the complaint is for another body, with the reason and where to go (a pack's notice rule).</summary>
    Redirection,

    /// <summary>The complainant is told a deadline was extended, with the reason and the new date (a pack's notice rule).</summary>
    DeadlineExtension,

    /// <summary>The complainant is told how the case stands at the promised time, even without a result (a pack's notice rule).</summary>
    Progress,

    /// <summary>A member of staff or a role is told of a case because the policy says they must know at once (a pack's notice rule, e.g. a major complaint at triage).</summary>
    Alert,
}

/// <summary>
/// A message to send because something happened to a case or to a corrective action. Written to the outbox in the same
/// transaction as the journal entry that caused it, and delivered at least once: senders de-duplicate on <see cref="Id"/>.
/// Exactly one of <see cref="ComplaintId"/> and <see cref="CorrectiveActionId"/> is set.
/// </summary>
/// <param name="Id">A stable id derived from the case (or action), the journal entry, the kind and the recipient (see <see cref="StableId(Complaints.ComplaintId, long, NotificationKind, string)"/>).</param>
/// <param name="ComplaintId">The case it is about; <see langword="null"/> for a notification about a corrective action.</param>
/// <param name="Sequence">The journal entry that caused it: of the case's journal, or of the action's when <see cref="CorrectiveActionId"/> is set.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Recipient">
/// Who receives it: <c>complainant</c>, <c>actor:&lt;id&gt;</c>, <c>role:&lt;role&gt;</c> or <c>role:&lt;role&gt;@&lt;department&gt;</c>
/// (whoever holds the role in that department); the host's sender resolves it to an address.
/// Messages to staff never carry the complainant's identity or contact details.
/// </param>
/// <param name="Subject">A short subject line.</param>
/// <param name="Body">The text.</param>
/// <param name="CreatedAt">When the causing entry was written.</param>
/// <param name="CorrectiveActionId">The corrective action it is about; <see langword="null"/> (the default) for a notification about a case.</param>
/// <exception cref="ArgumentException">Both or neither of <paramref name="ComplaintId"/> and <paramref name="CorrectiveActionId"/> are set.</exception>
/// <remarks>
/// The constructor checks that exactly one of <see cref="ComplaintId"/> and <see cref="CorrectiveActionId"/> is set; a
/// <c>with</c> expression does not, but <see cref="Ports.CaseChange"/> and <see cref="Improvement.CorrectiveActionChange"/>
/// refuse such a notification before any store writes it.
/// </remarks>
public sealed record Notification(
    Guid Id,
    ComplaintId? ComplaintId,
    long Sequence,
    NotificationKind Kind,
    string Recipient,
    string Subject,
    string Body,
    DateTimeOffset CreatedAt,
    CorrectiveActionId? CorrectiveActionId = null)
{
    /// <summary>The corrective action it is about; <see langword="null"/> for a notification about a case.</summary>
    public CorrectiveActionId? CorrectiveActionId { get; init; } = ExactlyOne(ComplaintId, CorrectiveActionId);

    /// <summary>The recipient that stands for the complainant.</summary>
    public const string Complainant = "complainant";

    /// <summary>The recipient for a member of staff.</summary>
    /// <param name="actor">The person.</param>
    /// <returns><c>actor:&lt;id&gt;</c>.</returns>
    public static string ToActor(ActorId actor) => "actor:" + actor.Value;

    /// <summary>The recipient for whoever holds a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns><c>role:&lt;role&gt;</c>.</returns>
    public static string ToRole(string role) => "role:" + role;

    /// <summary>The recipient for whoever holds a role in one department (e.g. the manager of the department responsible for the case).</summary>
    /// <param name="role">The role.</param>
    /// <param name="department">The department.</param>
    /// <returns><c>role:&lt;role&gt;@&lt;department&gt;</c>.</returns>
    public static string ToRole(string role, DepartmentId department) => "role:" + role + "@" + department.Value;

    /// <summary>
    /// The id of the notification of <paramref name="kind"/> to <paramref name="recipient"/> caused by entry
    /// <paramref name="sequence"/> of case <paramref name="complaintId"/>: the same inputs always give the same id (a
    /// version-8 UUID made of the first 16 bytes of their SHA-256 hash).
    /// </summary>
    /// <param name="complaintId">The case.</param>
    /// <param name="sequence">The journal entry.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="recipient">The recipient.</param>
    /// <returns>The id.</returns>
    public static Guid StableId(Complaints.ComplaintId complaintId, long sequence, NotificationKind kind, string recipient) =>
        Hash("complaints-notification/", complaintId.Value, sequence, kind, recipient);

    /// <summary>
    /// The id of the notification of <paramref name="kind"/> to <paramref name="recipient"/> caused by entry
    /// <paramref name="sequence"/> of corrective action <paramref name="actionId"/>: the same inputs always give the same
    /// id, and never the id of a case's notification (the hashed text has a prefix of its own).
    /// </summary>
    /// <param name="actionId">The corrective action.</param>
    /// <param name="sequence">The entry of the action's journal.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="recipient">The recipient.</param>
    /// <returns>The id.</returns>
    public static Guid StableId(Improvement.CorrectiveActionId actionId, long sequence, NotificationKind kind, string recipient) =>
        Hash("complaints-action-notification/", actionId.Value, sequence, kind, recipient);

    private static Improvement.CorrectiveActionId? ExactlyOne(Complaints.ComplaintId? complaintId, Improvement.CorrectiveActionId? actionId) =>
        (complaintId is null) == (actionId is null)
            ? throw new ArgumentException(
                "A notification is about a case or a corrective action: set exactly one of ComplaintId and CorrectiveActionId.")
            : actionId;

    private static Guid Hash(string prefix, Guid subject, long sequence, NotificationKind kind, string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        // The UTF-8 text is written straight into a buffer (on the stack unless the recipient is long).
        var most = 96 + Encoding.UTF8.GetMaxByteCount(recipient.Length);
        Span<byte> utf8 = most <= 512 ? stackalloc byte[512] : new byte[most];
        if (!Utf8.TryWrite(utf8, System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{subject:D}/{sequence}/{kind}/{recipient}", out var length))
        {
            throw new InvalidOperationException("The notification id's text did not fit its buffer.");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8[..length], hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>Delivers notifications (email, SMS, a message bus …). The host registers one or several.</summary>
/// <remarks>
/// Delivery is at least once: after a crash or a failed attempt the same notification, with the same
/// <see cref="Notification.Id"/>, may be sent again. A sender that must not repeat itself de-duplicates on the id.
/// </remarks>
public interface INotificationSender
{
    /// <summary>Sends <paramref name="notification"/>; throws if it could not be sent (it is then retried later).</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the notification was handed over.</returns>
    Task SendAsync(Notification notification, CancellationToken cancellationToken = default);
}
