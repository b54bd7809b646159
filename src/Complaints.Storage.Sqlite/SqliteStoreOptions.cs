namespace Complaints.Storage.Sqlite;

/// <summary>Settings of the <see cref="SqliteComplaintStore"/>: <c>UseSqlite(connectionString, o => o.BusyTimeout = …)</c>, shaped as the PostgreSQL store's options are.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// How long a write waits for another writer (in this process or another on the same file) before failing, as
    /// SQLite's <c>busy_timeout</c>. The wait has two parts, each bounded by this: for the other writes of this store,
    /// which queue in the store in order of arrival, then for SQLite's lock on the file (held by other processes or
    /// stores on the same file). A write that meets both can wait up to twice this.
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

    /// <summary>
    /// How long after a commit the store checkpoints the WAL (copies the committed pages back into the database file)
    /// from a background loop of its own, at most once per interval, with a <c>PASSIVE</c> checkpoint that never waits
    /// for a writer or a reader. Saves then never run a checkpoint themselves: the store's connections run with
    /// <c>wal_autocheckpoint = 0</c>. Without this, SQLite checkpoints every 1,000 pages inside whichever commit
    /// crossed the mark, and that one save takes as long as copying and syncing them (the slowest 1 % of saves under
    /// load). Durability is the same either way: a commit is on disk in the WAL when the save returns
    /// (<c>synchronous = FULL</c>); a checkpoint only moves it. <see cref="TimeSpan.Zero"/> turns the loop off and
    /// leaves checkpoints to SQLite's automatic checkpoint inside the committing save.
    /// </summary>
    /// <value>The default value is 100 milliseconds. From zero to one minute.</value>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest <see cref="CheckpointInterval"/> accepted: a longer one lets the WAL grow without need.</summary>
    internal static readonly TimeSpan MaxCheckpointInterval = TimeSpan.FromMinutes(1);
}
