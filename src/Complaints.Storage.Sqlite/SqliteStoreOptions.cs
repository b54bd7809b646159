namespace Complaints.Storage.Sqlite;

/// <summary>Settings of the <see cref="SqliteComplaintStore"/>: <c>UseSqlite(connectionString, o => o.BusyTimeout = …)</c>, shaped as the PostgreSQL store's options are.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// How long a write waits for another writer (in this process or another on the same file) before failing, as
    /// SQLite's <c>busy_timeout</c>.
    /// </summary>
    /// <value>The default value is 30 seconds. From zero to one hour.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
