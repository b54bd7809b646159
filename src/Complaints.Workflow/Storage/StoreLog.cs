using Complaints.Ports;
using Microsoft.Extensions.Logging;

namespace Complaints.Workflow.Storage;

/// <summary>
/// What every store logs when it steps past a row it cannot read, worded alike for each store (the built-in SQL stores
/// use it, and a host's own store may). Only ids and the JSON error are logged, never the complainant.
/// </summary>
public static partial class StoreLog
{
    /// <summary>Reads a case a desk query found; one this release cannot read is logged by id and left out (<see langword="null"/>).</summary>
    /// <param name="logger">The store's logger.</param>
    /// <param name="complaintId">The case.</param>
    /// <param name="json">Its stored JSON.</param>
    /// <returns>The case, or <see langword="null"/> if it cannot be read.</returns>
    public static Complaint? ReadCaseOrSkip(this ILogger logger, ComplaintId complaintId, string json)
    {
        try
        {
            return StoredRecords.ReadCase(complaintId, json);
        }
        catch (UnreadableCaseException e)
        {
            logger.UnreadableCaseSkipped(complaintId, e);
            return null;
        }
    }

    /// <summary>A desk query left out a case whose stored JSON cannot be read; the rest of the page is returned.</summary>
    /// <param name="logger">The store's logger.</param>
    /// <param name="complaintId">The case left out.</param>
    /// <param name="exception">Why it cannot be read.</param>
    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning,
        Message = "Complaint {ComplaintId} cannot be read (written by a newer release, or damaged) and was left out of a query; FindUnreadableCasesAsync lists every such case.")]
    public static partial void UnreadableCaseSkipped(this ILogger logger, ComplaintId complaintId, Exception exception);

    /// <summary>A claim parked an outbox message whose stored JSON cannot be read; the other messages are sent.</summary>
    /// <param name="logger">The store's logger.</param>
    /// <param name="notificationId">The message parked.</param>
    /// <param name="about">What it is about, ids only (see <see cref="About"/>).</param>
    /// <param name="error">Why it cannot be read.</param>
    [LoggerMessage(EventId = 9102, Level = LogLevel.Error,
        Message = "Outbox message {NotificationId} of {About} cannot be read and was parked: {Error}. ReadParkedOutboxAsync lists it; ReleaseParkedOutboxAsync retries it once it is readable.")]
    public static partial void UnreadableNotificationParked(this ILogger logger, Guid notificationId, string about, string error);

    /// <summary>What an outbox row is about, for <see cref="UnreadableNotificationParked"/>: <c>complaint &lt;id&gt;</c> or <c>corrective action &lt;id&gt;</c>.</summary>
    /// <param name="complaintId">The row's case, if it is about one.</param>
    /// <param name="actionId">The row's corrective action, if it is about one.</param>
    /// <returns>The words.</returns>
    public static string About(ComplaintId? complaintId, Complaints.Improvement.CorrectiveActionId? actionId) =>
        actionId is { } action ? "corrective action " + action : "complaint " + complaintId;
}
