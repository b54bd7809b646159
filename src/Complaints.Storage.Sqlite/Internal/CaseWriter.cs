using System.Globalization;
using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>The rows one save writes, through a session's prepared statements, inside the transaction the caller began on it.</summary>
internal static class CaseWriter
{
    /// <summary>
    /// Writes one change in the session's open transaction as every save does: the case row from the expected version
    /// (else <see cref="ConcurrencyException"/>, for the caller to roll back), its journal, the reward of a closing
    /// change, its deadline rows and its outbox rows.
    /// </summary>
    public static void WriteChange(Session session, CaseChange change, string json)
    {
        var complaint = change.Complaint;
        var id = CaseColumns.Id(complaint.Id);
        if (!TryWriteCase(session, complaint, id, json, change.ExpectedVersion))
        {
            throw new ConcurrencyException(complaint.Id, change.ExpectedVersion, ReadVersion(session, id));
        }

        AppendJournal(session, id, change.Entries);
        WriteReward(session, id, change.Entries);
        WriteDeadlines(session, complaint, id);
        AddOutbox(session, id, change.Notifications);
    }

    /// <summary>
    /// Writes the case row if the stored version is <paramref name="expectedVersion"/> (no row for 0); returns
    /// <see langword="false"/>, having written nothing, if it is not.
    /// </summary>
    public static bool TryWriteCase(Session session, Complaint c, string id, string json, long expectedVersion)
    {
        var isNew = expectedVersion == 0;
        var values = new object[Sql.CaseColumnCount];
        var pending = c.PendingApproval?.Role;
        values[0] = id;
        values[1] = c.Version;
        values[2] = Spelling<ComplaintState>.Of(c.State);
        values[3] = c.Severity is { } severity ? Spelling<Severity>.Of(severity) : DBNull.Value;
        values[4] = CaseColumns.Nullable(c.Category);
        values[5] = CaseColumns.Nullable(c.Department?.Value);
        values[6] = CaseColumns.Nullable(c.Assignee?.Id.Value);
        values[7] = c.ReceivedBy.Id.Value;
        values[8] = c.EscalationLevel;
        values[9] = CaseColumns.Time(c.NextDeadline?.DueAt);
        values[10] = CaseColumns.Time(c.ClockPausedAt);
        values[11] = c.IsFinal ? 1 : 0;
        values[12] = CaseColumns.Nullable(pending);
        values[13] = CaseColumns.Nullable(CaseColumns.RoleKey(pending));
        values[14] = c.Policy.Id;
        values[15] = c.Policy.Version;
        values[16] = CaseColumns.Time(c.ReceivedAt);
        values[17] = CaseColumns.Time(c.UpdatedAt);
        values[18] = json;
        values[19] = CaseColumns.HeldProducts(c);
        AnalysisColumns.Fill(c, values, 20);
        var next = 20 + AnalysisColumns.Names.Length;
        values[next] = AnalysisColumns.DeadlinesKept(c);

        // The recurrence gaps: the stored row's keys before the write, this case's keys after it.
        var before = isNew ? null : Recurrence.Read(session, id);
        var after = Recurrence.Of(c);
        var gaps = Recurrence.Gaps(session, before, after);
        values[next + 1] = gaps.Complainant;
        values[next + 2] = gaps.Subject;
        values[next + 3] = gaps.Cause;

        SqliteCommand command;
        if (isNew)
        {
            command = session.Command(Sql.InsertCase, null);
            Bind(command.Parameters, values, ulong.MaxValue);
        }
        else
        {
            // Only the columns whose value differs from the stored row's are set: SQLite rewrites an index's entry
            // whenever a column of the index is set, even to the value it had, so setting all of them rewrote every
            // index of the table on every command. The row written is the same either way.
            var changed = before?.Stored is { } stored ? ChangedColumns(stored, values) : Sql.AllCaseColumns;
            command = session.UpdateCase(ref changed);
            var count = Bind(command.Parameters, values, changed);
            command.Parameters[count].Value = id;
            command.Parameters[count + 1].Value = expectedVersion;
        }

        if (command.ExecuteNonQuery() != 1)
        {
            return false;
        }

        Recurrence.RefreshNext(session, before, after);
        return true;
    }

    /// <summary>
    /// The case columns (bit <c>i</c> for column <c>i</c> of the case row, whose values <paramref name="values"/> holds in <see cref="Sql.InsertCase"/>'s order; the id never) whose new
    /// value is not certainly the stored one: equal text, equal integers and NULLs count as unchanged; anything else
    /// (another type, a value SQLite's column affinity may have converted, a column not read) as changed; the version
    /// (column 1) always counts as changed.
    /// </summary>
    public static ulong ChangedColumns(object?[] stored, object[] values)
    {
        // The version is always set: the statement then sets at least one column, and a save's version always moves.
        var changed = 1UL << 1;
        for (var i = 2; i < values.Length; i++)
        {
            if (!Same(stored[i], values[i]))
            {
                changed |= 1UL << i;
            }
        }

        return changed;
    }

