using Complaints.Journal;

namespace Complaints.Ports;

/// <summary>
/// Where cases and their journals live. A save is atomic: the case and its new journal entries are written
/// together or not at all, and only if the stored version is still the expected one.
/// </summary>
public interface IComplaintStore
{
    /// <summary>Loads a case as it now is.</summary>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case, or <see langword="null"/> if there is none.</returns>
    Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="complaint"/> and appends <paramref name="newEntries"/> to its journal, if the stored
    /// version is <paramref name="expectedVersion"/> (0 for a new case).
    /// </summary>
    /// <param name="complaint">The case after the command; its <see cref="Complaint.Version"/> is the last new entry's sequence.</param>
    /// <param name="newEntries">The entries the command wrote, in order, numbered from <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The version the command was based on.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is written).</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="ConcurrencyException">The stored version is not <paramref name="expectedVersion"/>; nothing was written.</exception>
    Task SaveAsync(Complaint complaint, IReadOnlyList<JournalEntry> newEntries, long expectedVersion, CancellationToken cancellationToken = default);

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

    /// <summary>Counts the cases received in a period, grouped as <paramref name="query"/> says (see <see cref="ComplaintCountQuery.CountIn"/> for the exact semantics).</summary>
    /// <param name="query">The grouping and period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per key that has cases, ordered by key (ordinal), the row with no key first.</returns>
    Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default);
}
