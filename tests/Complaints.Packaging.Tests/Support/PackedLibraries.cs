namespace Complaints.Packaging.Tests.Support;

/// <summary>
/// The libraries packed once per test run, as a release would: <c>dotnet pack eng/Packages.slnf -c Release</c> with
/// ContinuousIntegrationBuild on, into a fresh temporary folder (deleted after the last test: <see cref="WorkFolderCleanup"/>).
/// </summary>
public sealed class PackedLibraries
{
    private static readonly Lazy<Task<PackedLibraries>> Once = new(PackAsync);

    private PackedLibraries(string workFolder, string packageFolder, CommandRun pack, string commit)
    {
        WorkFolder = workFolder;
        PackageFolder = packageFolder;
        Pack = pack;
        Commit = commit;
    }

    /// <summary>A temporary folder for this run (outside the repository).</summary>
    public string WorkFolder { get; }

    /// <summary>Where the .nupkg files are.</summary>
    public string PackageFolder { get; }

    /// <summary>The pack command's run.</summary>
    public CommandRun Pack { get; }

    /// <summary>The commit the repository is at (what the packages and SourceLink must name).</summary>
    public string Commit { get; }

    /// <summary>The package file of <paramref name="id"/>.</summary>
    public string Package(string id) => Path.Combine(PackageFolder, $"{id}.{Repository.Version}.nupkg");

    /// <summary>
    /// The packed libraries; skips the calling test when COMPLAINTS_SKIP_PACKAGING=1 outside CI (on CI they always run).
    /// </summary>
    public static Task<PackedLibraries> GetAsync()
    {
        SkipLocallyIfAsked();
        return Once.Value;
    }

    /// <summary>Skips the test when COMPLAINTS_SKIP_PACKAGING=1 and CI is not true.</summary>
    public static void SkipLocallyIfAsked()
    {
        if (Environment.GetEnvironmentVariable("COMPLAINTS_SKIP_PACKAGING") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Assert.Skip("Packaging tests skipped: COMPLAINTS_SKIP_PACKAGING=1 (they always run on CI, CI=true).");
        }
    }

    private static async Task<PackedLibraries> PackAsync()
    {
        var work = Directory.CreateTempSubdirectory("complaints-packaging-").FullName;
        WorkFolderCleanup.Register(work);
        var packages = Path.Combine(work, "packages");

        // Read before packing: a commit made during the pack would name another commit than the packages.
        var head = await Dotnet.GitAsync(Repository.Root, "rev-parse", "HEAD");
        if (head.ExitCode != 0)
        {
            throw new InvalidOperationException("git rev-parse HEAD failed. " + head.Describe());
        }

        var pack = await Dotnet.RunAsync(Repository.Root,
        [
            "pack", Path.Combine("eng", "Packages.slnf"), "-c", "Release", "--disable-build-servers", "-nodeReuse:false", "-warnaserror",
            $"-p:PackageOutputPath={packages}{Path.DirectorySeparatorChar}", "-p:ContinuousIntegrationBuild=true",
        ]);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing the libraries failed. " + pack.Describe());
        }

        return new PackedLibraries(work, packages, pack, head.Output.Trim());
    }
}
