using Complaints.Ports;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Workflow.Tests.InMemory;

/// <summary>The in-memory default of <c>AddComplaints</c> is every port, one instance.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void AddComplaints_InMemoryDefault_IsAlsoTheAuditLog()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic");
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IComplaintStore>();

        store.Should().BeOfType<InMemoryComplaintStore>();
        provider.GetRequiredService<IAuditLog>().Should().BeSameAs(store);
    }
}
