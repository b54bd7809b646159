using System.Globalization;
using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Rules;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// The rows a store writes for each of <see cref="CaseLife"/>'s thirteen commands — the case row with its JSON, the
/// journal rows, the deadline rows and the outbox rows — recorded once from a life under the generic pack, with the
/// JSON serialised in advance. The raw-driver floors write exactly these rows.
/// </summary>
public sealed class RecordedLife
{
    private RecordedLife(IReadOnlyList<Save> saves) => Saves = saves;

    /// <summary>One save per command, in order.</summary>
    public IReadOnlyList<Save> Saves { get; }

    /// <summary>Runs a life in memory under the generic pack and records its saves.</summary>
    /// <returns>The recording.</returns>
    public static RecordedLife Record()
    {
        var store = new RecordingStore();
        var service = CaseLife.Service(store, PolicyPacks.LoadBuiltIn("generic"), new BenchClock(), new BusinessCalendarRegistry(true));
        CaseLife.RunAsync(CaseLife.Driver(service), 0).GetAwaiter().GetResult();
        return new RecordedLife(store.Saves);
    }

    /// <summary>An enum value as the stores spell it (<c>awaiting-approval</c>).</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The spelling.</returns>
    public static string Spell<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, ComplaintsJson.Options).Trim('"');

    /// <summary>A time as the SQLite store writes it.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The text, or <see cref="DBNull"/>.</returns>
    public static object Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : DBNull.Value;

    /// <summary>Binds a case row's nineteen parameters (id, the desk-query columns, the JSON) in the store's column order.</summary>
    /// <param name="p">The command's parameters (a parameter collection or array), in column order.</param>
    /// <param name="id">The case's id as stored.</param>
    /// <param name="c">The case.</param>
    /// <param name="json">The case as JSON.</param>
    public static void BindCaseRow(System.Collections.IList p, string id, Complaint c, string json)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(c);
        var pending = c.PendingApproval?.Role;
        object?[] values =
        [
            id, c.Version, Spell(c.State), c.Severity is { } s ? Spell(s) : DBNull.Value,
            (object?)c.Category ?? DBNull.Value, (object?)c.Department?.Value ?? DBNull.Value,
            (object?)c.Assignee?.Id.Value ?? DBNull.Value, c.ReceivedBy.Id.Value, c.EscalationLevel,
            Time(c.NextDeadline?.DueAt), Time(c.ClockPausedAt), c.IsFinal ? 1 : 0,
            (object?)pending ?? DBNull.Value, (object?)pending?.ToUpperInvariant() ?? DBNull.Value,
            c.Policy.Id, c.Policy.Version, Time(c.ReceivedAt), Time(c.UpdatedAt), json,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            ((System.Data.Common.DbParameter)p[i]!).Value = values[i];
        }
    }

    /// <summary>What one command saves.</summary>
    /// <param name="Case">The case after the command.</param>
    /// <param name="CaseJson">The case as JSON.</param>
    /// <param name="Entries">The new journal entries.</param>
    /// <param name="EntryJson">Each entry as JSON.</param>
    /// <param name="EventTypes">Each entry's event discriminator.</param>
    /// <param name="Notifications">The notifications the entries cause.</param>
    /// <param name="NotificationJson">Each notification as JSON.</param>
    /// <param name="ExpectedVersion">The version the save expects.</param>
    public sealed record Save(
        Complaint Case,
        string CaseJson,
        IReadOnlyList<JournalEntry> Entries,
        IReadOnlyList<string> EntryJson,
        IReadOnlyList<string> EventTypes,
        IReadOnlyList<Notification> Notifications,
        IReadOnlyList<string> NotificationJson,
        long ExpectedVersion);

    private sealed class RecordingStore : IComplaintStore, IAuditLog
    {
        private readonly InMemoryComplaintStore _inner = new();

        public List<Save> Saves { get; } = [];

        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => _inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
        {
            var (complaint, newEntries, notifications, expectedVersion) = (change.Complaint, change.Entries, change.Notifications, change.ExpectedVersion);
            Saves.Add(new Save(
                complaint,
                JsonSerializer.Serialize(complaint, ComplaintsJson.Options),
                newEntries.ToArray(),
                newEntries.Select(e => JsonSerializer.Serialize(e, ComplaintsJson.Options)).ToArray(),
                newEntries.Select(e => JsonDocument.Parse(JsonSerializer.Serialize(e.Event, ComplaintsJson.Options)).RootElement.GetProperty("type").GetString()!).ToArray(),
                notifications,
                notifications.Select(n => JsonSerializer.Serialize(n, ComplaintsJson.Options)).ToArray(),
                expectedVersion));
            return _inner.SaveAsync(change, cancellationToken);
        }

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => _inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => _inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => _inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => _inner.CountAsync(query, cancellationToken);

        public Task AppendAuditAsync(AuditRecord record, CancellationToken cancellationToken = default) => _inner.AppendAuditAsync(record, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => _inner.ReadAuditAsync(query, cancellationToken);
    }
}
