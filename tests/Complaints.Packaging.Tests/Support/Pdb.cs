using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;

namespace Complaints.Packaging.Tests.Support;

/// <summary>What a portable PDB (and the assembly it belongs to) says about sources.</summary>
public sealed record PdbSources(
    Guid PdbGuid,
    Guid AssemblyPdbGuid,
    string? AssemblyPdbPath,
    IReadOnlyDictionary<string, string> SourceLink,
    IReadOnlyList<string> Documents,
    IReadOnlySet<string> EmbeddedDocuments)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    /// <summary>Reads the portable PDB embedded in <paramref name="assembly"/>, and the assembly's debug directory.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no embedded PDB.</exception>
    public static PdbSources ReadEmbedded(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var embedded = pe.ReadDebugDirectory().Where(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToArray();
        if (embedded.Length != 1)
        {
            throw new InvalidOperationException($"Expected one embedded portable PDB in the assembly, found {embedded.Length}.");
        }

        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0]);
        return Read(provider.GetMetadataReader(), pe);
    }

    private static PdbSources Read(MetadataReader reader, PEReader pe)
    {

        var sourceLink = new Dictionary<string, string>(StringComparer.Ordinal);
        var embedded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.CustomDebugInformation)
        {
            var info = reader.GetCustomDebugInformation(handle);
            var kind = reader.GetGuid(info.Kind);
            if (kind == SourceLinkKind)
            {
                using var json = JsonDocument.Parse(Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)));
                foreach (var document in json.RootElement.GetProperty("documents").EnumerateObject())
                {
                    sourceLink[document.Name] = document.Value.GetString()!;
                }
            }
            else if (kind == EmbeddedSourceKind && info.Parent.Kind == HandleKind.Document)
            {
                embedded.Add(reader.GetString(reader.GetDocument((DocumentHandle)info.Parent).Name));
            }
        }

        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToArray();
        var pdbGuid = new Guid(reader.DebugMetadataHeader!.Id.AsSpan(0, 16));

        var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
        var data = pe.ReadCodeViewDebugDirectoryData(codeView);

        return new PdbSources(pdbGuid, data.Guid, data.Path, sourceLink, documents, embedded);
    }
}
