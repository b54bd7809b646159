using System.Text.RegularExpressions;
using Complaints;
using Complaints.Rules.Loading;
using Complaints.Rules.NRules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// The settings of C# rules on NRules from configuration:
/// <c>.UsePack("auto-dealership").WithNRules(configuration.GetSection("Complaints:NRules"), o => o.RulesFrom(typeof(MyRule).Assembly))</c>.
/// </summary>
public static class NRulesConfigurationExtensions
{
    /// <summary>
    /// Decides every case with C# rules alone, as <see cref="NRulesComplaintsBuilderExtensions.UseNRules(ComplaintsBuilder, Action{NRulesPolicyOptions})"/>
    /// does, with the <see cref="NRulesPolicyOptions"/> that configuration can say bound from <paramref name="configuration"/>:
    /// <c>Id</c> and <c>Version</c> (the <see cref="NRulesPolicyOptions.Identity"/>), <c>CalendarName</c>, and under
    /// <c>Settings</c> the <see cref="PolicySettings"/> the rules read (<c>Currency</c>, <c>Numbers</c>,
    /// <c>ApprovalLimits</c>, <c>Ladder</c>, <c>DefaultCategory</c>, <c>DefaultTier</c>, <c>DefaultDepartment</c>,
    /// <c>DefaultHandlerRole</c>). The rules themselves are code: <paramref name="configure"/> adds them, after the binding
    /// (so it sees, and may change, what configuration set). Bound and checked when the policy is made, at host start:
    /// a bad value stops the host with an <see cref="OptionsValidationException"/> naming its configuration key.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>.</param>
    /// <param name="configuration">The rules' section, e.g. <c>configuration.GetSection("Complaints:NRules")</c>.</param>
    /// <param name="configure">Adds the rules (<see cref="NRulesPolicyOptions.RulesFrom"/>, <see cref="NRulesPolicyOptions.Rules"/>).</param>
    /// <returns>The builder.</returns>
    public static ComplaintsBuilder UseNRules(this ComplaintsBuilder builder, IConfiguration configuration, Action<NRulesPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.UseNRules(Bound(configuration, configure));
    }

    /// <summary>
    /// Refines the policies chosen before with C# rules, as <see cref="NRulesComplaintsBuilderExtensions.WithNRules(ComplaintsBuilder, Action{NRulesPolicyOptions})"/>
    /// does, with the options bound from <paramref name="configuration"/> as <see cref="UseNRules(ComplaintsBuilder, IConfiguration, Action{NRulesPolicyOptions})"/>
    /// says. Without a <c>Settings</c> section the rules read each pack's settings; with one, the section's settings
    /// replace them whole (as <see cref="NRulesPolicyOptions.Settings"/> does), so give the ladder and limits the rules need.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaints</c>, after a policy is chosen.</param>
    /// <param name="configuration">The rules' section, e.g. <c>configuration.GetSection("Complaints:NRules")</c>.</param>
    /// <param name="configure">Adds the rules.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No policy was chosen before.</exception>
    public static ComplaintsBuilder WithNRules(this ComplaintsBuilder builder, IConfiguration configuration, Action<NRulesPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.WithNRules(Bound(configuration, configure));
    }

    /// <summary>Binds <paramref name="configuration"/> onto the options (checked, naming the keys), then runs <paramref name="configure"/>.</summary>
    private static Action<NRulesPolicyOptions> Bound(IConfiguration configuration, Action<NRulesPolicyOptions> configure) => options =>
    {
        NRulesSettings.Read(configuration).ApplyTo(options);
        configure(options);
    };
}

