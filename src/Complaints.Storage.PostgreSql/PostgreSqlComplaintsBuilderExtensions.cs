using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the PostgreSQL complaint store.</summary>
public static class PostgreSqlComplaintsBuilderExtensions
{
    /// <summary>
    /// Keeps cases in PostgreSQL: one <see cref="PostgreSqlComplaintStore"/> per process, registered as
    /// <see cref="IComplaintStore"/>, <see cref="IDeadlineStore"/>, <see cref="IOutboxStore"/>, <see cref="IAuditLog"/> and <see cref="ICorrectiveActionStore"/>, so that every node sharing the database sees the
    /// same cases and deadline workers on different nodes never record an alarm twice.
    /// </summary>
    /// <param name="builder">The builder <c>AddComplaints</c> returned.</param>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Username=complaints;Password=…;Database=complaints</c>.</param>
    /// <param name="configure">Adjusts the store's settings (schema name, migration on first use).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The connection string or schema name is invalid.</exception>
    public static ComplaintsBuilder UsePostgreSql(this ComplaintsBuilder builder, string connectionString, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Fail at registration, not at the first complaint, on a malformed connection string.
        _ = new NpgsqlConnectionStringBuilder(connectionString);
        var options = Configure(configure);
        return Register(builder, sp => new PostgreSqlComplaintStore(connectionString, options, sp.GetService<ILogger<PostgreSqlComplaintStore>>()));
    }

    /// <summary>
    /// Keeps cases in PostgreSQL over a data source the host configured and owns (logging, multiple hosts, auth
    /// callbacks), registered as <see cref="IComplaintStore"/>, <see cref="IDeadlineStore"/>, <see cref="IOutboxStore"/>, <see cref="IAuditLog"/> and <see cref="ICorrectiveActionStore"/>.
    /// </summary>
    /// <param name="builder">The builder <c>AddComplaints</c> returned.</param>
    /// <param name="dataSource">The data source; the host disposes of it.</param>
    /// <param name="configure">Adjusts the store's settings (schema name, migration on first use).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The schema name is invalid.</exception>
    public static ComplaintsBuilder UsePostgreSql(this ComplaintsBuilder builder, NpgsqlDataSource dataSource, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        var options = Configure(configure);
        return Register(builder, sp => new PostgreSqlComplaintStore(dataSource, options, sp.GetService<ILogger<PostgreSqlComplaintStore>>()));
    }

    private static PostgreSqlStoreOptions Configure(Action<PostgreSqlStoreOptions>? configure)
    {
        var options = new PostgreSqlStoreOptions();
        configure?.Invoke(options);
        PostgreSqlStoreOptions.ValidateSchemaName(options.Schema);
        return options;
    }

    internal static ComplaintsBuilder Register(ComplaintsBuilder builder, Func<IServiceProvider, PostgreSqlComplaintStore> create)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton(create));
        builder.Services.Replace(ServiceDescriptor.Singleton<IComplaintStore>(static sp => sp.GetRequiredService<PostgreSqlComplaintStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IDeadlineStore>(static sp => sp.GetRequiredService<PostgreSqlComplaintStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IOutboxStore>(static sp => sp.GetRequiredService<PostgreSqlComplaintStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuditLog>(static sp => sp.GetRequiredService<PostgreSqlComplaintStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICorrectiveActionStore>(static sp => sp.GetRequiredService<PostgreSqlComplaintStore>()));
        return builder;
    }
}
