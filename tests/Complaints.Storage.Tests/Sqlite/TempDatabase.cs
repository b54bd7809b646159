using Complaints.Storage.Sqlite;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>A temporary folder for database files, deleted (with the stores' pooled connections closed) when disposed.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly List<SqliteComplaintStore> _stores = [];
    private int _files;

    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("complaints-sqlite-").FullName;
    }

    public string Folder { get; }

    /// <summary>A path for a new database file in the folder.</summary>
    public string NewPath() => Path.Combine(Folder, $"complaints-{Interlocked.Increment(ref _files)}.db");

    /// <summary>A store over a new file (or <paramref name="path"/>), disposed with the folder.</summary>
    public SqliteComplaintStore Store(string? path = null)
    {
        var store = new SqliteComplaintStore($"Data Source={path ?? NewPath()}");
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
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
