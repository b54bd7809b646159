using Complaints.Ports;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing.Stores;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL store meets the store contract; each test has a fresh schema of its own, dropped afterwards.</summary>
[Collection(PostgreSqlTests.Collection)]
public class PostgreSqlComplaintStoreContractTests : ComplaintStoreContract, IAsyncDisposable
{
    private readonly TestSchemas _schemas = new();

    /// <summary>The store's <see cref="PostgreSqlStoreOptions.PrepareStatements"/>.</summary>
    protected virtual bool PrepareStatements => true;

    protected override async Task<IComplaintStore> CreateEmptyStoreAsync() => await _schemas.NewStoreAsync(prepare: PrepareStatements);

    // Well-formed JSON (the column is json) of a shape this release cannot read, as a newer release would write.
    protected override async Task<bool> DamageStoredCaseAsync(IComplaintStore store, ComplaintId id)
    {
        await _schemas.ScalarAsync($"UPDATE \"{((PostgreSqlComplaintStore)store).Schema}\".complaints SET document = '{{\"state\":\"hibernating\",\"intake\":42}}' WHERE id = '{id.Value:D}'");
        return true;
    }

    protected override async Task<bool> DamageStoredNotificationAsync(IComplaintStore store, Guid notificationId)
    {
        await _schemas.ScalarAsync($"UPDATE \"{((PostgreSqlComplaintStore)store).Schema}\".outbox SET notification = '{{\"kind\":\"carrier-pigeon\"}}' WHERE id = '{notificationId:D}'");
        return true;
    }

    protected override Task<IReadOnlyList<UnreadableCase>> FindUnreadableCasesAsync(IComplaintStore store) => ((PostgreSqlComplaintStore)store).FindUnreadableCasesAsync();

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
