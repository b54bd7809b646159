using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Testing.Stores;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The SQLite store meets the store contract, each test on a fresh file in a temporary folder deleted afterwards.</summary>
public sealed class SqliteComplaintStoreContractTests : ComplaintStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override Task<IComplaintStore> CreateEmptyStoreAsync() => Task.FromResult<IComplaintStore>(_database.Store());

    // Truncated, as a damaged file or a half-copied row would be.
    protected override Task<bool> DamageStoredCaseAsync(IComplaintStore store, ComplaintId id) =>
        Task.FromResult(_database.Execute((SqliteComplaintStore)store, "UPDATE complaints SET json = substr(json, 1, 40) WHERE id = $id;", ("$id", id.Value.ToString("D"))) == 1);

    // Well-formed JSON of a kind this release does not know, as a newer release would write.
    protected override Task<bool> DamageStoredNotificationAsync(IComplaintStore store, Guid notificationId) =>
        Task.FromResult(_database.Execute((SqliteComplaintStore)store, "UPDATE outbox SET json = '{\"kind\":\"carrier-pigeon\"}' WHERE id = $id;", ("$id", notificationId.ToString("D"))) == 1);

    protected override Task<IReadOnlyList<UnreadableCase>> FindUnreadableCasesAsync(IComplaintStore store) => ((SqliteComplaintStore)store).FindUnreadableCasesAsync();

    public void Dispose() => _database.Dispose();
}
