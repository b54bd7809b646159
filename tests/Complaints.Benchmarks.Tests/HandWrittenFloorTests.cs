using Complaints.Benchmarks.Data;
using Complaints.Benchmarks.Floors;
using Complaints.Policy;
using Complaints.Rules;

namespace Complaints.Benchmarks.Tests;

/// <summary>
/// The hand-written floor decides as the generic pack does, over 10,000 seeded random complaints staged as
/// triage stages them (received → classified → routed), and over the same complaints later in their life with
/// random categories, tiers and departments: same outcome, reason, redirect, category, tier, reasons,
/// department, role and deadlines (with their rule names), and explanations naming the same rules with the
/// same Matched flags.
/// </summary>
public sealed class HandWrittenFloorTests
{
    private static readonly PolicyPack Generic = PolicyPacks.LoadBuiltIn("generic");

    /// <summary>As many generated complaints as the packs' differential check against RulesEngine runs (Rules.Tests).</summary>
    private const int ComplaintCount = 10_000;

    [Fact]
    public void The_floor_decides_every_intake_decision_as_the_generic_pack()
    {
        var floor = new HandWrittenGenericPolicy();
        var generator = new ComplaintGenerator(seed: 42);
        var mismatches = new List<string>();
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < ComplaintCount; n++)
        {
            var received = generator.NextReceived();
            var admissibility = Same(Generic.DecideAdmissibility(received), floor.DecideAdmissibility(received), mismatches);
            var severity = Same(Generic.Classify(received), floor.Classify(received), mismatches);
            var classified = received with { Category = severity.Category, Severity = severity.Tier };
            var routing = Same(Generic.Route(classified), floor.Route(classified), mismatches);
            var routed = classified with { Department = routing.Department, ResponsibleRole = routing.Role };
            var deadlines = Same(Generic.SetDeadlines(routed), floor.SetDeadlines(routed), mismatches);

            var later = generator.Later(received);
            Same(Generic.DecideAdmissibility(later), floor.DecideAdmissibility(later), mismatches);
            Same(Generic.Classify(later), floor.Classify(later), mismatches);
            Same(Generic.Route(later), floor.Route(later), mismatches);
            Same(Generic.SetDeadlines(later), floor.SetDeadlines(later), mismatches);

            outcomes.Add($"admissibility {admissibility.Outcome} {admissibility.RedirectTo}");
            outcomes.Add($"category {severity.Category}");
            outcomes.Add($"tier {severity.Tier}");
            outcomes.Add($"department {routing.Department} {routing.Role}");
            outcomes.Add($"deadlines {string.Join(",", deadlines.Deadlines.Select(d => d.Rule))}");
        }

