namespace Complaints.Ports;

/// <summary>
/// A store that writes many saves in one transaction, for imports and other bulk loads: cheaper than one
/// <see cref="IComplaintStore.SaveAsync"/> per case where each save costs a commit.
/// </summary>
public interface IBulkComplaintStore : IComplaintStore
{
    /// <summary>
    /// Writes <paramref name="changes"/> in order, all or nothing: as if each were given to <see cref="IComplaintStore.SaveAsync"/>
    /// in turn, in one transaction. If any change's stored version is not its expected version, nothing is written.
    /// </summary>
    /// <param name="changes">The saves, each checked by <see cref="CaseChange"/>'s constructor; a case may appear more than once, each change continuing the one before.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is written).</param>
    /// <returns>A task that completes when the writes are durable.</returns>
    /// <exception cref="ConcurrencyException">A change's expected version is not the stored one (or the one the batch's earlier change left); nothing was written.</exception>
    Task SaveManyAsync(IReadOnlyList<CaseChange> changes, CancellationToken cancellationToken = default);
}
