using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.Sqlite.Internal;
using Complaints.Workflow.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Complaints.Storage.Sqlite;

/// <summary>Cases and their journals: load, save (one transaction for the whole <see cref="CaseChange"/>), read the journal, desk queries and counts.</summary>
public sealed partial class SqliteComplaintStore
{
    /// <inheritdoc />
    public async Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        var session = await TakeSessionAsync(cancellationToken).ConfigureAwait(false);
        string? json;
        try
        {
            json = CaseWriter.ReadCase(session, CaseColumns.Id(id));
        }
        finally
        {
            _sessions.Return(session);
        }

        return json is null ? null : StoredRecords.ReadCase(id, json);
    }

    /// <inheritdoc />
    public async Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        // Serialised before the write lock is taken, not under it.
        var json = JsonSerializer.Serialize(change.Complaint, ComplaintsJson.TypeInfo<Complaint>());

        var session = await TakeSessionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The write lock first, then the case row, written only from the expected version: if the version moved,
            // nothing is written and everything is rolled back.
            session.BeginImmediate();
            try
            {
                CaseWriter.WriteChange(session, change, json);

                cancellationToken.ThrowIfCancellationRequested();
                session.Commit();
            }
            catch
            {
                session.Rollback();
                throw;
            }
        }
        finally
        {
            _sessions.Return(session);
        }
    }

    /// <summary>
    /// Seeding only (tests and benchmarks): writes many changes through the same rows a save writes, in one transaction
    /// without waiting for the disk (<c>synchronous = OFF</c> for its duration), so a file of a million cases can be built
    /// in minutes. Not durable until the file is checkpointed and closed; never for a store in use.
    /// </summary>
    internal async Task SaveManyUnsyncedAsync(IEnumerable<CaseChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var session = await TakeSessionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await session.Connection.ExecuteAsync("PRAGMA synchronous = OFF;", cancellationToken).ConfigureAwait(false);
            session.BeginImmediate();
            try
            {
                foreach (var change in changes)
                {
                    CaseWriter.WriteChange(session, change, JsonSerializer.Serialize(change.Complaint, ComplaintsJson.TypeInfo<Complaint>()));
                }

                session.Commit();
            }
            catch
            {
                session.Rollback();
                throw;
            }
        }
        finally
        {
            await session.Connection.ExecuteAsync(_connectionPragmas, CancellationToken.None).ConfigureAwait(false);
            _sessions.Return(session);
        }
    }

    /// <inheritdoc />
    public async Task SaveManyAsync(IReadOnlyList<CaseChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
        }

        var session = await TakeSessionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One write lock and one commit for the whole batch; the first version that moved rolls all of it back.
            session.BeginImmediate();
            try
            {
                foreach (var change in changes)
                {
                    CaseWriter.WriteChange(session, change, JsonSerializer.Serialize(change.Complaint, ComplaintsJson.TypeInfo<Complaint>()));
                }

                cancellationToken.ThrowIfCancellationRequested();
                session.Commit();
            }
            catch
            {
                session.Rollback();
                throw;
            }
        }
        finally
        {
            _sessions.Return(session);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.ReadJournal;
        command.Add("$id", CaseColumns.Id(id));
        var entries = new List<JournalEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(JsonSerializer.Deserialize(reader.GetString(0), ComplaintsJson.TypeInfo<JournalEntry>())!);
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadPageAsync(command => Sql.QueryCases(QuerySql.Where(query, command)), query.Skip, query.Take, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await ReadPageAsync(command => Sql.QueryDesk(QuerySql.Where(query, command)), query.Skip, query.Take, cancellationToken).ConfigureAwait(false);
        // The columns chose the cases; their reasons are read from the cases themselves, by the reference semantics.
        return page.ConvertAll(complaint => new DeskItem(complaint, query.ReasonsFor(complaint)));
    }

    /// <summary>A page of cases: <paramref name="sql"/> builds the statement (binding its own parameters), then <c>$skip</c> and <c>$take</c> are bound; unreadable rows are logged and skipped.</summary>
    private async Task<List<Complaint>> ReadPageAsync(Func<SqliteCommand, string> sql, int skip, int take, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql(command);
        command.Add("$take", Math.Max(0, take));
        command.Add("$skip", Math.Max(0, skip));
        var page = new List<Complaint>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_logger.ReadCaseOrSkip(new ComplaintId(Guid.Parse(reader.GetString(0))), reader.GetString(1)) is { } complaint)
            {
                page.Add(complaint);
            }
        }

        return page;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (column, key) = query.By switch
        {
            ComplaintCountGrouping.State => ("state", (Func<string, string>)(s => Spelling<ComplaintState>.Parse(s).ToString())),
            ComplaintCountGrouping.Severity => ("severity", s => Spelling<Severity>.Parse(s).ToString()),
            ComplaintCountGrouping.Category => ("category", s => s),
            ComplaintCountGrouping.Department => ("department", s => s),
            _ => throw new ArgumentException($"Unknown grouping {query.By}.", nameof(query)),
        };

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.CountCases(column, QuerySql.Where(query, command));
        var counts = new List<ComplaintCount>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new ComplaintCount(reader.IsDBNull(0) ? null : key(reader.GetString(0)), reader.GetInt32(1)));
        }

        return counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
    }
}