        mismatches.Take(20).Should().BeEmpty();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, outcomes.Order(StringComparer.Ordinal)));

        // The random complaints reach every kind of decision, not only the common ones.
        outcomes.Should().Contain(["admissibility Accept ", "admissibility Reject ", "admissibility Redirect the public security authorities", "admissibility Redirect the body responsible"]);
        outcomes.Should().Contain(["tier Minor", "tier General", "tier Serious", "tier Major"]);
        outcomes.Should().Contain(["category service-attitude", "category billing", "category delivery", "category suggestion", "category general"]);
        outcomes.Should().Contain(["department management manager", "department quality handler", "department customer-service handler"]);
        outcomes.Should().Contain([
            "deadlines acknowledge-1wd,major-propose-1wd,serious-resolve-7wd,follow-up-10wd",
            "deadlines acknowledge-1wd,propose-2wd,serious-resolve-7wd,follow-up-10wd",
            "deadlines acknowledge-1wd,propose-2wd,resolve-3wd,follow-up-10wd",
            "deadlines acknowledge-1wd,propose-2wd,resolve-3wd",
        ]);
    }

    [Theory]
    [InlineData("generic")]
    [InlineData("auto-dealership")]
    [InlineData("food-service")]
    [InlineData("hospital")]
    [InlineData("tobacco-retail")]
    public void Each_packs_floor_decides_every_intake_decision_as_its_pack(string id)
    {
        var pack = PolicyPacks.LoadBuiltIn(id);
        var floor = IntakeFloors.For(id);
        floor.Identity.Should().Be(pack.Identity);
        var generator = new ComplaintGenerator(seed: 44);
        var mismatches = new List<string>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < ComplaintCount; n++)
        {
            var received = generator.NextReceived();
            foreach (var complaint in new[] { received, generator.Later(received) })
            {
                Same(pack.DecideAdmissibility(complaint), floor.DecideAdmissibility(complaint), mismatches, matched);
                var severity = Same(pack.Classify(complaint), floor.Classify(complaint), mismatches, matched);
                var classified = complaint with { Category = severity.Category, Severity = severity.Tier };
                var routing = Same(pack.Route(classified), floor.Route(classified), mismatches, matched);
                var routed = classified with { Department = routing.Department, ResponsibleRole = routing.Role };
                Same(pack.SetDeadlines(routed), floor.SetDeadlines(routed), mismatches, matched);
            }
        }

        mismatches.Take(20).Should().BeEmpty();

        // Every intake rule of the pack matched on some complaint: the comparison reached every branch of the floor.
        var rules = IntakeWorkload.Points.SelectMany(p => pack.Workflow(p).Rules.Select(r => r.RuleName));
        rules.Where(r => !matched.Contains(r)).Should().BeEmpty();
    }

    [Fact]
    public void The_floor_decides_approval_and_recusal_as_the_generic_pack()
    {
        var floor = new HandWrittenGenericPolicy();
        var generator = new ComplaintGenerator(seed: 43);
        var mismatches = new List<string>();
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < ComplaintCount; n++)
        {
            var received = generator.NextReceived();
            var later = generator.Later(received);
            foreach (var complaint in new[] { received, later })
            {
                var remedy = generator.Remedy();
                var approval = Same(Generic.RequireApproval(complaint, remedy), floor.RequireApproval(complaint, remedy), mismatches);
                var person = generator.Person(complaint);
                var recusal = Same(Generic.CheckRecusal(complaint, person), floor.CheckRecusal(complaint, person), mismatches);
                outcomes.Add($"approval {string.Join(",", approval.Steps)}");
                outcomes.Add($"recusal {recusal.MustRecuse} {recusal.Reason}");
            }
        }

        mismatches.Take(20).Should().BeEmpty();
        outcomes.Should().Contain(["approval ", "approval manager", "approval manager,general-manager"]);
        outcomes.Should().Contain([
            "recusal False ",
            "recusal True they are the person complained about",
            "recusal True they work in the department complained about",
            "recusal True they filed this complaint themselves",
            "recusal True they stepped aside from this case before",
        ]);
    }

    [Fact]
    public void The_floor_explains_with_the_packs_rules()
    {
        var floor = new HandWrittenGenericPolicy();
        floor.Identity.Should().Be(Generic.Identity);
        var complaint = new ComplaintGenerator(seed: 1).NextReceived();
        foreach (var (point, explanation) in new (DecisionPoint, PolicyExplanation)[]
        {
            (DecisionPoint.Admissibility, floor.DecideAdmissibility(complaint).Explanation),
            (DecisionPoint.Severity, floor.Classify(complaint).Explanation),
            (DecisionPoint.Routing, floor.Route(complaint).Explanation),
            (DecisionPoint.Deadlines, floor.SetDeadlines(complaint).Explanation),
            (DecisionPoint.Approval, floor.RequireApproval(complaint, new RemedyProposal(RemedyKind.Refund, "refund", null)).Explanation),
            (DecisionPoint.Recusal, floor.CheckRecusal(complaint, new Actor(new ActorId("someone"), "Someone", [])).Explanation),
        })
        {
            explanation.Rules.Select(r => r.Rule).Should().Equal(Generic.Workflow(point).Rules.Select(r => r.RuleName), $"the floor explains {point}");
        }
    }

    private static T Same<T>(T pack, T floor, List<string> mismatches, HashSet<string>? matched = null)
        where T : PolicyDecision
    {
        matched?.UnionWith(pack.Explanation.MatchedRules);
        var equal = (pack, floor) switch
        {
            (AdmissibilityDecision p, AdmissibilityDecision f) => p.Outcome == f.Outcome && p.Reason == f.Reason && p.RedirectTo == f.RedirectTo,
            (SeverityDecision p, SeverityDecision f) => p.Category == f.Category && p.Tier == f.Tier && p.Reasons.SequenceEqual(f.Reasons),
            (RoutingDecision p, RoutingDecision f) => p.Department == f.Department && p.Role == f.Role,
            (DeadlineDecision p, DeadlineDecision f) => p.Deadlines.SequenceEqual(f.Deadlines),
            (ApprovalDecision p, ApprovalDecision f) => p.Steps.SequenceEqual(f.Steps),
            (RecusalDecision p, RecusalDecision f) => p.MustRecuse == f.MustRecuse && p.Reason == f.Reason,
            _ => false,
        };
        equal &= pack.Explanation.Policy == floor.Explanation.Policy &&
            pack.Explanation.Rules.Select(r => (r.Rule, r.Matched)).SequenceEqual(floor.Explanation.Rules.Select(r => (r.Rule, r.Matched)));
        if (!equal)
        {
            mismatches.Add($"pack {Describe(pack)}{Environment.NewLine}floor {Describe(floor)}");
        }

        return pack;
    }

    private static string Describe(PolicyDecision decision) => (decision switch
    {
        SeverityDecision s => $"{s.Category} {s.Tier} [{string.Join("; ", s.Reasons)}]",
        DeadlineDecision d => $"[{string.Join("; ", d.Deadlines)}]",
        ApprovalDecision a => $"[{string.Join(", ", a.Steps)}]",
        _ => (decision with { Explanation = decision.Explanation with { Rules = [] } }).ToString(),
    }) + " matched " + string.Join(", ", decision.Explanation.MatchedRules);
}
