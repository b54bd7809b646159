using Complaints.Benchmarks.Data;
using BenchmarkDotNet.Attributes;
using Complaints.Benchmarks.Workloads;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Rules.NRules;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;

namespace Complaints.Benchmarks;

/// <summary>
/// The command path in memory: a complaint's whole life (<see cref="CaseLife"/>, 13 commands from receipt to
/// closure) through <see cref="ComplaintService"/> on an <see cref="InMemoryComplaintStore"/>, under the generic pack
/// on NRules (the generic pack's rules compiled to NRules rule definitions), and under the hand-written floor policy (so
/// the workflow's own cost shows), against the P3 baseline: one direct
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
    private PolicyPack _packOnNRules = null!;
    private HandWrittenComplaintPolicy _floor = null!;
    private IntakeWorkload _intake = null!;

    /// <summary>Loads the pack, stages the complaints for the RulesEngine baseline (<see cref="IntakeWorkload"/>) and checks the floor policy writes the pack's journal.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = PolicyPacks.LoadBuiltIn("generic");
        _packOnNRules = _pack.OnNRules();
        _floor = new HandWrittenComplaintPolicy();
        // The same complaints received, staged as triage stages them, for the RulesEngine baseline.
        var service = CaseLife.Service(new InMemoryComplaintStore(), _pack, _clock, _calendars);
        var received = Enumerable.Range(0, Cases)
            .Select(i => service.ReceiveAsync(CaseLife.Receiver, CaseLife.Intake(i)).GetAwaiter().GetResult().Complaint)
            .ToArray();
        _intake = new IntakeWorkload(_pack, received);

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
            sum += _intake.ThroughRulesEngine(i);
        }

        return sum;
    }

    /// <summary>A whole life under the generic pack, in memory.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = Cases, Description = "Whole life, generic pack")]
    public long LifeWithPack() => CaseLife.Run(CaseLife.Driver(CaseLife.Service(new InMemoryComplaintStore(), _pack, _clock, _calendars)), 0, Cases);

    /// <summary>A whole life under the generic pack on NRules, in memory.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = Cases, Description = "Whole life, generic pack on NRules")]
    public long LifeWithPackOnNRules() => CaseLife.Run(CaseLife.Driver(CaseLife.Service(new InMemoryComplaintStore(), _packOnNRules, _clock, _calendars)), 0, Cases);

    /// <summary>A whole life under the hand-written policy floor, in memory: the workflow's own cost.</summary>
    /// <returns>The sum of the final versions.</returns>
    [Benchmark(OperationsPerInvoke = Cases, Description = "Whole life, hand-written policy")]
    public long LifeWithFloor() => CaseLife.Run(CaseLife.Driver(CaseLife.Service(new InMemoryComplaintStore(), _floor, _clock, _calendars)), 0, Cases);

    private void Check()
    {
        var withPack = Journal(_pack);
        if (Journal(_packOnNRules).Count != withPack.Count)
        {
            throw new InvalidOperationException("A life on NRules wrote another number of entries than under the pack's own evaluator.");
        }

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
        var driver = CaseLife.Driver(CaseLife.Service(store, policy, _clock, _calendars));
        var closed = driver.DriveToAsync(CaseLife.Intake(0), ComplaintState.Closed).GetAwaiter().GetResult();
        return store.ReadJournalAsync(closed.Id).GetAwaiter().GetResult();
    }
}
