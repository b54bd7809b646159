using Complaints.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The store health check reads the SQLite file's schema version, and says what to do when it is not the current one.</summary>
public sealed class SqliteHealthCheckTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task StoreCheck_CurrentFile_IsHealthy()
    {
        var path = _database.NewPath();
        await _database.Store(path).MigrateAsync();

        var entry = await StoreCheck(path, migrate: false);

        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data["store"].Should().Be(nameof(SqliteComplaintStore));
    }

    [Fact]
    public async Task StoreCheck_FileAtAnOlderSchemaWithMigrationOff_IsUnhealthySayingHowToUpgrade_AndLeavesTheFile()
    {
        var path = _database.NewPath();
        await _database.Store(path).MigrateAsync();
        var older = SqliteComplaintStore.SchemaVersion - 1;
        SetVersion(path, older);

        var entry = await StoreCheck(path, migrate: false);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain($"schema version {older}").And.Contain($"needs version {SqliteComplaintStore.SchemaVersion}")
            .And.Contain("MigrateAsync").And.Contain("MigrateSchema");
        entry.Data["schemaVersion"].Should().Be((long)older);
        entry.Data["supportedSchemaVersion"].Should().Be(SqliteComplaintStore.SchemaVersion);
        Version(path).Should().Be(older, "a health probe changes nothing");
    }

    [Fact]
    public async Task StoreCheck_FileFromANewerRelease_IsUnhealthySayingToUpgradeThePackage()
    {
        var path = _database.NewPath();
        await _database.Store(path).MigrateAsync();
        SetVersion(path, SqliteComplaintStore.SchemaVersion + 1);

        var entry = await StoreCheck(path, migrate: true);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("upgrade Complaints.Storage.Sqlite");
    }

    private static async Task<HealthReportEntry> StoreCheck(string path, bool migrate)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddComplaints().UsePack("generic").UseSqlite($"Data Source={path}", o => o.MigrateSchema = migrate);
        services.AddHealthChecks().AddComplaintsChecks();
        using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == ComplaintsHealthChecksBuilderExtensions.StoreCheck);
        return report.Entries[ComplaintsHealthChecksBuilderExtensions.StoreCheck];
    }

    private static void SetVersion(string path, int version)
    {
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {version};";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    private static long Version(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _database.Dispose();
}
