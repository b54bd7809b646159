using Complaints.Rules.Evaluation;
using NRules;

namespace Complaints.Rules.NRules.Packs;

/// <summary>
/// Matches a pack's rules in NRules sessions: the pack's rules compiled once into <see cref="Factory"/>, and for each
/// decision the point's request is inserted into a session and fired; the request's record of the rules that fired is
/// the decision's match set, from which the pack forms the decision and its explanation as usual. Thread-safe.
/// </summary>
/// <remarks>
/// Creating a session costs more than a decision (NRules activates every rule of the factory in a new session, about
/// 14 µs for a built-in pack), and retracting the request costs as much as inserting it; so each thread keeps a session
/// of the factory for <see cref="DecisionsPerSession"/> decisions, then starts a new one. The requests of earlier
/// decisions stay in it, inert: every rule has one pattern, so a request only ever matches alone, and its activations
/// have fired. A request drops its inputs once fired, so the session holds nothing of a case.
/// </remarks>
#pragma warning disable CA1001 // The per-thread sessions live as long as the pack; ThreadLocal's finalizer releases them.
internal sealed class NRulesPackMatcher
#pragma warning restore CA1001
{
    /// <summary>How many decisions a thread's session serves before a new one is created.</summary>
    public const int DecisionsPerSession = 64;

    private readonly ThreadLocal<Slot> _slots = new(static () => new Slot());

    private NRulesPackMatcher(ISessionFactory factory, TimeSpan compileTime)
    {
        Factory = factory;
        CompileTime = compileTime;
    }

    /// <summary>Whether each decision creates a session of its own (for the benchmarks' comparison) instead of using its thread's.</summary>
    public bool SessionPerDecision { get; init; }

    /// <summary>The session factory every decision's session comes from.</summary>
    public ISessionFactory Factory { get; }

    /// <summary>The session the current thread's next decision will use, if it has one (for tests).</summary>
    internal ISession? ThreadSession => _slots.Value!.Session;

    /// <summary>How long NRules took to compile the pack's rules into <see cref="Factory"/>.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>Compiles the pack's rules into one session factory.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="sessionPerDecision">Whether each decision creates a session of its own (see <see cref="SessionPerDecision"/>).</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="PolicyPackException">NRules could not compile a rule.</exception>
    public static NRulesPackMatcher Compile(PolicyPack pack, bool sessionPerDecision = false)
    {
        var factory = PackRuleCompiler.Compile(pack, out var elapsed);
        return new NRulesPackMatcher(factory, elapsed) { SessionPerDecision = sessionPerDecision };
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
        var request = PackRequest.For(workflow.Point, copy, rules);
        if (SessionPerDecision)
        {
            var own = Factory.CreateSession();
            own.Insert(request);
            own.Fire();
        }
        else
        {
            // The thread's session is taken for the decision: a failure leaves it to be dropped, not reused half-way.
            var slot = _slots.Value!;
            var session = slot.Session ?? Factory.CreateSession();
            slot.Session = null;
            session.Insert(request);
            session.Fire();
            request.Release();
            if (++slot.Decisions < DecisionsPerSession)
            {
                slot.Session = session;
            }
            else
            {
                slot.Decisions = 0;
            }
        }

        // Every rule was evaluated (a guard only skips a rule whose condition could not have thrown): with nothing matched
        // and nothing thrown, the outcome is the one the pack's own evaluator shares for that case.
        var matches = request.Matches;
        return matches.IsEmpty ? workflow.NoneMatched : new RuleMatches(workflow, copy, matches);
    }

    /// <summary>A thread's session and how many decisions it has served.</summary>
    private sealed class Slot
    {
        public ISession? Session { get; set; }

        public int Decisions { get; set; }
    }
}
