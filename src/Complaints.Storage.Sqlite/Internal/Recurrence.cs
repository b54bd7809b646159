using System.Globalization;
using Complaints.Analysis;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// The recurrence gaps kept on each case row (schema step 11): for each kind of key (complainant, subject, department
/// and cause, all within the pack) the ticks from the previous case with the same key, received strictly earlier, to
/// this one; NULL when there is none or the case has no such key. A report counts a recurrence as a gap within its
/// look-back, with no look-up (<see cref="RecurrenceFigures"/>). A save keeps them true: the case's own gaps when its
/// keys or receipt are new, and the gaps of the cases received next after it in its new keys and in the keys it left.
/// </summary>
internal static class Recurrence
{
    /// <summary>
    /// The row's keys, receipt and gaps as stored (the row is <paramref name="RowId"/>), or this case's keys to be written
    /// (<paramref name="RowId"/> -1). <paramref name="Stored"/>: the stored row's columns by their index in the case row
    /// (<see cref="Sql.StoredCaseColumns"/>; <see langword="null"/> where not read), for <see cref="CaseWriter.ChangedColumns"/>.
    /// </summary>
    public sealed record Keys(
        long RowId, string Pack, string? Complainant, string? Subject, string? Department, string? Cause, long? Received,
        object GapComplainant, object GapSubject, object GapCause, object?[]? Stored = null);

    /// <summary>The three gaps, as column values.</summary>
    public readonly record struct GapValues(object Complainant, object Subject, object Cause);

    /// <summary>The stored row's keys, receipt and gaps; <see langword="null"/> if there is no row.</summary>
    public static Keys? Read(Session session, string id)
    {
        var command = session.Command(Sql.ReadRecurrence, null);
        command.Parameters[0].Value = id;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        object Value(int i) => reader.IsDBNull(i) ? DBNull.Value : reader.GetInt64(i);
        var department = Text(4);
        var cause = Text(5);
        var stored = new object?[Sql.CaseColumnCount];
        for (var i = 0; i < Sql.StoredCaseColumns.Length; i++)
        {
            stored[Sql.StoredCaseColumns[i]] = reader.GetValue(10 + i);
        }

        return new Keys(
            reader.GetInt64(0),
            reader.GetString(1),
            Text(2),
            Text(3),
            department,
            IsCauseKey(department, cause) ? cause : null,
            reader.IsDBNull(6) ? null : reader.GetInt64(6),
            Value(7),
            Value(8),
            Value(9),
            stored);
    }

    /// <summary>The keys and receipt the case's row will have (as <see cref="AnalysisColumns"/> and the row write spell them).</summary>
    public static Keys Of(Complaint c)
    {
        var department = c.Department?.Value;
        var cause = c.Findings is { } findings ? Spelling<RootCause>.Of(findings.Cause) : null;
        return new Keys(
            -1,
            c.Policy.Id,
            AnalysisKeys.Complainant(c.Intake.Complainant),
            AnalysisKeys.Subject(c.Intake.Subject),
            department,
            IsCauseKey(department, cause) ? cause : null,
            c.ReceivedAt.UtcTicks,
            DBNull.Value,
            DBNull.Value,
            DBNull.Value);
    }

    /// <summary>The gaps to write for <paramref name="after"/>: the stored ones where the key and receipt are unchanged, else looked up.</summary>
    public static GapValues Gaps(Session session, Keys? before, Keys after)
    {
        var rowId = before?.RowId ?? -1;
        var receipt = after.Received!.Value;
        var sameReceipt = before?.Received == receipt && string.Equals(before.Pack, after.Pack, StringComparison.Ordinal);
        return new GapValues(
            after.Complainant is null ? DBNull.Value
                : sameReceipt && string.Equals(before!.Complainant, after.Complainant, StringComparison.Ordinal) ? before.GapComplainant
                : Column(Gap(session, Sql.PreviousSameComplainant, after.Pack, after.Complainant, null, receipt, rowId)),
            after.Subject is null ? DBNull.Value
                : sameReceipt && string.Equals(before!.Subject, after.Subject, StringComparison.Ordinal) ? before.GapSubject
                : Column(Gap(session, Sql.PreviousSameSubject, after.Pack, after.Subject, null, receipt, rowId)),
            after.Cause is null ? DBNull.Value
                : sameReceipt && SameCause(before!, after) ? before!.GapCause
                : Column(Gap(session, Sql.PreviousSameCause, after.Pack, after.Department!, after.Cause, receipt, rowId)));
    }

