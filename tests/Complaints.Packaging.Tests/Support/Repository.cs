using System.Xml.Linq;

namespace Complaints.Packaging.Tests.Support;

/// <summary>The repository these tests run in, and what its build files say the packages should be.</summary>
public static class Repository
{
    /// <summary>The canonical repository URL Directory.Build.props names (a placeholder until published).</summary>
    public const string Url = "https://github.com/complaints-dotnet/complaints";

    /// <summary>The folder holding Complaints.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The library projects in src/, by name: each must become a package.</summary>
    public static IReadOnlyList<string> Libraries { get; } =
        Directory.GetDirectories(Path.Combine(Root, "src"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>VersionPrefix-VersionSuffix from Directory.Build.props: the version a plain pack gives.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The central package versions (Directory.Packages.props), by package id.</summary>
    public static IReadOnlyDictionary<string, string> CentralVersions { get; } =
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    private static string ReadVersion()
    {
        var props = XDocument.Load(Path.Combine(Root, "Directory.Build.props"));
        var prefix = props.Descendants("VersionPrefix").Single().Value.Trim();
        var suffix = props.Descendants("VersionSuffix").SingleOrDefault()?.Value.Trim();
        return string.IsNullOrEmpty(suffix) ? prefix : $"{prefix}-{suffix}";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Complaints.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Complaints.sln not found above the test's output folder.");
    }
}
