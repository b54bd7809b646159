using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Tests.Support;
using CsCheck;
using Stateless.Reflection;

namespace Complaints.Workflow.Tests.Properties;

/// <summary>
/// Long random command sequences from random actors against a few cases. After every command: the stored state
/// is one the lifecycle stores, every journal entry is a transition the lifecycle permits, a rejected command
/// changed nothing, and the journal replays to the stored case. A failure prints CsCheck's seed and shrunk
/// scenario, and the concrete trace (actor, command, outcome) of the shrunk run.
/// Reproduce with <c>CsCheck_Seed=&lt;seed&gt; dotnet test</c>.
/// </summary>
public sealed class LifecyclePropertyTests
{
    private const int Sequences = 300;
    private const int PrefixSequences = 100;

    [Fact]
    public void LifecycleModel_DerivedFromTheMachine_HasLeafStatesAndInheritedTransitions()
    {
        LifecycleModel.StoredStates.Should().NotContain(ComplaintState.Open)
            .And.Contain([ComplaintState.Received, ComplaintState.Investigating, ComplaintState.FollowUp, ComplaintState.Closed, ComplaintState.Withdrawn]);
        LifecycleModel.Transitions.Should().Contain(
        [
            (ComplaintState.Received, ComplaintState.Received), // read-back (internal)
            (ComplaintState.Received, ComplaintState.Closed), // on the spot
            (ComplaintState.Assigned, ComplaintState.Assigned), // reassign (reentry)
            (ComplaintState.Investigating, ComplaintState.Investigating), // evidence, escalation (internal, inherited)
            (ComplaintState.AwaitingCustomer, ComplaintState.Withdrawn), // inherited from Open
            (ComplaintState.FollowUp, ComplaintState.Closed),
            (ComplaintState.Closed, ComplaintState.Investigating),
            (ComplaintState.Closed, ComplaintState.Received), // reopen a case settled on the spot: triage it properly
        ]);
        LifecycleModel.Transitions.Should().NotContain(
        [
            (ComplaintState.Received, ComplaintState.Assigned),
            (ComplaintState.Closed, ComplaintState.Withdrawn),
        ]);
        LifecycleModel.Transitions.Where(t => t.From is ComplaintState.Withdrawn or ComplaintState.Rejected or ComplaintState.Redirected)
            .Should().OnlyContain(t => t.To == t.From, "an ended case goes nowhere; it only records the release of a product hold");
        LifecycleModel.Transitions.Should().OnlyContain(t => t.From != ComplaintState.Open && t.To != ComplaintState.Open);
    }

    [Fact]
    public async Task RandomCommandSequences_KeepStatesTransitionsRejectionsAndReplay()
    {
        var coverage = new Coverage();
        var iterations = Iterations(Sequences);
        var started = System.Diagnostics.Stopwatch.StartNew();

        await CommandGenerators.Scenarios(minSteps: 30, maxSteps: 80, maxCases: 3).SampleAsync(
            async scenario => coverage.Add(await ScenarioRunner.RunAsync(scenario)),
            writeLine: Output,
            iter: iterations,
            print: CommandGenerators.Print);

        Output($"{coverage} in {started.Elapsed.TotalSeconds:0.0}s");
        coverage.RunsReaching(ComplaintState.FollowUp).Should().BeGreaterThan((int)(iterations / 10), "the generator should drive cases to follow-up");
        coverage.Succeeded(ComplaintAction.Close).Should().BeGreaterThan((int)(iterations / 10), "the generator should close cases after follow-up");
        coverage.Reopened.Should().BeGreaterThan((int)(iterations / 20), "the generator should reopen closed cases");
        coverage.Rejected.Should().BeGreaterThan(0, "random commands and actors should be refused sometimes");
        coverage.InvalidRejected.Should().BeGreaterThan(0, "invalid payloads should be generated");
    }