    /// <summary>
    /// After the row is written: recomputes the gaps of the cases received next after this one in each key it joined
    /// or left (a key or the receipt changed; a new case joins all of its keys).
    /// </summary>
    public static void RefreshNext(Session session, Keys? before, Keys after)
    {
        var receipt = after.Received!.Value;
        var saved = before?.RowId ?? -1;
        var moved = before is null || before.Received != receipt || !string.Equals(before.Pack, after.Pack, StringComparison.Ordinal);
        if (moved || !string.Equals(before!.Complainant, after.Complainant, StringComparison.Ordinal))
        {
            Refresh(session, Sql.CheckNextSameComplainant, Sql.RefreshNextSameComplainant, before?.Received, before?.Pack, before?.Complainant, null, saved);
            Refresh(session, Sql.CheckNextSameComplainant, Sql.RefreshNextSameComplainant, receipt, after.Pack, after.Complainant, null, saved);
        }

        if (moved || !string.Equals(before!.Subject, after.Subject, StringComparison.Ordinal))
        {
            Refresh(session, Sql.CheckNextSameSubject, Sql.RefreshNextSameSubject, before?.Received, before?.Pack, before?.Subject, null, saved);
            Refresh(session, Sql.CheckNextSameSubject, Sql.RefreshNextSameSubject, receipt, after.Pack, after.Subject, null, saved);
        }

        if (moved || !SameCause(before!, after))
        {
            Refresh(session, Sql.CheckNextSameCause, Sql.RefreshNextSameCause, before?.Received, before?.Pack, before?.Department, before?.Cause, saved);
            Refresh(session, Sql.CheckNextSameCause, Sql.RefreshNextSameCause, receipt, after.Pack, after.Department, after.Cause, saved);
        }
    }

    /// <summary>Whether the department and cause make a cause key: both known, the cause determined.</summary>
    private static bool IsCauseKey(string? department, string? cause) =>
        department is not null && cause is not null && !string.Equals(cause, Spelling<RootCause>.Of(RootCause.Undetermined), StringComparison.Ordinal);

    private static bool SameCause(Keys before, Keys after) =>
        string.Equals(before.Cause, after.Cause, StringComparison.Ordinal)
        && (before.Cause is null || string.Equals(before.Department, after.Department, StringComparison.Ordinal));

    private static object Column(long? value) => value is { } v ? v : DBNull.Value;

    private static long? Gap(Session session, Statement statement, string pack, string key, string? cause, long receipt, long rowId)
    {
        var command = session.Command(statement, null);
        var p = command.Parameters;
        var i = 0;
        p[i++].Value = pack;
        p[i++].Value = key;
        if (cause is not null)
        {
            p[i++].Value = cause;
        }

        p[i++].Value = receipt;
        p[i].Value = rowId;
        return command.ExecuteScalar() is { } previous and not DBNull ? receipt - Convert.ToInt64(previous, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Recomputes the gaps of the cases received next after <paramref name="receipt"/> with the key, if they change:
    /// <paramref name="check"/> first reads one of them (tied cases share their gap), so a save that changes no
    /// neighbour's gap visits no tied rows. The saved case (<paramref name="saved"/>, its gap already right) is never the one
    /// read: it can be among the next cases of its old key when its receipt moved later, where the others' gaps change.
    /// </summary>
    private static void Refresh(Session session, Statement check, Statement refresh, long? receipt, string? pack, string? key, string? cause, long saved)
    {
        var isCause = ReferenceEquals(refresh, Sql.RefreshNextSameCause);
        if (receipt is null || pack is null || key is null || (isCause && cause is null))
        {
            return;
        }

        var command = Bind(session.Command(check, null), receipt.Value, pack, key, cause);
        command.Parameters[command.Parameters.Count - 1].Value = saved;
        if (!command.ExecuteReader().Using(r => r.Read() && !r.IsDBNull(0) && r.GetInt64(1) != 0))
        {
            return;
        }

        Bind(session.Command(refresh, null), receipt.Value, pack, key, cause).ExecuteNonQuery();
    }

    private static Microsoft.Data.Sqlite.SqliteCommand Bind(Microsoft.Data.Sqlite.SqliteCommand command, long receipt, string pack, string key, string? cause)
    {
        var p = command.Parameters;
        var i = 0;
        p[i++].Value = pack;
        p[i++].Value = key;
        if (cause is not null)
        {
            p[i++].Value = cause;
        }

        p[i].Value = receipt;
        return command;
    }

    private static T Using<T>(this Microsoft.Data.Sqlite.SqliteDataReader reader, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read)
    {
        using (reader)
        {
            return read(reader);
        }
    }
}
