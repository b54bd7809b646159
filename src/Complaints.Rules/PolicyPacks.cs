using Complaints.Rules.Evaluation;
using Complaints.Rules.Loading;
using Microsoft.Extensions.FileProviders;

namespace Complaints.Rules;

/// <summary>
/// Loads policy packs: the built-in ones (embedded in this assembly), a folder on disk, or a directory of an
/// <see cref="IFileProvider"/> (a host's embedded resources, its content root …), optionally with an override folder
/// (on disk or in a provider). Wherever the files come from, they are composed, checked and compiled alike.
/// </summary>
public static class PolicyPacks
{
    /// <summary>The ids of the built-in packs: <c>generic</c>, <c>hospital</c>, <c>tobacco-retail</c>, <c>auto-dealership</c>, <c>food-service</c>.</summary>
    public static IReadOnlyList<string> BuiltIn => PackFiles.BuiltInIds;

    /// <summary>Loads a built-in pack, validating and compiling every rule now rather than at the first complaint.</summary>
    /// <param name="id">The pack id, one of <see cref="BuiltIn"/>.</param>
    /// <param name="overrideFolder">
    /// A folder whose files change the pack's: a <c>pack.json</c> holding only what changes (merged onto the
    /// pack's: roles, departments and attributes by id, settings and word lists by name, categories added; every name
    /// must be the pack's, a new one is written with a leading <c>+</c>), and/or decision files such as
    /// <c>approval.json</c>, each a whole workflow replacing the pack's or a patch file (<c>"Patch"</c>: add, replace
    /// or remove rules by name). The result's version is the override's <c>version</c>, or the pack's with a
    /// <c>+custom.&lt;hash&gt;</c> suffix (a hash of the override's files, wherever they are read from). A folder on
    /// disk; with <paramref name="overrideFiles"/>, a directory of that provider (its root when <see langword="null"/>).
    /// </param>
    /// <param name="overrideFiles">The file provider the override folder is read from; <see langword="null"/> for the disk.</param>
    /// <returns>The compiled pack.</returns>
    /// <exception cref="ArgumentException">There is no such built-in pack.</exception>
    /// <exception cref="DirectoryNotFoundException">The override folder does not exist (on disk or in <paramref name="overrideFiles"/>); the message names it.</exception>
    /// <exception cref="PolicyPackException">The pack (or the override) has problems; all are listed.</exception>
    public static PolicyPack LoadBuiltIn(string id, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Load(PackFiles.BuiltIn(id), Overrides(overrideFolder, overrideFiles));
    }

    /// <summary>
    /// Loads a pack from a folder holding <c>pack.json</c> and one file per decision point; or a pack whose
    /// <c>pack.json</c> says <c>"extends": "hospital@1"</c>, composed from that built-in pack with the folder's
    /// changes (its <c>pack.json</c> holding only what changes, decision files as whole workflows or patch files).
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="overrideFolder">An override folder, as for <see cref="LoadBuiltIn"/>.</param>
    /// <param name="overrideFiles">The file provider the override folder is read from, as for <see cref="LoadBuiltIn"/>.</param>
    /// <returns>The compiled pack.</returns>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    /// <exception cref="PolicyPackException">The pack has problems; all are listed.</exception>
    public static PolicyPack LoadFolder(string folder, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return Load(PackFiles.Folder(folder), Overrides(overrideFolder, overrideFiles));
    }

    /// <summary>
    /// Loads a pack from the directory <paramref name="folder"/> of <paramref name="files"/>, as <see cref="LoadFolder"/>
    /// loads one from disk: the same files (<c>pack.json</c> and the decision files; only the directory's own
    /// <c>*.json</c> files are read), the same checks, the same pack. For a pack shipped inside a host's assembly, pass
    /// a <c>ManifestEmbeddedFileProvider</c> (Microsoft.Extensions.FileProviders.Embedded), which keeps the folders and
    /// file names as they are in the project (docs/packs.md, "Packs from an IFileProvider").
    /// </summary>
    /// <param name="files">The file provider, e.g. <c>new ManifestEmbeddedFileProvider(typeof(Program).Assembly)</c> or <c>IHostEnvironment.ContentRootFileProvider</c>.</param>
    /// <param name="folder">The pack's directory in <paramref name="files"/>, <c>/</c>-separated (e.g. <c>Packs/my-hospital</c>); empty for the provider's root.</param>
    /// <param name="overrideFolder">An override folder, as for <see cref="LoadBuiltIn"/>: on disk, or in <paramref name="overrideFiles"/>.</param>
    /// <param name="overrideFiles">The file provider the override folder is read from (which may be <paramref name="files"/>); <see langword="null"/> for the disk.</param>
    /// <returns>The compiled pack.</returns>
    /// <exception cref="DirectoryNotFoundException">The provider has no directory <paramref name="folder"/> (the message names it, and the directories beside it), or the override folder does not exist.</exception>
    /// <exception cref="PolicyPackException">The pack has problems (a missing <c>pack.json</c> or decision file among them); all are listed.</exception>
    public static PolicyPack LoadFiles(IFileProvider files, string folder, string? overrideFolder = null, IFileProvider? overrideFiles = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(folder);
        return Load(PackFiles.Provided(files, folder), Overrides(overrideFolder, overrideFiles));
    }

