using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Complaints.Rules.Loading;

/// <summary>A pack's files by name (<c>pack.json</c>, <c>approval.json</c> …), from embedded resources or a folder.</summary>
internal sealed record PackFiles(string Origin, IReadOnlyDictionary<string, string> Files)
{
    private const string Prefix = "Complaints.Rules.Packs/";

    public static IReadOnlyList<string> BuiltInIds { get; } = typeof(PackFiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith("/pack.json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^"/pack.json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The shared rule files embedded with the packs (<c>Packs/shared/*.json</c>), by include name (<c>shared/complainant-types</c>).</summary>
    public static IReadOnlyDictionary<string, string> Shared { get; } = typeof(PackFiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix + "shared/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .ToDictionary(n => n[Prefix.Length..^".json".Length], n => Read(typeof(PackFiles).Assembly, n), StringComparer.Ordinal);

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// A pack file's JSON (comments and trailing commas allowed), read whole now: a duplicate property or a syntax
    /// error throws here, as a <see cref="JsonException"/>, <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/>.
    /// </summary>
    public static JsonNode? ParseJson(string text)
    {
        var node = JsonNode.Parse(text, documentOptions: DocumentOptions);
        _ = (node as JsonObject)?.Count;
        return node;
    }

    public static PackFiles BuiltIn(string id)
    {
        if (!BuiltInIds.Contains(id, StringComparer.Ordinal))
        {
            throw new ArgumentException($"There is no built-in pack '{id}'{Nearest.Hint(id, BuiltInIds)}. The built-in packs are: {string.Join(", ", BuiltInIds)}.", nameof(id));
        }

        var assembly = typeof(PackFiles).Assembly;
        var prefix = Prefix + id + "/";
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            files[name[prefix.Length..]] = Read(assembly, name);
        }

        if (files.Count == 0)
        {
            throw new ArgumentException($"There is no built-in pack '{id}'. The built-in packs are: {string.Join(", ", BuiltInIds)}.", nameof(id));
        }

        return new PackFiles(id, files);
    }

    public static PackFiles Folder(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The pack folder '{path}' does not exist. Give the folder that holds pack.json and the decision files.");
        }

        var files = Directory.EnumerateFiles(path, "*.json")
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.OrdinalIgnoreCase);
        return new PackFiles(path, files);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
