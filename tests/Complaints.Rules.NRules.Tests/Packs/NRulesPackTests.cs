using System.Text.Json;
using Complaints.Policy;
using Complaints.Rules.NRules.Packs;
using Complaints.Testing;
using NRules.RuleModel;

namespace Complaints.Rules.NRules.Tests.Packs;

/// <summary>A pack on NRules: its rules as NRules rule definitions, one session factory, and the pack's own semantics for rules that throw.</summary>
public sealed class NRulesPackTests
{
    [Fact]
    public void OnNRules_CompilesEveryRuleOfEveryPoint_ToADefinitionNamedAfterIt_InOneRuleSetPerFile_PrioritisedInFileOrder()
    {
        var pack = PolicyPacks.LoadBuiltIn("hospital");

        var sets = PackRuleCompiler.RuleSets(pack);

        var points = Enum.GetValues<DecisionPoint>().Where(p => pack.Compiled(p).Rules.Count > 0).ToArray();
        sets.Select(s => s.Name).Should().Equal(points.Select(PackRuleCompiler.FileName));
        foreach (var (set, point) in sets.Zip(points))
        {
            var rules = set.Rules.ToArray();
            rules.Select(r => r.Name).Should().Equal(pack.Compiled(point).Rules.Select(r => r.Name));
            rules.Select(r => r.Priority).Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
            rules.Should().AllSatisfy(r =>
            {
                r.Description.Should().StartWith(PackRuleCompiler.FileName(point) + ": when ");
                r.LeftHandSide.ChildElements.Should().ContainSingle().Which.Should().BeOfType<PatternElement>()
                    .Which.ValueType.Should().Be(PackRequest.Types[(int)point], "a point's rules match only its own requests");
            });
        }
    }

    [Fact]
    public void OnNRules_CompilesOnce_AtLoad_AndTheSamePackOnNRulesIsReturnedAsIs()
    {
        var own = PolicyPacks.LoadBuiltIn("generic");

        var onNRules = own.OnNRules();

        own.RunsOnNRules().Should().BeFalse();
        onNRules.RunsOnNRules().Should().BeTrue();
        onNRules.NRulesMatcher()!.CompileTime.Should().BePositive("the rules were compiled by OnNRules, not left to the first decision");
        onNRules.OnNRules().Should().BeSameAs(onNRules);
        onNRules.Identity.Should().Be(own.Identity, "the decisions are the pack's, recorded under its id and version");
        onNRules.Lifecycle.Should().Be(own.Lifecycle);
        onNRules.IntakeSchema.Should().BeEquivalentTo(own.IntakeSchema);
    }

    [Fact]
    public void ARuleThatThrows_OnNRules_DoesNotMatch_AndItsErrorIsInTheExplanation_AsOnThePacksOwnEvaluator()
    {
        var own = BrokenGuidancePack();
        var onNRules = own.OnNRules();
        var complaint = A.Complaint().WithAttribute("code", "ab").Build();
        var report = A.Complaint().OfKind(ComplaintKind.Report).WithAttribute("code", "ab").Build();

        foreach (var @case in new[] { complaint, report })
        {
            var expected = own.AdviseHandling(@case);
            var actual = onNRules.AdviseHandling(@case);

            JsonSerializer.Serialize(actual, ComplaintsJson.Options).Should().Be(JsonSerializer.Serialize(expected, ComplaintsJson.Options));
        }

        var decision = onNRules.AdviseHandling(report);
        decision.Advice.Should().Equal("Listen first.");
        decision.Explanation.Rules.Where(r => r.Detail?.StartsWith("error: ", StringComparison.Ordinal) == true).Select(r => r.Rule)
            .Should().Equal("broken", "guarded-broken");
        onNRules.AdviseHandling(complaint).Explanation.Rules.Single(r => r.Rule == "guarded-broken").Should()
            .Be(new RuleTrace("guarded-broken", false), "its guard comes first and is false for a complaint: it never ran, on NRules as on the pack's evaluator");
    }

