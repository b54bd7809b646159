using System.Diagnostics;
using System.Text.Json;
using Complaints.Benchmarks.Data;
using Complaints.Policy;
using Complaints.Rules.NRules.Packs;
using NRules;

namespace Complaints.Rules.NRules.Tests.Packs;

/// <summary>
/// For every built-in pack and every decision point, over 10,000 seeded random complaints: the pack on NRules
/// (<see cref="NRulesPacks.OnNRules"/>) decides exactly as the pack on its own evaluator — the same typed decision and
/// the same explanation (every rule's trace: matched or not, the values it saw, the error it threw), compared as the
/// journal serializes them, or the same validation error. The complaints are staged as in the RulesEngine
/// differential test (Complaints.Rules.Tests' PackDifferentialTests): as received, classified and routed from the
/// pack's own decisions for the intake points, and later in their life with random decisions and history, remedies,
/// persons, triggers, misconduct and notice events for every point.
/// </summary>
public sealed class PackOnNRulesDifferentialTests
{
    public const int ComplaintCount = 10_000;

    public static TheoryData<string> Packs => new(PolicyPacks.BuiltIn);

    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_decision_on_NRules_equals_the_packs_own_evaluator(string packId)
    {
        var clock = Stopwatch.StartNew();
        var own = PolicyPacks.LoadBuiltIn(packId);
        var onNRules = own.OnNRules();
        var fired = 0;
        foreach (var factory in onNRules.NRulesMatcher()!.Factories.OfType<ISessionFactory>())
        {
            factory.Events.RuleFiredEvent += (_, _) => fired++;
        }

        var generator = new ComplaintGenerator(seed: 11 + packId.Length);
        var check = new Differential(own, onNRules);

        for (var n = 0; n < ComplaintCount; n++)
        {
            var received = generator.NextReceived();
            var severity = own.Classify(received);
            var classified = received with { Category = severity.Category, Severity = severity.Tier };
            var routing = own.Route(classified);
            var routed = classified with { Department = routing.Department, ResponsibleRole = routing.Role };
            check.Same(DecisionPoint.Admissibility, p => p.DecideAdmissibility(received));
            check.Same(DecisionPoint.Severity, p => p.Classify(received));
            check.Same(DecisionPoint.Routing, p => p.Route(classified));
            check.Same(DecisionPoint.Deadlines, p => p.SetDeadlines(routed));

            var later = generator.Later(received);
            check.Same(DecisionPoint.Admissibility, p => p.DecideAdmissibility(later));
            check.Same(DecisionPoint.Severity, p => p.Classify(later));
            check.Same(DecisionPoint.Routing, p => p.Route(later));
            check.Same(DecisionPoint.Deadlines, p => p.SetDeadlines(later));
            check.Same(DecisionPoint.Rewards, p => p.DecideReward(later));
            check.Same(DecisionPoint.Guidance, p => p.AdviseHandling(later));

            var remedy = generator.Remedy();
            check.Same(DecisionPoint.Approval, p => p.RequireApproval(later, remedy));
            remedy = generator.Remedy();
            check.Same(DecisionPoint.Approval, p => p.RequireApproval(routed, remedy));
            var person = generator.Person(later);
            check.Same(DecisionPoint.Recusal, p => p.CheckRecusal(later, person));
            var reader = generator.Person(later);
            check.Same(DecisionPoint.Confidentiality, p => p.CheckConfidentiality(later, reader));
            foreach (var (trigger, _) in ComplaintGenerator.Triggers)
            {
                check.Same(DecisionPoint.Escalation, p => p.CheckEscalation(later, trigger));
            }

            var accused = generator.Person(later);
            var misconduct = generator.Misconduct();
            check.Same(DecisionPoint.Penalties, p => p.AssessPenalty(later, accused, misconduct));
            check.Same(DecisionPoint.Notices, p => p.DecideNotices(routed, NoticeEvents[n % NoticeEvents.Length]));
            check.Same(DecisionPoint.Notices, p => p.DecideNotices(later, NoticeEvents[((7 * n) + 3) % NoticeEvents.Length]));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{packId}: {check.Checks} decisions compared ({check.Errors} validation errors, {check.Failed} rule errors traced), " +
            $"{check.Coverage.Count} rules, {fired} NRules firings, in {clock.Elapsed.TotalSeconds:0.0} s.");
        check.Mismatches.Should().BeEmpty();

        // The matches came from NRules: every matched rule of every decision on NRules is one firing of its NRules rule.
        fired.Should().Be(check.MatchedOnNRules);

        // Every decision point with rules is compared, and every rule matches some random complaint (and so is compared
        // both ways), as in the RulesEngine differential test.
        var points = Enum.GetValues<DecisionPoint>().Where(p => own.Compiled(p).RuleArray.Length > 0).ToArray();
        check.Coverage.Keys.Select(k => k.Point).Distinct().Should().BeEquivalentTo(points);
        check.Coverage.Where(c => c.Value == 0).Select(c => $"{c.Key.Point}/{c.Key.Rule}")
            .Should().BeEmpty("every rule should match some random complaint, so that its matching on NRules is compared both ways");
    }

