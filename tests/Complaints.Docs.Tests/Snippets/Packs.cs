using Complaints.Commands;
using Complaints.Docs.Tests.Support;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Rules;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/packs.md: loading, overriding and testing packs; the example pack and override it shows.</summary>
public sealed class Packs
{
    [Fact]
    public void Packs_load_from_the_assembly_a_folder_and_an_override()
    {
        #region load-packs
        var packs = Path.Combine(AppContext.BaseDirectory, "packs");          // folders shipped with the app
        var hospital = PolicyPacks.LoadBuiltIn("hospital");                    // embedded in Complaints.Rules
        var mine = PolicyPacks.LoadFolder(Path.Combine(packs, "my-pack"));     // your own pack
        var tuned = PolicyPacks.LoadBuiltIn("hospital", Path.Combine(packs, "hospital-override"));
        IReadOnlyList<string> ids = PolicyPacks.BuiltIn;                       // generic, hospital, …
        string readme = PolicyPacks.ReadBuiltInFile("hospital", "README.md");
        Console.WriteLine($"{hospital.Identity}, {mine.Identity}, {tuned.Identity}"); // hospital 1.0.0, bike-shop 1.0.0, hospital 1.0.0+custom.…
        #endregion

        hospital.Identity.Should().Be(new PolicyRef("hospital", "1.0.0"));
        mine.Identity.Should().Be(new PolicyRef("bike-shop", "1.0.0"));
        tuned.Identity.Version.Should().MatchRegex(@"^1\.0\.0\+custom\.[0-9a-f]{8}$");
        tuned.Facts.Limit("handler").Should().Be(2000);
        tuned.Facts.Setting("rejectionsBeforeEscalation").Should().Be(1);
        tuned.Facts.Limit("manager").Should().Be(10000, "what the override does not name stays the pack's");
        ids.Should().BeEquivalentTo(["generic", "hospital", "tobacco-retail", "auto-dealership", "food-service"]);
        readme.Should().StartWith("# Hospital pack");
    }

    [Fact]
    public async Task The_workflow_registers_a_pack_with_its_override()
    {
        var packs = Path.Combine(AppContext.BaseDirectory, "packs");
        var services = new ServiceCollection();
        #region use-pack
        services.AddComplaints().UsePack("hospital", Path.Combine(packs, "hospital-override"));
        // or .UsePackFolder(Path.Combine(packs, "my-pack")), with an override folder as the second argument
        #endregion
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyCatalog>().Current.Identity.Version.Should().StartWith("1.0.0+custom.");
    }

    #region test-my-pack
    [Fact]
    public async Task A_cracked_frame_is_a_safety_case_for_the_lead_within_2_working_days()
    {
        var harness = ComplaintsHarness.ForPackFolder(Path.Combine(AppContext.BaseDirectory, "packs", "my-pack"));
        var received = await harness.ReceiveAsync(A.Complaint()
            .Described("The frame of my new bike has a crack near the bottom bracket.")
            .Flagged(ComplaintFlags.SafetyRisk));
        await harness.TriageAsync(received.Complaint.Id);

        (await harness.LastDecisionAsync<SeverityDecision>(received.Complaint.Id))
            .Should().HaveCategory("safety").And.HaveTier(Severity.Serious).And.HaveMatched("brakes-or-frame-is-safety");
        (await harness.LastDecisionAsync<RoutingDecision>(received.Complaint.Id))
            .Should().RouteTo("customer-care").And.BeHandledBy("coordinator");
        (await harness.LastDecisionAsync<DeadlineDecision>(received.Complaint.Id))
            .Should().HaveDeadline(DeadlineKind.Resolve, 2, DeadlineUnit.WorkingDays)
            .And.HaveDeadlineSetBy(DeadlineKind.Resolve, "safety-answered-within-2-working-days");
    }