    /// <summary>
    /// The text of a built-in pack's file (its README.md, pack.json or a decision file) as written, for documentation
    /// and tools; with <paramref name="id"/> <c>shared</c>, a shared rule file that packs include, e.g.
    /// <c>ReadBuiltInFile("shared", "complainant-types.json")</c> for <c>{ "Include": "shared/complainant-types" }</c>.
    /// </summary>
    /// <param name="id">The pack id, or <c>shared</c>.</param>
    /// <param name="file">The file name.</param>
    /// <returns>The text.</returns>
    public static string ReadBuiltInFile(string id, string file)
    {
        if (id == "shared")
        {
            return PackFiles.Shared.TryGetValue("shared/" + Path.GetFileNameWithoutExtension(file), out var shared) && file.EndsWith(".json", StringComparison.Ordinal)
                ? shared
                : throw new ArgumentException($"There is no shared rule file '{file}'; there are {string.Join(", ", PackFiles.Shared.Keys.Select(k => k["shared/".Length..] + ".json").Order(StringComparer.Ordinal))}.", nameof(file));
        }

        var files = PackFiles.BuiltIn(id).Files;
        return files.TryGetValue(file, out var text)
            ? text
            : throw new ArgumentException($"Built-in pack '{id}' has no file '{file}'; it has {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}.", nameof(file));
    }

