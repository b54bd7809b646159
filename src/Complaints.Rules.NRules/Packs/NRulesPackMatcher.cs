using Complaints.Rules.Evaluation;
using NRules;

namespace Complaints.Rules.NRules.Packs;

/// <summary>
/// Matches a pack's rules in NRules sessions: the pack's rules compiled once into <see cref="Factory"/>, and for each
/// decision a new session into which the point's request is inserted and fired; the request's record of the rules
/// that fired is the decision's match set, from which the pack forms the decision and its explanation as usual.
/// Thread-safe: a session lives for one decision.
/// </summary>
internal sealed class NRulesPackMatcher
{
    private NRulesPackMatcher(ISessionFactory factory, TimeSpan compileTime)
    {
        Factory = factory;
        CompileTime = compileTime;
    }

    /// <summary>The session factory every decision's session comes from.</summary>
    public ISessionFactory Factory { get; }

    /// <summary>How long NRules took to compile the pack's rules into <see cref="Factory"/>.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>Compiles the pack's rules into one session factory.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="PolicyPackException">NRules could not compile a rule.</exception>
    public static NRulesPackMatcher Compile(PolicyPack pack)
    {
        var factory = PackRuleCompiler.Compile(pack, out var elapsed);
        return new NRulesPackMatcher(factory, elapsed);
    }

    /// <summary>Matches one decision point's rules for one set of inputs in a new session (a <see cref="RuleMatcher"/>).</summary>
    /// <param name="workflow">The decision point's rules.</param>
    /// <param name="inputs">The inputs; the caller reuses the array, so the request keeps a copy.</param>
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
        var session = Factory.CreateSession();
        session.Insert(request);
        session.Fire();

        // Every rule was evaluated (a guard only skips a rule whose condition could not have thrown): with nothing matched
        // and nothing thrown, the outcome is the one the pack's own evaluator shares for that case.
        var matches = request.Matches;
        return matches.IsEmpty ? workflow.NoneMatched : new RuleMatches(workflow, copy, matches);
    }
}
