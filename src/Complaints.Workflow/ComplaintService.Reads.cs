using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Access;

namespace Complaints.Workflow;

public sealed partial class ComplaintService
{
    /// <summary>Reads a case as <paramref name="reader"/> may see it.</summary>
    /// <param name="id">The case.</param>
    /// <param name="reader">Who reads it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case, with the complainant's identity withheld if the policy says so.</returns>
    /// <exception cref="ComplaintNotFoundException">There is no such case.</exception>
    /// <exception cref="NotPermittedException">The reader may not see this case.</exception>
    public async Task<Complaint> GetAsync(ComplaintId id, Actor reader, CancellationToken cancellationToken = default)
    {
        var complaint = await LoadVisibleAsync(id, reader, ComplaintAction.View, cancellationToken).ConfigureAwait(false);
        var view = await ViewAsync(complaint, reader, cancellationToken).ConfigureAwait(false);
        return view.Apply(complaint);
    }

    /// <summary>Reads a case's journal as <paramref name="reader"/> may see it.</summary>
    /// <param name="id">The case.</param>
    /// <param name="reader">Who reads it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries in order, with the complainant's identity withheld if the policy says so.</returns>
    /// <exception cref="ComplaintNotFoundException">There is no such case.</exception>
    /// <exception cref="NotPermittedException">The reader may not see this case.</exception>
    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(ComplaintId id, Actor reader, CancellationToken cancellationToken = default)
    {
        var complaint = await LoadVisibleAsync(id, reader, ComplaintAction.View, cancellationToken).ConfigureAwait(false);
        var entries = await _store.ReadJournalAsync(id, cancellationToken).ConfigureAwait(false);
        var view = await ViewAsync(complaint, reader, cancellationToken).ConfigureAwait(false);
        return view.Apply(complaint, entries);
    }

