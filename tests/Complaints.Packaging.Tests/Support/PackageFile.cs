using System.IO.Compression;
using System.Xml.Linq;

namespace Complaints.Packaging.Tests.Support;

/// <summary>A .nupkg or .snupkg read into memory: its entries and its nuspec.</summary>
public sealed class PackageFile
{
    private readonly Dictionary<string, byte[]> _entries;

    private PackageFile(string path, Dictionary<string, byte[]> entries)
    {
        Path = path;
        _entries = entries;
        var nuspec = entries.Single(e => !e.Key.Contains('/', StringComparison.Ordinal) && e.Key.EndsWith(".nuspec", StringComparison.Ordinal));
        Nuspec = XDocument.Load(new MemoryStream(nuspec.Value));
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The entry names, OPC bookkeeping included.</summary>
    public IReadOnlyCollection<string> Entries => _entries.Keys;

    /// <summary>The nuspec.</summary>
    public XDocument Nuspec { get; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static PackageFile Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.Add(entry.FullName, copy.ToArray());
        }

        return new PackageFile(path, entries);
    }

    /// <summary>The bytes of <paramref name="entry"/>; fails naming the entries there are.</summary>
    public byte[] Bytes(string entry) =>
        _entries.TryGetValue(entry, out var bytes)
            ? bytes
            : throw new Xunit.Sdk.XunitException($"{System.IO.Path.GetFileName(Path)} has no {entry}; it has: {string.Join(", ", _entries.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>The text of <paramref name="entry"/> (UTF-8).</summary>
    public string Text(string entry) => System.Text.Encoding.UTF8.GetString(Bytes(entry)).TrimStart('\uFEFF');

    /// <summary>The nuspec metadata element named <paramref name="name"/>, or null.</summary>
    public XElement? Metadata(string name) =>
        Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name);

    /// <summary>The dependencies of the net10.0 group: id to version.</summary>
    public IReadOnlyDictionary<string, string> Dependencies =>
        Metadata("dependencies")!.Elements().Single(g => g.Name.LocalName == "group" && (string?)g.Attribute("targetFramework") == "net10.0")
            .Elements().Where(d => d.Name.LocalName == "dependency")
            .ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!, StringComparer.OrdinalIgnoreCase);
}