    [Fact]
    public void DecisionsOnNRules_FromSeveralThreadsAtOnce_AreThoseOfOneThread()
    {
        var pack = PolicyPacks.LoadBuiltIn("hospital").OnNRules();
        var complaints = Enumerable.Range(0, 200).Select(i => A.Complaint()
            .Described(i % 3 == 0 ? "The nurse was rude and I was overcharged." : "Surgery delayed, patient harmed.")
            .Claiming(100 * i).Build()).ToArray();
        string Decide(Complaint c) => JsonSerializer.Serialize(pack.Classify(c), ComplaintsJson.Options) + JsonSerializer.Serialize(pack.SetDeadlines(c), ComplaintsJson.Options);
        var sequential = complaints.Select(Decide).ToArray();

        var parallel = new string[complaints.Length];
        Parallel.For(0, complaints.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i % complaints.Length] = Decide(complaints[i % complaints.Length]));

        parallel.Should().Equal(sequential);
    }

    private static PolicyPack BrokenGuidancePack()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-nrules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.json"), """
                {
                  "id": "broken", "version": "1.0.0", "name": "Broken", "currency": "CNY",
                  "roles": [ { "id": "handler", "name": "H", "approvalLimit": 100 }, { "id": "manager", "name": "M" } ],
                  "departments": [ { "id": "front", "name": "Front" } ],
                  "defaultDepartment": "front", "defaultTier": "general", "defaultCategory": "misc"
                }
                """);
            foreach (var point in Enum.GetValues<DecisionPoint>().Where(p => p is not DecisionPoint.Guidance and not DecisionPoint.Notices))
            {
                var name = PackRuleCompiler.FileName(point);
                File.WriteAllText(Path.Combine(folder, name), $$"""{ "WorkflowName": "{{name[..^5]}}", "Rules": [] }""");
            }

            File.WriteAllText(Path.Combine(folder, "guidance.json"), """
                { "WorkflowName": "guidance", "Rules": [
                  { "RuleName": "broken", "Expression": "complaint.Attribute(\"code\").Substring(5) == \"y\"", "Properties": { "advice": "Never." } },
                  { "RuleName": "listen", "Expression": "true", "Properties": { "advice": "Listen first." } },
                  { "RuleName": "guarded-broken", "Expression": "complaint.Kind == \"report\" && complaint.Attribute(\"code\").Substring(7) == \"z\"", "Properties": { "advice": "Not this." } }
                ] }
                """);
            return PolicyPacks.LoadFolder(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>The session a thread keeps between decisions holds nothing of the cases decided in it, and is renewed.</summary>
public sealed class NRulesPackSessionTests
{
    [Fact]
    public void TheThreadsSession_KeepsNoInputsOfItsDecisions_AndIsRenewedEvery64Decisions()
    {
        var pack = PolicyPacks.LoadBuiltIn("generic").OnNRules();
        var matcher = pack.NRulesMatcher()!;
        var complaint = A.Complaint().From("Li Wei", new ContactDetails(Phone: "13800000000")).Described("The clerk was rude.").Build();

        for (var i = 0; i < NRulesPackMatcher.DecisionsPerSession + 10; i++)
        {
            pack.Classify(complaint).Explanation.MatchedRules.Should().NotBeEmpty();
        }

        var kept = matcher.ThreadSession(DecisionPoint.Severity)!.Query<PackRequest>().ToArray();
        kept.Should().HaveCount(10, "the session was renewed after 64 decisions");
        kept.Should().AllSatisfy(r => r.Inputs.Should().BeEmpty("a fired request drops the case"));
        pack.Classify(complaint).Explanation.Rules.Where(r => r.Matched).Should().AllSatisfy(r => r.Detail.Should().NotBeNull(), "the decision keeps its own copy of the inputs for its explanation");
    }
}
