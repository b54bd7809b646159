using System.Globalization;
using System.Text;
using System.Text.Json;
using Complaints.Benchmarks.Data;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// Explanations are built when first read, from what the evaluation recorded. They must be the explanations
/// an eager evaluation builds — every rule in order, matched or not, with what each matched rule contributed
/// and the values it saw — and serialize to the same bytes, alone and inside the journal events the workflow
/// records. The reference here is the eager algorithm: evaluate, then describe each matched rule and read its
/// values by reflection at once.
/// </summary>
public sealed class LazyExplanationTests
{
    private const int ComplaintCount = 2_000;

    [Theory]
    [MemberData(nameof(PackDifferentialTests.Packs), MemberType = typeof(PackDifferentialTests))]
    public void Every_decision_serializes_byte_for_byte_as_with_an_eager_explanation(string packId)
    {
        var pack = PolicyPacks.LoadBuiltIn(packId);
        var generator = new ComplaintGenerator(seed: 77);
        var details = 0;
        for (var n = 0; n < ComplaintCount; n++)
        {
            var received = generator.NextReceived();
            var later = generator.Later(received);
            var remedy = generator.Remedy();
            var person = generator.Person(later);
            var trigger = ComplaintGenerator.Triggers[n % ComplaintGenerator.Triggers.Count];
            var misconduct = generator.Misconduct();

            var admissibility = pack.DecideAdmissibility(received);
            var severity = pack.Classify(received);
            var classified = received with { Category = severity.Category, Severity = severity.Tier };
            var routing = pack.Route(classified);
            var routed = classified with { Department = routing.Department, ResponsibleRole = routing.Role };
            var deadlines = pack.SetDeadlines(routed);

            // The journal event triage records, serialized before anything read the explanations.
            var triaged = new ComplaintTriaged(admissibility, severity, routing, deadlines, []);
            var recorded = Json<ComplaintEvent>(triaged);
            var eagerTriaged = triaged with
            {
                Admissibility = admissibility with { Explanation = Eager(pack, DecisionPoint.Admissibility, received) },
                Severity = severity with { Explanation = Eager(pack, DecisionPoint.Severity, received) },
                Routing = routing with { Explanation = Eager(pack, DecisionPoint.Routing, classified) },
                DeadlineRules = deadlines with { Explanation = Eager(pack, DecisionPoint.Deadlines, routed) },
            };
            recorded.Should().Be(Json<ComplaintEvent>(eagerTriaged), "the triage event records the complete explanations");

            Same(pack.RequireApproval(later, remedy), Eager(pack, DecisionPoint.Approval, later, new RemedyFacts(remedy)));
            Same(pack.CheckRecusal(later, person), Eager(pack, DecisionPoint.Recusal, later, new PersonFacts(person, later)));
            Same(pack.CheckConfidentiality(later, person), Eager(pack, DecisionPoint.Confidentiality, later, new PersonFacts(person, later)));
            Same(pack.CheckEscalation(later, trigger.Trigger), Eager(pack, DecisionPoint.Escalation, later, trigger.Name));
            Same(pack.DecideReward(later), Eager(pack, DecisionPoint.Rewards, later));
            Same(pack.AssessPenalty(later, person, misconduct), Eager(pack, DecisionPoint.Penalties, later, new PersonFacts(person, later), misconduct));
            Same(pack.AdviseHandling(later), Eager(pack, DecisionPoint.Guidance, later));
            details += severity.Explanation.Rules.Count(r => r.Detail?.Contains(" (saw ", StringComparison.Ordinal) == true);
        }

        details.Should().BePositive("matched rules say what they saw");
    }

    [Fact]
    public void An_explanation_read_from_several_threads_is_one_and_the_same()
    {
        var pack = PolicyPacks.LoadBuiltIn("generic");
        var complaint = new ComplaintGenerator(seed: 8).NextReceived();
        var decision = pack.Classify(complaint);
        var seen = new RuleTrace[8][];
        Parallel.For(0, seen.Length, i => { seen[i] = decision.Explanation.Rules.ToArray(); });
        foreach (var traces in seen)
        {
            traces.Should().Equal(seen[0]);
        }

        decision.Explanation.Rules.Should().HaveCount(pack.Workflow(DecisionPoint.Severity).Rules.Count());
        decision.Explanation.Rules[0].Should().BeSameAs(decision.Explanation.Rules[0]);
    }

    private static void Same<T>(T decision, PolicyExplanation eager)
        where T : PolicyDecision
    {
        var lazy = Json<PolicyDecision>(decision);
        lazy.Should().Be(Json<PolicyDecision>(decision with { Explanation = eager }));
        decision.Explanation.Rules.Should().Equal(eager.Rules);
        decision.Explanation.MatchedRules.Should().Equal(eager.MatchedRules);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, value!.GetType(), ComplaintsJson.Options);

    /// <summary>The eager explanation: every rule evaluated and traced at once, values read by reflection.</summary>
    private static PolicyExplanation Eager(PolicyPack pack, DecisionPoint point, Complaint complaint, params object[] extra)
    {
        object[] inputs = [new ComplaintFacts(complaint), pack.Facts, .. extra];
        var traces = new List<RuleTrace>();
        foreach (var rule in pack.Compiled(point).Rules)
        {
            var matched = rule.Matches(inputs, out var error);
            if (error is not null)
            {
                traces.Add(new RuleTrace(rule.Name, false, "error: " + error));
                continue;
            }

            if (!matched)
            {
                traces.Add(new RuleTrace(rule.Name, false));
                continue;
            }

            var detail = new StringBuilder(rule.Output.Describe());
            for (var i = 0; i < rule.Probes.Count; i++)
            {
                var probe = rule.Probes[i];
                var value = probe.Property is null ? inputs[probe.Input] : probe.Property.GetValue(inputs[probe.Input]);
                detail.Append(i == 0 ? " (saw " : ", ").Append(probe.Label).Append('=').Append(value switch
                {
                    null => "null",
                    string s => '"' + s + '"',
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString() ?? "",
                });
            }

            if (rule.Probes.Count > 0)
            {
                detail.Append(')');
            }

            traces.Add(new RuleTrace(rule.Name, true, detail.ToString()));
        }

        return new PolicyExplanation(pack.Identity, traces);
    }
}
