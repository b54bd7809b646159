using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Workloads;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Rules.Facts;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;
using RulesEngine.Models;

namespace Complaints.Benchmarks;

/// <summary>
/// The command path in memory: a complaint's whole life (<see cref="CaseLife"/>, 13 commands from receipt to
/// closure) through <see cref="ComplaintService"/> on an <see cref="InMemoryComplaintStore"/>, under the generic pack
/// and under the hand-written floor policy (so the workflow's own cost shows), against the P3 baseline: one direct
/// RulesEngine <c>ExecuteAllRulesAsync</c> of the generic pack's four intake workflows for the same complaint. Times
/// and allocations are per case (per life, or per intake set for the baseline).
/// </summary>
[MemoryDiagnoser]
public class CommandPathBenchmarks
{
    /// <summary>How many cases one operation runs.</summary>
    public const int Cases = 20;

    private readonly BusinessCalendarRegistry _calendars = new(true);
    private readonly BenchClock _clock = new();
    private PolicyPack _pack = null!;
    private HandWrittenComplaintPolicy _floor = null!;
    private RulesEngine.RulesEngine _engine = null!;
    private string[] _workflows = null!;
    private RuleParameter _packParameter = null!;
    private Complaint[][] _staged = null!;

    /// <summary>Loads the pack, builds RulesEngine over its intake workflows, stages the complaints and checks the floor policy writes the pack's journal.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = PolicyPacks.LoadBuiltIn("generic");
        _floor = new HandWrittenComplaintPolicy();
        var workflows = new[] { DecisionPoint.Admissibility, DecisionPoint.Severity, DecisionPoint.Routing, DecisionPoint.Deadlines }.Select(_pack.Workflow).ToArray();
        _workflows = workflows.Select(w => w.WorkflowName).ToArray();
        _engine = new RulesEngine.RulesEngine(workflows, PolicyPack.RulesEngineSettings);
        _packParameter = new RuleParameter("pack", _pack.Facts);

        // The complaints as triage stages them: as received (admissibility, severity), classified (routing), routed (deadlines).
        var service = CaseLife.Service(new InMemoryComplaintStore(), _pack, _clock, _calendars);
        _staged = new Complaint[Cases][];
        for (var i = 0; i < Cases; i++)
        {
            var received = service.ReceiveAsync(CaseLife.Receiver, CaseLife.Intake(i)).GetAwaiter().GetResult().Complaint;
            var severity = _pack.Classify(received);
            var classified = received with { Category = severity.Category, Severity = severity.Tier };
            var routing = _pack.Route(classified);
            _staged[i] = [received, received, classified, classified with { Department = routing.Department, ResponsibleRole = routing.Role }];
        }

        Check();
    }

    /// <summary>P3's baseline: RulesEngine itself executing the generic pack's four intake workflows, engine built once.</summary>
    /// <returns>How many rules matched.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Cases, Description = "RulesEngine intake set (P3 baseline)")]
    public int RulesEngineIntake()
    {
        var sum = 0;
        for (var i = 0; i < Cases; i++)
        {
            for (var p = 0; p < _workflows.Length; p++)
            {
                var results = Wait(_engine.ExecuteAllRulesAsync(_workflows[p], new RuleParameter("complaint", new ComplaintFacts(_staged[i][p])), _packParameter));
                foreach (var result in results)
                {
                    sum += result.IsSuccess ? 1 : 0;
                }
            }
        }

        return sum;
    }

    /// <summary>A whole life under the generic pack, in memory.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = Cases, Description = "Whole life, generic pack")]
    public long LifeWithPack() => CaseLife.Run(CaseLife.Service(new InMemoryComplaintStore(), _pack, _clock, _calendars), 0, Cases);

    /// <summary>A whole life under the hand-written policy floor, in memory: the workflow's own cost.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = Cases, Description = "Whole life, hand-written policy")]
    public long LifeWithFloor() => CaseLife.Run(CaseLife.Service(new InMemoryComplaintStore(), _floor, _clock, _calendars), 0, Cases);

    private static List<RuleResultTree> Wait(ValueTask<List<RuleResultTree>> pending) =>
        pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    private void Check()
    {
        var withPack = Journal(_pack);
        var withFloor = Journal(_floor);
        if (withPack.Count != CaseLife.Commands || withPack.Count != withFloor.Count)
        {
            throw new InvalidOperationException($"A life wrote {withPack.Count} entries under the pack and {withFloor.Count} under the floor; expected {CaseLife.Commands}.");
        }

        for (var i = 0; i < withPack.Count; i++)
        {
            var (a, b) = (withPack[i], withFloor[i]);
            if (a.Event.GetType() != b.Event.GetType() || a.From != b.From || a.To != b.To)
            {
                throw new InvalidOperationException($"Entry {i + 1} differs: {a.Event.GetType().Name} {a.From}→{a.To} under the pack, {b.Event.GetType().Name} {b.From}→{b.To} under the floor.");
            }
        }

        var triagedPack = (ComplaintTriaged)withPack[1].Event;
        var triagedFloor = (ComplaintTriaged)withFloor[1].Event;
        if (!triagedPack.Deadlines.SequenceEqual(triagedFloor.Deadlines) || triagedPack.Routing.Department != triagedFloor.Routing.Department
            || ((RemedyProposed)withPack[6].Event).Approval.Steps.SequenceEqual(((RemedyProposed)withFloor[6].Event).Approval.Steps) is false)
        {
            throw new InvalidOperationException("The floor policy's triage or approval differs from the pack's.");
        }
    }

    private IReadOnlyList<JournalEntry> Journal(IComplaintPolicy policy)
    {
        var store = new InMemoryComplaintStore();
        var service = CaseLife.Service(store, policy, _clock, _calendars);
        var id = service.ReceiveAsync(CaseLife.Receiver, CaseLife.Intake(0)).GetAwaiter().GetResult().Complaint.Id;
        foreach (var (actor, command) in CaseLife.AfterReceipt)
        {
            service.ExecuteAsync(id, actor, command).GetAwaiter().GetResult();
        }

        return store.ReadJournalAsync(id).GetAwaiter().GetResult();
    }
}
