using Complaints.Rules.Evaluation;
using NRules;

namespace Complaints.Rules.NRules.Packs;

/// <summary>
/// Matches a pack's rules in NRules sessions: each decision point's rules compiled once into a session factory of its
/// own (<see cref="Factories"/>), and for each decision the point's request is inserted into a session of that point's
/// factory and fired; the request's record of the rules that fired is
/// the decision's match set, from which the pack forms the decision and its explanation as usual. Thread-safe.
/// </summary>
/// <remarks>
/// A new session activates every rule of its factory (a point's rules only, not the whole pack's), and retracting the
/// request costs as much as inserting it; so each thread keeps a session of each point's factory for
/// <see cref="DecisionsPerSession"/> decisions, then starts a new one. The requests of earlier
/// decisions stay in it, inert: every rule has one pattern, so a request only ever matches alone, and its activations
/// have fired. A request drops its inputs once fired, so the session holds nothing of a case.
/// </remarks>
#pragma warning disable CA1001 // The per-thread sessions live as long as the pack; ThreadLocal's finalizer releases them.
internal sealed class NRulesPackMatcher
#pragma warning restore CA1001
{
    /// <summary>How many decisions a thread's session serves before a new one is created.</summary>
    public const int DecisionsPerSession = 64;

    private readonly ThreadLocal<Slot[]> _slots = new(static () => new Slot[PackRequest.Types.Length]);
    private readonly ISessionFactory?[] _factories;

    private NRulesPackMatcher(ISessionFactory?[] factories, TimeSpan compileTime)
    {
        _factories = factories;
        CompileTime = compileTime;
    }

    /// <summary>Whether each decision creates a session of its own (for the benchmarks' comparison) instead of using its thread's.</summary>
    public bool SessionPerDecision { get; init; }

    /// <summary>The session factory of each decision point with rules, by the point's value (<see langword="null"/> for a point without rules).</summary>
    public IReadOnlyList<ISessionFactory?> Factories => _factories;

    /// <summary>The session the current thread's next decision at <paramref name="point"/> will use, if it has one (for tests).</summary>
    /// <param name="point">The decision point.</param>
    /// <returns>The session, or <see langword="null"/>.</returns>
    internal ISession? ThreadSession(DecisionPoint point) => _slots.Value![(int)point]?.Session;

    /// <summary>How long NRules took to compile the pack's rules into <see cref="Factories"/>.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>Compiles the pack's rules into a session factory per decision point.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="sessionPerDecision">Whether each decision creates a session of its own (see <see cref="SessionPerDecision"/>).</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="PolicyPackException">NRules could not compile a rule.</exception>
    public static NRulesPackMatcher Compile(PolicyPack pack, bool sessionPerDecision = false)
    {
        var factories = PackRuleCompiler.Compile(pack, out var elapsed);
        return new NRulesPackMatcher(factories, elapsed) { SessionPerDecision = sessionPerDecision };
    }

    /// <summary>Matches one decision point's rules for one set of inputs in an NRules session (a <see cref="RuleMatcher"/>).</summary>
    /// <param name="workflow">The decision point's rules.</param>
    /// <param name="inputs">The inputs; the caller reuses the array, so the outcome keeps a copy.</param>
    /// <returns>Which rules matched.</returns>
    public RuleMatches Match(CompiledWorkflow workflow, object[] inputs)
    {
        var rules = workflow.RuleArray.Length;
        if (rules == 0)
        {
            return workflow.NoneMatched;
        }

        var copy = new object[inputs.Length];
        inputs.CopyTo(copy, 0);
        var point = (int)workflow.Point;
        var factory = _factories[point]!;
        var request = PackRequest.For(workflow.Point, copy, rules);
        MatchSet matches;
        if (SessionPerDecision)
        {
            var own = factory.CreateSession();
            own.Insert(request);
            own.Fire();
            matches = request.Matches;
        }
        else
        {
            // The thread's session is taken for the decision: a failure leaves it to be dropped, not reused half-way.
            var slots = _slots.Value!;
            var slot = slots[point] ??= new Slot();
            var session = slot.Session ?? factory.CreateSession();
            slot.Session = null;
            var decisions = slot.Decisions;
            slot.Decisions = 0; // a failure below drops the session: the next one starts its count afresh
            session.Insert(request);
            session.Fire();
            matches = request.Matches;
            request.Release();
            if (++decisions < DecisionsPerSession)
            {
                slot.Session = session;
                slot.Decisions = decisions;
            }
        }

        // Every rule was evaluated (a guard only skips a rule whose condition could not have thrown): with nothing matched
        // and nothing thrown, the outcome is the one the pack's own evaluator shares for that case.
        return matches.IsEmpty ? workflow.NoneMatched : new RuleMatches(workflow, copy, matches);
    }

    /// <summary>A thread's session and how many decisions it has served.</summary>
    private sealed class Slot
    {
        public ISession? Session { get; set; }

        public int Decisions { get; set; }
    }
}
