using Complaints.Improvement;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing.Stores;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL store meets the corrective-action store contract; each test has a fresh schema of its own, dropped afterwards.</summary>
[Collection(PostgreSqlTests.Collection)]
public class PostgreSqlCorrectiveActionStoreContractTests : CorrectiveActionStoreContract, IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    /// <summary>The store's <see cref="PostgreSqlStoreOptions.PrepareStatements"/>.</summary>
    protected virtual bool PrepareStatements => true;

    protected override async Task<ICorrectiveActionStore> CreateEmptyStoreAsync() => await _schemas.NewStoreAsync(prepare: PrepareStatements);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _schemas.DisposeAsync();
    }
}

/// <summary>The corrective-action contract again with prepared statements off, as behind a pooler that cannot carry them.</summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class PostgreSqlCorrectiveActionStoreUnpreparedContractTests : PostgreSqlCorrectiveActionStoreContractTests
{
    protected override bool PrepareStatements => false;
}
