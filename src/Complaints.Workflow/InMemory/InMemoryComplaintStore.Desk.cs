using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>The desk query: each case's reasons by <see cref="DeskQuery.ReasonsFor"/>, in desk order.</summary>
public sealed partial class InMemoryComplaintStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        if (query.Take <= 0)
        {
            return Task.FromResult<IReadOnlyList<DeskItem>>([]);
        }

        var onDesk = new List<(DeskItem Item, DateTimeOffset? DueAt)>();
        lock (_gate)
        {
            foreach (var complaint in _cases.Values)
            {
                var reasons = query.ReasonsFor(complaint);
                if (reasons != DeskReasons.None)
                {
                    onDesk.Add((new DeskItem(complaint, reasons), complaint.NextDeadline?.DueAt));
                }
            }
        }

        // Next deadline first (none last), then receipt time, then id: the ids' lowercase text order is Guid's order.
        IReadOnlyList<DeskItem> page = onDesk
            .OrderBy(d => d.DueAt is null)
            .ThenBy(d => d.DueAt)
            .ThenBy(d => d.Item.Complaint.ReceivedAt)
            .ThenBy(d => d.Item.Complaint.Id.Value)
            .Skip(Math.Max(0, query.Skip))
            .Take(query.Take)
            .Select(d => d.Item)
            .ToArray();
        return Task.FromResult(page);
    }
}
