using Complaints.Ports;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Storage.PostgreSql.Tests;

public sealed class RegistrationTests
{
    private const string SomeServer = "Host=db.example;Username=complaints;Password=secret;Database=complaints";

    [Fact]
    public void UsePostgreSql_RegistersOneStoreAsEveryPort()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic").UsePostgreSql(SomeServer, o => o.Schema = "desk");
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IComplaintStore>();

        store.Should().BeOfType<PostgreSqlComplaintStore>().Which.Schema.Should().Be("desk");
        provider.GetRequiredService<IDeadlineStore>().Should().BeSameAs(store);
        provider.GetRequiredService<Complaints.Notifications.IOutboxStore>().Should().BeSameAs(store);
        provider.GetRequiredService<IAuditLog>().Should().BeSameAs(store);
        provider.GetRequiredService<Complaints.Improvement.ICorrectiveActionStore>().Should().BeSameAs(store);
        provider.GetRequiredService<PostgreSqlComplaintStore>().Should().BeSameAs(store);
    }

    [Fact]
    public void UsePostgreSql_AfterAddDeadlineWorker_TheWorkerClaimsFromPostgreSql()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic").AddDeadlineWorker().UsePostgreSql(SomeServer);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IDeadlineStore>().Should().BeSameAs(provider.GetRequiredService<IComplaintStore>())
            .And.BeOfType<PostgreSqlComplaintStore>();
        services.Where(d => d.ServiceType == typeof(IComplaintStore)).Should().ContainSingle();
        services.Where(d => d.ServiceType == typeof(IDeadlineStore)).Should().ContainSingle();
    }

    [Theory]
    [InlineData("Host=db;NoSuchKeyword=1")]
    [InlineData(" ")]
    public void UsePostgreSql_MalformedConnectionString_FailsAtRegistration(string connectionString)
    {
        var act = () => new ServiceCollection().AddComplaints().UsePostgreSql(connectionString);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("Desk")]
    [InlineData("desk; DROP TABLE x")]
    [InlineData("1desk")]
    [InlineData("")]
    public void UsePostgreSql_InvalidSchemaName_FailsAtRegistrationNamingTheRule(string schema)
    {
        var act = () => new ServiceCollection().AddComplaints().UsePostgreSql(SomeServer, o => o.Schema = schema);

        act.Should().Throw<ArgumentException>().WithMessage("*schema*");
    }

    [Fact]
    [Trait("Category", "PostgreSQL")]
    public async Task UsePostgreSql_ServiceFromTheContainer_KeepsCasesInTheDatabase()
    {
        await using var schemas = new TestSchemas();
        var connectionString = await schemas.ConnectionStringAsync();
        var schema = await schemas.NewSchemaAsync();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        services.AddComplaints().UsePack("generic").UsePostgreSql(connectionString, o => o.Schema = schema);
        ComplaintId id;
        await using (var provider = services.BuildServiceProvider())
        {
            id = (await provider.GetRequiredService<ComplaintService>().ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake())).Complaint.Id;
        }

        // Another node (a store of its own) reads it back.
        var other = await schemas.NewStoreAsync(schema);
        (await other.LoadAsync(id)).Should().NotBeNull();
        (await other.ReadJournalAsync(id)).Should().ContainSingle();
    }
}
