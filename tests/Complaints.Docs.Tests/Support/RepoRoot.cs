namespace Complaints.Docs.Tests.Support;

/// <summary>The repository's root: the nearest folder above the test assembly that holds <c>Complaints.sln</c>.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>The folder of this test project in the source tree (snippets and packs are read from there).</summary>
    public static string TestProject => System.IO.Path.Combine(Path, "tests", "Complaints.Docs.Tests");

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public static string Relative(string path) => System.IO.Path.GetRelativePath(Path, path).Replace('\\', '/');

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Complaints.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Complaints.sln was not found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; run these tests from the repository.");
    }
}