/// <summary>
/// What configuration says of <see cref="NRulesPolicyOptions"/>: a POCO the configuration binder's source generator
/// binds (no reflection over the options), checked, then copied onto the options.
/// </summary>
internal sealed partial class NRulesSettings
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? CalendarName { get; set; }

    public string? Culture { get; set; }

    public SettingsSection? Settings { get; set; }

    /// <summary>The <c>Settings</c> section: <see cref="PolicySettings"/> as configuration writes it.</summary>
    internal sealed class SettingsSection
    {
        public string? Currency { get; set; }

        public Dictionary<string, decimal> Numbers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, decimal> ApprovalLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Ladder { get; set; } = [];

        public string? DefaultCategory { get; set; }

        public string? DefaultTier { get; set; }

        public string? DefaultDepartment { get; set; }

        public string? DefaultHandlerRole { get; set; }
    }

    private string _path = "";

    /// <summary>The section bound and checked.</summary>
    /// <exception cref="OptionsValidationException">A value does not convert or is out of range; each failure names its configuration key.</exception>
    public static NRulesSettings Read(IConfiguration configuration)
    {
        var path = configuration is IConfigurationSection section ? section.Path : "";
        NRulesSettings bound;
        try
        {
            bound = configuration.Get<NRulesSettings>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            // The binder's own message names the key and the value ("Failed to convert configuration value at '…:Numbers:x' …").
            throw new OptionsValidationException(path, typeof(NRulesPolicyOptions), [$"{e.Message} Correct the value in configuration."]);
        }

        bound._path = path;
        var failures = bound.Problems();
        return failures.Count == 0 ? bound : throw new OptionsValidationException(path, typeof(NRulesPolicyOptions), failures);
    }

    private string Key(string setting) => _path.Length == 0 ? setting : $"{_path}:{setting}";

    private string Described(string option, string setting) => $"NRulesPolicyOptions.{option} (configuration key '{Key(setting)}')";

    private List<string> Problems()
    {
        var failures = new List<string>();
        foreach (var (setting, value, pattern) in new[] { ("Id", Id, "my-rules"), ("Version", Version, "1.0.0") })
        {
            if (value is not null && !Token().IsMatch(value))
            {
                failures.Add($"{Described("Identity", setting)} is '{value}'; write letters, digits, '.' and '-' only, e.g. \"{pattern}\" (it becomes part of the version recorded on cases).");
            }
        }

        if (CalendarName is { } calendar && string.IsNullOrWhiteSpace(calendar))
        {
            failures.Add($"{Described("CalendarName", "CalendarName")} is empty; name a registered business calendar (cn, weekdays …) or leave the key out.");
        }

        if (Culture is { } culture && !CultureTags.IsValid(culture))
        {
            failures.Add($"{Described("Culture", "Culture")} is '{culture}'; use a BCP 47 tag such as zh-CN or en, or leave the key out for the host's default.");
        }

        if (Settings is not { } s)
        {
            return failures;
        }

        if (s.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            failures.Add($"{Described("Settings.Currency", "Settings:Currency")} is '{currency}'; use an ISO 4217 code such as CNY.");
        }

        foreach (var (role, limit) in s.ApprovalLimits.Where(l => l.Value < 0))
        {
            failures.Add($"{Described("Settings.ApprovalLimits", $"Settings:ApprovalLimits:{role}")} is {limit}; an approval limit is zero or more.");
        }

        foreach (var twice in s.Ladder.GroupBy(r => r, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"{Described("Settings.Ladder", "Settings:Ladder")} names '{twice.Key}' twice; list each role once, lowest authority first.");
        }

        if (s.DefaultTier is { } tier && !TryTier(tier, out _))
        {
            var tiers = Enum.GetNames<Severity>();
            failures.Add($"{Described("Settings.DefaultTier", "Settings:DefaultTier")} is '{tier}'{Nearest.Hint(tier, tiers)}; use one of {string.Join(", ", tiers)}.");
        }

        foreach (var (setting, value) in new[] { ("DefaultCategory", s.DefaultCategory), ("DefaultDepartment", s.DefaultDepartment), ("DefaultHandlerRole", s.DefaultHandlerRole) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{Described($"Settings.{setting}", $"Settings:{setting}")} is empty; give a value or leave the key out for the default.");
            }
        }

        return failures;
    }

    private static bool TryTier(string text, out Severity tier) =>
        Enum.TryParse(text, ignoreCase: true, out tier) && Enum.IsDefined(tier) && !char.IsAsciiDigit(text.TrimStart()[0]);

    /// <summary>Copies what configuration set onto <paramref name="options"/>, leaving the rest as it is.</summary>
    public void ApplyTo(NRulesPolicyOptions options)
    {
        if (Id is not null || Version is not null)
        {
            options.Identity = new(Id ?? options.Identity.Id, Version ?? options.Identity.Version);
        }

        options.CalendarName = CalendarName ?? options.CalendarName;
        options.Culture = Culture ?? options.Culture;
        if (Settings is { } s)
        {
            var defaults = PolicySettings.Empty;
            options.Settings = new PolicySettings
            {
                Currency = s.Currency ?? defaults.Currency,
                Numbers = s.Numbers,
                ApprovalLimits = s.ApprovalLimits,
                Ladder = s.Ladder,
                DefaultCategory = s.DefaultCategory ?? defaults.DefaultCategory,
                DefaultTier = s.DefaultTier is { } tier && TryTier(tier, out var parsed) ? parsed : defaults.DefaultTier,
                DefaultDepartment = s.DefaultDepartment ?? defaults.DefaultDepartment,
                DefaultHandlerRole = s.DefaultHandlerRole ?? defaults.DefaultHandlerRole,
            };
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]*$")]
    private static partial Regex Token();
}