    [Fact]
    public async Task RandomCommandSequences_EveryJournalPrefixReplaysToTheCaseAsItWasThen()
    {
        await CommandGenerators.Scenarios(minSteps: 20, maxSteps: 60, maxCases: 1).SampleAsync(
            async scenario =>
            {
                var snapshots = new Dictionary<long, string>();
                var run = await ScenarioRunner.RunAsync(scenario, onSnapshot: (_, stored) => snapshots[stored.Version] = Harness.Json(stored));
                var journal = run.Journals[0];
                for (var n = 1; n <= journal.Count; n++)
                {
                    // A command may write several entries (rejection then escalation); only the last is a snapshot.
                    var replayed = ComplaintReplay.Replay(journal.Take(n));
                    if (snapshots.TryGetValue(n, out var expected) && Harness.Json(replayed) != expected)
                    {
                        Assert.Fail($"Replaying the first {n} journal entries differs from the case as stored after version {n}.\n"
                            + $"replayed: {Harness.Json(replayed)}\nstored:   {expected}\n{run.Trace}");
                    }
                }

                snapshots.Keys.Should().Contain(journal.Count, "the last snapshot is the final case");
            },
            writeLine: Output,
            iter: Iterations(PrefixSequences),
            print: CommandGenerators.Print);
    }

    /// <summary>The fixed count, unless <c>CsCheck_Iter</c> asks for a longer (or shorter) run.</summary>
    private static long Iterations(long fixedCount) =>
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), CultureInfo.InvariantCulture, out var iter) ? iter : fixedCount;

    private static void Output(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}

/// <summary>The lifecycle's stored states and permitted (from, to) pairs, derived from the Stateless machine itself.</summary>
internal static class LifecycleModel
{
    static LifecycleModel()
    {
        var intake = new ComplaintIntake(ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Other, "-"), "-");
        var complaint = new Complaint
        {
            Id = default,
            Version = 0,
            State = ComplaintState.Received,
            Intake = intake,
            ReceivedAt = Harness.Start,
            ReceivedBy = People.Receiver,
            Policy = TestPolicy.Ref,
            UpdatedAt = Harness.Start,
        };
        var info = new LifecycleMachine(complaint, Harness.Start, TimeSpan.FromDays(30)).Machine.GetInfo();
        var stored = new HashSet<ComplaintState>();
        var transitions = new HashSet<(ComplaintState From, ComplaintState To)>();
        foreach (var state in info.States)
        {
            if (state.DynamicTransitions.Any())
            {
                throw new InvalidOperationException($"State {state} has dynamic transitions; the model cannot derive their destinations.");
            }

            if (state.Substates.Any())
            {
                continue; // A superstate (Open) is never stored.
            }

            var leaf = (ComplaintState)state.UnderlyingState;
            stored.Add(leaf);
            for (StateInfo? s = state; s is not null; s = s.Superstate)
            {
                foreach (var t in s.FixedTransitions)
                {
                    transitions.Add((leaf, t.IsInternalTransition ? leaf : (ComplaintState)t.DestinationState.UnderlyingState));
                }
            }
        }

        StoredStates = stored;
        Transitions = transitions;
    }

    public static IReadOnlySet<ComplaintState> StoredStates { get; }

    public static IReadOnlySet<(ComplaintState From, ComplaintState To)> Transitions { get; }
}

/// <summary>What one run did, for coverage and the prefix property.</summary>
internal sealed record RunResult(
    IReadOnlyList<IReadOnlyList<JournalEntry>> Journals,
    IReadOnlySet<ComplaintState> StatesReached,
    IReadOnlyDictionary<ComplaintAction, int> Succeeded,
    int Commands,
    int Rejected,
    int InvalidRejected,
    int Reopened,
    string Trace);

