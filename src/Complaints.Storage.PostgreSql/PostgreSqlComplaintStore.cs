using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Complaints.Storage.PostgreSql;

/// <summary>
/// Keeps cases, journals and deadlines in PostgreSQL, for several application nodes sharing one database. A save is
/// one transaction writing the case row, its new journal rows, its deadline rows and the outbox rows of the
/// notifications the entries cause, and only if the stored version is still the expected one; desk queries run on
/// indexed columns; deadline workers and outbox dispatchers on any node claim work under a lease with
/// <c>FOR UPDATE SKIP LOCKED</c>. The store creates its schema on first use and upgrades an older one in place.
/// </summary>
/// <remarks>
/// Thread-safe: register one instance per process (<c>services.AddComplaints(...).UsePostgreSql(connectionString)</c>).
/// Connections come from Npgsql's pool and are held only for the duration of one call.
/// </remarks>
public sealed partial class PostgreSqlComplaintStore : IComplaintStore, IBulkComplaintStore, IDeadlineStore, IOutboxStore, IAuditLog, IAsyncDisposable, IDisposable
{
    /// <summary>The schema version this library reads and writes; older schemas are upgraded to it, newer ones refused.</summary>
    public const int SchemaVersion = PostgreSqlSchema.CurrentVersion;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly bool _migrate;
    private readonly bool _prepare;
    private readonly Sql _sql;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates a store over its own connection pool for <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Username=complaints;Password=…;Database=complaints</c>.</param>
    /// <param name="options">The schema and migration settings; the defaults if <see langword="null"/>.</param>
    /// <param name="logger">Where the store logs the rows it cannot read and steps past; nothing if <see langword="null"/>.</param>
    public PostgreSqlComplaintStore(string connectionString, PostgreSqlStoreOptions? options = null, ILogger<PostgreSqlComplaintStore>? logger = null)
        : this(NpgsqlDataSource.Create(ValidConnectionString(connectionString)), ownsDataSource: true, options, logger)
    {
    }

    /// <summary>Creates a store over a data source the host configured (and disposes of itself).</summary>
    /// <param name="dataSource">The data source; the store does not dispose of it.</param>
    /// <param name="options">The schema and migration settings; the defaults if <see langword="null"/>.</param>
    /// <param name="logger">Where the store logs the rows it cannot read and steps past; nothing if <see langword="null"/>.</param>
    public PostgreSqlComplaintStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions? options = null, ILogger<PostgreSqlComplaintStore>? logger = null)
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), ownsDataSource: false, options, logger)
    {
    }

    private PostgreSqlComplaintStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlStoreOptions? options, ILogger? logger)
    {
        _logger = logger ?? NullLogger.Instance;
        options ??= new PostgreSqlStoreOptions();
        PostgreSqlStoreOptions.ValidateSchemaName(options.Schema);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _migrate = options.MigrateSchema;
        _prepare = options.PrepareStatements;
        Schema = options.Schema;
        _sql = new Sql(PostgreSqlSchema.Quote(Schema));
    }

    /// <summary>The PostgreSQL schema holding the store's tables.</summary>
    public string Schema { get; }

    /// <summary>
    /// Creates the schema, or upgrades an older one in place, in one transaction; nodes starting together migrate once.
    /// The store does this on first use unless <see cref="PostgreSqlStoreOptions.MigrateSchema"/> is off.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration (nothing is changed).</param>
    /// <returns>A task that completes when the schema is at <see cref="SchemaVersion"/>.</returns>
    /// <exception cref="PostgreSqlSchemaException">The database holds a newer schema than this library knows; nothing was changed.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await PostgreSqlSchema.MigrateAsync(_dataSource, Schema, PostgreSqlSchema.CurrentVersion, cancellationToken).ConfigureAwait(false);
        _schemaReady = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _schemaGate.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }

        _schemaGate.Dispose();
    }

    private async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                // A failure (database down, newer schema) is thrown to the caller and tried again on the next call.
                if (_migrate)
                {
                    await PostgreSqlSchema.MigrateAsync(_dataSource, Schema, PostgreSqlSchema.CurrentVersion, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await PostgreSqlSchema.CheckAsync(_dataSource, Schema, cancellationToken).ConfigureAwait(false);
                }

                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static string ValidConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }
}
