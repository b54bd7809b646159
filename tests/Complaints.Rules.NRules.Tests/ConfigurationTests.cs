using Complaints.Policy;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Rules.NRules.Tests.TestRules;

namespace Complaints.Rules.NRules.Tests;

/// <summary><c>UseNRules</c>/<c>WithNRules(configuration, …)</c>: the identity and the settings the rules read come from appsettings.json; a bad value stops the host at start, naming its key.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void UseNRules_FromConfiguration_BindsTheIdentityAndTheSettingsTheRulesRead()
    {
        using var provider = Host(
            new()
            {
                ["Complaints:NRules:Id"] = "configured-rules",
                ["Complaints:NRules:Version"] = "2.1.0",
                ["Complaints:NRules:Settings:Numbers:noSuchLimit"] = "500",
                ["Complaints:NRules:Settings:Ladder:0"] = "handler",
                ["Complaints:NRules:Settings:Ladder:1"] = "manager",
                ["Complaints:NRules:Settings:Ladder:2"] = "general-manager",
                ["Complaints:NRules:Settings:DefaultTier"] = "serious",
            },
            (b, section) => b.UseNRules(section, o => o.Rules(typeof(ReadsAMissingSetting), typeof(CompensationNeedsManager))));

        var policy = provider.GetRequiredService<PolicyCatalog>().Current.Should().BeOfType<NRulesPolicy>().Which;

        policy.Identity.Should().Be(new PolicyRef("configured-rules", "2.1.0"));
        policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 800)).Steps.Should().Equal("manager");
        policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 400)).Steps.Should().BeEmpty("the configured noSuchLimit is 500");
        policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Compensation, 100)).Steps.Should().Equal(["manager", "general-manager"], "ordered by the configured ladder");
        policy.Classify(A.Complaint().Build()).Tier.Should().Be(Severity.Serious, "no severity rule fires: the configured default tier");
    }

    [Fact]
    public void UseNRules_CodeAfterTheBinding_SeesAndMayChangeWhatConfigurationSet()
    {
        using var provider = Host(
            new() { ["Complaints:NRules:Id"] = "configured-rules", ["Complaints:NRules:Version"] = "2.1.0" },
            (b, section) => b.UseNRules(section, o =>
            {
                o.Identity = o.Identity with { Version = o.Identity.Version + "-hotfix" };
                o.Rules(typeof(LargeClaimIsSerious));
            }));

        provider.GetRequiredService<PolicyCatalog>().Current.Identity.Should().Be(new PolicyRef("configured-rules", "2.1.0-hotfix"));
    }

    [Fact]
    public async Task WithNRules_FromConfiguration_RecordsTheConfiguredRulesVersion_AndReadsThePacksSettings()
    {
        using var provider = Host(
            new() { ["Complaints:NRules:Id"] = "dealer-rules", ["Complaints:NRules:Version"] = "1.2.0" },
            (b, section) => b.UsePack("auto-dealership").WithNRules(section, o => o.Rules(typeof(AirbagIsMajor))));
        var service = provider.GetRequiredService<ComplaintService>();

        var received = await service.ReceiveAsync(A.Receiver(), A.Complaint().Described("The airbag light stays on after the repair.").BuildIntake());

        received.Complaint.Policy.Should().Be(new PolicyRef("auto-dealership", "1.0.0+nrules.dealer-rules.1.2.0"));
        provider.GetRequiredService<PolicyCatalog>().Current.Classify(received.Complaint).Tier.Should().Be(Severity.Major);
    }

    [Fact]
    public void UseNRules_TheCultureOfItsCasesNotices_ComesFromConfiguration_AndABadTagIsNamedByKey()
    {
        using (var provider = Host(
            new() { ["Complaints:NRules:Culture"] = "zh-CN" },
            (b, section) => b.UseNRules(section, o => o.Rules(typeof(LargeClaimIsSerious)))))
        {
            provider.GetRequiredService<PolicyCatalog>().Current.Culture.Should().Be("zh-CN");
        }

        using var bad = Host(
            new() { ["Complaints:NRules:Culture"] = "zh_CN" },
            (b, section) => b.UseNRules(section, o => o.Rules(typeof(LargeClaimIsSerious))));
        var act = () => bad.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("*NRulesPolicyOptions.Culture (configuration key 'Complaints:NRules:Culture') is 'zh_CN'; use a BCP 47 tag such as zh-CN*");
    }

    [Fact]
    public void UseNRules_AnUnknownTier_StopsTheHostAtStart_NamingTheKeyAndTheNearestTier()
    {
        using var provider = Host(
            new() { ["Complaints:NRules:Settings:DefaultTier"] = "seriuos" },
            (b, section) => b.UseNRules(section, o => o.Rules(typeof(LargeClaimIsSerious))));

        var act = () => provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("*NRulesPolicyOptions.Settings.DefaultTier (configuration key 'Complaints:NRules:Settings:DefaultTier') is 'seriuos' (did you mean 'Serious'?); use one of Minor, General, Serious*");
    }

    [Fact]
    public void UseNRules_ANumberThatDoesNotConvert_StopsTheHostAtStart_NamingTheKey()
    {
        using var provider = Host(
            new() { ["Complaints:NRules:Settings:Numbers:noSuchLimit"] = "lots" },
            (b, section) => b.UseNRules(section, o => o.Rules(typeof(ReadsAMissingSetting))));

        var act = () => provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*'lots'*'Complaints:NRules:Settings:Numbers:noSuchLimit'*");
    }

    [Fact]
    public void WithNRules_BadIdentityAndLimits_AreEachNamedByKey()
    {
        using var provider = Host(
            new()
            {
                ["Complaints:NRules:Version"] = "1.0 beta",
                ["Complaints:NRules:Settings:Currency"] = "yuan",
                ["Complaints:NRules:Settings:ApprovalLimits:handler"] = "-5",
            },
            (b, section) => b.UsePack("generic").WithNRules(section, o => o.Rules(typeof(LargeClaimIsSerious))));

        var act = () => provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        var message = act.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain("NRulesPolicyOptions.Identity (configuration key 'Complaints:NRules:Version') is '1.0 beta'")
            .And.Contain("NRulesPolicyOptions.Settings.Currency (configuration key 'Complaints:NRules:Settings:Currency') is 'yuan'")
            .And.Contain("(configuration key 'Complaints:NRules:Settings:ApprovalLimits:handler') is -5");
    }

    private static ServiceProvider Host(Dictionary<string, string?> settings, Action<ComplaintsBuilder, IConfigurationSection> use)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        use(services.AddComplaints(), configuration.GetSection("Complaints:NRules"));
        return services.BuildServiceProvider();
    }
}
