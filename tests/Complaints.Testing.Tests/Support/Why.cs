using Complaints.Policy;

namespace Complaints.Testing.Tests.Support;

/// <summary>Hand-made explanations, so the assertions are tested apart from any pack.</summary>
internal static class Why
{
    public static readonly PolicyRef Acme = new("acme", "2.1.0");

    public static PolicyExplanation Rules(params RuleTrace[] rules) => new(Acme, rules);

    public static RuleTrace Matched(string rule, string? detail = null) => new(rule, true, detail);

    public static RuleTrace NotMatched(string rule) => new(rule, false);

    public static RuleTrace Failed(string rule, string error) => new(rule, false, "error: " + error);

    /// <summary>An explanation where <c>chosen</c> matched and <c>passed-over</c> did not.</summary>
    public static PolicyExplanation Usual => Rules(Matched("chosen", "to chosen (saw complaint.Category=\"billing\")"), NotMatched("passed-over"));
}
