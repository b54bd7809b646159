namespace Complaints.Rules.NRules;

/// <summary>
/// A C# rule set that cannot be built (a rule that NRules cannot load or compile, or that matches no request fact), or
/// a rule that failed while deciding. The message names the rule and says what to do; it never holds the
/// complainant's identity.
/// </summary>
public sealed class NRulesPolicyException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rule">The rule concerned, if one is.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="inner">What NRules threw, if anything.</param>
    public NRulesPolicyException(string? rule, string message, Exception? inner = null)
        : base(message, inner) =>
        Rule = rule;

    /// <summary>The rule concerned (its NRules name), if one is.</summary>
    public string? Rule { get; }
}
