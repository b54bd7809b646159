using Npgsql;

namespace Complaints.Storage.PostgreSql.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests run against, named by the <c>COMPLAINTS_POSTGRES</c> environment variable. Without
/// it, or when the server cannot be reached, every test that needs it is skipped (never passed) with a message saying
/// how to enable it.
/// </summary>
internal static class PostgreSqlServer
{
    public const string Variable = "COMPLAINTS_POSTGRES";

    private const string HowToEnable =
        $"Set {Variable} to an Npgsql connection string of a role that may create schemas, e.g. " +
        $"{Variable}=\"Host=127.0.0.1;Port=5432;Username=complaints;Password=complaints;Database=complaints_test\" " +
        "(CI=true bash .ci/run installs PostgreSQL, starts it and sets the variable).";

    private static readonly Lazy<Task<(string? ConnectionString, string? Problem)>> Probe = new(ProbeAsync);

    /// <summary>The connection string, or skips the calling test saying why and how to enable it.</summary>
    public static async Task<string> RequireAsync()
    {
        var (connectionString, problem) = await Probe.Value;
        if (connectionString is null)
        {
            Assert.Skip($"PostgreSQL tests skipped: {problem} {HowToEnable}");
        }

        return connectionString;
    }

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchemaName() => $"test_{Guid.NewGuid():N}";

    private static async Task<(string?, string?)> ProbeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return (null, $"{Variable} is not set.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            return (null, $"{Variable} is not a valid connection string ({e.Message}).");
        }

        // Each store has its own pool; keep them small so that parallel tests stay under the server's max_connections.
        if (!configured.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) &&
            !configured.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = 16;
        }

        var connectionString = builder.ConnectionString;
        try
        {
            var probe = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync();
            return (connectionString, null);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return (null, $"the server named by {Variable} ({builder.Host}:{builder.Port}, database {builder.Database}) cannot be reached ({e.Message.TrimEnd('.')}).");
        }
    }
}
