using Complaints.Analysis;
using Complaints.Journal;

namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>
/// The case columns the period analysis reads (<see cref="PostgreSqlComplaintStore.AnalyseAsync"/>), computed from the case
/// the same way on every save and in the migration that added them. Times are UTC ticks, so durations are exact.
/// </summary>
/// <param name="Channel">The intake channel's stored name.</param>
/// <param name="ClosedTicks">When the case was last closed.</param>
/// <param name="AcknowledgedTicks">The earliest met time of its acknowledgement deadlines.</param>
/// <param name="FindingOutcome">The findings' outcome, stored name.</param>
/// <param name="RootCause">The findings' root cause, stored name.</param>
/// <param name="ComplainantKey">The complainant's one-way key (<see cref="AnalysisKeys.Complainant"/>), never the identity.</param>
/// <param name="SubjectKey">
/// A 128-bit hash of the subject's key (<see cref="AnalysisKeys.Subject"/>), as hexadecimal: equal exactly when the keys
/// are, and, unlike the key (whose cases share long prefixes such as <c>Product:</c>), sorted fast.
/// </param>
/// <param name="RemedyKind">The remedy's kind, stored name.</param>
/// <param name="RemedyAmount">The remedy's amount.</param>
/// <param name="RemedyCurrency">The remedy amount's currency.</param>
/// <param name="LastSatisfaction">The satisfaction of the last follow-up, stored name.</param>
internal sealed record AnalysisColumns(
    string Channel,
    long? ClosedTicks,
    long? AcknowledgedTicks,
    string? FindingOutcome,
    string? RootCause,
    string? ComplainantKey,
    string SubjectKey,
    string? RemedyKind,
    decimal? RemedyAmount,
    string? RemedyCurrency,
    string? LastSatisfaction)
{
    /// <summary>The stored reward of a closure that found the reporter eligible.</summary>
    public const string Eligible = "eligible";

    /// <summary>The stored reward of a closure that found the reporter not eligible.</summary>
    public const string Ineligible = "ineligible";

    /// <summary>The columns of <paramref name="complaint"/>.</summary>
    public static AnalysisColumns Of(Complaint complaint) => new(
        CaseColumns.Of(complaint.Intake.Channel),
        complaint.ClosedAt is { } closed ? closed.UtcTicks : null,
        AcknowledgedTicksOf(complaint.Deadlines),
        complaint.Findings is { } findings ? CaseColumns.Of(findings.Outcome) : null,
        complaint.Findings is { } found ? CaseColumns.Of(found.Cause) : null,
        AnalysisKeys.Complainant(complaint.Intake.Complainant),
        SubjectKeyOf(complaint.Intake.Subject),
        complaint.Remedy is { } remedy ? CaseColumns.Of(remedy.Kind) : null,
        complaint.Remedy?.Amount?.Amount,
        complaint.Remedy?.Amount?.Currency,
        LastSatisfactionOf(complaint.FollowUps));

    /// <summary>The stored subject key: 32 lower-case hexadecimal digits of the SHA-256 of <see cref="AnalysisKeys.Subject"/>.</summary>
    public static string SubjectKeyOf(ComplaintSubject subject)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AnalysisKeys.Subject(subject)), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// The deadlines of <paramref name="complaint"/> as the analysis counts them without the as-of time: per
    /// <see cref="DeadlineKind"/> (in order) three counts, met on time (at or before due), met late, and not met while
    /// the case is in a final state (dropped). The deadlines not met of a case still open (missed or pending, as of when
    /// the report is asked) are not counted here: the analysis reads them from the deadline rows.
    /// </summary>
    public static int[] DeadlineKeptOf(Complaint complaint)
    {
        var kept = new int[Enum.GetValues<DeadlineKind>().Length * 3];
        foreach (var deadline in complaint.Deadlines)
        {
            var at = 3 * (int)deadline.Kind;
            if (deadline.MetAt is { } met)
            {
                kept[met.UtcTicks <= deadline.DueAt.UtcTicks ? at : at + 1]++;
            }
            else if (complaint.IsFinal)
            {
                kept[at + 2]++;
            }
        }

        return kept;
    }

    /// <summary>The earliest met time of the acknowledgement deadlines, in ticks; <see langword="null"/> if none is met.</summary>
    public static long? AcknowledgedTicksOf(IReadOnlyList<Deadline> deadlines)
    {
        long? earliest = null;
        foreach (var deadline in deadlines)
        {
            if (deadline.Kind == DeadlineKind.Acknowledge && deadline.MetAt is { } met && (earliest is null || met.UtcTicks < earliest))
            {
                earliest = met.UtcTicks;
            }
        }

        return earliest;
    }

    /// <summary>The stored satisfaction of the last follow-up (by time; the later in the list on a tie), if any.</summary>
    public static string? LastSatisfactionOf(IReadOnlyList<FollowUpContact> followUps)
    {
        FollowUpContact? last = null;
        foreach (var contact in followUps)
        {
            if (last is null || contact.At >= last.At)
            {
                last = contact;
            }
        }

        return last is null ? null : CaseColumns.Of(last.Satisfaction);
    }

    /// <summary>
    /// Whether <paramref name="entries"/> close the case and, if so, the stored reward of the last closure among them
    /// (<see langword="null"/> when it carried no reward decision): the case's reward column follows its last closure.
    /// </summary>
    public static (bool Closed, string? Reward) Reward(IReadOnlyList<JournalEntry> entries)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Event is ComplaintClosed closed)
            {
                return (true, closed.Reward is null ? null : closed.Reward.Eligible ? Eligible : Ineligible);
            }
        }

        return (false, null);
    }
}
