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

    /// <summary>
    /// Whether the store creates the schema in a new file, or upgrades an older file, on first use (as the PostgreSQL
    /// store's <c>MigrateSchema</c>). Turn it off for a store that must not change the file — a reporting or review
    /// tool (e.g. <c>dotnet complaints what-if</c>), or an application that migrates from a deployment step with
    /// <see cref="SqliteComplaintStore.MigrateAsync"/>: then the first use only checks that the file has the current
    /// schema and throws <see cref="SqliteSchemaException"/> if it has none, an older or a newer one, leaving the file
    /// as it is. For a store that only reads, add <c>Mode=ReadOnly</c> to the connection string as well: SQLite then
    /// refuses every write, and a missing file is an error instead of being created.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool MigrateSchema { get; set; } = true;
}
