using System.Text.RegularExpressions;

namespace Complaints.Storage.PostgreSql;

/// <summary>Settings of the <see cref="PostgreSqlComplaintStore"/>.</summary>
public sealed partial class PostgreSqlStoreOptions
{
    /// <summary>
    /// The PostgreSQL schema holding the store's tables, created by the store if missing. Every node sharing the cases
    /// must name the same schema; different schemas in one database are independent stores.
    /// </summary>
    /// <value>The default value is <c>complaints</c>. Lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.</value>
    public string Schema { get; set; } = "complaints";

    /// <summary>
    /// Whether the store creates and upgrades its schema on first use. Turn it off where the application's database
    /// role may not change the schema; then run <see cref="PostgreSqlComplaintStore.MigrateAsync"/> from a deployment step.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool MigrateSchema { get; set; } = true;

    /// <summary>
    /// Whether loads and saves use prepared statements, parsed and planned once per server connection instead of on
    /// every call. Turn it off behind a pooler that does not carry prepared statements across server connections in
    /// transaction mode (PgBouncer before 1.21, or with <c>max_prepared_statements = 0</c>).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool PrepareStatements { get; set; } = true;

    internal static void ValidateSchemaName(string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException(
                $"The PostgreSQL schema name \"{schema}\" is not allowed: use lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.",
                nameof(schema));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