    private static bool Same(object? stored, object value) => (stored, value) switch
    {
        (DBNull, DBNull) => true,
        (string s, string v) => string.Equals(s, v, StringComparison.Ordinal),
        (long s, long v) => s == v,
        (long s, int v) => s == v,
        _ => false,
    };

    /// <summary>Binds the values of the columns in <paramref name="columns"/> to the parameters in order; returns how many.</summary>
    private static int Bind(SqliteParameterCollection parameters, object[] values, ulong columns)
    {
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if ((columns & (1UL << i)) != 0)
            {
                parameters[n++].Value = values[i];
            }
        }

        return n;
    }

    /// <summary>Records the reward decision of the last closure among <paramref name="entries"/>, if they close the case.</summary>
    public static void WriteReward(Session session, string id, IReadOnlyList<JournalEntry> entries)
    {
        if (AnalysisColumns.Reward(entries) is not { } reward)
        {
            return;
        }

        var command = session.Command(Sql.SetReward, null);
        command.Parameters[0].Value = id;
        command.Parameters[1].Value = reward;
        command.ExecuteNonQuery();
    }

    /// <summary>The stored version of the case, 0 if there is none.</summary>
    public static long ReadVersion(Session session, string id)
    {
        var command = session.Command(Sql.ReadVersion, null);
        command.Parameters[0].Value = id;
        return command.ExecuteScalar() is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The case's JSON, or <see langword="null"/> if there is no such case.</summary>
    public static string? ReadCase(Session session, string id)
    {
        var command = session.Command(Sql.LoadCase, null);
        command.Parameters[0].Value = id;
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetString(0) : null;
    }

    public static void AppendJournal(Session session, string id, IReadOnlyList<JournalEntry> entries)
    {
        var command = session.Command(Sql.InsertJournal, null);
        var p = command.Parameters;
        p[0].Value = id;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            p[1].Value = entry.Sequence;
            p[2].Value = CaseColumns.Time(entry.At);
            p[3].Value = entry.Actor.Id.Value;
            p[4].Value = EventTypes.Of(entry.Event);
            p[5].Value = Spelling<ComplaintState>.Of(entry.From);
            p[6].Value = Spelling<ComplaintState>.Of(entry.To);
            p[7].Value = entry.CommandId.ToString("D");
            p[8].Value = JsonSerializer.Serialize(entry, ComplaintsJson.TypeInfo<JournalEntry>());
            command.ExecuteNonQuery();
        }
    }

    public static void WriteDeadlines(Session session, Complaint c, string id)
    {
        var upsert = session.Command(Sql.UpsertDeadline, null);
        var p = upsert.Parameters;
        p[0].Value = id;
        for (var i = 0; i < c.Deadlines.Count; i++)
        {
            var d = c.Deadlines[i];
            p[1].Value = i;
            p[2].Value = Spelling<DeadlineKind>.Of(d.Kind);
            p[3].Value = CaseColumns.Time(d.DueAt);
            p[4].Value = CaseColumns.Time(d.WarnAt);
            p[5].Value = CaseColumns.Time(d.MetAt);
            p[6].Value = CaseColumns.Time(d.WarnedAt);
            p[7].Value = CaseColumns.Time(d.BreachedAt);
            upsert.ExecuteNonQuery();
        }

        var stale = session.Command(Sql.DeleteStaleDeadlines, null);
        stale.Parameters[0].Value = id;
        stale.Parameters[1].Value = c.Deadlines.Count;
        stale.ExecuteNonQuery();

        var release = session.Command(Sql.ReleaseLeases, null);
        release.Parameters[0].Value = id;
        release.ExecuteNonQuery();
    }

    public static void AddOutbox(Session session, string id, IReadOnlyList<Notification> notifications)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        var command = session.Command(Sql.InsertOutbox, null);
        var p = command.Parameters;
        p[1].Value = id;
        for (var i = 0; i < notifications.Count; i++)
        {
            var n = notifications[i];
            p[0].Value = n.Id.ToString("D");
            p[2].Value = n.Sequence;
            p[3].Value = i;
            p[4].Value = Spelling<NotificationKind>.Of(n.Kind);
            p[5].Value = CaseColumns.Time(n.CreatedAt);
            p[6].Value = JsonSerializer.Serialize(n, ComplaintsJson.TypeInfo<Notification>());
            command.ExecuteNonQuery();
        }
    }
}
