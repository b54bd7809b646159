using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;

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
        var complaint = await LoadVisibleAsync(id, reader, cancellationToken).ConfigureAwait(false);
        return View(complaint, reader);
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
        var complaint = await LoadVisibleAsync(id, reader, cancellationToken).ConfigureAwait(false);
        var entries = await _store.ReadJournalAsync(id, cancellationToken).ConfigureAwait(false);
        return RedactEntries(complaint, entries, reader);
    }

    /// <summary>Finds the cases matching <paramref name="query"/> that <paramref name="reader"/> may see.</summary>
    /// <param name="reader">Who asks. Unless they hold a role in <see cref="ComplaintsOptions.SeeAllRoles"/>, only cases they received, handle, or that belong to their department or wait for their approval are returned.</param>
    /// <param name="query">The filter and page; e.g. <c>new ComplaintQuery { DueBefore = now }</c> for overdue cases.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, each case as the reader may see it.</returns>
    public async Task<IReadOnlyList<Complaint>> QueryAsync(Actor reader, ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        Internal.InputValidator.Query(reader, query);
        var scoped = SeesAll(reader) ? query! : query! with { VisibleTo = new CaseVisibility(reader.Id, reader.Department, reader.Roles) };
        var page = await _store.QueryAsync(scoped, cancellationToken).ConfigureAwait(false);
        return page.Select(c => View(c, reader)).ToArray();
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
    public async Task<IReadOnlyList<ComplaintAction>> GetAllowedActionsAsync(ComplaintId id, Actor actor, CancellationToken cancellationToken = default)
    {
        var complaint = await LoadVisibleAsync(id, actor, cancellationToken).ConfigureAwait(false);
        if (complaint.IsAccused(actor.Id) || complaint.IsRecused(actor.Id))
        {
            return [];
        }

        var machine = Lifecycle.LifecycleMachine.For(complaint, _time.GetUtcNow(), _options.ReopenWindow);
        return machine.AllowedActions().Where(a => _options.Permissions[a].Grants(actor, complaint)).ToArray();
    }

    /// <summary>The policy's handling advice for the case (how to approach this complainant), for whoever handles it.</summary>
    /// <param name="id">The case.</param>
    /// <param name="reader">Who asks.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The advice with the rules behind it.</returns>
    /// <exception cref="ComplaintNotFoundException">There is no such case.</exception>
    /// <exception cref="NotPermittedException">The reader may not see this case.</exception>
    public async Task<GuidanceDecision> GetGuidanceAsync(ComplaintId id, Actor reader, CancellationToken cancellationToken = default)
    {
        var complaint = await LoadVisibleAsync(id, reader, cancellationToken).ConfigureAwait(false);
        return _policies.Resolve(complaint.Policy).AdviseHandling(complaint);
    }

    private async Task<Complaint> LoadVisibleAsync(ComplaintId id, Actor reader, CancellationToken cancellationToken)
    {
        new Internal.Validation().Actor(reader, "Reader").ThrowIfAny();
        var complaint = await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ComplaintNotFoundException(id);
        if (!SeesAll(reader) && !new CaseVisibility(reader.Id, reader.Department, reader.Roles).CanSee(complaint))
        {
            throw new NotPermittedException(id, reader.Id, ComplaintAction.View,
                "they did not receive or handle it, it is not their department's, and they hold no role that sees every case.");
        }

        return complaint;
    }

    private bool SeesAll(Actor reader) => reader.Roles.Any(_options.SeeAllRoles.Contains);

    private bool MaySeeIdentity(Complaint complaint, Actor reader) =>
        !complaint.IsAccused(reader.Id) && _policies.Resolve(complaint.Policy).CheckConfidentiality(complaint, reader).MaySeeIdentity;

    private Complaint View(Complaint complaint, Actor reader) =>
        MaySeeIdentity(complaint, reader) ? complaint : complaint with { Intake = Redact(complaint.Intake) };

    private IReadOnlyList<JournalEntry> RedactEntries(Complaint complaint, IReadOnlyList<JournalEntry> entries, Actor reader)
    {
        if (MaySeeIdentity(complaint, reader))
        {
            return entries;
        }

        return Redacted(entries);
    }

    private static JournalEntry[] Redacted(IReadOnlyList<JournalEntry> entries) =>
        entries
            .Select(e => e.Event is ComplaintReceived r ? e with { Event = r with { Intake = Redact(r.Intake) } } : e)
            .ToArray();

    private static ComplaintIntake Redact(ComplaintIntake intake) => intake with { Complainant = Complainant.Redacted };
}
