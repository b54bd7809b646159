using Microsoft.Extensions.Configuration;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Chooses the policy pack from configuration: <c>.UsePack(configuration.GetSection("Complaints:Pack"))</c>.</summary>
public static class PackConfigurationExtensions
{
    /// <summary>
    /// Decides every case with the pack <paramref name="configuration"/> names: <c>Name</c>, a built-in pack
    /// (<c>generic</c>, <c>hospital</c> …), or <c>Folder</c>, a pack folder; <c>Overrides</c>, an optional override
    /// folder. A relative <c>Folder</c> or <c>Overrides</c> resolves against the host's content root
    /// (<c>IHostEnvironment.ContentRootPath</c>) when the host registers one, as the SQLite store's file path does.
    /// Then as <see cref="PolicyPackBuilderExtensions.UsePack"/> / <see cref="PolicyPackBuilderExtensions.UsePackFolder"/>:
    /// the pack is loaded and checked at host start. (A pack embedded in the host's assembly is chosen in code, with
    /// <see cref="PolicyPackBuilderExtensions.UsePackFiles"/>.)
    /// </summary>
    /// <param name="builder">The builder <c>AddComplaints</c> returned.</param>
    /// <param name="configuration">The pack's section, e.g. <c>configuration.GetSection("Complaints:Pack")</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">The section sets neither <c>Name</c> nor <c>Folder</c>, or both; the message names the keys.</exception>
    public static ComplaintsBuilder UsePack(this ComplaintsBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration is IConfigurationSection section ? section.Path + ":" : "";
        var name = configuration["Name"];
        var folder = configuration["Folder"];
        var overrides = configuration["Overrides"] is { Length: > 0 } o ? o : null;
        return (string.IsNullOrWhiteSpace(name), string.IsNullOrWhiteSpace(folder)) switch
        {
            (false, true) => builder.UsePack(name!, overrides),
            (true, false) => builder.UsePackFolder(folder!, overrides),
            (true, true) => throw new InvalidOperationException(
                $"No policy pack is configured: set '{path}Name' to a built-in pack (generic, hospital, tobacco-retail, auto-dealership, food-service) or '{path}Folder' to a pack folder."),
            _ => throw new InvalidOperationException(
                $"Both '{path}Name' ('{name}') and '{path}Folder' ('{folder}') are set; set one: Name for a built-in pack, Folder for a pack folder (with '{path}Overrides' to adjust either)."),
        };
    }
}
