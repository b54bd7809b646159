using Complaints.Policy;
using Complaints.Rules;
using Complaints.Rules.NRules;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/nrules.md, "Running a pack on NRules": running a pack on NRules.</summary>
public sealed class NRulesPacks
{
    [Fact]
    public void A_pack_runs_on_NRules_with_the_same_decisions()
    {
        var complaint = A.Complaint().Described("The nurse was rude and I was charged twice.").Claiming(3000).Build();
        #region nrules-pack
        var hospital = PolicyPacks.LoadBuiltIn("hospital");   // loaded and validated as usual
        var onNRules = hospital.OnNRules();                    // its rules compiled to NRules session factories, now

        SeverityDecision severity = onNRules.Classify(complaint);    // matched in an NRules session
        Console.WriteLine(string.Join(", ", severity.Explanation.MatchedRules)); // the pack's rule names, as on its own evaluator
        Console.WriteLine(onNRules.RunsOnNRules());                  // True
        #endregion

        var own = hospital.Classify(complaint);
        (severity.Category, severity.Tier).Should().Be((own.Category, own.Tier));
        severity.Explanation.Rules.Should().Equal(own.Explanation.Rules);
        severity.Explanation.MatchedRules.Should().NotBeEmpty();
        onNRules.RunsOnNRules().Should().BeTrue();
        onNRules.Identity.Should().Be(hospital.Identity);
    }

    [Fact]
    public async Task The_workflow_runs_its_packs_on_NRules()
    {
        var services = new ServiceCollection();
        #region nrules-use-pack
        services.AddComplaints().UsePack("hospital").OnNRules();
        // several packs: .UsePacks(p => p.Add("hospital").Add("food-service").WhenAttribute("unit", "canteen", "food-service")).OnNRules()
        #endregion
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyCatalog>().Current.Should().BeOfType<PolicyPack>().Which.RunsOnNRules().Should().BeTrue();
    }

    [Fact]
    public async Task A_pack_on_NRules_is_tested_as_the_pack()
    {
        #region nrules-test-pack
        var harness = ComplaintsHarness.ForPolicy(PolicyPacks.LoadBuiltIn("hospital").OnNRules());
        var received = await harness.ReceiveAsync(A.Complaint().Described("I was charged twice for the same scan."));
        await harness.TriageAsync(received.Complaint.Id);

        (await harness.LastDecisionAsync<RoutingDecision>(received.Complaint.Id)).Should().RouteTo("finance");
        #endregion
    }
}
