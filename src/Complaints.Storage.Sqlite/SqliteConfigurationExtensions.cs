using Complaints.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Chooses the SQLite store from configuration: <c>.UseSqlite(configuration.GetSection("Complaints:Sqlite"))</c>.</summary>
public static class SqliteConfigurationExtensions
{
    /// <summary>The connection string name used when the section sets no <c>ConnectionStringName</c>.</summary>
    public const string DefaultConnectionStringName = "Complaints";

    /// <summary>
    /// Keeps cases in SQLite as <see cref="SqliteComplaintsBuilderExtensions.UseSqlite"/> does, with the settings of
    /// <paramref name="configuration"/>: <c>ConnectionString</c>, or else <c>ConnectionStringName</c> (default
    /// <c>Complaints</c>) naming an entry of the host's <c>ConnectionStrings</c> section (the <see cref="IConfiguration"/>
    /// the host registers); <c>BusyTimeout</c>, <c>CheckpointInterval</c> and <c>MigrateSchema</c> as <see cref="SqliteStoreOptions"/>. A relative
    /// file path resolves against the host's content root (<see cref="IHostEnvironment.ContentRootPath"/>), not the
    /// current directory. Checked at host start: a missing connection string or a bad value stops the host naming its
    /// configuration key.
    /// </summary>
    /// <param name="builder">The builder <c>AddComplaints</c> returned.</param>
    /// <param name="configuration">The store's section, e.g. <c>configuration.GetSection("Complaints:Sqlite")</c>.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UseSqlite(this ComplaintsBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var at = new SqliteConfiguration(
            configuration is IConfigurationSection section ? section.Path : "",
            configuration["ConnectionString"],
            configuration["ConnectionStringName"] ?? DefaultConnectionStringName);
        builder.Services.AddOptions<SqliteStoreOptions>().Bind(configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SqliteStoreOptions>>(sp => new Validator(sp, at));
        return builder.UseSqliteStore(sp => new SqliteComplaintStore(
            at.ConnectionString(sp),
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            sp.GetService<ILogger<SqliteComplaintStore>>()));
    }

    /// <summary>
    /// <paramref name="connectionString"/> with a relative file path made absolute against the host's content root, when
    /// the host has one; unchanged for <c>:memory:</c>, <c>file:</c> URIs and absolute paths.
    /// </summary>
    internal static string AgainstContentRoot(string connectionString, IServiceProvider services)
    {
        if (services.GetService<IHostEnvironment>()?.ContentRootPath is not { Length: > 0 } root)
        {
            return connectionString;
        }

        SqliteConnectionStringBuilder parsed;
        try
        {
            parsed = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return connectionString; // the store's own check reports it
        }

        var file = parsed.DataSource;
        if (string.IsNullOrWhiteSpace(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || Path.IsPathFullyQualified(file))
        {
            return connectionString;
        }

        parsed.DataSource = Path.GetFullPath(Path.Combine(root, file));
        return parsed.ToString();
    }

    /// <summary>Where the store's settings are in configuration.</summary>
    private sealed record SqliteConfiguration(string Path, string? Direct, string Name)
    {
        private string Key(string setting) => Path.Length == 0 ? setting : $"{Path}:{setting}";

        /// <summary>The connection string, relative paths resolved against the content root.</summary>
        public string ConnectionString(IServiceProvider services) => AgainstContentRoot(Raw(services) ?? throw new InvalidOperationException(Missing), services);

        public string? Raw(IServiceProvider services) =>
            !string.IsNullOrWhiteSpace(Direct) ? Direct : services.GetService<IConfiguration>()?.GetConnectionString(Name) is { Length: > 0 } named ? named : null;

        public string Missing =>
            $"The SQLite store has no connection string: set 'ConnectionStrings:{Name}' (the name is '{Key("ConnectionStringName")}', default '{DefaultConnectionStringName}'), " +
            $"or '{Key("ConnectionString")}', e.g. \"Data Source=complaints.db\".";

        public string Described(string setting) => $"SqliteStoreOptions.{setting} (configuration key '{Key(setting)}')";
    }

    private sealed class Validator(IServiceProvider services, SqliteConfiguration at) : IValidateOptions<SqliteStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
        {
            var failures = new List<string>();
            if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromHours(1))
            {
                failures.Add($"{at.Described("BusyTimeout")} is {options.BusyTimeout}; set it from zero to one hour.");
            }

            if (SqliteComplaintStore.CheckpointIntervalProblem(options.CheckpointInterval) is { } problem)
            {
                failures.Add($"{at.Described("CheckpointInterval")} {problem}");
            }

            if (at.Raw(services) is not { } connectionString)
            {
                failures.Add(at.Missing);
            }
            else if (failures.Count == 0)
            {
                try
                {
                    _ = SqliteComplaintStore.Parse(connectionString, options);
                }
                catch (ArgumentException e)
                {
                    failures.Add($"The SQLite connection string of '{at.Path}' is not usable: {e.Message}");
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
