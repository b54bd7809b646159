namespace Complaints.Workflow.Internal;

/// <summary>
/// What a polling worker (the deadline worker, the outbox dispatcher) last did, for its health check: when it was
/// made, when a poll last completed, how late the oldest item that poll claimed was, and whether the last poll failed.
/// Times and counts only; never a case's content.
/// </summary>
internal sealed class PollHeartbeat(DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private Snapshot _last = new(createdAt, null, null, 0, null);

    /// <summary>The worker's state as of its last poll.</summary>
    public Snapshot Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>A poll that claimed at <paramref name="claimedAt"/> completed at <paramref name="completedAt"/>, having claimed <paramref name="claimed"/> items, the oldest due at <paramref name="oldestDueAt"/>.</summary>
    /// <returns>The state as of this poll.</returns>
    public Snapshot Completed(DateTimeOffset claimedAt, DateTimeOffset completedAt, int claimed, DateTimeOffset? oldestDueAt)
    {
        lock (_gate)
        {
            return _last = _last with { CompletedAt = completedAt, Lag = oldestDueAt is { } due && due < claimedAt ? claimedAt - due : TimeSpan.Zero, Claimed = claimed, Failure = null };
        }
    }

    /// <summary>A poll failed with an exception of type <paramref name="failureType"/> (its type only: messages may quote data).</summary>
    public void Failed(string failureType)
    {
        lock (_gate)
        {
            _last = _last with { Failure = failureType };
        }
    }

    /// <summary>The state as of the last poll.</summary>
    /// <param name="CreatedAt">When the worker was made.</param>
    /// <param name="CompletedAt">When a poll last completed; <see langword="null"/> before the first.</param>
    /// <param name="Lag">How long past due the oldest item the last completed poll claimed was (zero if it claimed none).</param>
    /// <param name="Claimed">How many items the last completed poll claimed.</param>
    /// <param name="Failure">The exception type of the last poll, if it failed after the last completed one.</param>
    internal sealed record Snapshot(DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, TimeSpan? Lag, int Claimed, string? Failure);
}
