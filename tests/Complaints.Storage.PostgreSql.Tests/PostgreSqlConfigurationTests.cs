using Complaints.Storage.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL store comes from appsettings.json; bad settings stop the host at start naming their keys. No server needed.</summary>
public sealed class PostgreSqlConfigurationTests
{
    [Fact]
    public void UsePostgreSql_FromConfiguration_BindsTheSettingsAndStarts()
    {
        using var provider = Host(new()
        {
            ["ConnectionStrings:Cases"] = "Host=db;Username=complaints;Password=secret;Database=complaints",
            ["Complaints:PostgreSql:ConnectionStringName"] = "Cases",
            ["Complaints:PostgreSql:Schema"] = "complaints_eu",
            ["Complaints:PostgreSql:MigrateSchema"] = "false",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;
        (options.Schema, options.MigrateSchema).Should().Be(("complaints_eu", false));
    }

    [Fact]
    public void UsePostgreSql_BadSchemaAndNoConnectionString_StopTheHostAtStartNamingTheKeys()
    {
        using var provider = Host(new() { ["Complaints:PostgreSql:Schema"] = "Complaints-EU" });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().SatisfyRespectively(
            schema => schema.Should().Contain("configuration key 'Complaints:PostgreSql:Schema'").And.Contain("lower-case letters"),
            missing => missing.Should().Contain("'ConnectionStrings:Complaints'").And.Contain("'Complaints:PostgreSql:ConnectionString'"));
    }

    [Fact]
    public void UsePostgreSql_AMalformedConnectionString_IsReportedWithoutQuotingIt()
    {
        using var provider = Host(new() { ["Complaints:PostgreSql:ConnectionString"] = "Host=db;Password=hunter2;Bogus Key=1" });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("'Complaints:PostgreSql' is malformed").And.NotContain("hunter2");
    }

    private static ServiceProvider Host(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddComplaints(configuration.GetSection("Complaints")).UsePack("generic").UsePostgreSql(configuration.GetSection("Complaints:PostgreSql"));
        return services.BuildServiceProvider();
    }
}
