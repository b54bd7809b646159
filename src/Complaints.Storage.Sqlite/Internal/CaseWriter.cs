using System.Globalization;
using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;

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
        var command = session.Command(isNew ? Sql.InsertCase : Sql.UpdateCase, null);
        var p = command.Parameters;
        var pending = c.PendingApproval?.Role;
        p[0].Value = id;
        p[1].Value = c.Version;
        p[2].Value = Spelling<ComplaintState>.Of(c.State);
        p[3].Value = c.Severity is { } severity ? Spelling<Severity>.Of(severity) : DBNull.Value;
        p[4].Value = CaseColumns.Nullable(c.Category);
        p[5].Value = CaseColumns.Nullable(c.Department?.Value);
        p[6].Value = CaseColumns.Nullable(c.Assignee?.Id.Value);
        p[7].Value = c.ReceivedBy.Id.Value;
        p[8].Value = c.EscalationLevel;
        p[9].Value = CaseColumns.Time(c.NextDeadline?.DueAt);
        p[10].Value = CaseColumns.Time(c.ClockPausedAt);
        p[11].Value = c.IsFinal ? 1 : 0;
        p[12].Value = CaseColumns.Nullable(pending);
        p[13].Value = CaseColumns.Nullable(CaseColumns.RoleKey(pending));
        p[14].Value = c.Policy.Id;
        p[15].Value = c.Policy.Version;
        p[16].Value = CaseColumns.Time(c.ReceivedAt);
        p[17].Value = CaseColumns.Time(c.UpdatedAt);
        p[18].Value = json;
        p[19].Value = CaseColumns.HeldProducts(c);
        var analysis = AnalysisColumns.Values(c);
        for (var i = 0; i < analysis.Length; i++)
        {
            p[20 + i].Value = analysis[i];
        }

        var next = 20 + analysis.Length;
        p[next].Value = AnalysisColumns.DeadlinesKept(c);

        // The recurrence gaps: the stored row's keys before the write, this case's keys after it.
        var before = isNew ? null : Recurrence.Read(session, id);
        var after = Recurrence.Of(c);
        var gaps = Recurrence.Gaps(session, before, after);
        p[next + 1].Value = gaps.Complainant;
        p[next + 2].Value = gaps.Subject;
        p[next + 3].Value = gaps.Cause;

        if (!isNew)
        {
            p[next + 4].Value = expectedVersion;
        }

        if (command.ExecuteNonQuery() != 1)
        {
            return false;
        }

        Recurrence.RefreshNext(session, before, after);
        return true;
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
