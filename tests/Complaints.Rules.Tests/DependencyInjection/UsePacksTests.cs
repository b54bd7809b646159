using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Rules.Tests.DependencyInjection;

/// <summary><c>services.AddComplaints().UsePacks(...)</c>: several packs in one deployment, one chosen per case at receipt, all loaded and checked at start.</summary>
public sealed class UsePacksTests
{
    private static ServiceProvider Start(Action<PolicyPacksBuilder> packs, Action<ComplaintsOptions>? options = null, DateTimeOffset? now = null)
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? ComplaintBuilder.DefaultReceivedAt));
        services.AddComplaints(options ?? (_ => { })).UsePacks(packs);
        return services.BuildServiceProvider();
    }

    private static void HospitalGroup(PolicyPacksBuilder packs) =>
        packs.Add("hospital").Add("food-service").WhenAttribute("unit", "canteen", "food-service");

    [Fact]
    public async Task UsePacks_OpensEachCaseUnderThePackItsRuleChooses_AndDecidesItThere()
    {
        using var provider = Start(HospitalGroup);
        var service = provider.GetRequiredService<ComplaintService>();

        var canteen = (await service.ReceiveAsync(A.Receiver(), A.Complaint().WithAttribute("unit", "canteen").WithAttribute("delivery-batch", "B-0412").BuildIntake())).Complaint;
        var outpatient = (await service.ReceiveAsync(A.Receiver(), A.Complaint().WithAttribute("unit", "outpatient").BuildIntake())).Complaint;
        var triaged = await service.ExecuteAsync(canteen.Id, A.Coordinator(), new Triage());

        canteen.Policy.Should().Be(new PolicyRef("food-service", "1.0.0"));
        outpatient.Policy.Should().Be(new PolicyRef("hospital", "1.0.0"), "no rule matches, so the first pack added is the default; 'unit' is the selector's, though hospital does not declare it");
        triaged.Entries.Single().Event.Should().BeOfType<ComplaintTriaged>().Which.Severity.Explanation.Policy.Should().Be(new PolicyRef("food-service", "1.0.0"));
        provider.GetRequiredService<PolicyCatalog>().Should().BeEquivalentTo(new { Packs = new[] { "food-service", "hospital" }, VersionFallback = PolicyVersionFallback.Refuse });
    }

    [Fact]
    public async Task UsePacks_AppliesTheChosenPacksIntakeSchema()
    {
        using var provider = Start(HospitalGroup);
        var service = provider.GetRequiredService<ComplaintService>();

        var act = () => service.ReceiveAsync(A.Receiver(), A.Complaint().WithAttribute("unit", "outpatient").WithAttribute("delivery-batch", "B-0412").BuildIntake());

        (await act.Should().ThrowAsync<ComplaintValidationException>("the hospital pack knows no delivery batch"))
            .WithMessage("*Intake.Attributes[delivery-batch]*hospital@1.0.0*");
    }

    [Fact]
    public void UsePacks_Default_ChoosesThePackOfCasesNoRuleMatches()
    {
        using var provider = Start(p => p.Add("hospital").Add("food-service").Default("food-service"));

        provider.GetRequiredService<PolicyCatalog>().Current.Identity.Id.Should().Be("food-service");
    }

    [Fact]
    public void UsePacks_ARuleNamingAPackNotAdded_StopsTheHostNamingTheNearest()
    {
        using var provider = Start(p => p.Add("hospital").Add("food-service").WhenAttribute("unit", "canteen", "food-servce"));

        var act = () => provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*chooses pack 'food-servce', which is not loaded (loaded: food-service, hospital)*Did you mean 'food-service'?*");
    }

    [Fact]
    public void UsePacks_ADefaultNotAdded_StopsTheHostNamingTheNearest()
    {
        using var provider = Start(p => p.Add("hospital").Add("food-service").Default("hospitl"));

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*cannot be loaded*'hospitl' as the default pack*Did you mean 'hospital'?*");
    }

    [Fact]
    public void UsePacks_APackThatCannotBeLoaded_StopsTheHost()
    {
        using var provider = Start(p => p.Add("hospital").Add("canteen"));

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*cannot be loaded*no built-in pack 'canteen'*");
    }

    [Fact]
    public void UsePacks_TheSamePackTwice_StopsTheHost()
    {
        using var provider = Start(p => p.Add("hospital").Add("hospital"));

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*adds pack 'hospital' twice*");
    }

    [Fact]
    public void UsePacks_NoPackOrRulesAndASelector_AreRefusedWhenConfigured()
    {
        var services = new ServiceCollection();

        var none = () => services.AddComplaints().UsePacks(_ => { });
        var both = () => services.AddComplaints().UsePacks(p => p.Add("hospital").WhenKind(ComplaintKind.Report, "hospital").SelectWith(new PolicySelector()));

        none.Should().Throw<InvalidOperationException>().WithMessage("*adds no pack*Add(\"hospital\")*");
        both.Should().Throw<InvalidOperationException>().WithMessage("*both When… rules and SelectWith*");
    }

    [Fact]
    public async Task UsePacks_SelectWith_ASelectorTheContainerMakes()
    {
        using var provider = Start(p => p.Add("hospital").Add("food-service").SelectWith<ByChannel>());
        var service = provider.GetRequiredService<ComplaintService>();

        var received = await service.ReceiveAsync(A.Receiver(), A.Complaint().Via(Channel.Hotline).BuildIntake());

        received.Complaint.Policy.Id.Should().Be("food-service");
    }

    [Fact]
    public void UsePacks_TheFallbackOptionReachesTheCatalog()
    {
        using var provider = Start(HospitalGroup, o => o.PolicyVersionFallback = PolicyVersionFallback.NewestOfSamePack);

        provider.GetRequiredService<PolicyCatalog>().VersionFallback.Should().Be(PolicyVersionFallback.NewestOfSamePack);
    }

    [Fact]
    public async Task UsePacks_TheCalendarHorizonIsCheckedForEveryPack()
    {
        using var provider = Start(HospitalGroup, now: new DateTimeOffset(2026, 12, 29, 10, 0, 0, TimeSpan.FromHours(8)));
        var warning = provider.GetServices<IHostedService>().OfType<CalendarHorizonWarning>().Single();

        await warning.StartAsync(TestContext.Current.CancellationToken);

        warning.Warnings.Should().HaveCount(2).And.ContainSingle(w => w.Contains("policy pack 'hospital'")).And.ContainSingle(w => w.Contains("policy pack 'food-service'"));
    }

    private sealed class ByChannel : IPolicySelector
    {
        public string? SelectPack(ComplaintIntake intake, Actor receiver) => intake.Channel == Channel.Hotline ? "food-service" : null;
    }
}
