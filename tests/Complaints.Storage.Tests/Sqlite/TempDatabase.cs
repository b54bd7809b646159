using Complaints.Storage.Sqlite;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>A temporary folder for database files, deleted (with the stores' pooled connections closed) when disposed.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly List<SqliteComplaintStore> _stores = [];
    private readonly Dictionary<SqliteComplaintStore, string> _paths = [];
    private int _files;

    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("complaints-sqlite-").FullName;
    }

    public string Folder { get; }

    /// <summary>A path for a new database file in the folder.</summary>
    public string NewPath() => Path.Combine(Folder, $"complaints-{Interlocked.Increment(ref _files)}.db");

    /// <summary>A store over a new file (or <paramref name="path"/>), disposed with the folder.</summary>
    public SqliteComplaintStore Store(string? path = null, Microsoft.Extensions.Logging.ILogger<SqliteComplaintStore>? logger = null, SqliteStoreOptions? options = null)
    {
        path ??= NewPath();
        var store = new SqliteComplaintStore($"Data Source={path}", options, logger);
        lock (_stores)
        {
            _stores.Add(store);
            _paths[store] = path;
        }

        return store;
    }

    /// <summary>The file of a store this folder made.</summary>
    public string PathOf(SqliteComplaintStore store)
    {
        lock (_stores)
        {
            return _paths[store];
        }
    }

    /// <summary>Runs <paramref name="sql"/> on the file of <paramref name="store"/>, behind the store's back; returns the rows changed.</summary>
    public int Execute(SqliteComplaintStore store, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={PathOf(store)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS temp folder is cleaned eventually.
        }
    }
}
