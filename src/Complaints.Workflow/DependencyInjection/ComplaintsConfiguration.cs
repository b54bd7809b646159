using System.Text.RegularExpressions;
using Complaints.Workflow;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Health;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.Configuration;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the workflow from configuration: <c>services.AddComplaints(configuration.GetSection("Complaints"))</c>.</summary>
public static class ComplaintsConfigurationExtensions
{
    /// <summary>
    /// Registers the workflow as <see cref="ComplaintsServiceCollectionExtensions.AddComplaints(IServiceCollection)"/> does,
    /// with its settings bound from <paramref name="configuration"/> (an <c>appsettings.json</c> section): the
    /// <see cref="ComplaintsOptions"/> at its root (<c>ReopenWindow</c>, <c>ConflictRetries</c>, <c>StrictCalendarHorizon</c> …);
    /// under <c>DeadlineWorker</c> and <c>OutboxDispatcher</c> the workers' settings, each worker added when its section
    /// is present and its <c>Enabled</c> is not <see langword="false"/>; under <c>HealthChecks</c> the thresholds of
    /// <c>AddComplaintsChecks</c>. Adapters read their own sections from <see cref="ComplaintsBuilder.Configuration"/>
    /// (Complaints.Rules' <c>UsePack(configuration)</c> reads <c>Pack</c>, Complaints.Storage.Sqlite's
    /// <c>UseSqlite(configuration)</c> reads <c>Sqlite</c>). Every options type is validated at host start; a bad value
    /// stops the host naming its configuration key (e.g. <c>Complaints:DeadlineWorker:PollInterval</c>). Changes to
    /// the configuration after start are not applied.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The workflow's section, e.g. <c>builder.Configuration.GetSection("Complaints")</c>.</param>
    /// <returns>A builder to choose the policy and store, whose <see cref="ComplaintsBuilder.Configuration"/> is <paramref name="configuration"/>.</returns>
    public static ComplaintsBuilder AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddComplaints();
        builder.Configuration = configuration;
        services.AddOptions<ComplaintsOptions>().Configure(options => configuration.Get<ComplaintsSettings>()?.ApplyTo(options));
        services.AddSingleton(new ConfiguredAt(typeof(ComplaintsOptions), Path(configuration)));

        var health = configuration.GetSection("HealthChecks");
        services.AddOptions<ComplaintsHealthCheckOptions>().Bind(health);
        services.AddSingleton(new ConfiguredAt(typeof(ComplaintsHealthCheckOptions), health.Path));

        var worker = configuration.GetSection("DeadlineWorker");
        if (Enabled(worker))
        {
            builder.AddDeadlineWorker();
            services.AddOptions<DeadlineWorkerOptions>().Bind(worker);
            services.AddSingleton(new ConfiguredAt(typeof(DeadlineWorkerOptions), worker.Path));
        }

        var dispatcher = configuration.GetSection("OutboxDispatcher");
        if (Enabled(dispatcher))
        {
            builder.AddOutboxDispatcher();
            services.AddOptions<OutboxDispatcherOptions>().Bind(dispatcher);
            services.AddSingleton(new ConfiguredAt(typeof(OutboxDispatcherOptions), dispatcher.Path));
        }

        return builder;
    }

    /// <summary>Whether a worker's section asks for it: present, and <c>Enabled</c> not <see langword="false"/>.</summary>
    private static bool Enabled(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return false;
        }

        var enabled = section["Enabled"];
        return enabled is null || (bool.TryParse(enabled, out var on)
            ? on
            : throw new InvalidOperationException($"The configuration value '{section.Path}:Enabled' is '{enabled}'; set it to true or false."));
    }

    private static string Path(IConfiguration configuration) => configuration is IConfigurationSection section ? section.Path : "";
}

/// <summary>
/// The settings of <see cref="ComplaintsOptions"/> that configuration sets: its simple values (the role sets and
/// permission tables stay code). A POCO the configuration binder's source generator binds, copied onto the options.
/// </summary>
internal sealed class ComplaintsSettings
{
    public TimeSpan? ReopenWindow { get; set; }

    public bool? CalendarWeekdayFallback { get; set; }

    public bool? StrictCalendarHorizon { get; set; }

    public PolicyVersionFallback? PolicyVersionFallback { get; set; }

    public int? ConflictRetries { get; set; }

    public void ApplyTo(ComplaintsOptions options)
    {
        options.ReopenWindow = ReopenWindow ?? options.ReopenWindow;
        options.CalendarWeekdayFallback = CalendarWeekdayFallback ?? options.CalendarWeekdayFallback;
        options.StrictCalendarHorizon = StrictCalendarHorizon ?? options.StrictCalendarHorizon;
        options.PolicyVersionFallback = PolicyVersionFallback ?? options.PolicyVersionFallback;
        options.ConflictRetries = ConflictRetries ?? options.ConflictRetries;
    }
}

/// <summary>Where in configuration an options type was bound from, so its validation names the keys.</summary>
internal sealed record ConfiguredAt(Type OptionsType, string Path)
{
    /// <summary>Adds the configuration key to each problem of the form <c>Type.Setting is …</c> when <typeparamref name="TOptions"/> was bound from configuration.</summary>
    public static IReadOnlyList<string> Keyed<TOptions>(IEnumerable<ConfiguredAt> bound, IReadOnlyList<string> problems)
    {
        if (bound.LastOrDefault(b => b.OptionsType == typeof(TOptions)) is not { } at || problems.Count == 0)
        {
            return problems;
        }

        var prefix = at.Path.Length == 0 ? "" : at.Path + ":";
        return [.. problems.Select(p => Setting().Replace(p, m => $"{m.Groups[1].Value}.{m.Groups[2].Value} (configuration key '{prefix}{m.Groups[2].Value}') is", 1))];
    }

    private static Regex Setting() => SettingPattern;

    private static readonly Regex SettingPattern = new(@"^(\w+)\.(\w+) is", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
