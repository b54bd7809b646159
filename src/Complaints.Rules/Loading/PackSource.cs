namespace Complaints.Rules.Loading;

/// <summary>
/// What a pack was compiled from once composed: its <c>pack.json</c> with every layer merged on, each decision file
/// patched, with includes spliced and word lists spelt out, and the settings its rules read — for
/// <see cref="PolicyPacks.Freeze"/>.
/// </summary>
/// <param name="Manifest">The composed <c>pack.json</c>.</param>
/// <param name="Decisions">The composed decision files by name.</param>
/// <param name="SettingsRead">The settings a rule or the code reads.</param>
internal sealed record PackSource(string Manifest, IReadOnlyDictionary<string, string> Decisions, IReadOnlySet<string> SettingsRead);
