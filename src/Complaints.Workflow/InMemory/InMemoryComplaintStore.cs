using Complaints.Notifications;
using Complaints.Ports;

namespace Complaints.Workflow.InMemory;

/// <summary>
/// Keeps cases and journals in process memory: for tests, demos and single-process hosts that do not need
/// durability. Thread-safe; saves are atomic and version-checked like a durable store's, and write the
/// notifications they carry to the outbox under the same lock. Its parts are split by port: cases (this file and
/// <c>.Cases.cs</c>), deadlines, outbox, parking, audit and periodic analysis (the reference computation).
/// </summary>
public sealed partial class InMemoryComplaintStore : IComplaintStore, IDeadlineStore, IOutboxStore, IAuditLog, Analysis.IComplaintAnalytics
{
    // One lock over every part, so that a save writes the case, its journal, its alarms and its outbox rows at once.
    private readonly Lock _gate = new();

    /// <summary>How many cases are stored.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _cases.Count;
            }
        }
    }

    /// <summary>Time, then id: the order <see cref="ComplaintQuery"/> pages are in (by receipt), and alarms are claimed in.</summary>
    private sealed class TimeThenId : IComparer<(DateTimeOffset At, Guid Id)>
    {
        public static readonly TimeThenId Instance = new();

        public int Compare((DateTimeOffset At, Guid Id) x, (DateTimeOffset At, Guid Id) y)
        {
            var byTime = x.At.CompareTo(y.At);
            return byTime != 0 ? byTime : x.Id.CompareTo(y.Id);
        }
    }
}
