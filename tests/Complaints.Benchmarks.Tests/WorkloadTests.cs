using Complaints.Benchmarks.Data;
using Complaints.Rules;
using Complaints.Rules.Facts;

namespace Complaints.Benchmarks.Tests;

/// <summary>What the benchmarks measure is what the differential tests check: the workloads, the generator and the 10× pack.</summary>
public sealed class WorkloadTests
{
    private static Complaint[] Complaints(int count, int seed = 3)
    {
        var generator = new ComplaintGenerator(seed);
        return Enumerable.Range(0, count).Select(_ => generator.NextReceived()).ToArray();
    }

    public static TheoryData<string> Packs => new(PolicyPacks.BuiltIn);

    public static TheoryData<string, string> PacksAndRealTexts =>
        new(PolicyPacks.BuiltIn.SelectMany(p => RealTexts.Sources.Skip(1).Select(t => (p, t))));

    [Theory]
    [MemberData(nameof(PacksAndRealTexts))]
    public void On_real_text_the_pack_decides_as_RulesEngine_and_as_its_floor(string packId, string texts)
    {
        var workload = new IntakeWorkload(PolicyPacks.LoadBuiltIn(packId), RealTexts.Describe(Complaints(60), texts, seed: 7));
        for (var i = 0; i < workload.Count; i++)
        {
            foreach (var point in IntakeWorkload.Points)
            {
                var complaint = workload.Staged(point, i);
                workload.RulesEngineResults(point, i).Should().Equal(workload.Pack.Evaluate(point, [new ComplaintFacts(complaint), workload.Pack.Facts]), $"{point} of complaint {i}");
            }

            workload.ThroughFloor(i).Should().Be(workload.ThroughPack(i));
        }
    }

