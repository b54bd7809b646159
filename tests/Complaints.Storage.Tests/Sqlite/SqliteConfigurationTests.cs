using Complaints.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The SQLite store comes from appsettings.json: a named connection string, its settings, a path relative to the content root.</summary>
public sealed class SqliteConfigurationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task UseSqlite_FromConfiguration_OpensTheNamedConnectionStringWithItsSettings()
    {
        var path = _database.NewPath();
        using var provider = Host(new()
        {
            ["ConnectionStrings:CaseDb"] = $"Data Source={path}",
            ["Complaints:Sqlite:ConnectionStringName"] = "CaseDb",
            ["Complaints:Sqlite:BusyTimeout"] = "00:00:05",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<SqliteComplaintStore>().MigrateAsync();

        provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.BusyTimeout.Should().Be(TimeSpan.FromSeconds(5));
        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public async Task UseSqlite_ARelativePath_ResolvesAgainstTheContentRootNotTheCurrentDirectory()
    {
        var root = Path.Combine(_database.Folder, "site");
        Directory.CreateDirectory(root);
        using var provider = Host(
            new() { ["ConnectionStrings:Complaints"] = "Data Source=App_Data.db" },
            new Environment(root));

        await provider.GetRequiredService<SqliteComplaintStore>().MigrateAsync();

        File.Exists(Path.Combine(root, "App_Data.db")).Should().BeTrue();
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "App_Data.db")).Should().BeFalse();
    }

    [Fact]
    public void UseSqlite_NoConnectionString_StopsTheHostAtStartNamingTheKeys()
    {
        using var provider = Host(new() { ["Complaints:Sqlite:MigrateSchema"] = "false" });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("*'ConnectionStrings:Complaints'*'Complaints:Sqlite:ConnectionStringName'*'Complaints:Sqlite:ConnectionString'*");
    }

    [Fact]
    public void UseSqlite_ABusyTimeoutOutOfRange_StopsTheHostAtStartNamingTheKey()
    {
        using var provider = Host(new()
        {
            ["Complaints:Sqlite:ConnectionString"] = $"Data Source={_database.NewPath()}",
            ["Complaints:Sqlite:BusyTimeout"] = "02:00:00",
        });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*configuration key 'Complaints:Sqlite:BusyTimeout'*from zero to one hour*");
    }

    [Fact]
    public void UseSqlite_ACheckpointIntervalOutOfRange_StopsTheHostAtStartNamingTheKey()
    {
        using var provider = Host(new()
        {
            ["Complaints:Sqlite:ConnectionString"] = $"Data Source={_database.NewPath()}",
            ["Complaints:Sqlite:CheckpointInterval"] = "00:05:00",
        });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*configuration key 'Complaints:Sqlite:CheckpointInterval'*is 00:05:00*to one minute*");
    }

    private static ServiceProvider Host(Dictionary<string, string?> settings, IHostEnvironment? environment = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (environment is not null)
        {
            services.AddSingleton(environment);
        }

        services.AddComplaints(configuration.GetSection("Complaints")).UsePack("generic").UseSqlite(configuration.GetSection("Complaints:Sqlite"));
        return services.BuildServiceProvider();
    }

    public void Dispose() => _database.Dispose();

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "complaints-site";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
