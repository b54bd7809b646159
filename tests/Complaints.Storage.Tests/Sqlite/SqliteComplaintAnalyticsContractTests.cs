using Complaints.Ports;
using Complaints.Testing.Stores;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The SQLite store computes the analytics contract's figures in the database, each test on a fresh file.</summary>
public sealed class SqliteComplaintAnalyticsContractTests : ComplaintAnalyticsContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override Task<IComplaintStore> CreateEmptyStoreAsync() => Task.FromResult<IComplaintStore>(_database.Store());

    public void Dispose() => _database.Dispose();
}
