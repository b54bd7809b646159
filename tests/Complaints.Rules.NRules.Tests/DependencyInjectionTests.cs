using Complaints.Commands;
using Complaints.Policy;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Rules.NRules.Tests.TestRules;

namespace Complaints.Rules.NRules.Tests;

/// <summary><c>UseNRules</c> and <c>UsePack(…).WithNRules(…)</c>: the rules decide cases through the workflow, and a bad rule stops the host at start.</summary>
public sealed class DependencyInjectionTests
{
    private static ServiceCollection Services() =>
        (ServiceCollection)new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));

    private static async Task<Complaint> ReceiveAndTriage(ServiceProvider provider, ComplaintIntake intake)
    {
        var service = provider.GetRequiredService<ComplaintService>();
        var id = (await service.ReceiveAsync(A.Receiver(), intake)).Complaint.Id;
        return (await service.ExecuteAsync(id, A.Coordinator(), new Triage())).Complaint;
    }

    [Fact]
    public async Task WithNRules_OverAPack_TriagesWithBoth_AndRecordsTheLayeredVersion()
    {
        var services = Services();
        services.AddComplaints().UsePack("auto-dealership").WithNRules(o =>
        {
            o.Identity = new PolicyRef("dealer-rules", "1.0.0");
            o.Rules(typeof(AirbagIsMajor));
        });
        await using var provider = services.BuildServiceProvider();

        var triaged = await ReceiveAndTriage(provider, A.Complaint().Described("The airbag light stays on after the repair.").BuildIntake());

        triaged.Policy.Should().Be(new PolicyRef("auto-dealership", "1.0.0+nrules.dealer-rules.1.0.0"));
        triaged.Severity.Should().Be(Severity.Major, "the C# rule raised the pack's general tier");
        triaged.Category.Should().Be("repair-quality", "the pack's category stands when the rules set none");
    }

    [Fact]
    public async Task UseNRules_Alone_DecidesWithTheRules()
    {
        var services = Services();
        services.AddComplaints().UseNRules(o =>
        {
            o.Identity = new PolicyRef("all-in-csharp", "3.0.0");
            o.Rules(typeof(LargeClaimIsSerious), typeof(BillingToFinance));
        });
        await using var provider = services.BuildServiceProvider();

        var triaged = await ReceiveAndTriage(provider, A.Complaint().Claiming(20_000).BuildIntake());

        triaged.Policy.Should().Be(new PolicyRef("all-in-csharp", "3.0.0"));
        (triaged.Severity, triaged.Category, triaged.Department).Should().Be((Severity.Serious, "billing", new DepartmentId("finance")));
    }

    [Fact]
    public void WithNRules_ARuleThatCannotBeBuilt_StopsTheHostAtStart_NamingIt()
    {
        var services = Services();
        services.AddComplaints().UsePack("auto-dealership").WithNRules(o => o.Rules(typeof(AirbagIsMajor), typeof(CannotBeDefined)));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*cannot be loaded*CannotBeDefined*threshold table is missing*");
    }

    [Fact]
    public void UseNRules_ARuleMatchingNoRequest_StopsTheHostAtStart_NamingIt()
    {
        var services = Services();
        services.AddComplaints().UseNRules(o => o.Rules(typeof(MatchesNoRequest)));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*'matches-a-string' matches none of the request facts*");
    }

    [Fact]
    public void WithNRules_WithoutAPolicyChosenBefore_SaysToChooseOne()
    {
        var act = () => Services().AddComplaints().WithNRules(o => o.Rules(typeof(AirbagIsMajor)));

        act.Should().Throw<InvalidOperationException>().WithMessage("*UsePack*first*UseNRules*");
    }

    [Fact]
    public async Task WithNRules_OverSeveralPacks_KeepsTheSelector_AndRefinesEachPack()
    {
        var services = Services();
        services.AddComplaints()
            .UsePacks(p => p.Add("generic").Add("auto-dealership").WhenAttribute("licence-plate", "京A12345", "auto-dealership"))
            .WithNRules(o => o.Rules(typeof(AirbagIsMajor)));
        await using var provider = services.BuildServiceProvider();

        var car = await ReceiveAndTriage(provider, A.Complaint().Described("The airbag light is on.").WithAttribute("licence-plate", "京A12345").BuildIntake());
        var other = await ReceiveAndTriage(provider, A.Complaint().Described("The airbag light is on.").BuildIntake());

        car.Policy.Should().Be(new PolicyRef("auto-dealership", "1.0.0+nrules.nrules.0.0.0"));
        other.Policy.Should().Be(new PolicyRef("generic", "1.0.0+nrules.nrules.0.0.0"));
        car.Severity.Should().Be(Severity.Major);
        other.Severity.Should().Be(Severity.Major);
    }

    [Fact]
    public void UseNRules_AnAssembly_DecidesWithEveryRuleOfIt()
    {
        var services = Services();
        services.AddComplaints().UseNRules(typeof(NRulesSample.DealershipPolicy).Assembly);
        using var provider = services.BuildServiceProvider();

        var policy = provider.GetRequiredService<PolicyCatalog>().Newest("nrules");

        policy.Should().BeOfType<NRulesPolicy>().Which.Rules.Should().HaveCount(14);
    }
}
