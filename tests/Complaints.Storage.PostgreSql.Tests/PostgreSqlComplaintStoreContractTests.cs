using Complaints.Ports;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Storage.Tests.Contract;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL store meets the store contract; each test has a fresh schema of its own, dropped afterwards.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class PostgreSqlComplaintStoreContractTests : ComplaintStoreContract, IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    protected override async Task<IComplaintStore> CreateEmptyStoreAsync() => await _schemas.NewStoreAsync();

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();
}
