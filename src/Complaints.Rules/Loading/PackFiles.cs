using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.FileProviders;

namespace Complaints.Rules.Loading;

/// <summary>A pack's files by name (<c>pack.json</c>, <c>approval.json</c> …), from this assembly's embedded resources, a folder or an <see cref="IFileProvider"/>; loading reads them alike, wherever they came from.</summary>
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

    /// <summary>The <c>*.json</c> files of the folder <paramref name="path"/> on disk.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static PackFiles Folder(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The pack folder '{path}' does not exist. Give the folder that holds pack.json and the decision files.");
        }

        return Of(path, Directory.EnumerateFiles(path, "*.json").Select(f => (Path.GetFileName(f), (Func<Stream>)(() => File.OpenRead(f)))));
    }

    /// <summary>
    /// The <c>*.json</c> files of the directory <paramref name="path"/> of <paramref name="provider"/> (the provider's
    /// root for an empty path): a host's embedded resources, its content root, any <see cref="IFileProvider"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The provider has no such directory; the message names the path and the directories there are.</exception>
    public static PackFiles Provided(IFileProvider provider, string path)
    {
        var normalized = Normalize(path);
        var contents = provider.GetDirectoryContents("/" + normalized);
        if (contents is not { Exists: true })
        {
            throw new DirectoryNotFoundException(
                $"The pack folder '{normalized}' does not exist in the file provider ({provider.GetType().Name}){Siblings(provider, normalized)}. " +
                "Give the directory of the provider that holds pack.json and the decision files; for a host's embedded resources, check the EmbeddedResource items and <GenerateEmbeddedFilesManifest>true</GenerateEmbeddedFilesManifest> (docs/packs.md, \"Packs from an IFileProvider\").");
        }

        var origin = normalized.Length == 0 ? "/" : normalized;
        return Of(origin, contents.Where(f => !f.IsDirectory && f.Name.EndsWith(".json", StringComparison.Ordinal)).Select(f => (f.Name, (Func<Stream>)f.CreateReadStream)));
    }

    /// <summary>A provider path as the providers read it: <c>/</c>-separated, no leading or trailing separator.</summary>
    private static string Normalize(string path) => path.Replace('\\', '/').Trim('/');

    /// <summary>The directories beside a missing one, to say which were meant.</summary>
    private static string Siblings(IFileProvider provider, string path)
    {
        var slash = path.LastIndexOf('/');
        var (parent, name) = slash < 0 ? ("", path) : (path[..slash], path[(slash + 1)..]);
        var contents = provider.GetDirectoryContents("/" + parent);
        if (contents is not { Exists: true })
        {
            return "";
        }

        var directories = contents.Where(e => e.IsDirectory).Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
        return directories.Length == 0
            ? $"; '{(parent.Length == 0 ? "/" : parent)}' holds no directory"
            : $"{Nearest.Hint(name, directories)}; '{(parent.Length == 0 ? "/" : parent)}' holds {string.Join(", ", directories)}";
    }

    /// <summary>A pack's files by name, each read whole as text (UTF-8 unless a byte-order mark says otherwise).</summary>
    private static PackFiles Of(string origin, IEnumerable<(string Name, Func<Stream> Open)> files) =>
        new(origin, files.ToDictionary(f => f.Name, f => Read(f.Open()), StringComparer.OrdinalIgnoreCase));

    private static string Read(Assembly assembly, string name) => Read(assembly.GetManifestResourceStream(name)!);

    private static string Read(Stream stream)
    {
        using (stream)
        {
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