/// <summary>Runs a scenario against a fresh harness and checks the invariants after every command.</summary>
internal static class ScenarioRunner
{
    public static async Task<RunResult> RunAsync(Scenario scenario, Action<int, Complaint>? onSnapshot = null)
    {
        var h = new Harness();
        h.Policy.Admissibility = scenario.Admissibility;
        h.Policy.RejectionsBeforeEscalation = scenario.RejectionsBeforeEscalation;
        if (scenario.DeclaredConflict >= 0)
        {
            h.Policy.DeclaredConflicts.Add(People.All[scenario.DeclaredConflict].Id);
        }

        var trace = new StringBuilder();
        var ids = new List<ComplaintId>();
        var reached = new HashSet<ComplaintState>();
        int rejected = 0, invalidRejected = 0;
        var succeeded = new Dictionary<ComplaintAction, int>();

        void Fail(string message, Exception? cause = null) =>
            Assert.Fail($"{message}\n--- trace of this run ---\n{trace}{(cause is null ? "" : $"--- cause ---\n{cause}")}");

        async Task<(Complaint Stored, IReadOnlyList<JournalEntry> Journal)> CheckCase(int index)
        {
            var id = ids[index];
            var stored = await h.Stored(id);
            var journal = await h.Journal(id);
            reached.Add(stored.State);
            if (!LifecycleModel.StoredStates.Contains(stored.State))
            {
                Fail($"case{index} is stored in state {stored.State}, which the lifecycle never stores.");
            }

            if (stored.Version != journal.Count)
            {
                Fail($"case{index} has version {stored.Version} but {journal.Count} journal entries.");
            }

            for (var i = 0; i < journal.Count; i++)
            {
                var e = journal[i];
                if (e.Sequence != i + 1 || e.ComplaintId != id)
                {
                    Fail($"case{index} journal entry {i} has sequence {e.Sequence} of case {e.ComplaintId}; expected {i + 1} of {id}.");
                }

                var permitted = i == 0
                    ? e.Event is ComplaintReceived && e.From == ComplaintState.Received && e.To == ComplaintState.Received
                    : e.Event is not ComplaintReceived && LifecycleModel.Transitions.Contains((e.From, e.To));
                if (!permitted)
                {
                    Fail($"case{index} journal entry {e.Sequence} ({e.Event.GetType().Name}) goes {e.From} → {e.To}, which the lifecycle does not permit.");
                }

                if (i > 0 && journal[i - 1].To != e.From)
                {
                    Fail($"case{index} journal entry {e.Sequence} starts in {e.From} but the entry before ended in {journal[i - 1].To}.");
                }
            }

            var replayed = Harness.Json(ComplaintReplay.Replay(journal));
            var json = Harness.Json(stored);
            if (replayed != json)
            {
                Fail($"case{index}'s journal does not replay to the stored case.\nreplayed: {replayed}\nstored:   {json}");
            }

            return (stored, journal);
        }

        for (var i = 0; i < scenario.Cases.Length; i++)
        {
            var spec = scenario.Cases[i];
            var received = await h.Service.ReceiveAsync(spec.ReceivedBy, spec.Intake());
            ids.Add(received.Complaint.Id);
            trace.Append(CultureInfo.InvariantCulture, $"case{i}: received by {spec.ReceivedBy.Id}: {spec}").AppendLine();
            var (stored, _) = await CheckCase(i);
            onSnapshot?.Invoke(i, stored);
            h.Time.Advance(TimeSpan.FromMinutes(5));
        }

        var commands = 0;
        var reopened = 0;
        for (var n = 0; n < scenario.Steps.Length; n++)
        {
            var step = scenario.Steps[n];
            h.Time.Advance(step.Advance);
            var now = h.Time.GetUtcNow();

            // Resolve the abstract step against the cases as they are now.
            var index = step.Case % ids.Count;
            ComplaintAction action;
            Complaint before;
            if (step.Action is { } fixedAction)
            {
                action = fixedAction;
                before = await h.Stored(ids[index]);
            }
            else
            {
                // The first case from the chosen one on that allows any command; else a command chosen by the pick.
                IReadOnlyList<ComplaintAction> allowed = [];
                before = await h.Stored(ids[index]);
                for (var k = 0; k < ids.Count && allowed.Count == 0; k++)
                {
                    index = (step.Case + k) % ids.Count;
                    before = await h.Stored(ids[index]);
                    allowed = Allowed(h, before, now);
                }

                action = allowed.Count > 0
                    ? CommandGenerators.PickAllowed(allowed, before, step.Pick)
                    : CommandGenerators.CommandActions[step.Pick % CommandGenerators.CommandActions.Length];
            }

            var id = ids[index];
            var allowedBefore = Allowed(h, before, now);
            var actor = step.AnyActor
                ? People.All[step.Actor % People.All.Length]
                : CommandGenerators.LikelyActors(action, before) is var likely ? likely[step.Actor % likely.Length] : People.Coordinator;
            var (command, invalid) = CommandGenerators.Build(action, step.Payload);
            var beforeJson = Harness.Json(before);
            var beforeJournal = await h.Journal(id);
            var otherVersions = await OtherVersions(h, ids, index);
            long? expectedVersion = step.Expected switch
            {
                ExpectedVersion.Current => before.Version,
                ExpectedVersion.Stale => before.Version - 1,
                _ => null,
            };
            var line = $"{n + 1,2}. +{CommandGenerators.Span(step.Advance)} case{index} [{before.State} v{before.Version}] {actor.Id}: {CommandGenerators.Describe(command)}"
                + (expectedVersion is { } ev ? $" expecting v{ev}" : "");

            CommandResult? result = null;
            ComplaintException? refused = null;
            try
            {
                result = await h.Service.ExecuteAsync(id, actor, command, expectedVersion);
            }
            catch (ComplaintException ex)
            {
                refused = ex;
            }
#pragma warning disable CA1031 // Any other exception is the failure being reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                trace.Append(line).Append(" → THREW ").Append(ex.GetType().Name).AppendLine();
                Fail($"step {n + 1} threw {ex.GetType().Name}, which is not a ComplaintException: {ex.Message}", ex);
            }

            commands++;
            var after = await h.Stored(id);
            var journal = await h.Journal(id);
            var newEntries = journal.Skip(beforeJournal.Count).ToArray();
            trace.Append(line).Append(" → ").Append(refused is null
                ? $"ok [{after.State} v{after.Version}] {string.Join(", ", newEntries.Select(e => e.Event.GetType().Name))}"
                : $"refused: {refused.GetType().Name}: {refused.Message}").AppendLine();

            if (invalid && refused is not ComplaintValidationException)
            {
                Fail($"step {n + 1} had an invalid payload but {(refused is null ? "succeeded" : $"was refused with {refused.GetType().Name} instead of ComplaintValidationException")}.");
            }

            // Seeing comes first: someone who may not see the case is refused that, never told its version by a conflict.
            var mayNotSee = !actor.Roles.Any(h.Options.SeeAllRoles.Contains) && !actor.HasRole(ComplaintRoles.System)
                && !new CaseVisibility(actor.Id, actor.Department, actor.Roles).CanSee(before);
            if (!invalid && step.Expected == ExpectedVersion.Stale && mayNotSee && refused is not NotPermittedException)
            {
                Fail($"step {n + 1} came from someone who may not see the case with a stale version, but {(refused is null ? "succeeded" : $"was refused with {refused.GetType().Name} instead of NotPermittedException")}.");
            }

            if (!invalid && step.Expected == ExpectedVersion.Stale && !mayNotSee && refused is not ConcurrencyException)
            {
                Fail($"step {n + 1} expected a stale version but {(refused is null ? "succeeded" : $"was refused with {refused.GetType().Name} instead of ConcurrencyException")}.");
            }

            if (refused is not null)
            {
                rejected++;
                invalidRejected += invalid ? 1 : 0;
                var afterJson = Harness.Json(after);
                if (afterJson != beforeJson)
                {
                    Fail($"step {n + 1} was refused ({refused.GetType().Name}) but the stored case changed.\nbefore: {beforeJson}\nafter:  {afterJson}");
                }

                if (journal.Count != beforeJournal.Count)
                {
                    Fail($"step {n + 1} was refused ({refused.GetType().Name}) but the journal grew from {beforeJournal.Count} to {journal.Count} entries.");
                }
            }
            else
            {
                if (!allowedBefore.Contains(action))
                {
                    Fail($"step {n + 1}: {action} succeeded in state {before.State} although the lifecycle allowed only {string.Join(", ", allowedBefore)}.");
                }

                if (newEntries.Length == 0 || result!.Entries.Count != newEntries.Length)
                {
                    Fail($"step {n + 1} succeeded but wrote {newEntries.Length} entries and returned {result!.Entries.Count}.");
                }

                if (newEntries.Any(e => e.At != now || e.Actor != actor || e.CommandId != newEntries[0].CommandId)
                    || newEntries[0].From != before.State || newEntries[^1].To != after.State)
                {
                    Fail($"step {n + 1}'s entries do not record this command by {actor.Id} at {now:O} from {before.State} to {after.State}.");
                }

                if (result!.Complaint.Version != after.Version || result.Complaint.State != after.State)
                {
                    Fail($"step {n + 1} returned version {result.Complaint.Version} in {result.Complaint.State}, but stored version {after.Version} in {after.State}.");
                }

                reopened += command is Reopen ? 1 : 0;
                succeeded[action] = succeeded.GetValueOrDefault(action) + 1;
                onSnapshot?.Invoke(index, after);
            }

            await CheckCase(index);
            if (!(await OtherVersions(h, ids, index)).SequenceEqual(otherVersions))
            {
                Fail($"step {n + 1} on case{index} changed another case.");
            }
        }

