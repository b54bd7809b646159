using Complaints.Commands;
using Complaints.Ports;

namespace Complaints.Workflow;

public sealed partial class ComplaintService
{
    /// <summary>
    /// The cases on <paramref name="actor"/>'s desk, in one paged read (<see cref="DeskQuery"/>): those they handle,
    /// those waiting for an approval by a role they hold, those waiting for triage if they hold a role the
    /// <see cref="ComplaintAction.Triage"/> permission grants, and their department's overdue cases; ordered by the
    /// next deadline (cases without one last), then receipt time, then id. Only cases the actor may see are returned,
    /// each as they may see it (a read that shows a confidential complainant is put on record, as
    /// <see cref="QueryAsync"/> does). Cases the actor is accused in or recused from are dropped after the page is
    /// read, so a page may hold fewer than <paramref name="take"/> cases while later pages still hold more.
    /// </summary>
    /// <param name="actor">Whose desk.</param>
    /// <param name="skip">How many cases on the desk to skip.</param>
    /// <param name="take">The most cases to read, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, each case with why it is on the desk.</returns>
    /// <exception cref="ComplaintValidationException">The actor is invalid, <paramref name="skip"/> is negative or <paramref name="take"/> is not between 1 and 1000.</exception>
    public async Task<IReadOnlyList<DeskItem>> GetDeskAsync(Actor actor, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        new Internal.Validation().Actor(actor, "Actor")
            .Check(skip >= 0, "Skip", "must not be negative.")
            .Check(take is > 0 and <= 1000, "Take", "must be between 1 and 1000.")
            .ThrowIfAny();
        var query = new DeskQuery
        {
            AssignedTo = actor.Id,
            ApprovalRoles = actor.Roles,
            AwaitingTriage = _options.Permissions[ComplaintAction.Triage].Grants(actor, null),
            OverdueIn = actor.Department,
            Now = _time.GetUtcNow(),
            VisibleTo = _access.VisibilityFor(actor),
            Skip = skip,
            Take = take,
        };
        var page = await _store.QueryDeskAsync(query, cancellationToken).ConfigureAwait(false);
        var kept = page.Where(item => !item.Complaint.IsAccused(actor.Id) && !item.Complaint.IsRecused(actor.Id)).ToArray();
        var shown = await ShowAllAsync(kept.Select(item => item.Complaint).ToArray(), actor, cancellationToken).ConfigureAwait(false);
        var desk = new DeskItem[kept.Length];
        for (var i = 0; i < desk.Length; i++)
        {
            desk[i] = kept[i] with { Complaint = shown[i] };
        }

        return desk;
    }
}
