using Complaints.Benchmarks.Floors;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Rules.Facts;
using RulesEngine.Models;
using static Complaints.Benchmarks.Data.RulesEngineRuns;

namespace Complaints.Benchmarks.Data;

/// <summary>
/// The approval and the recusal decision alone, three ways: through a <see cref="PolicyPack"/>, through
/// RulesEngine executing the pack's <c>approval</c> and <c>recusal</c> workflows itself, and through the
/// hand-written floor. Each complaint is one later in its life (a tier, a handler, recusals), with a random
/// remedy (amounts below, at and above the limits) and a random person (often the accused, the receiver,
/// the handler, the complainant or someone recused before).
/// </summary>
public sealed class ApprovalRecusalWorkload
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly RuleParameter _packParameter;
    private readonly HandWrittenGenericPolicy _floor = new();

    /// <summary>Prepares the workload: complaints later in their life, remedies, persons, and a RulesEngine built once.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="seed">The seed of the complaints, remedies and persons.</param>
    /// <param name="count">How many.</param>
    public ApprovalRecusalWorkload(PolicyPack pack, int seed, int count)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        var generator = new ComplaintGenerator(seed);
        Complaints = new Complaint[count];
        Remedies = new RemedyProposal[count];
        Persons = new Actor[count];
        for (var i = 0; i < count; i++)
        {
            Complaints[i] = generator.Later(generator.NextReceived());
            Remedies[i] = generator.Remedy();
            Persons[i] = generator.Person(Complaints[i]);
        }

        _engine = new RulesEngine.RulesEngine([pack.Workflow(DecisionPoint.Approval), pack.Workflow(DecisionPoint.Recusal)], PolicyPack.RulesEngineSettings);
        _packParameter = new RuleParameter("pack", pack.Facts);
    }

    /// <summary>The pack.</summary>
    public PolicyPack Pack { get; }

    /// <summary>The complaints, later in their life.</summary>
    public Complaint[] Complaints { get; }

    /// <summary>The remedy proposed for each complaint.</summary>
    public RemedyProposal[] Remedies { get; }

    /// <summary>The person checked for each complaint.</summary>
    public Actor[] Persons { get; }

    /// <summary>How many complaints.</summary>
    public int Count => Complaints.Length;

    /// <summary>The approval decision through the pack.</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>A checksum.</returns>
    public int ApprovalThroughPack(int i) => Pack.RequireApproval(Complaints[i], Remedies[i]).Steps.Count;

    /// <summary>The approval decision through the floor.</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>A checksum.</returns>
    public int ApprovalThroughFloor(int i) => _floor.RequireApproval(Complaints[i], Remedies[i]).Steps.Count;

    /// <summary>The approval workflow executed by RulesEngine itself.</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>How many rules matched.</returns>
    public int ApprovalThroughRulesEngine(int i) => Matched(Wait(_engine.ExecuteAllRulesAsync(
        "approval",
        new RuleParameter("complaint", new ComplaintFacts(Complaints[i])),
        _packParameter,
        new RuleParameter("remedy", new RemedyFacts(Remedies[i])))));

    /// <summary>The recusal decision through the pack.</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>A checksum.</returns>
    public int RecusalThroughPack(int i) => Pack.CheckRecusal(Complaints[i], Persons[i]).MustRecuse ? 1 : 0;

    /// <summary>The recusal decision through the floor.</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>A checksum.</returns>
    public int RecusalThroughFloor(int i) => _floor.CheckRecusal(Complaints[i], Persons[i]).MustRecuse ? 1 : 0;

    /// <summary>The recusal workflow executed by RulesEngine itself.</summary>
    /// <param name="i">The complaint's index.</param>
    /// <returns>How many rules matched.</returns>
    public int RecusalThroughRulesEngine(int i) => Matched(Wait(_engine.ExecuteAllRulesAsync(
        "recusal",
        new RuleParameter("complaint", new ComplaintFacts(Complaints[i])),
        _packParameter,
        new RuleParameter("person", new PersonFacts(Persons[i], Complaints[i])))));

    /// <summary>The rules RulesEngine itself finds matched for approval or recusal of complaint <paramref name="i"/>.</summary>
    /// <param name="point"><see cref="DecisionPoint.Approval"/> or <see cref="DecisionPoint.Recusal"/>.</param>
    /// <param name="i">The complaint's index.</param>
    /// <returns>Each rule's name and whether it matched, in order.</returns>
    public IReadOnlyList<(string Rule, bool Matched)> RulesEngineResults(DecisionPoint point, int i)
    {
        var extra = point == DecisionPoint.Approval
            ? new RuleParameter("remedy", new RemedyFacts(Remedies[i]))
            : new RuleParameter("person", new PersonFacts(Persons[i], Complaints[i]));
        var results = Wait(_engine.ExecuteAllRulesAsync(point == DecisionPoint.Approval ? "approval" : "recusal",
            new RuleParameter("complaint", new ComplaintFacts(Complaints[i])), _packParameter, extra));
        return results.Select(r => (r.Rule.RuleName, r.IsSuccess)).ToArray();
    }
}