    [Theory]
    [InlineData("en-50", 50)]
    [InlineData("en-1k", 1_000)]
    [InlineData("en-20k", 20_000)]
    [InlineData("zh-50", 50)]
    [InlineData("zh-1k", 1_000)]
    [InlineData("zh-20k", 20_000)]
    public void Real_descriptions_have_their_length_and_language_and_are_seeded(string texts, int length)
    {
        var first = RealTexts.Describe(Complaints(40), texts, seed: 9).Select(c => c.Intake.Description).ToArray();
        var again = RealTexts.Describe(Complaints(40), texts, seed: 9).Select(c => c.Intake.Description).ToArray();

        first.Should().Equal(again).And.OnlyContain(d => d.Length == length);
        first.Distinct().Should().HaveCountGreaterThan(30, "each complaint starts at a random text");
        var chinese = first.Sum(d => d.Count(c => c is >= '\u4E00' and <= '\u9FFF')) / (double)first.Sum(d => d.Length);
        chinese.Should().BeInRange(texts.StartsWith("zh", StringComparison.Ordinal) ? 0.6 : 0, texts.StartsWith("zh", StringComparison.Ordinal) ? 1 : 0.001);
        RealTexts.Describe(Complaints(5), "generated", seed: 9).Select(c => c.Intake.Description).Should().Equal(Complaints(5).Select(c => c.Intake.Description));
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var first = Complaints(50, seed: 11);
        var second = Complaints(50, seed: 11);
        first.Select(c => (c.Id, c.Intake.Description, c.Intake.Flags, c.Intake.ClaimedAmount, c.Intake.Category))
            .Should().Equal(second.Select(c => (c.Id, c.Intake.Description, c.Intake.Flags, c.Intake.ClaimedAmount, c.Intake.Category)));
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void The_RulesEngine_path_of_the_intake_benchmark_matches_the_same_rules_as_the_pack(string packId)
    {
        var workload = new IntakeWorkload(PolicyPacks.LoadBuiltIn(packId), Complaints(500));
        for (var i = 0; i < workload.Count; i++)
        {
            foreach (var point in IntakeWorkload.Points)
            {
                var complaint = workload.Staged(point, i);
                workload.RulesEngineResults(point, i).Should().Equal(workload.Pack.Evaluate(point, [new ComplaintFacts(complaint), workload.Pack.Facts]));
            }

            workload.ThroughRulesEngine(i).Should().Be(IntakeWorkload.Points.Sum(p => workload.RulesEngineResults(p, i).Count(r => r.Matched)));
        }
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void The_floor_path_of_the_intake_benchmark_decides_as_the_pack_path(string packId)
    {
        var workload = new IntakeWorkload(PolicyPacks.LoadBuiltIn(packId), Complaints(1000));
        Enumerable.Range(0, workload.Count).Select(workload.ThroughFloor)
            .Should().Equal(Enumerable.Range(0, workload.Count).Select(workload.ThroughPack));
    }

    [Theory]
    [InlineData(CloneGuard.Equality)]
    [InlineData(CloneGuard.None)]
    [InlineData(CloneGuard.Varied)]
    public void The_tenfold_pack_has_ten_times_the_rules_and_decides_as_the_generic_pack(CloneGuard guard)
    {
        var generic = PolicyPacks.LoadBuiltIn("generic");
        var folder = PackMultiplier.WriteTemporary("generic", 10, guard);
        try
        {
            var tenfold = PolicyPacks.LoadFolder(folder);
            foreach (var point in Enum.GetValues<DecisionPoint>())
            {
                tenfold.Workflow(point).Rules.Should().HaveCount(10 * generic.Workflow(point).Rules.Count(), $"{point} has ten times the rules");
            }

            var big = new IntakeWorkload(tenfold, Complaints(1000));
            var small = new IntakeWorkload(generic, Complaints(1000));
            for (var i = 0; i < big.Count; i++)
            {
                big.ThroughPack(i).Should().Be(small.ThroughPack(i));
                big.ThroughRulesEngine(i).Should().Be(small.ThroughRulesEngine(i), "the clones never match a generated complaint");
                tenfold.Classify(big.Received[i]).Reasons.Should().Equal(generic.Classify(small.Received[i]).Reasons);
                tenfold.SetDeadlines(big.Routed[i]).Deadlines.Should().Equal(generic.SetDeadlines(small.Routed[i]).Deadlines);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_varied_clones_are_other_rules_not_the_original_repeated()
    {
        var generic = PolicyPacks.LoadBuiltIn("generic");
        var folder = PackMultiplier.WriteTemporary("generic", 10, CloneGuard.Varied);
        try
        {
            var tenfold = PolicyPacks.LoadFolder(folder);
            var keywordClones = 0;
            foreach (var point in IntakeWorkload.Points)
            {
                var rules = tenfold.Workflow(point).Rules.ToDictionary(r => r.RuleName, r => r.Expression);
                foreach (var original in generic.Workflow(point).Rules)
                {
                    var conditions = Enumerable.Range(2, 9).Select(k =>
                    {
                        var clone = rules[$"{original.RuleName}~{k}"];
                        var final = $") && complaint.Description.Length < -{k}";
                        clone.Should().StartWith("(").And.EndWith(final, "every clone ends with a test no complaint passes");
                        return clone[1..^final.Length];
                    }).ToArray();

                    if (original.Expression.Any(c => c is '"' or (>= '0' and <= '9')) || original.Expression.Contains("Risk", StringComparison.Ordinal))
                    {
                        conditions.Should().NotContain(original.Expression, $"{original.RuleName}'s clones have other constants");
                    }

                    if (original.Expression.Contains("ContainsAny", StringComparison.Ordinal))
                    {
                        conditions.Should().OnlyHaveUniqueItems($"{original.RuleName}'s clones search other words");
                        keywordClones += conditions.Length;
                    }
                }
            }

            keywordClones.Should().BePositive();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_approval_and_recusal_benchmark_paths_agree_with_each_other_and_with_RulesEngine()
    {
        var workload = new ApprovalRecusalWorkload(PolicyPacks.LoadBuiltIn("generic"), seed: 5, count: 1000);
        var recusals = 0;
        var steps = 0;
        for (var i = 0; i < workload.Count; i++)
        {
            workload.ApprovalThroughFloor(i).Should().Be(workload.ApprovalThroughPack(i));
            workload.RecusalThroughFloor(i).Should().Be(workload.RecusalThroughPack(i));
            var complaint = new ComplaintFacts(workload.Complaints[i]);
            workload.RulesEngineResults(DecisionPoint.Approval, i).Should().Equal(
                workload.Pack.Evaluate(DecisionPoint.Approval, [complaint, workload.Pack.Facts, new RemedyFacts(workload.Remedies[i])]));
            workload.RulesEngineResults(DecisionPoint.Recusal, i).Should().Equal(
                workload.Pack.Evaluate(DecisionPoint.Recusal, [complaint, workload.Pack.Facts, new PersonFacts(workload.Persons[i], workload.Complaints[i])]));
            workload.ApprovalThroughRulesEngine(i).Should().Be(workload.RulesEngineResults(DecisionPoint.Approval, i).Count(r => r.Matched));
            workload.RecusalThroughRulesEngine(i).Should().Be(workload.RulesEngineResults(DecisionPoint.Recusal, i).Count(r => r.Matched));
            recusals += workload.RecusalThroughPack(i);
            steps += workload.ApprovalThroughPack(i);
        }

        recusals.Should().BeInRange(50, 950, "the persons are often, not always, in conflict");
        steps.Should().BePositive();
    }
}
