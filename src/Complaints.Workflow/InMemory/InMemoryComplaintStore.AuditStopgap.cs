using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

// Stop-gap until the stores' audit log lands from the storage work of issue 12; replaced at that merge.
public sealed partial class InMemoryComplaintStore : IAuditLog
{
    private readonly List<AuditRecord> _auditStopgap = [];

    /// <inheritdoc />
    public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        lock (_auditStopgap)
        {
            if (!_auditStopgap.Exists(r => r.Id == record.Id))
            {
                _auditStopgap.Add(record);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        lock (_auditStopgap)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>(
                [.. _auditStopgap.Where(query.Matches).OrderBy(r => r.At).ThenBy(r => r.Id).Skip(query.Skip).Take(query.Take)]);
        }
    }
}
