namespace Complaints.Improvement;

/// <summary>
/// Where corrective and preventive actions and their journals live. A save is atomic: the action and its new journal
/// entries are written together or not at all, and only if the stored version is still the expected one. The in-memory,
/// SQLite and PostgreSQL stores implement it next to <see cref="Ports.IComplaintStore"/>.
/// </summary>
public interface ICorrectiveActionStore
{
    /// <summary>Loads an action as it now is.</summary>
    /// <param name="id">The action.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The action, or <see langword="null"/> if there is none.</returns>
    Task<CorrectiveAction?> LoadAsync(CorrectiveActionId id, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="change"/> atomically, if the stored version is its <see cref="CorrectiveActionChange.ExpectedVersion"/> (0 for a new action).</summary>
    /// <param name="change">What the save writes.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is written).</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="CorrectiveActionConcurrencyException">The stored version is not the change's expected version; nothing was written.</exception>
    Task SaveAsync(CorrectiveActionChange change, CancellationToken cancellationToken = default);

    /// <summary>Reads an action's journal in order.</summary>
    /// <param name="id">The action.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries; empty if there is no such action.</returns>
    Task<IReadOnlyList<CorrectiveActionJournalEntry>> ReadJournalAsync(CorrectiveActionId id, CancellationToken cancellationToken = default);

    /// <summary>Finds actions matching every criterion set on <paramref name="query"/> (<see cref="CorrectiveActionQuery.Matches"/>), ordered by proposal time, then id.</summary>
    /// <param name="query">The filter and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page of actions.</returns>
    Task<IReadOnlyList<CorrectiveAction>> QueryAsync(CorrectiveActionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The alarms due at <paramref name="now"/> (<see cref="CorrectiveActionAlarms.Due"/>), earliest first (then by action id),
    /// at most <paramref name="max"/>. Reading changes nothing: the deadline worker records each through the service,
    /// which refuses an alarm already recorded, and the version check refuses a racing second write.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="max">The most alarms to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The due alarms.</returns>
    Task<IReadOnlyList<DueCorrectiveActionAlarm>> ReadDueAlarmsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);
}
