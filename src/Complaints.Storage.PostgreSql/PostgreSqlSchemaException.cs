using Complaints.Ports;

namespace Complaints.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL schema holding the store's tables is at a version this store cannot use: newer than it knows (a newer
/// release upgraded the database), or older than it needs while <see cref="PostgreSqlStoreOptions.MigrateSchema"/> is
/// off. Nothing was changed. A <see cref="StoreSchemaException"/>, as the SQLite store's is.
/// </summary>
public sealed class PostgreSqlSchemaException : StoreSchemaException
{
    /// <summary>Creates the exception, with a message that says what to do for a newer or an older schema.</summary>
    /// <param name="schema">The PostgreSQL schema.</param>
    /// <param name="foundVersion">The schema version in the database (0 if it has none).</param>
    /// <param name="supportedVersion">The schema version this store reads and writes.</param>
    public PostgreSqlSchemaException(string schema, long foundVersion, int supportedVersion)
        : base(Describe(schema, foundVersion, supportedVersion), foundVersion, supportedVersion)
    {
        Schema = schema;
    }

    /// <summary>The PostgreSQL schema.</summary>
    public string Schema { get; }

    private static string Describe(string schema, long found, int supported) => found > supported
        ? $"The PostgreSQL schema \"{schema}\" is at version {found}, newer than version {supported}, the newest this Complaints.Storage.PostgreSql knows. " +
          "A newer release of the library has upgraded the database; run that release (or a later one) on every node that shares it. The schema was not changed."
        : $"The PostgreSQL schema \"{schema}\" is at version {found} but this Complaints.Storage.PostgreSql needs version {supported}, " +
          "and PostgreSqlStoreOptions.MigrateSchema is off. Run PostgreSqlComplaintStore.MigrateAsync once with a role that may change the schema, or turn MigrateSchema on.";
}