    /// <summary>Finds the cases matching <paramref name="query"/> that <paramref name="reader"/> may see.</summary>
    /// <param name="reader">Who asks. Unless they hold a role in <see cref="ComplaintsOptions.SeeAllRoles"/>, only cases they received, handle, or that belong to their department or wait for their approval are returned.</param>
    /// <param name="query">The filter and page; e.g. <c>new ComplaintQuery { DueBefore = now }</c> for overdue cases.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, each case as the reader may see it.</returns>
    /// <exception cref="ComplaintValidationException">The reader or the query is invalid (a list or text beyond <see cref="ComplaintLimits"/>, a page out of range).</exception>
    public async Task<IReadOnlyList<Complaint>> QueryAsync(Actor reader, ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        Internal.InputValidator.Query(reader, query);
        var scoped = _access.VisibilityFor(reader) is { } visibility ? query! with { VisibleTo = visibility } : query!;
        var page = await _store.QueryAsync(scoped, cancellationToken).ConfigureAwait(false);
        return await ShowAllAsync(page, reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A page of cases as the reader may see them, the reads that show a confidential complainant put on record together.</summary>
    private async Task<Complaint[]> ShowAllAsync(IReadOnlyList<Complaint> page, Actor reader, CancellationToken cancellationToken)
    {
        var shown = new Complaint[page.Count];
        List<AuditRecord>? reads = null;
        for (var i = 0; i < shown.Length; i++)
        {
            var (view, read) = Show(page[i], reader);
            if (read is not null)
            {
                (reads ??= []).Add(read);
            }

            shown[i] = view.Apply(page[i]);
        }

        if (reads is not null)
        {
            await _audit.AppendAuditAsync(reads, cancellationToken).ConfigureAwait(false);
        }

        return shown;
    }

    /// <summary>
    /// What <paramref name="actor"/> may do on the case now: the actions the lifecycle allows in its state whose
    /// conditions are met and that the actor's roles and relation to the case permit. A policy may still refuse
    /// one when it decides (a conflict of interest, a remedy beyond the receiver's authority).
    /// </summary>
    /// <param name="id">The case.</param>
    /// <param name="actor">Who would act.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The actions, in lifecycle order; empty for a recused or accused actor.</returns>
    /// <exception cref="ComplaintNotFoundException">There is no such case.</exception>
    /// <exception cref="NotPermittedException">The actor may not see this case.</exception>
    /// <exception cref="PolicyVersionNotLoadedException">The pack version the case was opened under is not loaded and <see cref="ComplaintsOptions.PolicyVersionFallback"/> does not allow another.</exception>
    public async Task<IReadOnlyList<ComplaintAction>> GetAllowedActionsAsync(ComplaintId id, Actor actor, CancellationToken cancellationToken = default)
    {
        var complaint = await LoadVisibleAsync(id, actor, ComplaintAction.View, cancellationToken).ConfigureAwait(false);
        if (complaint.IsAccused(actor.Id) || complaint.IsRecused(actor.Id))
        {
            return [];
        }

        var settings = _policies.Resolve(complaint.Policy, complaint.Id).Lifecycle;
        var machine = Lifecycle.LifecycleMachine.For(complaint, _time.GetUtcNow(), _options.ReopenWindow, settings);
        return machine.AllowedActions().Where(a => PermissionFor(a, settings).Grants(actor, complaint)).ToArray();
    }

    /// <summary>The policy's handling advice for the case (how to approach this complainant), for whoever handles it.</summary>
    /// <param name="id">The case.</param>
    /// <param name="reader">Who asks.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The advice with the rules behind it.</returns>
    /// <exception cref="ComplaintNotFoundException">There is no such case.</exception>
    /// <exception cref="NotPermittedException">The reader may not see this case.</exception>
    /// <exception cref="PolicyVersionNotLoadedException">The pack version the case was opened under is not loaded and <see cref="ComplaintsOptions.PolicyVersionFallback"/> does not allow another.</exception>
    public async Task<GuidanceDecision> GetGuidanceAsync(ComplaintId id, Actor reader, CancellationToken cancellationToken = default)
    {
        var complaint = await LoadVisibleAsync(id, reader, ComplaintAction.View, cancellationToken).ConfigureAwait(false);
        var advice = _policies.Resolve(complaint.Policy, complaint.Id).AdviseHandling(complaint);
        var view = _access.ViewOf(complaint, reader);
        return view.IsFull ? advice : advice with { Explanation = view.Apply(advice.Explanation) };
    }

    /// <summary>
    /// Reads the access audit: who read a confidential complainant's identity, and who was refused a command or a
    /// read, and when. For those who may check on others: a role in <see cref="ComplaintsOptions.AuditReaderRoles"/>.
    /// </summary>
    /// <param name="reader">Who asks.</param>
    /// <param name="query">The filter and page, e.g. <c>new AuditQuery { ComplaintId = id }</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, oldest first.</returns>
    /// <exception cref="ComplaintValidationException">The reader or the query is invalid.</exception>
    /// <exception cref="NotPermittedException">The reader holds no role that reads the audit.</exception>
    public async Task<IReadOnlyList<AuditRecord>> GetAuditAsync(Actor reader, AuditQuery query, CancellationToken cancellationToken = default)
    {
        new Internal.Validation().Actor(reader, "Reader")
            .Check(query is not null, "Query", "is required.")
            .Check(query is null || query.Skip >= 0, "Query.Skip", "must not be negative.")
            .Check(query is null || query.Take is > 0 and <= 1000, "Query.Take", "must be between 1 and 1000.")
            .ThrowIfAny();
        if (!reader.Roles.Any(_options.AuditReaderRoles.Contains))
        {
            throw new NotPermittedException(query!.ComplaintId, reader.Id, ComplaintAction.View,
                $"reading the access audit needs role {string.Join(" or ", _options.AuditReaderRoles)}.");
        }

        return await _audit.ReadAuditAsync(query!, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Complaint> LoadVisibleAsync(ComplaintId id, Actor reader, ComplaintAction action, CancellationToken cancellationToken)
    {
        new Internal.Validation().Actor(reader, "Reader").ThrowIfAny();
        var complaint = await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ComplaintNotFoundException(id);
        if (!_access.CanSee(complaint, reader))
        {
            var refused = new NotPermittedException(id, reader.Id, action,
                "they did not receive or handle it, it is not their department's, and they hold no role that sees every case.");
            await AuditAsync(AuditKind.Refused, reader, action, id, refused.Reason, cancellationToken).ConfigureAwait(false);
            throw refused;
        }

        return complaint;
    }

    /// <summary>What the reader is shown of the case; a read that shows a confidential complainant is put on record.</summary>
    private async ValueTask<CaseView> ViewAsync(Complaint complaint, Actor reader, CancellationToken cancellationToken)
    {
        var (view, read) = Show(complaint, reader);
        if (read is not null)
        {
            await _audit.AppendAuditAsync(read, cancellationToken).ConfigureAwait(false);
        }

        return view;
    }

    /// <summary>The one rule for every read: what the reader is shown, and the audit record when it shows a confidential complainant.</summary>
    private (CaseView View, AuditRecord? Read) Show(Complaint complaint, Actor reader)
    {
        var view = _access.ViewOf(complaint, reader);
        return view.Identity && _access.IsConfidential(complaint)
            ? (view, Record(AuditKind.IdentityRead, reader, ComplaintAction.View, complaint.Id, null))
            : (view, null);
    }
}
