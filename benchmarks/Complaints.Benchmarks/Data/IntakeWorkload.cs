using Complaints.Benchmarks.Floors;
using Complaints.Rules;
using Complaints.Rules.Facts;
using RulesEngine.Models;
using static Complaints.Benchmarks.Data.RulesEngineRuns;

namespace Complaints.Benchmarks.Data;

/// <summary>
/// One complete intake decision set per complaint — admissibility, severity, routing, deadlines — three ways:
/// through a <see cref="PolicyPack"/>, through RulesEngine executing the pack's four workflows itself, and
/// through the hand-written floor. As the workflow's triage does, severity sees the complaint as received,
/// routing the classified complaint and deadlines the routed one; those staged complaints are prepared once
/// (from the pack's own decisions), so all three are measured on the decisions alone.
/// </summary>
public sealed class IntakeWorkload
{
    /// <summary>The intake decision points, in the order triage asks them.</summary>
    public static IReadOnlyList<DecisionPoint> Points { get; } =
        [DecisionPoint.Admissibility, DecisionPoint.Severity, DecisionPoint.Routing, DecisionPoint.Deadlines];

    private readonly RulesEngine.RulesEngine _engine;
    private readonly string[] _workflows;
    private readonly RuleParameter _packParameter;
    private readonly IIntakeFloor _floor;

    /// <summary>Prepares the workload: the staged complaints and a RulesEngine built once with the pack's four workflows.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="received">The complaints as received.</param>
    /// <param name="floor">The hand-written floor: the built-in pack's own by default, the generic one for any other pack (a generated one).</param>
    public IntakeWorkload(PolicyPack pack, IReadOnlyList<Complaint> received, IIntakeFloor? floor = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(received);
        Pack = pack;
        _floor = floor ?? (PolicyPacks.BuiltIn.Contains(pack.Identity.Id) ? IntakeFloors.For(pack.Identity.Id) : new HandWrittenGenericPolicy());
        Received = received.ToArray();
        Classified = new Complaint[Received.Length];
        Routed = new Complaint[Received.Length];
        for (var i = 0; i < Received.Length; i++)
        {
            var severity = pack.Classify(Received[i]);
            Classified[i] = Received[i] with { Category = severity.Category, Severity = severity.Tier };
            var routing = pack.Route(Classified[i]);
            Routed[i] = Classified[i] with { Department = routing.Department, ResponsibleRole = routing.Role };
        }

        var workflows = Points.Select(pack.Workflow).ToArray();
        if (workflows.FirstOrDefault(w => w.Rules?.Any() != true) is { } empty)
        {
            throw new ArgumentException($"Pack {pack.Identity} has no {empty.WorkflowName} rules, and RulesEngine refuses a workflow without rules.", nameof(pack));
        }

        _workflows = workflows.Select(w => w.WorkflowName).ToArray();
        _engine = new RulesEngine.RulesEngine(workflows, PolicyPack.RulesEngineSettings);
        _packParameter = new RuleParameter("pack", pack.Facts);
    }

    /// <summary>The pack.</summary>
    public PolicyPack Pack { get; }

    /// <summary>The complaints as received (what admissibility and severity see).</summary>
    public Complaint[] Received { get; }

    /// <summary>Each complaint with its category and tier set (what routing sees).</summary>
    public Complaint[] Classified { get; }

    /// <summary>Each classified complaint with its department and role set (what deadlines see).</summary>
    public Complaint[] Routed { get; }

    /// <summary>How many complaints.</summary>
    public int Count => Received.Length;

    /// <summary>Complaint <paramref name="i"/>'s intake decisions through the pack.</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>A checksum of the decisions, so nothing is optimised away.</returns>
    public int ThroughPack(int i)
    {
        var admissibility = Pack.DecideAdmissibility(Received[i]);
        var severity = Pack.Classify(Received[i]);
        var routing = Pack.Route(Classified[i]);
        var deadlines = Pack.SetDeadlines(Routed[i]);
        return (int)admissibility.Outcome + (int)severity.Tier + routing.Role.Length + deadlines.Deadlines.Count;
    }

    /// <summary>Complaint <paramref name="i"/>'s intake decisions through the pack's hand-written floor.</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>A checksum of the decisions.</returns>
    public int ThroughFloor(int i)
    {
        var admissibility = _floor.DecideAdmissibility(Received[i]);
        var severity = _floor.Classify(Received[i]);
        var routing = _floor.Route(Classified[i]);
        var deadlines = _floor.SetDeadlines(Routed[i]);
        return (int)admissibility.Outcome + (int)severity.Tier + routing.Role.Length + deadlines.Deadlines.Count;
    }

    /// <summary>Complaint <paramref name="i"/>'s four workflows executed by RulesEngine itself (engine reused, <c>ExecuteAllRulesAsync</c>).</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>How many rules matched.</returns>
    public int ThroughRulesEngine(int i)
    {
        var received = new RuleParameter("complaint", new ComplaintFacts(Received[i]));
        var classified = new RuleParameter("complaint", new ComplaintFacts(Classified[i]));
        var routed = new RuleParameter("complaint", new ComplaintFacts(Routed[i]));
        return Matched(Wait(_engine.ExecuteAllRulesAsync(_workflows[0], received, _packParameter)))
            + Matched(Wait(_engine.ExecuteAllRulesAsync(_workflows[1], received, _packParameter)))
            + Matched(Wait(_engine.ExecuteAllRulesAsync(_workflows[2], classified, _packParameter)))
            + Matched(Wait(_engine.ExecuteAllRulesAsync(_workflows[3], routed, _packParameter)));
    }

    /// <summary>The rules RulesEngine itself finds matched for one intake point of complaint <paramref name="i"/>.</summary>
    /// <param name="point">An intake point.</param>
    /// <param name="i">The complaint's index.</param>
    /// <returns>Each rule's name and whether it matched, in order.</returns>
    public IReadOnlyList<(string Rule, bool Matched)> RulesEngineResults(DecisionPoint point, int i)
    {
        var index = Points.ToList().IndexOf(point);
        var complaint = Staged(point, i);
        var results = Wait(_engine.ExecuteAllRulesAsync(_workflows[index], new RuleParameter("complaint", new ComplaintFacts(complaint)), _packParameter));
        return results.Select(r => (r.Rule.RuleName, r.IsSuccess)).ToArray();
    }

    /// <summary>Complaint <paramref name="i"/> as intake point <paramref name="point"/> sees it: received, classified (routing) or routed (deadlines).</summary>
    /// <param name="point">An intake point.</param>
    /// <param name="i">The complaint's index.</param>
    /// <returns>The staged complaint.</returns>
    public Complaint Staged(DecisionPoint point, int i) => point switch
    {
        DecisionPoint.Routing => Classified[i],
        DecisionPoint.Deadlines => Routed[i],
        _ => Received[i],
    };
}
