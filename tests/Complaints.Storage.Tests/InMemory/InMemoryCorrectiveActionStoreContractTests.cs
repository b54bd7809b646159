using Complaints.Improvement;
using Complaints.Testing.Stores;
using Complaints.Workflow.InMemory;

namespace Complaints.Storage.Tests.InMemory;

/// <summary>The in-memory store meets the corrective-action store contract (the SQL stores run the same contract).</summary>
public sealed class InMemoryCorrectiveActionStoreContractTests : CorrectiveActionStoreContract
{
    protected override Task<ICorrectiveActionStore> CreateEmptyStoreAsync() => Task.FromResult<ICorrectiveActionStore>(new InMemoryComplaintStore());
}
