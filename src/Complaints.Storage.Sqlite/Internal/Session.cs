using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// An open connection kept by the store with the command path's statements prepared on it, used by one call at a time
/// (<see cref="SessionPool"/>). Microsoft.Data.Sqlite disposes a connection's commands, and so finalizes their prepared
/// statements, whenever the connection is closed, pooled or not: keeping statements means keeping the connection open.
/// </summary>
internal sealed class Session(SqliteConnection connection) : IDisposable
{
    private readonly SqliteCommand?[] _commands = new SqliteCommand?[Statement.Count];
    private readonly Dictionary<ulong, SqliteCommand> _updates = [];

    /// <summary>The most <see cref="UpdateCase"/> statements a session keeps prepared; past them, a save sets every column.</summary>
    internal const int MaxUpdateStatements = 64;

    /// <summary>The open connection, with the store's per-connection settings applied.</summary>
    public SqliteConnection Connection { get; } = connection;

    /// <summary>The statement, prepared on first use, enlisted in <paramref name="transaction"/>; bind its parameters by position.</summary>
    public SqliteCommand Command(Statement statement, SqliteTransaction? transaction)
    {
        var command = _commands[statement.Slot] ??= Prepare(statement);
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// The case row's update setting <paramref name="columns"/> (<see cref="Sql.UpdateCase(ulong)"/>), prepared on first
    /// use. Once <see cref="MaxUpdateStatements"/> are kept, a mask not among them is widened to every column
    /// (<paramref name="columns"/> then says so: bind by it).
    /// </summary>
    public SqliteCommand UpdateCase(ref ulong columns)
    {
        if (_updates.TryGetValue(columns, out var command))
        {
            return command;
        }

        if (_updates.Count >= MaxUpdateStatements)
        {
            columns = Sql.AllCaseColumns;
            if (_updates.TryGetValue(columns, out command))
            {
                return command;
            }
        }

        var (text, parameters) = Sql.UpdateCase(columns);
        command = Prepare(text, parameters);
        _updates.Add(columns, command);
        return command;
    }

    /// <summary>Whether a rollback failed, leaving the connection in a state not to be reused; closing it rolls back what is left.</summary>
    public bool Broken { get; private set; }

    /// <summary>
    /// <c>BEGIN IMMEDIATE</c>: takes the file's write lock now (waiting up to the busy timeout), so a version check and
    /// the writes after it see one state. The transaction statements are prepared like the others (Microsoft.Data.Sqlite's
    /// transactions prepare <c>BEGIN</c> and <c>COMMIT</c> afresh each time), so commands inside run with a
    /// <see langword="null"/> transaction; end with <see cref="Commit"/> or <see cref="Rollback"/>.
    /// </summary>
    public void BeginImmediate() => Command(Sql.BeginImmediate, null).ExecuteNonQuery();

    /// <summary>Commits the transaction <see cref="BeginImmediate"/> started.</summary>
    public void Commit() => Command(Sql.Commit, null).ExecuteNonQuery();

    /// <summary>Runs one save of a batch inside the open transaction: <paramref name="write"/>'s rows are kept, or, if it throws, undone alone and the exception returned.</summary>
    public Exception? UnderSavepoint<TState>(TState state, Action<Session, TState> write)
    {
        Command(Sql.Savepoint, null).ExecuteNonQuery();
        Exception? failure = null;
        try
        {
            write(this, state);
        }
        catch (Exception e)
        {
            try
            {
                Command(Sql.RollbackToSavepoint, null).ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // The failure aborted the whole transaction (a full disk, an I/O error), so the savepoint is gone: the whole
                // batch fails, and with the failure that caused it rather than "no such savepoint".
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
            }

            failure = e;
        }

        Command(Sql.ReleaseSavepoint, null).ExecuteNonQuery();
        return failure;
    }

    /// <summary>Rolls back the transaction after a failure; if that fails too, marks the session <see cref="Broken"/> (the failure in flight is the one to report).</summary>
    public void Rollback()
    {
        try
        {
            Command(Sql.Rollback, null).ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // SQLite had already rolled back (a failed COMMIT may) or the connection failed.
            Broken = true;
        }
    }

    /// <summary>Finalizes the statements and closes the connection (rolling back anything left open).</summary>
    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command?.Dispose();
        }

        foreach (var command in _updates.Values)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }

    private SqliteCommand Prepare(Statement statement) => Prepare(statement.Text, statement.Parameters);

    private SqliteCommand Prepare(string text, string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = text;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }
}
