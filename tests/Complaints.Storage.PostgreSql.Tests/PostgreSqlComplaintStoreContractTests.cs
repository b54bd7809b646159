using Complaints.Ports;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Storage.Tests.Contract;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL store meets the store contract; each test has a fresh schema of its own, dropped afterwards.</summary>
[Collection(PostgreSqlTests.Collection)]
public class PostgreSqlComplaintStoreContractTests : ComplaintStoreContract, IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    /// <summary>The store's <see cref="PostgreSqlStoreOptions.PrepareStatements"/>.</summary>
    protected virtual bool PrepareStatements => true;

    protected override async Task<IComplaintStore> CreateEmptyStoreAsync() => await _schemas.NewStoreAsync(prepare: PrepareStatements);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _schemas.DisposeAsync();
    }
}

/// <summary>The contract again with prepared statements off, as behind a pooler that cannot carry them.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class PostgreSqlComplaintStoreUnpreparedContractTests : PostgreSqlComplaintStoreContractTests
{
    protected override bool PrepareStatements => false;
}
