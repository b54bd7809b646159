using Complaints.Ports;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing.Stores;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL store computes the analytics contract's figures in the database; each test has a fresh schema of its own, dropped afterwards.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class PostgreSqlComplaintAnalyticsContractTests : ComplaintAnalyticsContract, IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    protected override async Task<IComplaintStore> CreateEmptyStoreAsync() => await _schemas.NewStoreAsync();

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();
}