    /// <summary>
    /// Writes <paramref name="pack"/> as it was composed into <paramref name="folder"/>, as a plain folder pack of the
    /// same id and version: its <c>pack.json</c> with every layer merged on (no <c>extends</c>, and without the settings
    /// no rule reads), each decision file patched, with includes spliced and word lists spelt out. Loaded with
    /// <see cref="LoadFolder"/>, it decides exactly as <paramref name="pack"/> does, whatever later versions of a base
    /// pack or of the shared files say: keep it to go on deciding the cases opened under this version after an upgrade
    /// (<c>PolicyCatalog.LoadForExistingCases</c>).
    /// </summary>
    /// <param name="pack">A pack loaded by <see cref="LoadBuiltIn"/> or <see cref="LoadFolder"/>.</param>
    /// <param name="folder">A folder that does not exist or is empty.</param>
    /// <exception cref="IOException"><paramref name="folder"/> already holds files.</exception>
    public static void Freeze(PolicyPack pack, string folder)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var source = pack.Source ?? throw new ArgumentException($"Pack {pack.Identity} was not loaded by PolicyPacks, so what it was composed from is not known.", nameof(pack));
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"The folder '{folder}' is not empty; freeze pack {pack.Identity} into a new or empty folder, so that no other file is taken for part of it.");
        }

        var manifest = (System.Text.Json.Nodes.JsonObject)PackFiles.ParseJson(source.Manifest)!;
        var extends = manifest.FirstOrDefault(p => string.Equals(p.Key, "extends", StringComparison.OrdinalIgnoreCase));
        if (extends.Key is not null)
        {
            manifest.Remove(extends.Key);
        }

        // A base setting whose only reader an extension removed is inert there; in a plain pack it would be an error.
        if (manifest.FirstOrDefault(p => string.Equals(p.Key, "settings", StringComparison.OrdinalIgnoreCase)).Value is System.Text.Json.Nodes.JsonObject settings)
        {
            foreach (var name in settings.Select(p => p.Key).Where(n => !source.SettingsRead.Contains(n)).ToArray())
            {
                settings.Remove(name);
            }
        }

        Directory.CreateDirectory(folder);
        var from = extends.Value is null ? "" : $" (extends {extends.Value.GetValue<string>()})";
        File.WriteAllText(Path.Combine(folder, ManifestLoader.FileName),
            $"// {pack.Identity.Id} {pack.Identity.Version}{from}, frozen by PolicyPacks.Freeze: every layer, patch, include and word list applied.\n" +
            manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        foreach (var (file, text) in source.Decisions)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }
    }

    /// <summary>The override layer: a directory of <paramref name="files"/> (its root without a folder), else a folder on disk, else none.</summary>
    private static PackFiles? Overrides(string? folder, IFileProvider? files) =>
        files is not null ? PackFiles.Provided(files, folder ?? "")
        : folder is not null ? PackFiles.Folder(folder)
        : null;

    private static PolicyPack Load(PackFiles pack, PackFiles? overrides)
    {
        var problems = new List<PackProblem>();
        var composed = PackComposer.Compose(pack, overrides, problems);
        if (composed.Abandoned)
        {
            throw new PolicyPackException(problems);
        }

        // A pack.json that cannot be read does not stop the decision files from being checked: every problem of every file is reported at once.
        var manifest = ManifestLoader.Load(composed, problems);
        var origin = manifest?.Id ?? pack.Origin;
        var workflows = new Dictionary<DecisionPoint, CompiledWorkflow>();
        var settingsRead = new HashSet<string>(PolicyPack.SettingsReadByCode, StringComparer.Ordinal);
        var unreadable = false;
        var words = new Facts.WordIndex();
        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            var file = WorkflowCompiler.FileName(point);
            string? text = null;
            var from = origin;
            if (composed.Decisions.TryGetValue(file, out var decision))
            {
                (text, from) = (decision.Text, origin + decision.Suffix);
            }

            if (text is null && point == DecisionPoint.Notices)
            {
                // Optional: a pack written before notices existed says nothing, and sends the workflow's own notifications only.
                text = """{ "WorkflowName": "notices", "Rules": [] }""";
            }

            if (text is null)
            {
                problems.Add(new PackProblem(origin, file, null, $"is missing; a pack needs one workflow per decision point ({string.Join(", ", Enum.GetValues<DecisionPoint>().Where(p => p != DecisionPoint.Notices).Select(WorkflowCompiler.FileName))}; notices.json is optional). An empty one is {{ \"WorkflowName\": \"{Facts.Names.Of(point)}\", \"Rules\": [] }}."));
                continue;
            }

            if (WorkflowCompiler.Compile(point, from, text, manifest, problems, settingsRead, words) is { } compiled)
            {
                workflows[point] = compiled;
            }
            else
            {
                unreadable = true;
            }
        }

        // A setting no rule reads drives nothing: changing it would change nothing, which is worse than an error.
        // (Not checked when a decision file could not be read at all: its rules' reads are unknown.) Under an override
        // or an extension, the settings it sets are checked; a base setting whose only reader it replaced is left inert.
        if (manifest is not null && !unreadable)
        {
            var checkedNames = composed.SettingsToCheck ?? manifest.Settings.Keys;
            foreach (var name in checkedNames.Where(n => manifest.Settings.ContainsKey(n) && !settingsRead.Contains(n)))
            {
                problems.Add(new PackProblem(origin, ManifestLoader.FileName, null,
                    $"setting '{name}' drives nothing: no rule reads it with pack.Setting(\"{name}\") or \"settings.{name}\" in an output. Use it in a rule or remove it."));
            }
        }

        var known = Enum.GetValues<DecisionPoint>().Select(WorkflowCompiler.FileName).Append(ManifestLoader.FileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var stray in pack.Files.Keys.Concat(overrides?.Files.Keys ?? []).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !known.Contains(f)))
        {
            problems.Add(new PackProblem(origin, stray, null, "is not a decision point file; rename it to one of the decision points or remove it."));
        }

        if (problems.Count > 0 || manifest is null)
        {
            throw new PolicyPackException(problems);
        }

        var source = new PackSource(
            composed.Manifest!.ToJsonString(),
            composed.Decisions.ToDictionary(d => d.Key, d => d.Value.Text, StringComparer.OrdinalIgnoreCase),
            settingsRead);
        return new PolicyPack(manifest, workflows) { Source = source };
    }
}
