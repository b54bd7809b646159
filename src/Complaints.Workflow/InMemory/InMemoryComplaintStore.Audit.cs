using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>The access audit, kept in time order (then id) so a read walks the records in the order it returns them.</summary>
public sealed partial class InMemoryComplaintStore
{
    private readonly SortedDictionary<(DateTimeOffset At, Guid Id), AuditRecord> _audit = new(AuditOrder.Instance);
    private readonly HashSet<Guid> _auditIds = [];

    /// <inheritdoc />
    public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_auditIds.Add(record.Id))
            {
                _audit.Add((record.At, record.Id), record);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AuditPaging.Check(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>([.. _audit.Values.Where(query.Matches).Skip(query.Skip).Take(query.Take)]);
        }
    }

    /// <summary>By instant, then id: the order <see cref="IAuditLog.ReadAuditAsync"/> promises.</summary>
    private sealed class AuditOrder : IComparer<(DateTimeOffset At, Guid Id)>
    {
        public static readonly AuditOrder Instance = new();

        public int Compare((DateTimeOffset At, Guid Id) x, (DateTimeOffset At, Guid Id) y)
        {
            var byTime = x.At.UtcTicks.CompareTo(y.At.UtcTicks);
            return byTime != 0 ? byTime : x.Id.CompareTo(y.Id);
        }
    }
}
