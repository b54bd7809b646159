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
    /// <remarks>
    /// Group commit: saves that arrive while another save holds the write turn queue, and the first of them to get the
    /// turn writes all that are queued (up to <see cref="MaxSavesPerCommit"/>) in one transaction, each under a
    /// savepoint of its own, and commits once: one sync of the WAL for the lot. Each save still checks its own
    /// expected version and fails alone (its savepoint rolled back); each returns only after the commit holding it is
    /// on disk, so durability is that of one transaction per save.
    /// </remarks>
    public async Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        // Serialised before the write turn is taken, not under it.
        var save = new PendingSave(change, JsonSerializer.Serialize(change.Complaint, ComplaintsJson.TypeInfo<Complaint>()), cancellationToken);
        Session? session = await TakeSessionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_pendingSaves)
            {
                _pendingSaves.Add(save);
            }

            WriteTurn turn;
            try
            {
                turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!Withdraw(save))
            {
                // Another save's commit has taken this one already: its outcome is that commit's.
                await save.Done.Task.ConfigureAwait(false);
                return;
            }

            using (turn)
            {
                // Nothing is left half-done under the turn: a save is either still queued or completed.
                while (!save.Done.Task.IsCompleted)
                {
                    if (session.Broken)
                    {
                        // A failed rollback left the connection unusable: the next group gets a fresh one. Under the turn
                        // no one else takes queued saves, so if none can be had this save is still queued to withdraw.
                        var broken = session;
                        session = null;
                        _sessions.Return(broken);
                        try
                        {
                            session = await TakeSessionAsync(CancellationToken.None).ConfigureAwait(false);
                        }
                        catch (Exception) when (Withdraw(save))
                        {
                            throw;
                        }
                    }

                    CommitQueued(session);
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                _sessions.Return(session);
            }
        }

        await save.Done.Task.ConfigureAwait(false);
    }

    /// <summary>The most saves one group commit writes.</summary>
    internal const int MaxSavesPerCommit = 64;

    /// <summary>Takes a queued save back out, unless a commit has taken it; returns whether it did.</summary>
    private bool Withdraw(PendingSave save)
    {
        lock (_pendingSaves)
        {
            return _pendingSaves.Remove(save);
        }
    }

    /// <summary>Under the write turn: writes the queued saves in one transaction and completes each with its outcome.</summary>
    private void CommitQueued(Session session)
    {
        PendingSave[] batch;
        lock (_pendingSaves)
        {
            var count = Math.Min(_pendingSaves.Count, MaxSavesPerCommit);
            batch = [.. _pendingSaves.GetRange(0, count)];
            _pendingSaves.RemoveRange(0, count);
        }

        if (batch.Length == 0)
        {
            return;
        }

        var failures = new Exception?[batch.Length];
        try
        {
            // The write lock first, then each case row, written only from its expected version: if the version moved,
            // nothing of that save is written (alone, it rolls the transaction back; in a batch, its savepoint).
            session.BeginImmediate();
            try
            {
                if (batch.Length == 1)
                {
                    var only = batch[0];
                    only.Token.ThrowIfCancellationRequested();
                    CaseWriter.WriteChange(session, only.Change, only.Json);
                    only.Token.ThrowIfCancellationRequested();
                }
                else
                {
                    for (var i = 0; i < batch.Length; i++)
                    {
                        failures[i] = batch[i].Token.IsCancellationRequested
                            ? new OperationCanceledException(batch[i].Token)
                            : session.UnderSavepoint(batch[i], static (s, save) => CaseWriter.WriteChange(s, save.Change, save.Json));
                    }
                }

                session.Commit();
            }
            catch
            {
                session.Rollback();
                throw;
            }
        }
        catch (Exception e)
        {
            foreach (var save in batch)
            {
                save.Done.TrySetException(e);
            }

            return;
        }

        for (var i = 0; i < batch.Length; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Done.TrySetException(failure);
            }
            else
            {
                batch[i].Done.TrySetResult();
            }
        }
    }

    /// <summary>A save waiting for a group commit, completed with its outcome once that commit is on disk.</summary>
    private sealed class PendingSave(CaseChange change, string json, CancellationToken token)
    {
        public CaseChange Change { get; } = change;

        public string Json { get; } = json;

        public CancellationToken Token { get; } = token;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
            using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
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
            using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
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
        var page = await ReadPageAsync(
            command =>
            {
                command.Add("$reach", (long)Math.Max(0, query.Skip) + Math.Max(0, query.Take));
                return Sql.QueryDesk(QuerySql.DeskReasons(query, command));
            },
            query.Skip,
            query.Take,
            cancellationToken).ConfigureAwait(false);
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
