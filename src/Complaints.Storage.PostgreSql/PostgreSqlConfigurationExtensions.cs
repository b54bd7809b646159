using Complaints.Storage.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Chooses the PostgreSQL store from configuration: <c>.UsePostgreSql(configuration.GetSection("Complaints:PostgreSql"))</c>.</summary>
public static class PostgreSqlConfigurationExtensions
{
    /// <summary>The connection string name used when the section sets no <c>ConnectionStringName</c>.</summary>
    public const string DefaultConnectionStringName = "Complaints";

    /// <summary>
    /// Keeps cases in PostgreSQL as <see cref="PostgreSqlComplaintsBuilderExtensions.UsePostgreSql(ComplaintsBuilder, string, Action{PostgreSqlStoreOptions}?)"/>
    /// does, with the settings of <paramref name="configuration"/>: <c>ConnectionString</c>, or else
    /// <c>ConnectionStringName</c> (default <c>Complaints</c>) naming an entry of the host's <c>ConnectionStrings</c>
    /// (the <see cref="IConfiguration"/> the host registers); <c>Schema</c>, <c>MigrateSchema</c> and
    /// <c>PrepareStatements</c> as <see cref="PostgreSqlStoreOptions"/>. Checked at host start: a missing or malformed
    /// connection string, or a bad schema name, stops the host naming its configuration key (never quoting the
    /// connection string, which may hold a password).
    /// </summary>
    /// <param name="builder">The builder <c>AddComplaints</c> returned.</param>
    /// <param name="configuration">The store's section, e.g. <c>configuration.GetSection("Complaints:PostgreSql")</c>.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UsePostgreSql(this ComplaintsBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var at = new Location(
            configuration is IConfigurationSection section ? section.Path : "",
            configuration["ConnectionString"],
            configuration["ConnectionStringName"] ?? DefaultConnectionStringName);
        builder.Services.AddOptions<PostgreSqlStoreOptions>().Bind(configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PostgreSqlStoreOptions>>(sp => new Validator(sp, at));
        return PostgreSqlComplaintsBuilderExtensions.Register(builder, sp => new PostgreSqlComplaintStore(
            at.Raw(sp) ?? throw new InvalidOperationException(at.Missing),
            sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value,
            sp.GetService<ILogger<PostgreSqlComplaintStore>>()));
    }

    /// <summary>Where the store's settings are in configuration.</summary>
    private sealed record Location(string Path, string? Direct, string Name)
    {
        public string Key(string setting) => Path.Length == 0 ? setting : $"{Path}:{setting}";

        public string? Raw(IServiceProvider services) =>
            !string.IsNullOrWhiteSpace(Direct) ? Direct : services.GetService<IConfiguration>()?.GetConnectionString(Name) is { Length: > 0 } named ? named : null;

        public string Missing =>
            $"The PostgreSQL store has no connection string: set 'ConnectionStrings:{Name}' (the name is '{Key("ConnectionStringName")}', default '{DefaultConnectionStringName}'), " +
            $"or '{Key("ConnectionString")}', e.g. \"Host=db;Username=complaints;Password=…;Database=complaints\".";
    }

    private sealed class Validator(IServiceProvider services, Location at) : IValidateOptions<PostgreSqlStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
        {
            var failures = new List<string>();
            try
            {
                PostgreSqlStoreOptions.ValidateSchemaName(options.Schema);
            }
            catch (ArgumentException e)
            {
                failures.Add($"PostgreSqlStoreOptions.Schema (configuration key '{at.Key("Schema")}'): {e.Message}");
            }

            if (at.Raw(services) is not { } connectionString)
            {
                failures.Add(at.Missing);
            }
            else
            {
                try
                {
                    _ = new NpgsqlConnectionStringBuilder(connectionString);
                }
                catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
                {
                    // The type only: the connection string (and the parser's message quoting it) may hold a password.
                    failures.Add($"The PostgreSQL connection string for '{at.Path}' is malformed ({e.GetType().Name}); check its keys and quoting.");
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
