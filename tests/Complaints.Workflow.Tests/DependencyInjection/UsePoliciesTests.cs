using Complaints.Policy;
using Complaints.Workflow.Tests.Policies;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Workflow.Tests.DependencyInjection;

/// <summary><c>services.AddComplaints().UsePolicies(...)</c>: several policies and a selector, checked at start; the fallback option and the log reach the catalog.</summary>
public sealed class UsePoliciesTests
{
    private static readonly NamedPolicy Hospital = new("hospital", "1.0.0");
    private static readonly NamedPolicy Food = new("food-service", "1.0.0");

    [Fact]
    public async Task UsePolicies_TheSelectorChoosesAndTheLastIsTheDefault()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Harness.Start));
        services.AddComplaints().UsePolicies(_ => [Food, Hospital], _ => new PolicySelector().WhenChannel(Channel.Hotline, "food-service"));
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();

        (await service.ReceiveAsync(People.Receiver, Harness.Intake(Channel.Hotline))).Complaint.Policy.Should().Be(Food.Identity);
        (await service.ReceiveAsync(People.Receiver, Harness.Intake(Channel.Email))).Complaint.Policy.Should().Be(Hospital.Identity);
    }

    [Fact]
    public async Task DecoratePolicies_RefinesEveryPolicyChosenBefore_AndKeepsTheSelector()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Harness.Start));
        services.AddComplaints()
            .UsePolicies(_ => [Food, Hospital], _ => new PolicySelector().WhenChannel(Channel.Hotline, "food-service"))
            .DecoratePolicies(policies => policies.Select(p => new NamedPolicy(p.Identity.Id, p.Identity.Version + "+refined")));
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();

        (await service.ReceiveAsync(People.Receiver, Harness.Intake(Channel.Hotline))).Complaint.Policy.Should().Be(new PolicyRef("food-service", "1.0.0+refined"));
        (await service.ReceiveAsync(People.Receiver, Harness.Intake(Channel.Email))).Complaint.Policy.Should().Be(new PolicyRef("hospital", "1.0.0+refined"), "the last stays the default");
    }

    [Fact]
    public void DecoratePolicies_BeforeAnyPolicyIsChosen_SaysToChooseOne()
    {
        var act = () => new ServiceCollection().AddComplaints().DecoratePolicies(policies => policies);

        act.Should().Throw<InvalidOperationException>().WithMessage("*none is: call UsePack*first*");
    }

    [Fact]
    public void UsePolicies_ASelectorNamingAPackNotLoaded_StopsTheHost()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicies(_ => [Food, Hospital], _ => new PolicySelector().WhenChannel(Channel.Hotline, "hopsital"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*chooses pack 'hopsital', which is not loaded (loaded: food-service, hospital). Did you mean 'hospital'?*");
    }

    [Fact]
    public void UsePolicies_ASelectorThatCannotBeMade_StopsTheHostSayingSo()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicies(_ => [Food, Hospital], _ => throw new InvalidOperationException("No service for type 'IUnitDirectory' has been registered."));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("The policy selector cannot be made: No service for type 'IUnitDirectory'*");
    }

    [Fact]
    public void AddComplaints_TheFallbackOptionAndTheLoggerReachTheCatalog()
    {
        var log = new ListLogger<PolicyCatalog>();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Harness.Start)).AddSingleton<ILogger<PolicyCatalog>>(log);
        services.AddComplaints(o => o.PolicyVersionFallback = PolicyVersionFallback.NewestOfSamePack).UsePolicy(new NamedPolicy("hospital", "1.1.0"));
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<PolicyCatalog>();

        catalog.Resolve(Hospital.Identity).Identity.Should().Be(new PolicyRef("hospital", "1.1.0"));
        catalog.VersionFallback.Should().Be(PolicyVersionFallback.NewestOfSamePack);
        log.Entries.Should().ContainSingle().Which.Message.Should().Contain("Pack hospital version 1.0.0 is not loaded");
    }

    [Fact]
    public void UsePolicy_RefusesAMissingVersionByDefault()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(new NamedPolicy("hospital", "1.1.0"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<PolicyCatalog>().Resolve(Hospital.Identity);

        act.Should().Throw<PolicyVersionNotLoadedException>().WithMessage("A case was opened under policy pack hospital@1.0.0*");
    }
}
