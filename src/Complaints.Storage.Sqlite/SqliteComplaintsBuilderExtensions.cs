using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Chooses the SQLite store: <c>services.AddComplaints(...).UseSqlite("Data Source=complaints.db")</c>.</summary>
public static class SqliteComplaintsBuilderExtensions
{
    /// <summary>
    /// Keeps cases, journals and deadlines in the SQLite database <paramref name="connectionString"/> names, instead of
    /// in memory. One <see cref="SqliteComplaintStore"/> is registered as <see cref="IComplaintStore"/>,
    /// <see cref="IDeadlineStore"/>, <see cref="IOutboxStore"/>, <see cref="IAuditLog"/> and <see cref="ICorrectiveActionStore"/>; it creates the file and its schema, or upgrades an older schema, at first use.
    /// </summary>
    /// <param name="builder">The builder <c>AddComplaints</c> returned.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=complaints.db</c> (a relative path resolves against the host's content root, <c>IHostEnvironment.ContentRootPath</c>, when one is registered; else the current directory).</param>
    /// <param name="configure">Adjusts the store's settings (the busy timeout, the checkpoint interval).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The connection string is empty, invalid or names no file.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is not between zero and one hour, or the checkpoint interval not between zero and one minute.</exception>
    public static ComplaintsBuilder UseSqlite(this ComplaintsBuilder builder, string connectionString, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SqliteStoreOptions();
        configure?.Invoke(options);

        // Checked now, so a bad connection string or setting fails at registration rather than at the first complaint.
        _ = SqliteComplaintStore.Parse(connectionString, options);

        return builder.UseSqliteStore(sp => new SqliteComplaintStore(
            SqliteConfigurationExtensions.AgainstContentRoot(connectionString, sp), options, sp.GetService<ILogger<SqliteComplaintStore>>()));
    }

    /// <summary>Registers the store <paramref name="create"/> makes as every port it implements.</summary>
    internal static ComplaintsBuilder UseSqliteStore(this ComplaintsBuilder builder, Func<IServiceProvider, SqliteComplaintStore> create)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton(create));
        builder.Services.Replace(ServiceDescriptor.Singleton<IComplaintStore>(static sp => sp.GetRequiredService<SqliteComplaintStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IDeadlineStore>(static sp => sp.GetRequiredService<SqliteComplaintStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IOutboxStore>(static sp => sp.GetRequiredService<SqliteComplaintStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuditLog>(static sp => sp.GetRequiredService<SqliteComplaintStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICorrectiveActionStore>(static sp => sp.GetRequiredService<SqliteComplaintStore>()));
        return builder;
    }
}
