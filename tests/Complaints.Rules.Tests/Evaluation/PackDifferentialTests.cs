using Complaints.Benchmarks.Data;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Rules.Facts;
using RulesEngine.Models;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// For every built-in pack and every decision point, over 10,000 seeded random complaints: the pack's own
/// evaluation of each rule (<see cref="PolicyPack.Evaluate"/>) equals RulesEngine's own execution of the pack's
/// workflow (<c>ExecuteAllRulesAsync</c>, rule name → IsSuccess). The intake points see the complaint staged as
/// triage stages it (received → classified → routed, from the pack's own decisions); every point also sees the
/// complaint later in its life with random decisions and history, random remedies, persons, triggers and misconduct.
/// </summary>
public sealed class PackDifferentialTests
{
    public const int ComplaintCount = 10_000;

    public static TheoryData<string> Packs => new(PolicyPacks.BuiltIn);

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task Every_rule_of_every_decision_point_matches_as_RulesEngine_executes_it(string packId)
    {
        var pack = PolicyPacks.LoadBuiltIn(packId);
        var points = Enum.GetValues<DecisionPoint>();
        // RulesEngine refuses a workflow without rules (a pack may have none for a point, e.g. no rewards): those points are checked to match nothing.
        var engine = new RulesEngine.RulesEngine(points.Select(pack.Workflow).Where(w => w.Rules?.Any() == true).ToArray(), PolicyPack.RulesEngineSettings);
        var generator = new ComplaintGenerator(seed: 7 + packId.Length);
        var check = new Differential(pack, engine);

        for (var n = 0; n < ComplaintCount; n++)
        {
            var received = generator.NextReceived();
            var severity = pack.Classify(received);
            var classified = received with { Category = severity.Category, Severity = severity.Tier };
            var routing = pack.Route(classified);
            var routed = classified with { Department = routing.Department, ResponsibleRole = routing.Role };
            await check.Point(DecisionPoint.Admissibility, received);
            await check.Point(DecisionPoint.Severity, received);
            await check.Point(DecisionPoint.Routing, classified);
            await check.Point(DecisionPoint.Deadlines, routed);

            var later = generator.Later(received);
            foreach (var point in new[] { DecisionPoint.Admissibility, DecisionPoint.Severity, DecisionPoint.Routing, DecisionPoint.Deadlines, DecisionPoint.Rewards, DecisionPoint.Guidance })
            {
                await check.Point(point, later);
            }

            await check.Point(DecisionPoint.Approval, later, new RemedyFacts(generator.Remedy()));
            await check.Point(DecisionPoint.Approval, routed, new RemedyFacts(generator.Remedy()));
            await check.Point(DecisionPoint.Recusal, later, new PersonFacts(generator.Person(later), later));
            await check.Point(DecisionPoint.Confidentiality, later, new PersonFacts(generator.Person(later), later));
            foreach (var (_, trigger) in ComplaintGenerator.Triggers)
            {
                await check.Point(DecisionPoint.Escalation, later, trigger);
            }

            await check.Point(DecisionPoint.Penalties, later, new PersonFacts(generator.Person(later), later), generator.Misconduct());

            // Notices: every event (and every deadline of a deadline event) in turn, on the triaged case and a later one.
            await check.Point(DecisionPoint.Notices, routed, new NoticeFacts(NoticeEvents[n % NoticeEvents.Length]));
            await check.Point(DecisionPoint.Notices, later, new NoticeFacts(NoticeEvents[(7 * n + 3) % NoticeEvents.Length]));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{packId}: {check.Checks} workflow executions compared, {check.Coverage.Count} rules.");
        foreach (var ((point, rule), (matched, unmatched)) in check.Coverage.Where(c => c.Value.Matched == 0))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"never matched: {point}/{rule} ({unmatched} times not)");
        }

        check.Mismatches.Should().BeEmpty();
        check.Coverage.Keys.Select(k => k.Point).Distinct().Should().BeEquivalentTo(points.Where(p => pack.Workflow(p).Rules?.Any(r => r.Enabled) == true));

        // A rule no random complaint matches is not really compared: the generator mines the packs' expressions for
        // the words, attributes and numbers they test, and otherwise ComplaintGenerator needs to learn the new kind of test.
        check.Coverage.Where(c => c.Value.Matched == 0).Select(c => $"{c.Key.Point}/{c.Key.Rule}")
            .Should().BeEmpty("every rule should match some random complaint, so that its evaluation is compared both ways");
        if (packId == "generic")
        {
            // Every generic rule that can fail fails sometimes.
            check.Coverage.Where(c => c.Value.Unmatched == 0).Select(c => c.Key.Rule)
                .Should().BeEquivalentTo("acknowledge-1wd", "propose-2wd", "resolve-3wd", "feelings-before-facts");
        }
    }

    /// <summary>Every event a notice rule may be asked at: each journal event, and each deadline of a deadline event.</summary>
    private static readonly NoticeEvent[] NoticeEvents = NoticeEvent.Names
        .SelectMany(name => name.StartsWith("deadline-", StringComparison.Ordinal) && name != "deadlines-replanned"
            ? Enum.GetValues<DeadlineKind>().Select(kind => new NoticeEvent(name, kind))
            : [new NoticeEvent(name)])
        .ToArray();

    private sealed class Differential(PolicyPack pack, RulesEngine.RulesEngine engine)
    {
        private readonly Dictionary<DecisionPoint, string[]> _inputNames =
            Enum.GetValues<DecisionPoint>().ToDictionary(p => p, p => PolicyPack.Inputs(p).Select(i => i.Name).ToArray());

        public int Checks { get; private set; }

        public List<string> Mismatches { get; } = [];

        public Dictionary<(DecisionPoint Point, string Rule), (int Matched, int Unmatched)> Coverage { get; } = [];

        public async Task Point(DecisionPoint point, Complaint complaint, params object[] extra)
        {
            object[] inputs = [new ComplaintFacts(complaint), pack.Facts, .. extra];
            var names = _inputNames[point];
            if (names.Length != inputs.Length)
            {
                throw new InvalidOperationException($"{point} takes {string.Join(", ", names)}, not {inputs.Length} inputs.");
            }

            var parameters = new RuleParameter[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                parameters[i] = new RuleParameter(names[i], inputs[i]);
            }

            var ours = pack.Evaluate(point, inputs);
            var workflow = pack.Workflow(point);
            var theirs = workflow.Rules?.Any() == true
                ? (await engine.ExecuteAllRulesAsync(workflow.WorkflowName, parameters)).Select(r => (r.Rule.RuleName, r.IsSuccess)).ToArray()
                : [];
            Checks++;
            if (!ours.SequenceEqual(theirs))
            {
                if (Mismatches.Count < 20)
                {
                    Mismatches.Add($"{point} for complaint {complaint.Id} ({complaint.Intake.Description}; extra {string.Join(", ", extra)}): " +
                        $"ours [{string.Join(", ", ours.Select(o => $"{o.Rule}={o.Matched}"))}] vs RulesEngine [{string.Join(", ", theirs.Select(t => $"{t.RuleName}={t.IsSuccess}"))}]");
                }

                return;
            }

            foreach (var (rule, matched) in ours)
            {
                var (yes, no) = Coverage.GetValueOrDefault((point, rule));
                Coverage[(point, rule)] = matched ? (yes + 1, no) : (yes, no + 1);
            }
        }
    }
}