        var journals = new List<IReadOnlyList<JournalEntry>>();
        foreach (var id in ids)
        {
            journals.Add(await h.Journal(id));
        }

        return new RunResult(journals, reached, succeeded, commands, rejected, invalidRejected, reopened, trace.ToString());
    }

    private static IReadOnlyList<ComplaintAction> Allowed(Harness h, Complaint c, DateTimeOffset now) =>
        new LifecycleMachine(c, now, h.Options.ReopenWindow).AllowedActions();

    private static async Task<long[]> OtherVersions(Harness h, List<ComplaintId> ids, int except)
    {
        var versions = new long[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            versions[i] = i == except ? -1 : (await h.Stored(ids[i])).Version;
        }

        return versions;
    }
}

/// <summary>Thread-safe totals over the runs of a property, to show the generator reaches deep states.</summary>
internal sealed class Coverage
{
    private readonly ConcurrentDictionary<ComplaintState, int> _runsReaching = new();
    private readonly ConcurrentDictionary<ComplaintAction, int> _succeeded = new();
    private int _runs;
    private int _commands;
    private int _rejected;
    private int _invalidRejected;
    private int _reopened;

    public int Rejected => _rejected;

    public int InvalidRejected => _invalidRejected;

    public int Reopened => _reopened;

    public int RunsReaching(ComplaintState state) => _runsReaching.GetValueOrDefault(state);

    public int Succeeded(ComplaintAction action) => _succeeded.GetValueOrDefault(action);

    public void Add(RunResult run)
    {
        Interlocked.Increment(ref _runs);
        Interlocked.Add(ref _commands, run.Commands);
        Interlocked.Add(ref _rejected, run.Rejected);
        Interlocked.Add(ref _invalidRejected, run.InvalidRejected);
        Interlocked.Add(ref _reopened, run.Reopened);
        foreach (var state in run.StatesReached)
        {
            _runsReaching.AddOrUpdate(state, 1, (_, n) => n + 1);
        }

        foreach (var (action, count) in run.Succeeded)
        {
            _succeeded.AddOrUpdate(action, count, (_, n) => n + count);
        }
    }

    public override string ToString()
    {
        var states = string.Join(", ", Enum.GetValues<ComplaintState>().Select(s => $"{s} {RunsReaching(s)}"));
        var actions = string.Join(", ", CommandGenerators.CommandActions.Select(a => $"{a} {Succeeded(a)}"));
        return $"{_runs} runs, {_commands} commands ({_rejected} refused, {_invalidRejected} of them invalid payloads), {_reopened} reopenings;\n"
            + $"runs reaching: {states};\nsucceeded: {actions}";
    }
}
