using Complaints.Journal;

namespace Complaints.Ports;

/// <summary>
/// Where cases and their journals live. A save is atomic: the <see cref="CaseChange"/> — the case, its new journal
/// entries, its deadline rows and its notifications — is written together or not at all, and only if the stored
/// version is still the expected one.
/// </summary>
public interface IComplaintStore
{
    /// <summary>Loads a case as it now is.</summary>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case, or <see langword="null"/> if there is none.</returns>
    Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="change"/> atomically, if the stored version is its <see cref="CaseChange.ExpectedVersion"/>
    /// (0 for a new case): the case, its new journal entries, its deadline rows and, for a store that is also an
    /// <see cref="Notifications.IOutboxStore"/>, its notifications — all or nothing. The store decides nothing: what the
    /// change holds was decided by the workflow and checked by <see cref="CaseChange"/>'s constructor.
    /// </summary>
    /// <param name="change">What the save writes.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is written).</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="ConcurrencyException">The stored version is not the change's expected version; nothing was written.</exception>
    Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default);

    /// <summary>Reads a case's journal in order.</summary>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries; empty if there is no such case.</returns>
    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>Finds cases matching every criterion set on <paramref name="query"/>, ordered by receipt time, then id.</summary>
    /// <param name="query">The filter and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page of cases.</returns>
    Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the cases on one person's desk (<see cref="DeskQuery"/>): every case for which
    /// <see cref="DeskQuery.ReasonsFor"/> is not <see cref="DeskReasons.None"/>, with those reasons, in one paged read.
    /// </summary>
    /// <param name="query">The desk's criteria and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, ordered by the next deadline's due time (cases without one last), then receipt time, then id (ordinal).</returns>
    Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts the cases received in a period, grouped as <paramref name="query"/> says (see <see cref="ComplaintCountQuery.CountIn"/> for the exact semantics).</summary>
    /// <param name="query">The grouping and period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per key that has cases, ordered by key (ordinal), the row with no key first.</returns>
    Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default);
}
