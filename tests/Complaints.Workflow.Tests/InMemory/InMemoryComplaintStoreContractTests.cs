using Complaints.Ports;
using Complaints.Testing.Stores;
using Complaints.Workflow.InMemory;

namespace Complaints.Workflow.Tests.InMemory;

/// <summary>The reference store meets its own contract.</summary>
public sealed class InMemoryComplaintStoreContractTests : ComplaintStoreContract
{
    protected override Task<IComplaintStore> CreateEmptyStoreAsync() => Task.FromResult<IComplaintStore>(new InMemoryComplaintStore());
}