    [Fact]
    public void The_override_raises_the_handlers_limit()
    {
        var tuned = PolicyPacks.LoadBuiltIn("hospital", Path.Combine(AppContext.BaseDirectory, "packs", "hospital-override"));
        var complaint = A.Complaint().InCategory("billing").Classified(Severity.General).Build();

        tuned.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 1500)).Should().BeWithinHandlerAuthority();
        tuned.RequireApproval(complaint, A.Remedy(RemedyKind.Refund, 2500)).Should().RequireApprovalSteps("manager");
    }
    #endregion

    [Fact]
    public void A_broken_pack_lists_every_problem_as_docs_packs_md_shows()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("complaints-docs-").FullName, "hospital");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in new[] { "pack.json", "admissibility.json", "severity.json", "routing.json", "deadlines.json", "approval.json", "recusal.json", "confidentiality.json", "escalation.json", "rewards.json", "penalties.json", "guidance.json" })
            {
                var text = PolicyPacks.ReadBuiltInFile("hospital", file);
                text = file switch
                {
                    "routing.json" => text.Replace("\"department\": \"finance\"", "\"department\": \"finanse\"", StringComparison.Ordinal),
                    "approval.json" => text.Replace("pack.Limit(\\\"handler\\\")", "pack.Limit(\\\"clerk\\\")", StringComparison.Ordinal),
                    _ => text,
                };
                File.WriteAllText(Path.Combine(folder, file), text);
            }

            var load = () => PolicyPacks.LoadFolder(folder);

            var docs = File.ReadAllText(RepoRoot.Combine("docs", "packs.md"));
            var shown = docs[(docs.IndexOf("The policy pack is invalid", StringComparison.Ordinal))..];
            shown = shown[..shown.IndexOf("\n```", StringComparison.Ordinal)];
            load.Should().Throw<PolicyPackException>().Which.Message.Should().Be(shown);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("\"SuccessEvent\": \"routed\", \"ErrorMessage\": \"no route\"", null)]
    [InlineData("\"Operator\": \"And\"", null)]
    [InlineData("\"Note\": \"for people\"", "Note")]
    public void Decision_files_accept_RulesEngine_fields_that_change_nothing_and_refuse_unknown_ones(string field, string? refused)
    {
        var folder = Directory.CreateTempSubdirectory("complaints-docs-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "routing.json"), $$"""
                { "WorkflowName": "routing", "Rules": [
                  { "RuleName": "repairs-to-workshop", "Expression": "complaint.Category == \"repair\"", {{field}},
                    "Properties": { "department": "workshop" } } ] }
                """);
            var load = () => PolicyPacks.LoadFolder(Path.Combine(AppContext.BaseDirectory, "packs", "my-pack"), folder);

            if (refused is null)
            {
                load.Should().NotThrow();
            }
            else
            {
                load.Should().Throw<PolicyPackException>().Which.Message.Should().Contain(refused);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_trace_reads_as_docs_packs_md_says()
    {
        var hospital = PolicyPacks.LoadBuiltIn("hospital");
        var billing = A.Complaint().InCategory("billing").Build();

        hospital.Route(billing).Explanation.Rules.Single(r => r.Matched)
            .Should().Be(new RuleTrace("fees-to-finance", true, "to finance (handler) (saw complaint.Category=\"billing\")"));
    }

    [Fact]
    public void The_example_pack_gives_every_decision_point_an_answer()
    {
        var pack = PolicyPacks.LoadFolder(Path.Combine(AppContext.BaseDirectory, "packs", "my-pack"));
        var recall = A.Complaint().WithAttribute("recall").Build();
        pack.DecideAdmissibility(recall).Should().BeRedirectedTo("the manufacturer's recall line");
        var repair = A.Complaint().Described("The workshop left my puncture unrepaired.").AboutService("Workshop", "workshop").Build();
        pack.Route(repair with { Category = "repair" }).Should().RouteTo("workshop").And.HaveMatched("repairs-to-workshop");
        var sales = A.Complaint().AboutService("Sales floor", "sales").Build();
        pack.Route(sales).Should().RouteTo("sales").And.BeHandledBy("handler").And.HaveMatched("whose-customer-whose-responsibility");
        pack.AssessPenalty(sales, A.Handler(), "late-handling").Should().Impose(SanctionKind.Warning);
        pack.DecideReward(sales).Should().GrantNothing();
    }

    [Fact]
    public async Task A_product_hold_is_placed_listed_and_released_with_the_checks_result()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        services.AddComplaints().UsePack("food-service");
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var dutyManager = new Actor(new ActorId("zhou"), "Zhou (duty manager)", ["duty-manager"], new DepartmentId("customer-service"));
        var coordinator = A.Coordinator();
        var id = (await complaints.ReceiveAsync(dutyManager, A.Complaint().Described("The braised pork at lunch smelt sour.").BuildIntake())).Complaint.Id;

        #region product-holds
        // The duty manager owns the case they received: they hold the same kind of food while it is checked …
        await complaints.ExecuteAsync(id, dutyManager, new PlaceHold("Braised pork", "Sour smell reported at lunch.", "Delivery of 2 March, supplier Huaxin"));
        // … the desk lists what is held …
        var held = await complaints.QueryAsync(coordinator, new ComplaintQuery { HasActiveHold = true, HeldProduct = "Braised pork" });
        // … and the check's result releases the hold (in any state, even after the case is closed).
        await complaints.ExecuteAsync(id, dutyManager, new ReleaseHold(1, HoldCheckResult.Withdrawn, "The batch smelt sour: destroyed and replaced; delivery told."));
        #endregion

        held.Select(c => c.Id).Should().Equal(id);
        held[0].Holds.Should().ContainSingle().Which.IsActive.Should().BeTrue();
        (await complaints.GetAsync(id, coordinator)).Holds.Should().ContainSingle().Which.Result.Should().Be(HoldCheckResult.Withdrawn);
        (await complaints.QueryAsync(coordinator, new ComplaintQuery { HasActiveHold = true })).Should().BeEmpty();
    }
}
