using Complaints.Journal;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Status;

namespace Complaints.Workflow;

public sealed partial class ComplaintService
{
    /// <summary>
    /// A case's status for its complainant, who gives the reference and the secret they were given at receipt
    /// (<see cref="CommandResult.ComplainantAccess"/>) — what a host's "track my complaint" page calls. No actor, no
    /// permission: the secret is the permission, and the view holds only what is the complainant's to see.
    /// </summary>
    /// <param name="reference">The case's reference (its id), as the complainant typed it.</param>
    /// <param name="secret">The secret, as the complainant typed it (case, spaces and hyphens do not matter).</param>
    /// <param name="culture">The language to put the state in words (e.g. the site's); <see langword="null"/> for the case's culture.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The status; <see langword="null"/> when there is no case with this reference and secret — the same for an unknown
    /// or malformed reference, a wrong secret, and a case received before secrets were issued (or imported), so that the
    /// answer never tells which case ids exist. Secrets are compared in constant time and an unknown reference is hashed
    /// like a wrong secret, but a known reference also costs a read of the case: rate-limit the page (docs/notifications.md).
    /// </returns>
    public async Task<ComplainantStatus?> LookUpStatusAsync(string reference, string secret, string? culture = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reference) || string.IsNullOrWhiteSpace(secret) || reference.Length > 64 || secret.Length > 64)
        {
            return null;
        }

        Complaint? complaint = null;
        if (ComplaintId.TryParse(reference.Trim(), null, out var id))
        {
            complaint = await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        // Hashed whether or not there is a case: an unknown reference costs what a wrong secret does.
        if (!StatusKeys.Matches(complaint?.StatusKey, secret) || complaint is null)
        {
            return null;
        }

        var templates = _options.NoticeTemplates;
        var language = culture is null
            ? NotificationPlanner.CultureOf(complaint, _policies.TryResolve(complaint.Policy, complaint.Id), templates)
            : templates.CultureFor(culture);
        DateTimeOffset? next = null;
        foreach (var d in complaint.Deadlines)
        {
            if (d.MetAt is null && !complaint.IsFinal && d.Kind is DeadlineKind.Acknowledge or DeadlineKind.Resolve or DeadlineKind.NotifyResult
                && (next is null || d.DueAt < next))
            {
                next = d.DueAt;
            }
        }

        // Acknowledged when first triaged (accepted); the result as last told to the complainant.
        DateTimeOffset? acknowledged = null;
        string? result = null;
        foreach (var entry in await _store.ReadJournalAsync(complaint.Id, cancellationToken).ConfigureAwait(false))
        {
            switch (entry.Event)
            {
                case ComplaintTriaged when acknowledged is null:
                    acknowledged = entry.At;
                    break;
                case DecisionCommunicated communicated:
                    result = communicated.Message;
                    break;
            }
        }

        return new ComplainantStatus(
            complaint.Id.ToString(), language, complaint.State, templates.Word(language, complaint.State), complaint.ReceivedAt,
            acknowledged, next, result, complaint.ClosedAt);
    }
}
