using Complaints.Analysis;
using Complaints.Journal;

namespace Complaints.Workflow.InMemory;

/// <summary>Periodic analysis: the reference computation over the stored cases and journals.</summary>
public sealed partial class InMemoryComplaintStore
{
    /// <inheritdoc />
    /// <remarks>Computes <see cref="PeriodAnalysis.Compute"/> over a snapshot of every stored case, taken under the store's lock.</remarks>
    public Task<PeriodAnalysis> AnalyseAsync(AnalysisQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        query.Validate();
        Complaint[] cases;
        Dictionary<ComplaintId, JournalEntry[]> journals;
        lock (_gate)
        {
            cases = [.. _cases.Values.Where(c => c.ReceivedAt < query.To && c.ReceivedAt >= query.From - TimeSpan.FromDays(query.RecurrenceDays))];

            // Only the cohort's journals are read (for rewards and sanctions); copied so later saves do not change them.
            journals = cases.Where(query.Includes).ToDictionary(c => c.Id, c => _journals[c.Id].ToArray());
        }

        return Task.FromResult(PeriodAnalysis.Compute(query, cases, id => journals[id]));
    }
}
