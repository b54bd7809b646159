using Complaints.Rules.NRules.Packs;

namespace Complaints.Rules.NRules;

/// <summary>
/// Runs policy packs on NRules: <c>PolicyPacks.LoadBuiltIn("hospital").OnNRules()</c>. The pack's rules, as loaded and
/// validated by the pack loader, are compiled to NRules rule definitions (one rule set per decision point), each rule set into
/// a session factory of its own, once; each decision then matches its point's rules in an NRules session of that point's factory, and the pack forms the
/// decision and its explanation from the rules that fired, exactly as on its own evaluator.
/// </summary>
public static class NRulesPacks
{
    /// <summary>
    /// The same pack, its rules matched in NRules sessions: its rules are compiled into NRules session factories now,
    /// one per decision point (not at the first decision), and each decision runs in a session of its point's factory. The decisions and their explanations are
    /// those of the pack on its own evaluator (the same identity, rules, outputs and traces).
    /// </summary>
    /// <param name="pack">A loaded pack.</param>
    /// <returns>The pack on NRules; <paramref name="pack"/> itself if it runs on NRules already.</returns>
    /// <exception cref="PolicyPackException">NRules could not compile one of the pack's rules; the problem names it and its file.</exception>
    public static PolicyPack OnNRules(this PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (pack.RunsOnNRules())
        {
            return pack;
        }

        return pack.WithMatcher(NRulesPackMatcher.Compile(pack).Match);
    }

    /// <summary>The pack on NRules with a new session created for every decision (for the benchmarks' comparison with <see cref="OnNRules"/>, which uses its thread's session).</summary>
    /// <param name="pack">A pack on its own evaluator.</param>
    /// <returns>The pack on NRules.</returns>
    internal static PolicyPack OnNRulesWithSessionPerDecision(this PolicyPack pack) =>
        pack.WithMatcher(NRulesPackMatcher.Compile(pack, sessionPerDecision: true).Match);

    /// <summary>Whether the pack's rules are matched in NRules sessions (it came from <see cref="OnNRules"/>).</summary>
    /// <param name="pack">A pack.</param>
    /// <returns><see langword="true"/> on NRules; <see langword="false"/> on the pack's own evaluator.</returns>
    public static bool RunsOnNRules(this PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return pack.Matcher?.Target is NRulesPackMatcher;
    }

    /// <summary>The NRules matcher of a pack on NRules (its session factories and compile time), for tests and benchmarks.</summary>
    /// <param name="pack">A pack on NRules.</param>
    /// <returns>The matcher, or <see langword="null"/> when the pack runs on its own evaluator.</returns>
    internal static NRulesPackMatcher? NRulesMatcher(this PolicyPack pack) => pack.Matcher?.Target as NRulesPackMatcher;
}
