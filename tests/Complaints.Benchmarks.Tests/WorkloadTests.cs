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
                var complaint = point switch
                {
                    DecisionPoint.Routing => workload.Classified[i],
                    DecisionPoint.Deadlines => workload.Routed[i],
                    _ => workload.Received[i],
                };
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
