using Complaints.Ports;

namespace Complaints.Storage.Sqlite;

/// <summary>
/// The database file's schema is one this store cannot use: written by a newer version of Complaints.Storage.Sqlite,
/// or missing or older while <see cref="SqliteStoreOptions.MigrateSchema"/> is off. The file is left as it is. A <see cref="StoreSchemaException"/>, as the PostgreSQL store's is.
/// </summary>
public sealed class SqliteSchemaException : StoreSchemaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="dataSource">The database file.</param>
    /// <param name="foundVersion">The schema version in the file.</param>
    /// <param name="supportedVersion">The newest schema version this store knows.</param>
    public SqliteSchemaException(string dataSource, long foundVersion, int supportedVersion)
        : base(Describe(dataSource, foundVersion, supportedVersion), foundVersion, supportedVersion)
    {
        DataSource = dataSource;
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    private static string Describe(string dataSource, long found, int supported) => found > supported || found < 0
        ? $"The complaints database '{dataSource}' has schema version {found}, but this Complaints.Storage.Sqlite " +
          $"({typeof(SqliteSchemaException).Assembly.GetName().Version}) knows schema versions up to {supported}. " +
          "The file was written by a newer version of the store: upgrade Complaints.Storage.Sqlite, or open a copy made before the upgrade. The file was not changed."
        : found == 0
            ? $"'{dataSource}' has no complaints schema (schema version 0), and SqliteStoreOptions.MigrateSchema is off. " +
              "Name the file the complaints store writes, or let the application create the schema first. The file was not changed."
            : $"The complaints database '{dataSource}' has schema version {found} but this Complaints.Storage.Sqlite needs version {supported}, " +
              "and SqliteStoreOptions.MigrateSchema is off. Run the application (or SqliteComplaintStore.MigrateAsync) once to upgrade the file, or turn MigrateSchema on. The file was not changed.";
}
