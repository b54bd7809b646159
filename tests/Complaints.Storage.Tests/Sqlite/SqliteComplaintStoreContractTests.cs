using Complaints.Ports;
using Complaints.Storage.Tests.Contract;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The SQLite store meets the store contract, each test on a fresh file in a temporary folder deleted afterwards.</summary>
public sealed class SqliteComplaintStoreContractTests : ComplaintStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override Task<IComplaintStore> CreateEmptyStoreAsync() => Task.FromResult<IComplaintStore>(_database.Store());

    public void Dispose() => _database.Dispose();
}
