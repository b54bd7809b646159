using BenchmarkDotNet.Attributes;
using Complaints.Rules;
using Complaints.Rules.NRules.Packs;
using NRules;

namespace Complaints.Benchmarks;

/// <summary>
/// The start-up cost of running a built-in pack on NRules, per pack: loading the pack (reading, validating and
/// compiling its rules for its own evaluator, the baseline), compiling its rules into NRules session factories, one per
/// decision point (what <c>OnNRules</c> adds at start), and creating one session of the severity point's factory (what
/// a decision would pay for a session of its own: NRules activates every rule of the factory in a new session).
/// </summary>
[MemoryDiagnoser]
public class NRulesCompileBenchmarks
{
    private PolicyPack _pack = null!;
    private ISessionFactory _factory = null!;

    /// <summary>The built-in pack.</summary>
    [ParamsSource(nameof(Packs))]
    public string Pack { get; set; } = "generic";

    /// <summary>The built-in packs.</summary>
    public static IEnumerable<string> Packs => PolicyPacks.BuiltIn;

    /// <summary>Loads the pack and compiles its session factories once, for the session benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pack = PolicyPacks.LoadBuiltIn(Pack);
        _factory = NRulesPackMatcher.Compile(_pack).Factories[(int)DecisionPoint.Severity]!;
    }

    /// <summary>Loading the pack for its own evaluator.</summary>
    /// <returns>The pack.</returns>
    [Benchmark(Baseline = true, Description = "Load the pack")]
    public PolicyPack Load() => PolicyPacks.LoadBuiltIn(Pack);

    /// <summary>Compiling the loaded pack's rules into NRules session factories, one per decision point (rule definitions built and compiled).</summary>
    /// <returns>The factory.</returns>
    [Benchmark(Description = "Compile to NRules session factories")]
    public IReadOnlyList<ISessionFactory?> Compile() => NRulesPackMatcher.Compile(_pack).Factories;

    /// <summary>Creating one session of the severity point's factory.</summary>
    /// <returns>The session.</returns>
    [Benchmark(Description = "Create one NRules session (severity)")]
    public ISession NewSession() => _factory.CreateSession();
}
