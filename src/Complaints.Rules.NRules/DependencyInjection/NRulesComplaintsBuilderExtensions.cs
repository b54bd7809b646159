using System.Reflection;
using Complaints.Policy;
using Complaints.Rules.NRules;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// Decides cases with C# rules on NRules: alone (<c>services.AddComplaints().UseNRules(typeof(MyRule).Assembly)</c>) or
/// layered over a pack (<c>services.AddComplaints().UsePack("auto-dealership").WithNRules(typeof(MyRule).Assembly)</c>).
/// The rules are loaded and compiled once, when the workflow's options are validated (at host start with
/// <c>ValidateOnStart</c>); a rule that cannot be loaded or compiled stops the host there, naming it.
/// </summary>
public static class NRulesComplaintsBuilderExtensions
{
    /// <summary>Decides every case with the C# rules of <paramref name="assemblies"/> alone (identity <c>nrules@0.0.0</c>; give your own with the other overload).</summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>.</param>
    /// <param name="assemblies">The assemblies holding the rule classes.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UseNRules(this ComplaintsBuilder builder, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return builder.UseNRules(o => o.RulesFrom(assemblies));
    }

    /// <summary>Decides every case with the C# rules <paramref name="configure"/> chooses, alone: a whole policy in C#.</summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>.</param>
    /// <param name="configure">Chooses the rules, the identity and the settings.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UseNRules(this ComplaintsBuilder builder, Action<NRulesPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.UsePolicy(_ => NRulesPolicy.Build(configure));
    }

    /// <summary>Refines the policies chosen before (<c>UsePack</c>, <c>UsePackFolder</c>, <c>UsePacks</c>, <c>UsePolicy</c>) with the C# rules of <paramref name="assemblies"/>.</summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>, after a policy is chosen.</param>
    /// <param name="assemblies">The assemblies holding the rule classes.</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder WithNRules(this ComplaintsBuilder builder, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return builder.WithNRules(o => o.RulesFrom(assemblies));
    }

    /// <summary>
    /// Refines each policy chosen before (<c>UsePack</c>, <c>UsePackFolder</c>, <c>UsePacks</c>, <c>UsePolicy</c>) with the C#
    /// rules <paramref name="configure"/> chooses (<see cref="NRulesPolicy.Over"/>): the stricter outcome wins where that
    /// is safe (docs/nrules.md, "Layered over a pack"). The packs' selector, if any, still chooses a pack per case; each
    /// layered policy keeps its pack's id, with the version <c>&lt;pack version&gt;+nrules.&lt;rules id&gt;.&lt;rules version&gt;</c>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>, after a policy is chosen.</param>
    /// <param name="configure">Chooses the rules and their identity; the settings default to each pack's.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No policy was chosen before.</exception>
    public static ComplaintsBuilder WithNRules(this ComplaintsBuilder builder, Action<NRulesPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        try
        {
            return builder.DecoratePolicies(policies =>
            {
                var rules = NRulesPolicy.Build(configure);
                return policies.Select(rules.Over).ToArray();
            });
        }
        catch (InvalidOperationException none)
        {
            throw new InvalidOperationException(
                "WithNRules refines the policy chosen before it, and none is: call UsePack(\"…\") (or UsePackFolder, UsePacks, UsePolicy) first, " +
                "or decide with C# rules alone with UseNRules(…).", none);
        }
    }
}
