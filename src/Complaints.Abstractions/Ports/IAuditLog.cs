using Complaints.Commands;

namespace Complaints.Ports;

/// <summary>What an <see cref="AuditRecord"/> records.</summary>
public enum AuditKind
{
    /// <summary>Someone read a confidential case with the complainant's identity shown to them.</summary>
    IdentityRead,

    /// <summary>A command or read was refused (not permitted, or a conflict of interest): probing is on record.</summary>
    Refused,
}

/// <summary>
/// One line of the access audit: who read a confidential complainant's identity, or who tried something and was
/// refused. Kept apart from the journal (a refused command changes no case) and written by the service, never by
/// the caller. The reason is already redacted: it never names the complainant.
/// </summary>
/// <param name="Id">The record's id (a version-7 UUID, so ids sort by time).</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who read or tried.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Action">What was read or tried (<see cref="ComplaintAction.View"/> for a read).</param>
/// <param name="ComplaintId">The case, if there was one.</param>
/// <param name="Reason">For a refusal, why, in words safe to show to the actor who was refused.</param>
public sealed record AuditRecord(
    Guid Id,
    DateTimeOffset At,
    ActorId Actor,
    AuditKind Kind,
    ComplaintAction Action,
    ComplaintId? ComplaintId,
    string? Reason = null);

/// <summary>A filter over the audit log; every criterion set must hold. Records come oldest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Only records about this case.</summary>
    public ComplaintId? ComplaintId { get; init; }

    /// <summary>Only records of this actor.</summary>
    public ActorId? Actor { get; init; }

    /// <summary>Only records of this kind.</summary>
    public AuditKind? Kind { get; init; }

    /// <summary>Only records at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only records before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>How many matches to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Skip { get; init; }

    /// <summary>The most matches to return (1 to 1000).</summary>
    /// <value>The default value is 100.</value>
    public int Take { get; init; } = 100;

    /// <summary>Whether <paramref name="record"/> meets every criterion (the reference semantics every store must match).</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> if it matches.</returns>
    public bool Matches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (ComplaintId is not { } id || record.ComplaintId == id)
            && (Actor is not { } actor || record.Actor == actor)
            && (Kind is not { } kind || record.Kind == kind)
            && (From is not { } from || record.At >= from)
            && (To is not { } to || record.At < to);
    }
}

/// <summary>
/// Where the access audit is kept. The built-in stores implement it; a host's own store should too, or the host
/// registers an implementation of its own.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends a record. Appending the same id twice keeps one.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends several records (a desk query showing many confidential complainants), each as
    /// <see cref="AppendAuditAsync(AuditRecord, CancellationToken)"/> would. A store may write them in one go; by
    /// default they are appended one after another.
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when every record is stored.</returns>
    async Task AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            await AppendAuditAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the records matching <paramref name="query"/>, ordered by time, then id.</summary>
    /// <param name="query">The filter and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
