#region own-store-contract
using Complaints.Ports;
using Complaints.Testing.Stores;
using Complaints.Workflow.InMemory;
#endregion

namespace Complaints.Docs.Tests.Snippets;

#region own-store-contract
/// <summary>Runs the store contract on your store: every test of <see cref="ComplaintStoreContract"/>, each on a new, empty store.</summary>
public sealed class MyComplaintStoreContractTests : ComplaintStoreContract
{
    // Return a new, empty store: a fresh database, schema or file (dispose of it in Dispose/DisposeAsync).
    protected override Task<IComplaintStore> CreateEmptyStoreAsync() =>
        Task.FromResult<IComplaintStore>(new InMemoryComplaintStore()); // stands for your store here
}
#endregion