    /// <summary>Every event a notice rule may be asked at: each journal event, and each deadline of a deadline event.</summary>
    private static readonly NoticeEvent[] NoticeEvents = NoticeEvent.Names
        .SelectMany(name => name.StartsWith("deadline-", StringComparison.Ordinal) && name != "deadlines-replanned"
            ? Enum.GetValues<DeadlineKind>().Select(kind => new NoticeEvent(name, kind))
            : [new NoticeEvent(name)])
        .ToArray();

    private sealed class Differential(PolicyPack own, PolicyPack onNRules)
    {
        public int Checks { get; private set; }

        public int Errors { get; private set; }

        public int Failed { get; private set; }

        public int MatchedOnNRules { get; private set; }

        public List<string> Mismatches { get; } = [];

        /// <summary>By rule, how many decisions it matched in.</summary>
        public Dictionary<(DecisionPoint Point, string Rule), int> Coverage { get; } = [];

        public void Same<TDecision>(DecisionPoint point, Func<PolicyPack, TDecision> decide)
            where TDecision : PolicyDecision
        {
            Checks++;
            var (ours, ownError) = Decide(own, decide);
            var (theirs, nrulesError) = Decide(onNRules, decide);
            if (ownError is not null || nrulesError is not null)
            {
                Errors++;
                if (ownError != nrulesError)
                {
                    Mismatch($"{point}: own evaluator {ownError ?? "decided"}, NRules {nrulesError ?? "decided"}");
                }

                return;
            }

            var expected = JsonSerializer.Serialize(ours, ComplaintsJson.Options);
            var actual = JsonSerializer.Serialize(theirs, ComplaintsJson.Options);
            if (expected != actual)
            {
                Mismatch($"{point}:{Environment.NewLine}  own    {expected}{Environment.NewLine}  NRules {actual}");
                return;
            }

            foreach (var trace in theirs!.Explanation.Rules)
            {
                var key = (point, trace.Rule);
                Coverage[key] = Coverage.GetValueOrDefault(key) + (trace.Matched ? 1 : 0);
                MatchedOnNRules += trace.Matched ? 1 : 0;
                Failed += trace.Detail?.StartsWith("error: ", StringComparison.Ordinal) == true ? 1 : 0;
            }
        }

        private void Mismatch(string text)
        {
            if (Mismatches.Count < 10)
            {
                Mismatches.Add(text);
            }
        }

        private static (TDecision? Decision, string? Error) Decide<TDecision>(PolicyPack pack, Func<PolicyPack, TDecision> decide)
        {
            try
            {
                return (decide(pack), null);
            }
            catch (ComplaintValidationException e)
            {
                return (default, e.Message);
            }
        }
    }
}
