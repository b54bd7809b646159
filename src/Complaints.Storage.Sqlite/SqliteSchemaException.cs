using Complaints.Ports;

namespace Complaints.Storage.Sqlite;

/// <summary>
/// The database file's schema is one this store cannot use: written by a newer version of Complaints.Storage.Sqlite.
/// The file is left as it is. A <see cref="StoreSchemaException"/>, as the PostgreSQL store's is.
/// </summary>
public sealed class SqliteSchemaException : StoreSchemaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="dataSource">The database file.</param>
    /// <param name="foundVersion">The schema version in the file.</param>
    /// <param name="supportedVersion">The newest schema version this store knows.</param>
    public SqliteSchemaException(string dataSource, long foundVersion, int supportedVersion)
        : base(
            $"The complaints database '{dataSource}' has schema version {foundVersion}, but this Complaints.Storage.Sqlite " +
            $"({typeof(SqliteSchemaException).Assembly.GetName().Version}) knows schema versions up to {supportedVersion}. " +
            "The file was written by a newer version of the store: upgrade Complaints.Storage.Sqlite, or open a copy made before the upgrade. The file was not changed.",
            foundVersion,
            supportedVersion)
    {
        DataSource = dataSource;
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }
}
