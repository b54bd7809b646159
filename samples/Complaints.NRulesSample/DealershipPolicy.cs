using Complaints.Policy;
using Complaints.Rules.NRules;

namespace Complaints.NRulesSample;

/// <summary>
/// The auto-dealership's approval ladder, recusal and penalties as C# rules (seeds/002 texts 10–12; DOMAIN.md "Pack:
/// auto-dealership" and its audit: every remedy needs the general manager's consent). The rules are the classes of
/// this folder; <see cref="Build"/> compiles them into a policy that decides like the <c>auto-dealership</c> pack at
/// those three points.
/// </summary>
public static class DealershipPolicy
{
    /// <summary>The numbers and roles the rules read: the pack's, written in code.</summary>
    public static PolicySettings Settings { get; } = new()
    {
        Currency = "CNY",
        Ladder = ["staff", "advisor", "handler", "coordinator", "manager", "general-manager"],
        ApprovalLimits = new Dictionary<string, decimal> { ["handler"] = 200 },
        Numbers = new Dictionary<string, decimal> { ["seriousLoss"] = 5000, ["majorLoss"] = 50000 },
        DefaultCategory = "service-quality",
        DefaultDepartment = "customer-relations",
        DefaultHandlerRole = "coordinator",
    };

    /// <summary>Builds the policy from the rules of this assembly (compiled once; keep the result).</summary>
    /// <returns>The policy.</returns>
    public static NRulesPolicy Build() => NRulesPolicy.Build(o =>
    {
        o.Identity = new PolicyRef("dealership-in-csharp", "1.0.0");
        o.Settings = Settings;
        o.CalendarName = "cn";
        o.RulesFrom(typeof(DealershipPolicy).Assembly);
    });
}
