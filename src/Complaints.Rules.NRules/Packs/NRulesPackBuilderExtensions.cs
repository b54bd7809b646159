using Complaints.Rules;
using Complaints.Rules.NRules;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Runs the packs chosen for the workflow on NRules: <c>services.AddComplaints().UsePack("hospital").OnNRules()</c>.</summary>
public static class NRulesPackBuilderExtensions
{
    /// <summary>
    /// Runs every pack chosen with <c>UsePack</c>, <c>UsePackFolder</c>, <c>UsePackFiles</c> or <c>UsePacks</c> on NRules (see
    /// <see cref="NRulesPacks.OnNRules"/>): each pack is loaded, validated and compiled into NRules session factories (one per decision point) when
    /// the packs are loaded (at host start with <c>ValidateOnStart</c>), so a rule NRules cannot compile stops the host there
    /// with a <see cref="PolicyPackException"/>, and no compilation is left to the first request. Call it after choosing the packs.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>, with packs chosen.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No pack was chosen yet.</exception>
    public static ComplaintsBuilder OnNRules(this ComplaintsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var chosen = builder.Services.LastOrDefault(d => d.ServiceType == typeof(PackRegistration))?.ImplementationInstance as PackRegistration
            ?? throw new InvalidOperationException("OnNRules runs the chosen packs on NRules, but no pack is chosen yet: call UsePack, UsePackFolder, UsePackFiles or UsePacks first, e.g. AddComplaints().UsePack(\"hospital\").OnNRules().");
        builder.Services.Replace(ServiceDescriptor.Singleton(new PackRegistration(sp => chosen.Packs(sp).Select(p => p.OnNRules()).ToArray())));
        return builder;
    }
}
