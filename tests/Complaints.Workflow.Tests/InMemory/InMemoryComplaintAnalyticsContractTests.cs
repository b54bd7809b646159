using Complaints.Ports;
using Complaints.Testing.Stores;
using Complaints.Workflow.InMemory;

namespace Complaints.Workflow.Tests.InMemory;

/// <summary>The reference store computes the analytics contract's figures.</summary>
public sealed class InMemoryComplaintAnalyticsContractTests : ComplaintAnalyticsContract
{
    protected override Task<IComplaintStore> CreateEmptyStoreAsync() => Task.FromResult<IComplaintStore>(new InMemoryComplaintStore());
}
