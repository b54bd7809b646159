using Complaints.Commands;
using Complaints.Policy;
using Complaints.Rules.NRules;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
#region nrules-rule
using NRules.Fluent.Dsl;
#endregion
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

#region nrules-rule
[Name("refund-above-5000-needs-finance-director")]
[Description("A refund above ¥5,000 is also approved by the finance director")]
public sealed class RefundAbove5000NeedsFinanceDirector : Rule
{
    public override void Define()
    {
        ApprovalRequest request = null!;
        When().Match(() => request,
            r => r.Remedy.Kind == RemedyKind.Refund,
            r => r.RemedyAmount > r.Settings.Setting("financeDirectorFrom"));
        Then().Do(_ => request.RequireApproval("finance-director"));
    }
}
#endregion

public sealed class NRulesSnippets
{
    [Fact]
    public async Task The_pack_and_the_host_rule_both_decide_who_approves()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        #region nrules-layered
        services.AddComplaints()
            .UsePack("auto-dealership")
            .WithNRules(o =>
            {
                o.Identity = new PolicyRef("dealer-rules", "1.0.0");   // recorded as auto-dealership@1.0.0+nrules.dealer-rules.1.0.0
                o.Settings = DealerSettings.Value;                    // else the pack's own settings
                o.RulesFrom(typeof(RefundAbove5000NeedsFinanceDirector).Assembly);
            });
        #endregion
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();
        var id = (await service.ReceiveAsync(A.Receiver(), A.Complaint().BuildIntake())).Complaint.Id;
        var complaint = (await service.ExecuteAsync(id, A.Coordinator(), new Triage())).Complaint;

        complaint.Policy.Version.Should().Be("1.0.0+nrules.dealer-rules.1.0.0");
    }

    [Fact]
    public void One_rule_in_isolation()
    {
        #region nrules-test-one-rule
        var policy = NRulesPolicy.Build(o =>
        {
            o.Settings = new PolicySettings { Numbers = new Dictionary<string, decimal> { ["financeDirectorFrom"] = 5000 } };
            o.Rules(typeof(RefundAbove5000NeedsFinanceDirector));       // this rule only
        });

        policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 8000))
            .Should().RequireApprovalSteps("finance-director").And.HaveMatched("refund-above-5000-needs-finance-director");
        policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 800))
            .Should().BeWithinHandlerAuthority().And.NotHaveMatched("refund-above-5000-needs-finance-director");
        #endregion
    }

    [Fact]
    public void Layered_over_the_pack_the_steps_are_merged_on_its_ladder()
    {
        var policy = NRulesPolicy.Build(o =>
        {
            o.Settings = DealerSettings.Value;
            o.Rules(typeof(RefundAbove5000NeedsFinanceDirector));
        }).Over(Rules.PolicyPacks.LoadBuiltIn("auto-dealership"));

        policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Refund, 8000))
            .Should().RequireApprovalSteps("manager", "finance-director", "general-manager");
    }
}

/// <summary>The auto-dealership's ladder with a finance director below the general manager, and the threshold the rule reads.</summary>
internal static class DealerSettings
{
    public static PolicySettings Value { get; } = new()
    {
        Ladder = ["staff", "advisor", "handler", "coordinator", "manager", "finance-director", "general-manager"],
        ApprovalLimits = new Dictionary<string, decimal> { ["handler"] = 200 },
        Numbers = new Dictionary<string, decimal> { ["financeDirectorFrom"] = 5000 },
    };
}
