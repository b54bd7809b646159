using Complaints.Commands;
using Complaints.Journal;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Rules.NRules.Tests.Packs;

/// <summary><c>services.AddComplaints().UsePack("hospital").OnNRules()</c> and <c>UsePacks(…).OnNRules()</c>: the chosen packs run on NRules.</summary>
public sealed class OnNRulesRegistrationTests
{
    private static ServiceProvider Start(Func<ComplaintsBuilder, ComplaintsBuilder> choose)
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        choose(services.AddComplaints(_ => { }));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task UsePack_OnNRules_DecidesEveryCaseOnNRules_AsThePackDoesOnItsOwn()
    {
        using var onNRules = Start(b => b.UsePack("hospital").OnNRules());
        using var own = Start(b => b.UsePack("hospital"));

        var current = onNRules.GetRequiredService<PolicyCatalog>().Current;
        current.Should().BeOfType<PolicyPack>().Which.RunsOnNRules().Should().BeTrue();
        own.GetRequiredService<PolicyCatalog>().Current.Should().BeOfType<PolicyPack>().Which.RunsOnNRules().Should().BeFalse();
        var triagedOnNRules = await Triage(onNRules);
        var triagedOwn = await Triage(own);
        triagedOnNRules.Should().BeEquivalentTo(triagedOwn, o => o.Excluding(e => e.Path.EndsWith("Id", StringComparison.Ordinal)));
        triagedOnNRules.Severity.Explanation.MatchedRules.Should().NotBeEmpty();
    }

    [Fact]
    public void UsePacks_OnNRules_RunsEveryPackOnNRules()
    {
        using var provider = Start(b => b.UsePacks(p => p.Add("hospital").Add("food-service").WhenAttribute("unit", "canteen", "food-service")).OnNRules());

        var catalog = provider.GetRequiredService<PolicyCatalog>();

        catalog.Packs.Should().BeEquivalentTo("hospital", "food-service");
        catalog.Packs.Select(id => catalog.Newest(id)).Should().AllSatisfy(p => p.Should().BeOfType<PolicyPack>().Which.RunsOnNRules().Should().BeTrue());
    }

    [Fact]
    public void OnNRules_BeforeAnyPackIsChosen_SaysToChooseOneFirst()
    {
        var services = new ServiceCollection();

        var act = () => services.AddComplaints(_ => { }).OnNRules();

        act.Should().Throw<InvalidOperationException>().WithMessage("*no pack is chosen yet*UsePack*");
    }

    private static async Task<ComplaintTriaged> Triage(ServiceProvider provider)
    {
        var service = provider.GetRequiredService<ComplaintService>();
        var received = (await service.ReceiveAsync(A.Receiver(), A.Complaint().Described("The nurse was rude; I was overcharged 3000 yuan.").BuildIntake())).Complaint;
        var triaged = await service.ExecuteAsync(received.Id, A.Coordinator(), new Triage());
        return triaged.Entries.Single().Event.Should().BeOfType<ComplaintTriaged>().Subject;
    }
}
