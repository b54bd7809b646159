using Complaints.Commands;
using Complaints.Ports;

namespace Complaints.Workflow;

public sealed partial class ComplaintService
{
    /// <summary>
    /// A page of the cases on <paramref name="actor"/>'s desk (<see cref="DeskQuery"/>): those they handle, those waiting
    /// for an approval by a role they hold, those waiting for triage under a pack whose triage permission grants one of
    /// their roles, and their department's overdue cases; ordered by the next deadline (cases without one last), then
    /// receipt time, then id. Only cases the actor may see are returned, each as they may see it (a read that shows a
    /// confidential complainant is put on record, as <see cref="QueryAsync"/> does). Cases the actor is accused in or
    /// recused from are never on their desk.
    /// </summary>
    /// <param name="actor">Whose desk.</param>
    /// <param name="skip">Where the page starts: 0 for the first, then the previous page's <see cref="DeskPage.NextSkip"/>.</param>
    /// <param name="take">The most cases in the page, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The page (full unless the desk ends in it), each case with why it is on the desk, and where the next page starts.
    /// </returns>
    /// <exception cref="ComplaintValidationException">The actor is invalid, <paramref name="skip"/> is negative or <paramref name="take"/> is not between 1 and 1000.</exception>
    public async Task<DeskPage> GetDeskAsync(Actor actor, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        new Internal.Validation().Actor(actor, "Actor")
            .Check(skip >= 0, "Skip", "must not be negative.")
            .Check(take is > 0 and <= 1000, "Take", "must be between 1 and 1000.")
            .ThrowIfAny();
        var query = new DeskQuery
        {
            AssignedTo = actor.Id,
            ApprovalRoles = actor.Roles,
            // Packs may name their own triage roles: ask the store for cases awaiting triage if any loaded pack (or the
            // host's permissions) would let the actor triage, and keep each case only if its own pack does.
            AwaitingTriage = MayTriageUnderAnyPack(actor),
            OverdueIn = actor.Department,
            Now = _time.GetUtcNow(),
            VisibleTo = _access.VisibilityFor(actor),
            Take = take,
        };

        // Cases the store finds but the actor must not have (accused, recused, another pack's triage) are passed over, so
        // a page is filled from the store's next rows; NextSkip counts the store's rows, not the cases shown.
        // Stryker disable once Linq : a capacity hint; the list grows to what it holds either way
        var kept = new List<DeskItem>(Math.Min(take, 64));
        var cursor = skip;
        int? nextSkip = null;
        while (true)
        {
            var rows = await _store.QueryDeskAsync(query with { Skip = cursor }, cancellationToken).ConfigureAwait(false);
            var used = 0;
            while (used < rows.Count && kept.Count < take)
            {
                if (OnDesk(rows[used], actor) is { } item)
                {
                    kept.Add(item);
                }

                used++;
            }

            cursor += used;
            if (kept.Count == take)
            {
                nextSkip = used < rows.Count || rows.Count == take ? cursor : null;
                break;
            }

            if (rows.Count < take)
            {
                break;
            }
        }

        var shown = await ShowAllAsync(kept.ConvertAll(item => item.Complaint), actor, cancellationToken).ConfigureAwait(false);
        var desk = new DeskItem[kept.Count];
        for (var i = 0; i < desk.Length; i++)
        {
            desk[i] = kept[i] with { Complaint = shown[i] };
        }

        return new DeskPage(desk, nextSkip);
    }

    /// <summary>
    /// Whether to ask the store for cases awaiting triage. It decides which rows are read, not which are shown: OnDesk keeps
    /// a triage row only if the case's own pack lets the actor triage it, so answering true more often costs rows, never a
    /// different desk (the two mutants that do only that are marked below).
    /// </summary>
    private bool MayTriageUnderAnyPack(Actor actor)
    {
        // Stryker disable once Negate : a shortcut; a host permission not granting falls through to the packs, which OnDesk repeats per case
        if (_options.Permissions[ComplaintAction.Triage].Grants(actor, null))
        {
            return true;
        }

        foreach (var loaded in _policies.Loaded)
        {
            if (PermissionFor(ComplaintAction.Triage, _policies.Resolve(loaded).Lifecycle).Grants(actor, null))
            {
                return true;
            }
        }

        // Stryker disable once Boolean : true only asks the store for more rows, which OnDesk then passes over
        return false;
    }

    /// <summary>The row as it belongs on the actor's desk, or <see langword="null"/> if it does not.</summary>
    private DeskItem? OnDesk(DeskItem row, Actor actor)
    {
        var complaint = row.Complaint;
        if (complaint.IsAccused(actor.Id) || complaint.IsRecused(actor.Id))
        {
            return null;
        }

        var reasons = row.Reasons;
        if ((reasons & DeskReasons.AwaitingTriage) != 0 && !MayTriage(complaint, actor))
        {
            reasons &= ~DeskReasons.AwaitingTriage;
        }

        return reasons == DeskReasons.None ? null : row with { Reasons = reasons };
    }

    /// <summary>Whether the case's own pack lets the actor triage it; the host's permission if that pack version is not loaded.</summary>
    private bool MayTriage(Complaint complaint, Actor actor)
    {
        try
        {
            return PermissionFor(ComplaintAction.Triage, _policies.Resolve(complaint.Policy, complaint.Id).Lifecycle).Grants(actor, complaint);
        }
        catch (PolicyVersionNotLoadedException)
        {
            return _options.Permissions[ComplaintAction.Triage].Grants(actor, complaint);
        }
    }
}
