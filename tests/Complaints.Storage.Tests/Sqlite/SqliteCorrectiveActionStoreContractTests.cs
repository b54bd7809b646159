using Complaints.Improvement;
using Complaints.Testing.Stores;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The SQLite store meets the corrective-action store contract, each test on a fresh file in a temporary folder deleted afterwards.</summary>
public sealed class SqliteCorrectiveActionStoreContractTests : CorrectiveActionStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override Task<ICorrectiveActionStore> CreateEmptyStoreAsync() => Task.FromResult<ICorrectiveActionStore>(_database.Store());

    public void Dispose() => _database.Dispose();
}
