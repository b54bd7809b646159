namespace Complaints.Rules.Evaluation;

/// <summary>
/// Matches a decision point's compiled rules for one set of inputs, in place of <see cref="CompiledWorkflow.Run"/>
/// (e.g. through an NRules session), with the same outcome: the same rules matched, the same errors kept, and
/// <see cref="CompiledWorkflow.NoneMatched"/> when every rule was evaluated and none matched or threw.
/// </summary>
/// <param name="workflow">The decision point's rules.</param>
/// <param name="inputs">
/// The inputs, in the order of the point's parameters; the caller reuses the array after the call, so an outcome that
/// keeps the inputs (for its explanation) keeps a copy.
/// </param>
/// <returns>Which rules matched, and the explanation built from that on first read.</returns>
internal delegate RuleMatches RuleMatcher(CompiledWorkflow workflow, object[] inputs);
